// How the evaluator asks for record sizes and offsets: through the LayoutQuery the caller
// supplies, and never by guessing when none is supplied.
import { describe, expect, it } from "vitest";
import { NotConstantError } from "../../src/consteval/index.js";
import type { CType, FieldPathStep, LayoutQuery } from "../../src/ir/index.js";
import { evaluateConstant, parseTranslationUnit } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

const abi = getTarget("amd64").abi;
const unit = parseTranslationUnit(
  `# 1 "layout.h"\nstruct foo { int a; struct { char b[8]; } in; long arr[3]; };\ntypedef struct foo foo_t;\n`,
  { target: "amd64", abi },
).unit;

/** A stand-in for the layout stage that records what it was asked. */
function recordingLayout(): { query: LayoutQuery; asked: string[] } {
  const asked: string[] = [];
  const query: LayoutQuery = {
    sizeOf: (t: CType) => {
      asked.push(`sizeof ${t.kind === "record" ? t.id : t.kind}`);
      return 40;
    },
    alignOf: (t: CType, preferred: boolean) => {
      asked.push(`alignof ${t.kind === "record" ? t.id : t.kind} ${preferred}`);
      return 8;
    },
    offsetOf: (t: CType, path: FieldPathStep[]) => {
      asked.push(`offsetof ${t.kind === "typedef" ? t.name : t.kind} ${JSON.stringify(path)}`);
      return 12;
    },
  };
  return { query, asked };
}

describe("record layout through LayoutQuery", () => {
  it("reports that a record size needs layout when no layout is supplied", () => {
    expect(() => evaluateConstant("sizeof(struct foo)", unit, abi)).toThrow(NotConstantError);
    try {
      evaluateConstant("sizeof(foo_t) * 2", unit, abi);
    } catch (e) {
      expect((e as NotConstantError).reason).toBe("layout");
    }
  });

  it("asks the layout for record sizes and alignments, through typedefs", () => {
    const { query, asked } = recordingLayout();
    expect(evaluateConstant("sizeof(foo_t) + _Alignof(struct foo)", unit, abi, query).value).toBe(
      48n,
    );
    expect(asked).toEqual(["sizeof struct foo", "alignof struct foo false"]);
  });

  it("passes offsetof designators as a field path", () => {
    const { query, asked } = recordingLayout();
    expect(evaluateConstant("__builtin_offsetof(foo_t, in.b[2])", unit, abi, query)).toEqual({
      value: 12n,
      type: "unsigned long",
    });
    expect(asked).toEqual([
      `offsetof foo_t ${JSON.stringify([{ field: "in" }, { field: "b" }, { index: 2 }])}`,
    ]);
  });

  it("types member expressions for sizeof without asking the layout", () => {
    const { query, asked } = recordingLayout();
    expect(evaluateConstant("sizeof(((struct foo *)0)->arr)", unit, abi, query).value).toBe(24n);
    expect(evaluateConstant("sizeof(((foo_t *)0)->in.b[0])", unit, abi, query).value).toBe(1n);
    expect(asked).toEqual([]);
  });

  it("rejects what is not an integer constant with the reason", () => {
    expect(() => evaluateConstant("undeclared_name + 1", unit, abi)).toThrow(
      /'undeclared_name' is not a constant/,
    );
    expect(() => evaluateConstant("1 / 0", unit, abi)).toThrow(/division by zero/);
    expect(() => evaluateConstant("(int)", unit, abi)).toThrow(/expected an expression/);
  });
});
