// The emitter's own layout against rustfmt at test time: items of every form the emitter
// writes, with names and types whose lengths sweep across the widths where rustfmt changes
// its mind (99/100/101 columns, 60 columns of arguments, the next-line choice of `lhs: T`),
// come out of the LineShaper exactly as rustfmt formats the same items written on one line.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import type { RustChunk } from "../../src/emit/rust/chunks.js";
import { formatChunks } from "../../src/emit/rust/rustfmt.js";
import { LineShaper } from "../../src/emit/rust/shaped-lines.js";
import { describeWith, needCommand } from "../support/environment.js";

const needRustfmt = needCommand("rustfmt", "install Rust (rustup) with rustfmt");

const name = (stem: string, length: number) => (stem + "_".repeat(length)).slice(0, length);
const C_INT = "::core::ffi::c_int";
const fnPointer = (params: string[], ret = C_INT) =>
  `::core::option::Option<unsafe extern "C" fn(${params.join(", ")}) -> ${ret}>`;
const params = (count: number, type: string) =>
  Array.from({ length: count }, (_, i) => `arg${i + 1}: ${type}`);

interface Item {
  /** The item as one unformatted line (wrapped in what it needs to parse). */
  raw: string;
  /** The same item from the shaper. */
  ours: string;
}

function items(shaper: LineShaper): Item[] {
  const out: Item[] = [];
  const externFn = (fn: string, ps: string[], ret: string | null) => {
    const line = `    pub fn ${fn}(${ps.join(", ")})${ret ? ` -> ${ret}` : ""};`;
    const ours = shaper.signature(4, `pub fn ${fn}`, ps, ret, ";");
    out.push({
      raw: `unsafe extern "C" {\n${line}\n}\n`,
      ours: `unsafe extern "C" {\n${ours}\n}\n`,
    });
  };
  for (let n = 8; n <= 64; n += 1) {
    externFn(
      name("f", n),
      [`${name("first", 1 + (n % 23))}: *mut ${name("thing", n)}`, `arg2: ${C_INT}`],
      "*mut u8",
    );
    externFn(name("v", n), [`arg1: *mut ${name("t", n)}`, "..."], C_INT);
    externFn(name("r", n), ["a: u8"], fnPointer(params(n % 5, "u64")));
    const staticType = fnPointer(params(n % 4, "*mut u8"));
    out.push({
      raw: `unsafe extern "C" {\n    pub static mut ${name("s", n)}: ${staticType};\n}\n`,
      ours: `unsafe extern "C" {\n${shaper.typed(4, `pub static mut ${name("s", n)}:`, staticType, ";")}\n}\n`,
    });
    const fieldType = fnPointer(params(n % 6, "*mut u32"));
    out.push({
      raw: `pub struct s${n} {\n    pub ${name("field", n)}: ${fieldType},\n}\n`,
      ours: `pub struct s${n} {\n${shaper.typed(4, `pub ${name("field", n)}:`, fieldType, ",")}\n}\n`,
    });
    const aliasType = fnPointer([`a: ${fnPointer(params(n % 3, "u8"))}`]);
    out.push({
      raw: `pub type ${name("alias", n)} = ${aliasType};\n`,
      ours: `${shaper.typed(0, `pub type ${name("alias", n)} =`, aliasType, ";")}\n`,
    });
    const literal = `b"${"x".repeat(n + 20)}\\0"`;
    out.push({
      raw: `pub const ${name("C", n)}: &[u8; 4usize] = ${literal};\n`,
      ours: `${shaper.constant(`pub const ${name("C", n)}: &[u8; 4usize] =`, literal)}\n`,
    });
    const record = name("rec", n);
    const field = name("f", 1 + ((n * 7) % 40));
    out.push({
      raw:
        `const _: () = {\n    assert!(::core::mem::size_of::<${record}>() == 8usize);\n` +
        `    assert!(::core::mem::offset_of!(${record}, ${field}) == 16usize);\n};\n`,
      ours:
        `const _: () = {\n${shaper.sizeAssertion(4, "::core::mem::size_of", record, "8usize")}\n` +
        `${shaper.offsetAssertion(4, record, field, "16usize")}\n};\n`,
    });
    const mask = `${(1n << BigInt(n)) - 1n}u64`;
    const getter = `r.${name("g", 1 + (n % 30))}() as u64 & ${mask}`;
    const bits = `${name("b", n)} as u32 as u64`;
    out.push({
      raw:
        `fn t${n}() {\n    assert_eq!(${getter}, ${mask});\n` +
        `    __bindgen_bitfield_unit.set(0usize, 1u8, ${bits});\n}\n`,
      ours:
        `fn t${n}() {\n${shaper.call(4, "assert_eq!", [getter, mask])}\n` +
        `${shaper.call(4, "__bindgen_bitfield_unit.set", ["0usize", "1u8", bits])}\n}\n`,
    });
    const ctorParams = params(1 + (n % 7), name("t", 1 + (n % 20)));
    const unit = "__BindgenBitfieldUnit<[u8; 8usize]>";
    out.push({
      raw: `impl x${n} {\n    pub fn new_bitfield_1(${ctorParams.join(", ")}) -> ${unit} {\n        x\n    }\n}\n`,
      ours: `impl x${n} {\n${shaper.signature(4, "pub fn new_bitfield_1", ctorParams, unit, " {")}\n        x\n    }\n}\n`,
    });
  }
  return out;
}

function rustfmt(source: string): string {
  const run = spawnSync("rustfmt", ["--edition", "2021", "--emit", "stdout", "--quiet"], {
    input: source,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describeWith([needRustfmt], "items laid out as rustfmt formats them", () => {
  it("matches rustfmt on every item form the emitter writes", () => {
    const shaper = new LineShaper();
    const all = items(shaper);
    expect(shaper.reset(), "some line could not be shaped").toBe(false);
    const expected = rustfmt(all.map((i) => i.raw).join("")).split(/\n(?=\S)/);
    const actual = all
      .map((i) => i.ours)
      .join("")
      .split(/\n(?=\S)/);
    // Compared item by item (top-level lines), so a failure shows the one that differs.
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      expect(actual[i], `item ${i}`).toBe(expected[i]);
    }
  });

  it("remembers a line it cannot shape, and keeps it as written", () => {
    const shaper = new LineShaper();
    const long = `        let mut r = ${"x".repeat(100)}::default();`;
    expect(shaper.plain(long)).toBe(long);
    expect(shaper.reset()).toBe(true);
    expect(shaper.plain("        let mut r = x::default();")).toContain("x::default");
    expect(shaper.reset()).toBe(false);
  });

  it("hands only the items marked unshaped to rustfmt, extern members included", () => {
    const long = `pub fn odd() {\n    let ${"x".repeat(40)} = call(${"1, ".repeat(30)}2);\n}\n`;
    const shaped = "pub type a = u8;\n";
    const member = `    pub fn f(${"a: u8, ".repeat(20)}b: u8);\n`;
    const chunks: RustChunk[] = [
      { text: long, format: true },
      { text: shaped },
      { text: member, extern: true, format: true },
    ];
    expect(formatChunks(chunks)).toBe(true);
    expect(chunks[0].text).toBe(rustfmt(long));
    expect(chunks[1].text).toBe(shaped);
    expect(chunks[2].text).toMatch(/^    pub fn f\(\n        a: u8,\n/);
    expect(chunks[2].text.endsWith("    );\n")).toBe(true);
  });
});
