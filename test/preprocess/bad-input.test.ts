// Pathological inputs: each ends in a located diagnostic or a correct result, never in a
// crash, a hang or a stack overflow. Where clang copes, its output is the reference.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { defaultLimits, preprocess, type PreprocessOptions } from "../../src/preprocess/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { baseFlags, clang, defaultTarget, firstDiagnostic } from "./support/clang-oracle.js";
import { renderP } from "./support/run-engine.js";
import { spellings } from "../support/preprocessed-tokens.js";

/** Runs the engine over in-memory files (no predefines needed for these cases). */
function run(files: Record<string, string>, extra: Partial<PreprocessOptions> = {}) {
  return preprocess({
    files: { readFile: (p) => files[p] },
    mainFile: "/mem/main.c",
    includeDirs: [],
    predefines: "",
    ...extra,
  });
}

function errorOf(f: () => unknown): DiagnosticError {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error("expected a DiagnosticError");
}

const scratch = mkdtempSync(join(tmpdir(), "kpi-pp-bad-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function clangOn(name: string, text: string) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return {
    path,
    result: await clang([`--target=${defaultTarget}`, ...baseFlags, "-E", "-P", path]),
  };
}

describe("limits that need no oracle", () => {
  it("refuses a file over the size limit, at the #include naming it", () => {
    const big = "int x;\n".repeat(Math.ceil((100 * 1024 * 1024) / 7));
    const e = errorOf(() => run({ "/mem/main.c": '#include "big.h"\n', "/mem/big.h": big }));
    expect(e.diagnostics[0]!.message).toMatch(/too large/);
    expect(e.diagnostics[0]!.location).toEqual({ file: "/mem/main.c", line: 1, column: 10 });
    expect(defaultLimits.maxFileSize).toBeLessThan(100 * 1024 * 1024);
  });

  it("stops a macro bomb at the expansion token limit", () => {
    const lines = ["#define A0 x x"];
    for (let k = 1; k <= 60; k++) lines.push(`#define A${k} A${k - 1} A${k - 1}`);
    lines.push("A60");
    const started = Date.now();
    const e = errorOf(() =>
      run({ "/mem/main.c": lines.join("\n") + "\n" }, { limits: { maxExpansionTokens: 200_000 } }),
    );
    expect(e.diagnostics[0]!.message).toMatch(/more than 200000 tokens/);
    expect(e.diagnostics[0]!.location).toMatchObject({ file: "/mem/main.c", line: 62, column: 1 });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("stops a macro bomb at the default limit without running out of memory", () => {
    const lines = ["#define A0 x x"];
    for (let k = 1; k <= 60; k++) lines.push(`#define A${k} A${k - 1} A${k - 1}`);
    lines.push("A60");
    const e = errorOf(() => run({ "/mem/main.c": lines.join("\n") + "\n" }));
    expect(e.diagnostics[0]!.message).toMatch(
      new RegExp(`more than ${defaultLimits.maxExpansionTokens} tokens`),
    );
  });

  it("reports parentheses nested past the bracket limit in #if instead of overflowing the stack", () => {
    const text = `#if ${"(".repeat(10_000)}1${")".repeat(10_000)}\nx\n#endif\n`;
    const e = errorOf(() => run({ "/mem/main.c": text }));
    expect(e.diagnostics[0]!.message).toBe("bracket nesting level exceeded maximum of 256");
    expect(e.diagnostics[0]!.location).toEqual({ file: "/mem/main.c", line: 1, column: 5 + 256 });
  });

  it("accepts parentheses up to the bracket limit", () => {
    const text = `#if ${"(".repeat(200)}2${")".repeat(200)} == 2\nok\n#endif\n`;
    expect(run({ "/mem/main.c": text }).tokens.map((t) => t.text)).toEqual(["ok"]);
  });

  it("reports macro arguments nested past the expansion depth limit", () => {
    const depth = 10_000;
    const text = `#define f(x) x\n${"f(".repeat(depth)}1${")".repeat(depth)}\n`;
    const e = errorOf(() => run({ "/mem/main.c": text }));
    expect(e.diagnostics[0]!.message).toMatch(/nested more than \d+ deep|too deeply nested/);
    expect(e.diagnostics[0]!.location?.file).toBe("/mem/main.c");
  });

  it("expands macro arguments nested within the limit", () => {
    const depth = defaultLimits.maxExpansionDepth - 10;
    const text = `#define f(x) x\n${"f(".repeat(depth)}1${")".repeat(depth)}\n`;
    expect(run({ "/mem/main.c": text }).tokens.map((t) => t.text)).toEqual(["1"]);
  });

  it("stops an include cycle at the include depth limit", () => {
    const e = errorOf(() => run({ "/mem/main.c": '#include "main.c"\n' }));
    expect(e.diagnostics[0]!.message).toBe("#include nested too deeply");
    expect(e.diagnostics[0]!.location).toEqual({ file: "/mem/main.c", line: 1, column: 10 });
  });

  it("stops a unit at the output token limit, at the first token past it", () => {
    const text = "x y\n".repeat(1000);
    const e = errorOf(() => run({ "/mem/main.c": text }, { limits: { maxOutputTokens: 1001 } }));
    expect(e.diagnostics[0]!.message).toBe("the translation unit produced more than 1001 tokens");
    expect(e.diagnostics[0]!.location).toEqual({ file: "/mem/main.c", line: 501, column: 3 });
  });

  it("reports the first null characters of a binary-like file, then a count", () => {
    const r = run({ "/mem/main.c": "int a;\n" + "\0".repeat(1000) + "\nint b;\n" });
    expect(r.tokens.map((t) => t.text)).toEqual(["int", "a", ";", "int", "b", ";"]);
    expect(r.diagnostics).toHaveLength(21);
    expect(r.diagnostics[20]).toMatchObject({
      severity: "warning",
      message: "980 more null characters ignored",
      location: { line: 2, column: 21 },
    });
  });

  it("ends a binary file included by mistake in a located error", () => {
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, (_, k) => (k * 7919) % 256));
    const e = errorOf(() =>
      run({ "/mem/main.c": '#include "blob.h"\n', "/mem/blob.h": bytes.toString("utf8") }),
    );
    expect(e.diagnostics[0]!.location?.file).toBe("/mem/blob.h");
    expect(e.diagnostics[0]!.location?.line).toBeGreaterThan(0);
  });

  it("reads a guarded or #pragma once file that includes itself only once", () => {
    const guarded = '#ifndef G\n#define G\n#include "main.c"\nbody\n#endif\n';
    expect(run({ "/mem/main.c": guarded }).tokens.map((t) => t.text)).toEqual(["body"]);
    const once = '#pragma once\n#include "main.c"\nbody\n';
    expect(run({ "/mem/main.c": once }).tokens.map((t) => t.text)).toEqual(["body"]);
  });
});

describeWith([needClang()], "pathological inputs clang copes with", () => {
  it("handles #if nested 10 000 deep, taken and skipped, like clang", async () => {
    const taken = "#if 1\n".repeat(10_000) + "inner\n" + "#endif\n".repeat(10_000);
    const skipped = "#if 0\n" + taken + "#endif\nouter\n";
    for (const [name, text] of [
      ["deep_if.c", taken],
      ["deep_if0.c", skipped],
    ] as const) {
      const { result } = await clangOn(name, text);
      expect(result.code).toBe(0);
      const ours = run({ "/mem/main.c": text });
      expect(spellings(renderP(ours))).toEqual(spellings(result.stdout));
    }
  });

  it("treats NUL bytes as whitespace with a warning, like clang", async () => {
    const text = "int a\0b;\nint\0c;\n";
    const { result } = await clangOn("nul.c", text);
    const ours = run({ "/mem/main.c": text });
    expect(spellings(renderP(ours))).toEqual(spellings(result.stdout));
    const w = firstDiagnostic(result.stderr, "warning")!;
    expect(ours.diagnostics[0]).toMatchObject({
      severity: "warning",
      location: { line: w.line, column: w.column },
    });
  });

  it("reports an unterminated argument list at end of file where clang does", async () => {
    const text = "#define f(x) x\nint a = f(1,\n";
    const { result } = await clangOn("unterminated_args.c", text);
    const c = firstDiagnostic(result.stderr)!;
    const e = errorOf(() => run({ "/mem/main.c": text }));
    expect(e.diagnostics[0]!.location).toMatchObject({ line: c.line, column: c.column });
  });
});
