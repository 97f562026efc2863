// Bad-input fixtures: the engine must refuse each with a located diagnostic, and clang must
// report the same place (as an error, or as the warning it downgrades some of them to).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { describeWith, needClang, repoRoot } from "../support/environment.js";
import { baseFlags, clang, defaultTarget, firstDiagnostic } from "./support/clang-oracle.js";
import { runEngine } from "./support/run-engine.js";

const dir = join(repoRoot, "fixtures", "preprocess", "errors");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".c"))
  .sort();

function expectation(path: string) {
  const text = readFileSync(path, "utf8");
  const at = /^\/\/ error-at: (\d+):(\d+)$/m.exec(text);
  if (!at) throw new Error(`${path} has no '// error-at: LINE:COL' line`);
  const clangMode = (/^\/\/ clang: (\w+)$/m.exec(text)?.[1] ?? "error") as
    | "error"
    | "warning"
    | "any";
  return { line: Number(at[1]), column: Number(at[2]), clangMode };
}

describeWith([needClang()], "bad input fixtures", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThan(20));
  for (const name of fixtures) {
    const path = join(dir, name);
    it(`${name}: a located error, where clang reports it`, async () => {
      const want = expectation(path);
      let caught: unknown;
      try {
        await runEngine(path, []);
      } catch (e) {
        caught = e;
      }
      expect(caught, "the engine accepted bad input").toBeInstanceOf(DiagnosticError);
      const d = (caught as DiagnosticError).diagnostics.find((x) => x.severity === "error")!;
      expect(d.location).toEqual({ file: path, line: want.line, column: want.column });

      const theirs = await clang([`--target=${defaultTarget}`, ...baseFlags, "-E", "-P", path]);
      if (want.clangMode === "warning") {
        const w = firstDiagnostic(theirs.stderr, "warning");
        expect(w && { line: w.line, column: w.column }).toEqual({
          line: want.line,
          column: want.column,
        });
      } else {
        expect(theirs.code).not.toBe(0);
        const c = firstDiagnostic(theirs.stderr, "error");
        expect(c && { line: c.line, column: c.column }).toEqual({
          line: want.line,
          column: want.column,
        });
        if (want.clangMode === "error")
          expect(c!.message).toContain(d.message.replace(/^'.*' /, "").split(" ")[0]!);
      }
    });
  }
});
