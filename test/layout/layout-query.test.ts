// The sizeof/_Alignof/__alignof__/offsetof answers constant evaluation gets from the engine,
// checked on every target by asserting each one in C and letting clang-19 evaluate it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import type { CType, FieldPathStep } from "../../src/ir/index.js";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import { LayoutEngine } from "../../src/layout/index.js";
import { getTarget, targetNames } from "../../src/targets/index.js";
import { parseProbeDiagnostics } from "../../src/verify/index.js";
import { clangCommand, describeWith, needClang } from "../support/environment.js";
import { fixtureArgs, fixtureDir, runFixture } from "./support/fixture-run.js";

const types: [string, CType][] = [
  [
    "struct with_anon_struct",
    { kind: "record", recordKind: "struct", id: "struct with_anon_struct" },
  ],
  ["reg_t", { kind: "typedef", name: "reg_t" }],
  ["double", { kind: "builtin", name: "double" }],
  ["long long", { kind: "builtin", name: "long long" }],
  ["long double", { kind: "builtin", name: "long double" }],
  ["__builtin_va_list", { kind: "builtin", name: "__builtin_va_list" }],
  ["double _Complex", { kind: "builtin", name: "double _Complex" }],
  [
    "unsigned long long[3]",
    { kind: "array", element: { kind: "builtin", name: "unsigned long long" }, length: 3 },
  ],
  ["void *", { kind: "pointer", pointee: { kind: "builtin", name: "void" } }],
];

/** Typedefs whose aligned() raises or lowers the alignment, and packed records. */
const typedefTypes: [string, CType][] = [
  ["int_a8_t", { kind: "typedef", name: "int_a8_t" }],
  ["ll_a2_t", { kind: "typedef", name: "ll_a2_t" }],
  ["int_ptr_t", { kind: "typedef", name: "int_ptr_t" }],
  ["packed_t", { kind: "typedef", name: "packed_t" }],
  ["aligned16_t", { kind: "typedef", name: "aligned16_t" }],
  ["enum small_enum", { kind: "enum", id: "enum small_enum" }],
  ["enum signed_enum", { kind: "enum", id: "enum signed_enum" }],
];

const offsets: [string, string, FieldPathStep[]][] = [
  ["struct with_anon_struct", "y", [{ field: "y" }]],
  ["struct with_anon_struct", "d", [{ field: "d" }]],
  ["struct named_anon_type", "choices[1].s", [{ field: "choices" }, { index: 1 }, { field: "s" }]],
  ["struct named_anon_type", "pair.q", [{ field: "pair" }, { field: "q" }]],
  ["struct uses_reg", "reg", [{ field: "reg" }]],
];

describeWith([needClang()], "layout queries for constant evaluation match clang-19", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-layout-query-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, [string, CType][], [string, string, FieldPathStep[]][]][] = [
    ["anonymous.c", types, offsets],
    ["typedef-attributes.c", typedefTypes, []],
  ];
  for (const [fixture, typeList, offsetList] of cases) {
    for (const name of targetNames) {
      it(`${fixture} on ${name}`, async () => {
        const { engine } = await runFixture(fixture, name);
        const asserts: string[] = [];
        for (const [spelling, type] of typeList) {
          asserts.push(
            `_Static_assert(sizeof(${spelling}) == ${engine.sizeOf(type)}, "sizeof ${spelling}");`,
            `_Static_assert(_Alignof(${spelling}) == ${engine.alignOf(type, false)}, "_Alignof ${spelling}");`,
            `_Static_assert(__alignof__(${spelling}) == ${engine.alignOf(type, true)}, "__alignof__ ${spelling}");`,
          );
        }
        for (const [record, designator, path] of offsetList) {
          const type: CType = { kind: "record", recordKind: "struct", id: record };
          asserts.push(
            `_Static_assert(__builtin_offsetof(${record}, ${designator}) == ${engine.offsetOf(type, path)}, "offsetof ${designator}");`,
          );
        }
        const file = join(dir, `${name}-${fixture}`);
        writeFileSync(
          file,
          `${readFileSync(join(fixtureDir, fixture), "utf8")}\n${asserts.join("\n")}\n`,
        );
        const r = spawnSync(
          clangCommand,
          [...fixtureArgs(name), "-fsyntax-only", "-ferror-limit=0", file],
          {
            encoding: "utf8",
          },
        );
        const failures = r.stderr.split("\n").filter((l) => /error:|evaluates to/.test(l));
        expect(failures).toEqual([]);
        expect(parseProbeDiagnostics(r.stderr).otherErrors).toEqual([]);
        expect(r.status).toBe(0);
      });
    }
  }

  it("a record only declared has no size: a diagnostic at the use names the declaration", () => {
    const at = (line: number) => ({ file: "sys/x.h", line, column: 1, header: "sys/x.h" });
    const later: CType = { kind: "record", recordKind: "struct", id: "struct later" };
    const unit = {
      target: "amd64",
      records: [
        {
          id: "struct later",
          kind: "struct" as const,
          tag: "later",
          complete: false,
          fields: [],
          attributes: {},
          pragmaPack: null,
          parent: null,
          location: at(1),
        },
        {
          id: "struct uses",
          kind: "struct" as const,
          tag: "uses",
          complete: true,
          attributes: {},
          pragmaPack: null,
          parent: null,
          location: at(2),
          fields: [{ name: "l", type: later, bitWidth: null, attributes: {}, location: at(3) }],
        },
      ],
      enums: [],
      typedefs: [],
      functions: [],
      variables: [],
      staticAsserts: [],
      macros: { constants: [], functionLike: [], other: [] },
    };
    const engine = new LayoutEngine(unit, getTarget("amd64"));
    expect(() => engine.sizeOf(later)).toThrow(/incomplete type 'struct later'/);
    const { layouts, diagnostics } = engine.layoutAll();
    expect(layouts).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "sys/x.h:3:1: error: incomplete type 'struct later' has no layout (only declared at sys/x.h:1)",
    ]);
  });

  it("an incomplete record is a located diagnostic, never a size", async () => {
    const { engine } = await runFixture("anonymous.c", "amd64");
    const unknown: CType = { kind: "record", recordKind: "struct", id: "struct nowhere" };
    expect(() => engine.sizeOf(unknown)).toThrow(/unknown record 'struct nowhere'/);
    expect(() =>
      engine.offsetOf({ kind: "record", recordKind: "struct", id: "struct uses_reg" }, [
        { field: "nope" },
      ]),
    ).toThrow(/no member named 'nope' in 'struct uses_reg'/);
  });
});
