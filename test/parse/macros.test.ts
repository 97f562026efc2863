// Macro table to constants: expansion rules (rescanning, hide sets, # and ##, variadics)
// and classification. Values are what the C preprocessor and C arithmetic give.
import { describe, expect, it } from "vitest";
import type { MacroConstant } from "../../src/ir/index.js";
import { parseMacroTable, parseTranslationUnit } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

const TABLE = `#define sigmask(m) (1 << ((m)-1))
#define SIGKILL 9
#define SIGSTOP 17
#define sigcantmask (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SELF SELF
#define INDIRECT (SELF + 1)
#define CAT(a, b) a ## b
#define PASTED CAT(0x, 10)
#define STR(x) #x
#define NAME STR(kpi)
#define FIRST(x, ...) x
#define PICK FIRST(7, 8, 9)
#define GNU_REST(fmt, args...) (0 , ## args)
#define GNU GNU_REST(x, 5)
#define GNU_EMPTY GNU_REST(x)
#define TYPED ((u_long)-1)
#define SIZE (sizeof(u_long) * 8)
#define ENUMERATED (BLUE * 2)
#define CHARACTER 'A'
#define EMPTY
#define FLOATING 1.5
#define FUNC_OF(x) ((x) + 1)
`;

const unit = parseTranslationUnit(
  `# 1 "m.h"\ntypedef unsigned long u_long;\nenum colour { RED, GREEN, BLUE };\n`,
  { target: "i386", abi: getTarget("i386").abi, macros: parseMacroTable(TABLE) },
).unit;
const constants = new Map<string, MacroConstant>(unit.macros.constants.map((c) => [c.name, c]));
const other = new Map(unit.macros.other.map((o) => [o.name, o.reason]));

describe("macro constants", () => {
  it("expands the same function-like macro twice in one body", () => {
    expect(constants.get("sigcantmask")).toMatchObject({
      value: String((1 << 8) | (1 << 16)),
      type: "int",
    });
  });

  it("does not expand a macro inside its own expansion", () => {
    expect(other.get("SELF")).toMatch(/'SELF' is not a constant/);
    expect(other.get("INDIRECT")).toMatch(/'SELF' is not a constant/);
  });

  it("pastes, stringizes and passes variadic arguments", () => {
    expect(constants.get("PASTED")).toMatchObject({ kind: "integer", value: "16" });
    expect(constants.get("NAME")).toMatchObject({ kind: "string", value: "kpi" });
    expect(constants.get("PICK")).toMatchObject({ value: "7" });
    expect(constants.get("GNU")).toMatchObject({ value: "5" });
    expect(constants.get("GNU_EMPTY")).toMatchObject({ value: "0" });
  });

  it("types values on the target, through typedefs, sizeof and enum constants", () => {
    expect(constants.get("TYPED")).toMatchObject({ value: "4294967295", type: "unsigned long" });
    expect(constants.get("SIZE")).toMatchObject({ value: "32", type: "unsigned int" });
    expect(constants.get("ENUMERATED")).toMatchObject({ value: "4", type: "int" });
    expect(constants.get("CHARACTER")).toMatchObject({ value: "65", type: "int" });
  });

  it("keeps function-like macros and says why the rest are not constants", () => {
    expect(unit.macros.functionLike.map((f) => f.name)).toEqual([
      "CAT",
      "FIRST",
      "FUNC_OF",
      "GNU_REST",
      "STR",
      "sigmask",
    ]);
    expect(unit.macros.functionLike.find((f) => f.name === "GNU_REST")).toMatchObject({
      params: ["fmt", "args..."],
      body: "(0 , ## args)",
    });
    expect(other.get("EMPTY")).toBe("empty");
    expect(other.get("FLOATING")).toMatch(/floating constant/);
  });
});
