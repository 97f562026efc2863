// Fixture inputs for the corner cases of both languages, run through each tree's own scripts
// (the oracle) and through the project; valid inputs must match byte for byte in every mode,
// and a tree whose scripts reject an input must be rejected here too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
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
import {
  describeWith,
  freebsdVersions,
  needCommand,
  needTree,
  repoRoot,
  sysTree,
  type FreeBSDRelease,
} from "../support/environment.js";
import { freebsdAwk, machineAwk, runAwk, withRegistrationSorted } from "./support/awk.js";

const fixtureDir = join(repoRoot, "fixtures", "kobj");

interface Fixture {
  path: string;
  text: string;
  /** Trees whose scripts accept the input. */
  dialects: string[];
}

function fixtures(sub: string): Fixture[] {
  const dir = join(fixtureDir, sub);
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const text = readFileSync(path, "utf8");
      const dialects = /^# dialects: (.*)$/m.exec(text)?.[1]?.split(/\s+/) ?? [];
      return { path, text, dialects };
    });
}

/** Our output for a fixture under a tree's conventions, by file name, or the error we give. */
function generate(fixture: Fixture, sys: string): Map<string, string> {
  if (fixture.path.endsWith(".m")) {
    const dialect = kobjDialectFor(sys);
    return emitInterfaceFiles(
      parseInterfaceFile(fixture.text, fixture.path, dialect).file,
      dialect,
    );
  }
  const dialect = vnodeDialectFor(sys);
  const ops = parseVnodeOps(fixture.text, fixture.path, dialect);
  return new Map([
    ...emitVnodeHeaders(ops, dialect),
    ["vnode_if.c", emitVnodeSource(ops, dialect)],
  ]);
}

function runScripts(awk: string, fixture: Fixture, sys: string) {
  const isInterface = fixture.path.endsWith(".m");
  const script = join(sys, "tools", isInterface ? "makeobjops.awk" : "vnode_if.awk");
  const modes = isInterface ? [["-h"], ["-c"]] : [["-h"], ["-p"], ["-q"], ["-c"]];
  return modes.map((m) => runAwk({ awk, script, source: fixture.path, modes: m }));
}

const oracles = [
  { awk: freebsdAwk, hint: "apt-get install -y original-awk", exactOrder: true },
  { awk: machineAwk, hint: "the machine's awk", exactOrder: false },
];

for (const release of freebsdVersions) {
  for (const oracle of oracles) {
    describeWith(
      [needTree(release), needCommand(oracle.awk, oracle.hint)],
      `fixtures through the ${release} scripts under ${oracle.awk}`,
      () => {
        const sys = sysTree(release);
        for (const fixture of [...fixtures("interfaces"), ...fixtures("vnode")]) {
          const name = fixture.path.slice(fixtureDir.length + 1);
          if (fixture.dialects.includes(release)) {
            it(`${name}: same output in every mode`, () => {
              const ours = generate(fixture, sys);
              for (const run of runScripts(oracle.awk, fixture, sys)) {
                expect(run.status, run.stderr).toBe(0);
                for (const [file, text] of run.files) {
                  // Only the enumeration order of one loop depends on the awk (see
                  // withRegistrationSorted); FreeBSD's awk must match exactly.
                  const normalize =
                    oracle.exactOrder || file !== "vnode_if.c"
                      ? (s: string) => s
                      : withRegistrationSorted;
                  expect(normalize(ours.get(file) ?? "<missing>"), `${file} differs`).toBe(
                    normalize(text),
                  );
                }
              }
            });
          } else {
            it(`${name}: rejected, as the ${release} scripts reject it`, () => {
              for (const run of runScripts(oracle.awk, fixture, sys))
                expect(run.status).not.toBe(0);
              expect(() => generate(fixture, sys)).toThrow(DiagnosticError);
            });
          }
        }
      },
    );
  }
}

const release13: FreeBSDRelease = "13.0";
describeWith(
  [needTree(release13), needCommand(freebsdAwk, "apt-get install -y original-awk")],
  "warnings",
  () => {
    it("INTERFACE without a semicolon warns, as the script does, and still generates", () => {
      const fixture = fixtures("interfaces").find((f) => f.path.endsWith("no-semicolon.m"))!;
      const sys = sysTree(release13);
      const [header] = runScripts(freebsdAwk, fixture, sys);
      expect(header!.stderr).toMatch(/Semicolon missing/);
      const parsed = parseInterfaceFile(fixture.text, fixture.path, kobjDialectFor(sys));
      expect(parsed.warnings.map((w) => [w.location?.line, w.severity])).toEqual([[3, "warning"]]);
    });
  },
);
