// Issue #8: deeply nested expressions, declarators and definitions end in a located error
// (the syntax tree is cut at MAX_TREE_DEPTH levels), never a stack overflow or a hang.
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { parseTranslationUnit } from "../../src/parse/index.js";
import { MAX_TREE_DEPTH } from "../../src/parse/cst.js";
import { getTarget } from "../../src/targets/index.js";

const abi = getTarget("amd64").abi;

/** Parses one line of `deep.h`; returns the error it must throw. */
function parseError(line: string): DiagnosticError {
  try {
    parseTranslationUnit(`# 1 "deep.h"\n${line}\n`, { target: "amd64", abi });
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error("no error");
}

/** The error is the nesting limit's, located on the line at a character in `nested`. */
function expectNestingError(line: string, nested: RegExp): void {
  const e = parseError(line);
  expect(e.diagnostics).toHaveLength(1);
  const d = e.diagnostics[0]!;
  expect(d.message).toBe(`nesting too deep: more than ${MAX_TREE_DEPTH} levels of syntax tree`);
  expect(d.location?.file).toBe("deep.h");
  expect(d.location?.line).toBe(1);
  expect(line.charAt(d.location!.column - 1)).toMatch(nested);
}

const repeat = (s: string, n: number) => s.repeat(n);

describe("deep nesting", () => {
  it("100 000 nested parentheses in an enumerator value", () => {
    const n = 100_000;
    expectNestingError(`enum e { A = ${repeat("(", n)}1${repeat(")", n)} };`, /\(/);
  });

  it("100 000 unary minus in an enumerator value", () => {
    expectNestingError(`enum e { A = ${repeat("- ", 100_000)}1 };`, /-/);
  });

  it("100 000 nested parentheses in an array bound", () => {
    const n = 100_000;
    expectNestingError(`int a[${repeat("(", n)}1${repeat(")", n)}];`, /\(/);
  });

  it("10 000 parenthesized declarators", () => {
    const n = 10_000;
    expectNestingError(`int ${repeat("(", n)}*x${repeat(")", n)};`, /[(*]/);
  });

  it("a chain of 10 000 pointers", () => {
    expectNestingError(`int ${repeat("*", 10_000)}x;`, /\*/);
  });

  it("struct definitions nested 10 000 deep", () => {
    const n = 10_000;
    let open = "";
    for (let i = 0; i < n; i++) open += `struct s${i} { `;
    expectNestingError(`${open}int x; ${repeat("} f; ", n - 1)}};`, /[a-z0-9{ ]/);
  });

  it("a long left-nested operator chain in an enumerator value", () => {
    expectNestingError(`enum e { A = 1${repeat(" + 1", 100_000)} };`, /[0-9+ ]/);
  });

  it("keeps what C requires: 63 nested parentheses and 63 nested structs", () => {
    const n = 63;
    let open = "";
    for (let i = 0; i < n; i++) open += `struct s${i} { `;
    const unit = parseTranslationUnit(
      `# 1 "ok.h"\nenum e { A = ${repeat("(", n)}1${repeat(")", n)} };\n` +
        `${open}int x; ${repeat("} f; ", n - 1)}};\n` +
        `int ${repeat("(", n)}*p${repeat(")", n)};\n`,
      { target: "amd64", abi },
    ).unit;
    expect(unit.enums[0]!.enumerators[0]!.value).toBe("1");
    expect(unit.records).toHaveLength(n);
    expect(unit.variables[0]!.type.kind).toBe("pointer");
  });
});

describe("deep nesting outside the syntax tree", () => {
  // These reach the constant evaluator as tokens (GNU forms are taken out before tree-sitter
  // parses; macro bodies never go through it), which has its own nesting limit.
  it("100 000 nested parentheses in a _Static_assert inside a struct", () => {
    const n = 100_000;
    const line = `struct s { int x; _Static_assert(${repeat("(", n)}1${repeat(")", n)}, "m"); };`;
    const e = parseError(line);
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]!.message).toMatch(/nested too deeply/);
    expect(e.diagnostics[0]!.location).toMatchObject({ file: "deep.h", line: 1 });
  });

  it("100 000 nested parentheses in an aligned attribute", () => {
    const n = 100_000;
    const e = parseError(`int x __attribute__((aligned(${repeat("(", n)}8${repeat(")", n)})));`);
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]!.message).toBe("aligned() argument: expression nested too deeply");
    expect(e.diagnostics[0]!.location).toMatchObject({ file: "deep.h", line: 1 });
  });

  it("a macro body nested 100 000 deep is not a constant, with the reason", () => {
    const n = 100_000;
    const unit = parseTranslationUnit(`# 1 "deep.h"\nint x;\n`, {
      target: "amd64",
      abi,
      macros: [
        {
          name: "PARENS",
          params: null,
          body: `${repeat("(", n)}1${repeat(")", n)}`,
          defined: true,
        },
        { name: "MINUS", params: null, body: `${repeat("- ", n)}1`, defined: true },
        { name: "CHAIN", params: null, body: `1${repeat(" + 1", n)}`, defined: true },
        {
          name: "FINE",
          params: null,
          body: `${repeat("(", 63)}1${repeat(")", 63)}`,
          defined: true,
        },
      ],
    }).unit;
    const other = new Map(unit.macros.other.map((o) => [o.name, o.reason]));
    for (const name of ["PARENS", "MINUS", "CHAIN"])
      expect(other.get(name)).toMatch(/^not an expression: expression nested too deeply/);
    expect(unit.macros.constants.map((c) => c.name)).toEqual(["FINE"]);
  });
});
