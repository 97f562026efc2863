// Identifiers named like Object.prototype members (toString, constructor, valueOf) are
// ordinary identifiers in constant expressions: they evaluate exactly as any other name.
// A keyword table lookup once read `toString + 1` as alignof(+1).
import { expect, it } from "vitest";
import { parseTranslationUnit, evaluateConstant } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

const abi = getTarget("amd64").abi;
const unit = parseTranslationUnit(
  `# 1 "t.h"\nenum { toString = 3, constructor = 5, valueOf = 7, plain = 3, other = 5, third = 7 };\n`,
  { target: "amd64", abi },
).unit;

function outcome(text: string): unknown {
  try {
    return evaluateConstant(text, unit, abi);
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : e;
  }
}

it.each([
  ["toString + 1", "plain + 1"],
  ["constructor", "other"],
  ["valueOf * 2", "third * 2"],
  ["-toString", "-plain"],
])("%s evaluates as %s does", (odd, ordinary) => {
  expect(outcome(odd)).toEqual(outcome(ordinary));
});
