// Differential test on damaged inputs: real interface files and the real vnode operation list
// with lines deleted, duplicated, swapped, truncated, inserted or altered (seeded, so every run
// tries the same mutants). Whatever FreeBSD's awk makes of a mutant, the project must agree:
// the same bytes when the script succeeds, a diagnostic when it fails or never finishes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import {
  emitInterfaceFiles,
  emitVnodeHeaders,
  emitVnodeSource,
  kobjDialectFor,
  parseInterfaceFile,
  parseVnodeOps,
  vnodeDialectFor,
} from "../../src/kobj/index.js";
import { describeWith, needCommand, needTree, repoRoot, sysTree } from "../support/environment.js";
import { freebsdAwk, runAwk } from "./support/awk.js";

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const insertions = [
  "METHOD int extra { device_t dev; };",
  "STATICMETHOD void * extra2 {",
  "}",
  "};",
  "} DEFAULT extra_default;",
  "CODE {",
  "HEADER {",
  "PROLOG {",
  "SINGLETON",
  "/** an inserted doc comment */",
  "/**",
  "INTERFACE other;",
  "# a comment",
  "#include <sys/extra.h>",
  "garbage here",
  "\tdevice_t extra_param;",
  "\tIN struct vnode *extra_vp;",
  "\tOUT WILLRELE struct vnode **extra_vpp;",
  "%% extra\tvp\tL L L",
  "%! extra\tpre\textra_pre",
  "vop_extra {",
  "",
];
const damage = [" ", "\t", ";", "{", "}", "*", "#", "/", "x", ""];

function mutate(text: string, random: () => number): string {
  const lines = text.split("\n");
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const i = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[i]!);
      break;
    case 2:
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      break;
    case 3:
      lines.length = i;
      break;
    case 4:
      lines.splice(i, 0, pick(insertions));
      break;
    default: {
      const line = lines[i]!;
      const at = Math.floor(random() * (line.length + 1));
      lines[i] = line.slice(0, at) + pick(damage) + line.slice(at + 1);
    }
  }
  return lines.join("\n");
}

function ours(generate: () => Map<string, string>): Map<string, string> | DiagnosticError {
  try {
    return generate();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
}

const fixture = (path: string) => join(repoRoot, "fixtures", "kobj", path);
/** Sources relative to the 13.0 tree, or fixtures (absolute). */
const subjects = [
  { source: "kern/device_if.m", mutants: 40, seed: 1 },
  { source: "kern/bus_if.m", mutants: 40, seed: 2 },
  { source: "kern/vnode_if.src", mutants: 50, seed: 3 },
  { source: fixture("interfaces/corners.m"), mutants: 30, seed: 4 },
  { source: fixture("vnode/corners.src"), mutants: 30, seed: 5 },
];

describeWith(
  [needTree("13.0"), needCommand(freebsdAwk, "apt-get install -y original-awk")],
  "damaged inputs: the project agrees with FreeBSD's awk",
  () => {
    const sys = sysTree("13.0");
    const dir = mkdtempSync(join(tmpdir(), "kobj-mutants-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    for (const subject of subjects) {
      it(`${subject.mutants} mutants of ${subject.source.replace(repoRoot + "/", "")}`, () => {
        const original = readFileSync(
          isAbsolute(subject.source) ? subject.source : join(sys, subject.source),
          "utf8",
        );
        const random = seeded(subject.seed);
        const isInterface = subject.source.endsWith(".m");
        const outcomes = { same: 0, rejected: 0, hangs: 0 };
        for (let n = 0; n < subject.mutants; n++) {
          let text = mutate(original, random);
          if (random() < 0.5) text = mutate(text, random);
          const path = join(dir, isInterface ? `mutant${n}_if.m` : `mutant${n}.src`);
          writeFileSync(path, text);
          const script = join(sys, "tools", isInterface ? "makeobjops.awk" : "vnode_if.awk");
          const modes = isInterface ? ["-h", "-c"] : ["-h", "-p", "-q", "-c"];
          const invocation = { awk: freebsdAwk, script, source: path, modes };
          let awk = runAwk({ ...invocation, timeoutMs: 500 });
          const result = ours(() => {
            if (isInterface) {
              const dialect = kobjDialectFor(sys);
              return emitInterfaceFiles(parseInterfaceFile(text, path, dialect).file, dialect);
            }
            const dialect = vnodeDialectFor(sys);
            const ops = parseVnodeOps(text, path, dialect);
            return new Map([
              ...emitVnodeHeaders(ops, dialect),
              ["vnode_if.c", emitVnodeSource(ops, dialect)],
            ]);
          });
          // A busy machine must not pass for a hang: confirm one we disagree with, patiently.
          if (awk.timedOut && !(result instanceof DiagnosticError))
            awk = runAwk({ ...invocation, timeoutMs: 15_000 });
          const label = `mutant ${n} of ${subject.source} (awk ${awk.timedOut ? "hangs" : `exits ${awk.status}`})`;
          if (awk.timedOut || awk.status !== 0) {
            expect(result instanceof DiagnosticError, label).toBe(true);
            outcomes[awk.timedOut ? "hangs" : "rejected"]++;
          } else {
            if (result instanceof DiagnosticError) expect.fail(`${label}: ${result.message}`);
            for (const [name, content] of awk.files) {
              expect((result as Map<string, string>).get(name), `${label}: ${name}`).toBe(content);
            }
            outcomes.same++;
          }
        }
        // The mutants must exercise both sides, or the comparison says little.
        expect(outcomes.same).toBeGreaterThan(0);
        expect(outcomes.rejected + outcomes.hangs).toBeGreaterThan(0);
      });
    }
  },
);
