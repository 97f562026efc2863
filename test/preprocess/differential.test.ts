// Differential test: seeded random macro programs (object- and function-like macros that
// mention each other and themselves, '#', '##', __VA_ARGS__, __VA_OPT__, nested and partial
// invocations) through the engine and through clang -E. Either both succeed with the same
// tokens, or both refuse the program.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { preprocess, renderPreprocessed } from "../../src/preprocess/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { baseFlags, clang, defaultTarget } from "./support/clang-oracle.js";
import { diskFiles } from "./support/run-engine.js";
import { spellings } from "../support/preprocessed-tokens.js";

/** mulberry32: a small deterministic generator, so every run tests the same programs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface MacroShape {
  name: string;
  params: string[] | null;
  variadic: boolean;
}

function program(seed: number): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const names = ["A", "B", "C", "D", "E"];
  const shapes: MacroShape[] = names.map((name) => {
    const kind = rnd();
    if (kind < 0.3) return { name, params: null, variadic: false };
    const count = Math.floor(rnd() * 3);
    const params = ["x", "y", "z"].slice(0, count);
    return { name, params, variadic: rnd() < 0.35 };
  });
  const atoms = ["1", "2", "foo", "bar", "+", "-", "*", ",", "(", ")", "name", "0x1", "'c'", '"s"'];
  const lines: string[] = [];
  for (const m of shapes) {
    const params = m.params ? [...m.params, ...(m.variadic ? ["..."] : [])] : null;
    const usable = [...(m.params ?? []), ...(m.variadic ? ["__VA_ARGS__"] : [])];
    const body: string[] = [];
    const length = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < length; k++) {
      const r = rnd();
      if (r < 0.25 && usable.length > 0) body.push(pick(usable));
      else if (r < 0.45) body.push(pick(names));
      else if (r < 0.52 && usable.length > 0) body.push(`#${pick(usable)}`);
      else if (r < 0.62 && body.length > 0)
        body.push(`## ${pick([...usable, "q", "1", ...names])}`);
      else if (r < 0.68 && m.variadic)
        body.push(`__VA_OPT__(${pick(["x", ",", "A", "__VA_ARGS__"])})`);
      else if (r < 0.74 && m.variadic && body.length > 0) body.push(", ## __VA_ARGS__");
      else if (r < 0.8) body.push(pick(["(", ")", "( 1 )", `${pick(names)} (`]));
      else body.push(pick(atoms.filter((a) => a !== "(" && a !== ")")));
    }
    const balanced = body.join(" ").replace(/^## /, "");
    lines.push(`#define ${m.name}${params ? `(${params.join(", ")})` : ""} ${balanced}`);
  }
  const expr = (depth: number): string => {
    const parts: string[] = [];
    const length = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < length; k++) {
      const r = rnd();
      if (r < 0.5) {
        const m = pick(shapes);
        if (!m.params || rnd() < 0.1) parts.push(m.name);
        else {
          const argCount = m.params.length + (m.variadic ? Math.floor(rnd() * 3) : 0);
          const args = Array.from(
            { length: Math.max(argCount, m.params.length === 0 && !m.variadic ? 0 : argCount) },
            () =>
              depth > 0 && rnd() < 0.4
                ? expr(depth - 1)
                : pick(["1", "a b", "", "foo", "(1, 2)", pick(names)]),
          );
          parts.push(`${m.name}(${args.join(", ")})`);
        }
      } else parts.push(pick(["1", "+", "foo", "(", ")", ",", "\n", "(2)"]));
    }
    return parts.join(" ");
  };
  for (let k = 0; k < 4; k++) lines.push(expr(2));
  // Conditions built from the same macros, with 'defined' and arithmetic mixed in.
  for (let k = 0; k < 2; k++) {
    const condition = [
      pick(["", "!", "-", "~"]),
      pick(["defined A", "defined(B)", "1", "0x10", "'a'", expr(0).replace(/\n/g, " ")]),
      pick([" + ", " * ", " << ", " == ", " && ", " || ", " ? 1 : ", " / "]),
      pick(["2", "defined C", "E", "(3 - 1)", "18446744073709551615", "-1"]),
    ].join("");
    lines.push(`#if ${condition}`, `taken_${k}`, "#else", `not_taken_${k}`, "#endif");
  }
  return lines.join("\n") + "\n";
}

const scratch = mkdtempSync(join(tmpdir(), "kpi-pp-diff-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// More programs, or another range of seeds, can be asked for when hunting for differences.
const CASES = Number(process.env.KPI_PP_DIFF_CASES ?? 150);
const FIRST_SEED = Number(process.env.KPI_PP_DIFF_FIRST_SEED ?? 0);

describeWith([needClang()], "random macro programs agree with clang -E", () => {
  it(`agrees on ${CASES} seeded programs`, async () => {
    const disagreements: string[] = [];
    let accepted = 0;
    await Promise.all(
      Array.from({ length: CASES }, async (_, index) => {
        const seed = FIRST_SEED + index;
        const path = join(scratch, `case${seed}.c`);
        const text = program(seed);
        writeFileSync(path, text);
        const theirs = await clang([`--target=${defaultTarget}`, ...baseFlags, "-E", "-P", path]);
        let ours: string | DiagnosticError;
        try {
          ours = renderPreprocessed(
            preprocess({ files: diskFiles, mainFile: path, includeDirs: [], predefines: "" }),
            { lineMarkers: false },
          );
        } catch (e) {
          if (!(e instanceof DiagnosticError)) throw e;
          ours = e;
        }
        const clangFailed = theirs.code !== 0;
        if (clangFailed !== ours instanceof DiagnosticError) {
          disagreements.push(
            `seed ${seed}: clang ${clangFailed ? "failed" : "succeeded"}, ours ${ours instanceof DiagnosticError ? `failed (${ours.message})` : "succeeded"}\n${text}`,
          );
        } else if (typeof ours === "string") {
          accepted++;
          const a = spellings(ours).join(" ");
          const b = spellings(theirs.stdout).join(" ");
          if (a !== b) disagreements.push(`seed ${seed}:\n${text}ours:  ${a}\nclang: ${b}`);
        }
      }),
    );
    process.stderr.write(`differential: ${accepted} of ${CASES} programs accepted by both\n`);
    expect(disagreements.slice(0, 3)).toEqual([]);
    // Enough programs must be valid for the token comparison to mean something.
    expect(accepted).toBeGreaterThan(CASES / 10);
  });
});
