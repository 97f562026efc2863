// Identifiers that are also names of Object.prototype members (toString, constructor,
// __proto__) are ordinary C identifiers; a table lookup once took them for GNU keywords and
// crashed with a TypeError.
import { expect, it } from "vitest";
import { parseTranslationUnit } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

it("declares variables named like Object.prototype members", () => {
  const { unit } = parseTranslationUnit(
    `# 1 "t.h"\nint toString; long constructor; char *__proto__; int hasOwnProperty(void);\n`,
    { target: "amd64", abi: getTarget("amd64").abi },
  );
  expect(unit.variables.map((v) => v.name)).toEqual(["toString", "constructor", "__proto__"]);
  expect(unit.functions.map((f) => f.name)).toEqual(["hasOwnProperty"]);
});
