// Inputs the fuzz suites found that once crashed or misbehaved, kept as plain tests so they
// stay fixed whatever seed the suites run with.
import { describe, expect, it } from "vitest";
import { ExprSyntaxError, NotConstantError } from "../../src/consteval/index.js";
import { evaluateConstant, parseTranslationUnit } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

const unitFor = (arch: "amd64" | "i386") => {
  const abi = getTarget(arch).abi;
  return { abi, unit: parseTranslationUnit(`# 1 "p.h"\nint x;\n`, { target: arch, abi }).unit };
};

describe("constant evaluation regressions", () => {
  const { unit, abi } = unitFor("amd64");
  const refusal = (text: string): unknown => {
    try {
      return evaluateConstant(text, unit, abi);
    } catch (e) {
      return e;
    }
  };

  // Each of these overflowed the stack (a RangeError, an internal error in the CLI).
  it.each([
    ["3000 open parentheses", "(".repeat(3000) + "0"],
    ["a 20000-term sum", "1" + "+1".repeat(20000)],
    ["a 3000-deep conditional chain", "1?1:".repeat(3000) + "1"],
    ["5000 casts", "(int)".repeat(5000) + "1"],
    ["a 20000-term comma chain", "1" + ",1".repeat(20000)],
    ["10000 array suffixes in sizeof", "sizeof(int" + "[1]".repeat(10000) + ")"],
  ])("%s is a syntax error, not a stack overflow", (_name, text) => {
    const e = refusal(text);
    expect(e).toBeInstanceOf(ExprSyntaxError);
    expect((e as Error).message).toBe("expression nested too deeply");
  });

  it("still evaluates nesting as deep as real headers use", () => {
    expect(evaluateConstant("(".repeat(200) + "1" + ")".repeat(200), unit, abi).value).toBe(1n);
    expect(evaluateConstant("1" + "|1".repeat(200), unit, abi).value).toBe(1n);
    expect(evaluateConstant("sizeof(int[2][2][2])", unit, abi).value).toBe(32n);
  });

  it("refuses __int128 on a target without it, as clang does (it evaluated sizeof to 0)", () => {
    const i386 = unitFor("i386");
    for (const text of ["sizeof(unsigned __int128)", "(__int128)1", "_Alignof(__int128)"]) {
      expect(() => evaluateConstant(text, i386.unit, i386.abi)).toThrow(NotConstantError);
    }
    expect(evaluateConstant("sizeof(__int128)", unit, abi).value).toBe(16n);
  });
});
