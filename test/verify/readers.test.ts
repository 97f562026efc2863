// The readers of the compiler's output, run on what clang-19 actually prints: the record
// layout dump and the diagnostics of failed assertions.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import {
  CHECK_TAG,
  PROBE_FILE,
  parseProbeDiagnostics,
  parseRecordDump,
} from "../../src/verify/index.js";
import { clangCommand, describeWith, needClang } from "../support/environment.js";

describeWith([needClang()], "readers of clang-19 output", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-readers-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = [
    "struct inner { int x; };",
    "typedef struct { char c; } anon_t;",
    "struct outer {",
    "  char a;",
    "  unsigned int bits : 3;",
    "  int : 0;",
    "  struct inner in;",
    "  union { int u; char v; };",
    "  anon_t t[2];",
    "  long long tail : 40;",
    "};",
    '_Static_assert(sizeof(struct outer) > 0, "layout");',
    '_Static_assert(sizeof(anon_t) > 0, "layout");',
  ].join("\n");

  it("parses every block, member, nesting level and bit range", () => {
    const file = join(dir, "dump.c");
    writeFileSync(file, source);
    const out = execFileSync(
      clangCommand,
      [
        "--target=x86_64-unknown-freebsd13.0",
        "-ffreestanding",
        "-nostdinc",
        "-fsyntax-only",
        "-Xclang",
        "-fdump-record-layouts",
        file,
      ],
      { encoding: "utf8" },
    );
    const records = parseRecordDump(out);
    const outer = records.find((r) => r.name === "outer")!;
    expect(outer.kind).toBe("struct");
    expect(outer.nested).toBe(false);
    expect(outer.members.map((m) => m.name)).toEqual(["a", "bits", "", "in", "", "t", "tail"]);
    const [a, bits, zero, inner, anon, arr, tail] = outer.members;
    expect(a.bitWidth).toBeNull();
    expect(bits).toMatchObject({ bitOffset: 8, bitWidth: 3, typeText: "unsigned int" });
    expect(zero).toMatchObject({ bitOffset: 32, bitWidth: 0 });
    expect(inner.children.map((c) => c.name)).toEqual(["x"]);
    expect(anon.children.map((c) => c.name)).toEqual(["u", "v"]);
    expect(arr.children).toEqual([]);
    expect(tail.bitWidth).toBe(40);
    // The numbers read agree with what clang evaluates for sizeof, _Alignof and offsetof.
    const probe = join(dir, "size.c");
    const queries = [
      "sizeof(struct outer)",
      "_Alignof(struct outer)",
      "__builtin_offsetof(struct outer, in.x)",
      "__builtin_offsetof(struct outer, v)",
      "__builtin_offsetof(struct outer, t)",
    ];
    writeFileSync(probe, `${source}\nint values[] = { ${queries.join(", ")} };\n`);
    const asm = execFileSync(
      clangCommand,
      [
        "--target=x86_64-unknown-freebsd13.0",
        "-ffreestanding",
        "-nostdinc",
        "-S",
        "-o",
        "-",
        probe,
      ],
      { encoding: "utf8" },
    );
    const values = [...asm.matchAll(/^\s+\.long\s+(\d+)/gm)].map((m) => Number(m[1]));
    expect([
      outer.size,
      outer.align,
      inner.children[0].bitOffset / 8,
      anon.children[1].bitOffset / 8,
      arr.bitOffset / 8,
    ]).toEqual(values);
    const nested = records.find((r) => r.nested)!;
    expect(nested.kind).toBe("union");
    expect(nested.definedAt).toMatchObject({ line: 8 });
  });

  it("maps failed and rejected assertions back to their checks with the compiler's values", () => {
    const file = join(dir, "asserts.c");
    writeFileSync(
      file,
      [
        "struct s { char c; int i; };",
        `# 1 "${PROBE_FILE}"`,
        `_Static_assert(sizeof(struct s) == 8, "${CHECK_TAG}0");`,
        `_Static_assert(sizeof(struct s) == 5, "${CHECK_TAG}1");`,
        `_Static_assert(__builtin_offsetof(struct s, i) == 1, "${CHECK_TAG}2");`,
        `_Static_assert(__builtin_offsetof(struct s, nope) == 1, "${CHECK_TAG}3");`,
      ].join("\n"),
    );
    const r = spawnSync(clangCommand, ["-fsyntax-only", "-ferror-limit=0", file], {
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    const parsed = parseProbeDiagnostics(r.stderr);
    expect(parsed.otherErrors).toEqual([]);
    expect(parsed.failed.map((f) => [f.index, f.actual])).toEqual([
      [1, 8],
      [2, 4],
      [3, null],
    ]);
    expect(parsed.failed[2].rejection).toMatch(/no member named 'nope'/);
  });

  it("keeps errors outside the assertions apart", () => {
    const parsed = parseProbeDiagnostics("sys/x.h:3:5: error: unknown type name 'foo_t'\n");
    expect(parsed.otherErrors).toEqual([
      { file: "sys/x.h", line: 3, column: 5, message: "unknown type name 'foo_t'" },
    ]);
    expect(parsed.failed).toEqual([]);
  });
});
