// Issue #8 at the evaluator's interface: expressions nested far beyond what C requires end in
// an ExprSyntaxError (which the parse stage reports at the expression's location), never a
// stack overflow; C11's minimum of 63 nested parentheses still evaluates.
import { describe, expect, it } from "vitest";
import { ExprSyntaxError, evaluate, parseConstExpr, tokenize } from "../../src/consteval/index.js";
import { parseTranslationUnit, unitEnvironment } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

const abi = getTarget("amd64").abi;
const unit = parseTranslationUnit(`# 1 "t.h"\ntypedef int int_t;\n`, { target: "amd64", abi }).unit;
const env = unitEnvironment(unit, abi);

function outcome(text: string): bigint | Error {
  try {
    return evaluate(env.env, parseConstExpr(tokenize(text), abi, env.types)).value;
  } catch (e) {
    if (e instanceof Error) return e;
    throw e;
  }
}

const repeat = (s: string, n: number) => s.repeat(n);

describe("deeply nested constant expressions", () => {
  it.each([
    ["100 000 nested parentheses", `${repeat("(", 100_000)}1${repeat(")", 100_000)}`],
    ["100 000 unary minus", `${repeat("- ", 100_000)}1`],
    ["100 000 logical nots", `${repeat("!", 100_000)}0`],
    ["10 000 casts to a typedef", `${repeat("(int_t)", 10_000)}1`],
    ["sizeof a chain of 100 000 pointers", `sizeof(int ${repeat("*", 100_000)})`],
    ["a 100 000-term left-nested sum", `1${repeat(" + 1", 100_000)}`],
  ])("%s is a syntax error", (_name, text) => {
    const e = outcome(text);
    expect(e).toBeInstanceOf(ExprSyntaxError);
    expect((e as Error).message).toBe("expression nested too deeply");
  });

  it("evaluates what C11 requires an implementation to accept", () => {
    expect(outcome(`${repeat("(", 63)}7${repeat(")", 63)}`)).toBe(7n);
    expect(outcome(`${repeat("- ", 62)}5`)).toBe(5n);
    expect(outcome(`${repeat("(int_t)", 63)}3`)).toBe(3n);
    expect(outcome(`sizeof(int ${repeat("*", 12)})`)).toBe(8n);
  });
});
