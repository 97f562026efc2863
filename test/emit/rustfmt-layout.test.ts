// The emitter's own layout against rustfmt at test time: items of every form the emitter
// writes, with names and types whose lengths sweep across the widths where rustfmt changes
// its mind (99/100/101 columns, 60 columns of arguments, the next-line choice of `lhs: T`),
// are laid out by layoutChunkText exactly as rustfmt formats the same unformatted items.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { layoutChunkText } from "../../src/emit/rust/chunk-layout.js";
import { inRustfmtShape } from "../../src/emit/rust/chunks.js";
import { describeWith, needCommand } from "../support/environment.js";

const needRustfmt = needCommand("rustfmt", "install Rust (rustup) with rustfmt");

const name = (stem: string, length: number) => (stem + "_".repeat(length)).slice(0, length);
const C_INT = "::core::ffi::c_int";
const fnPointer = (params: string[], ret = C_INT) =>
  `::core::option::Option<unsafe extern "C" fn(${params.join(", ")}) -> ${ret}>`;
const params = (count: number, type: string) =>
  Array.from({ length: count }, (_, i) => `arg${i + 1}: ${type}`);

/** Unformatted items, one per entry, each as the emitter writes it on one line. */
function items(): string[] {
  const out: string[] = [];
  for (let n = 8; n <= 64; n += 1) {
    const p = [`${name("first", 1 + (n % 23))}: *mut ${name("thing", n)}`, `arg2: ${C_INT}`];
    out.push(`unsafe extern "C" {\n    pub fn ${name("f", n)}(${p.join(", ")}) -> *mut u8;\n}\n`);
    out.push(
      `unsafe extern "C" {\n    pub fn ${name("v", n)}(arg1: *mut ${name("t", n)}, ...) -> ${C_INT};\n}\n`,
    );
    out.push(
      `unsafe extern "C" {\n    pub fn ${name("r", n)}(a: u8) -> ${fnPointer(params(n % 5, "u64"))};\n}\n`,
    );
    out.push(
      `unsafe extern "C" {\n    pub static mut ${name("s", n)}: ${fnPointer(params(n % 4, "*mut u8"))};\n}\n`,
    );
    out.push(
      `pub struct s${n} {\n    pub ${name("field", n)}: ${fnPointer(params(n % 6, "*mut u32"))},\n}\n`,
    );
    out.push(
      `pub type ${name("alias", n)} = ${fnPointer([`a: ${fnPointer(params(n % 3, "u8"))}`])};\n`,
    );
    out.push(`pub const ${name("C", n)}: &[u8; 4usize] = b"${"x".repeat(n + 20)}\\0";\n`);
    const record = name("rec", n);
    out.push(
      `const _: () = {\n    assert!(::core::mem::size_of::<${record}>() == 8usize);\n` +
        `    assert!(::core::mem::offset_of!(${record}, ${name("f", 1 + ((n * 7) % 40))}) == 16usize);\n};\n`,
    );
    const mask = (1n << BigInt(n)) - 1n;
    out.push(
      `fn t${n}() {\n    assert_eq!(r.${name("g", 1 + (n % 30))}() as u64 & ${mask}u64, ${mask}u64);\n` +
        `    __bindgen_bitfield_unit.set(0usize, 1u8, ${name("b", n)} as u32 as u64);\n}\n`,
    );
    out.push(
      `impl x${n} {\n    #[inline]\n    pub fn new_bitfield_1(${params(1 + (n % 7), name("t", 1 + (n % 20))).join(", ")}) -> __BindgenBitfieldUnit<[u8; 8usize]> {\n        x\n    }\n}\n`,
    );
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
    const raw = items();
    const ours = raw.map((item) => layoutChunkText(item));
    const unshaped = raw.filter((_, i) => ours[i] === null);
    expect(unshaped, "items the rules could not shape").toEqual([]);
    const expected = rustfmt(raw.join("")).split(/\n(?=\S)/);
    const actual = ours.join("").split(/\n(?=\S)/);
    // Compared item by item (top-level lines), so a failure shows the one that differs.
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      expect(actual[i], `item ${i}`).toBe(expected[i]);
    }
  });

  it("hands an item with a line of unknown form to rustfmt instead", () => {
    const text = `pub fn odd() {\n    let ${"x".repeat(40)} = call(${"1, ".repeat(30)}2);\n}\n`;
    expect(inRustfmtShape({ text })).toEqual({ text, format: true });
    const short = "pub type a = u8;\n";
    expect(inRustfmtShape({ text: short })).toEqual({ text: short });
  });
});
