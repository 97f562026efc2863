// Rust text for one struct or union: the repr(C) item, bitfield accessors, a zeroing
// Default, and compile-time assertions that Rust's layout equals the computed C layout.
import type { CType, RecordDecl } from "../../ir/index.js";
import type { RecordLayout } from "../../layout/index.js";
import type { PlannedMember, RecordPlan } from "./record-members.js";
import { accessibleFields, bitfieldTest, setterName } from "./bitfield-tests.js";
import { blobType, type TypeSpeller } from "./rust-types.js";
import type { LineShaper } from "./shaped-lines.js";

export interface RecordTraits {
  /** Every member is Copy (no flexible array anywhere inside). */
  copy: boolean;
  /** Every member is Debug (no union anywhere inside). */
  debug: boolean;
  /** Whether a field of this type must be wrapped in ManuallyDrop inside a union. */
  needsManuallyDrop: (type: CType) => boolean;
}

export interface RecordText {
  item: string;
  assertions: string;
  /** A `#[test]` of the bitfield accessors, when the record has any. */
  test: string | null;
  /** Which of the three have a line not in rustfmt's shape. */
  unshaped: { item: boolean; assertions: boolean; test: boolean };
}

function derives(kind: "struct" | "union", traits: RecordTraits, packed: boolean): string {
  const list: string[] = [];
  if (kind === "struct" && traits.debug && (traits.copy || !packed)) list.push("Debug");
  if (traits.copy) list.push("Copy", "Clone");
  return list.length ? `#[derive(${list.join(", ")})]\n` : "";
}

function reprAttr(plan: RecordPlan | null): string {
  if (!plan) return "#[repr(C)]\n";
  const parts = ["C"];
  if (plan.packed !== null) parts.push(plan.packed === 1 ? "packed" : `packed(${plan.packed})`);
  if (plan.align !== null) parts.push(`align(${plan.align})`);
  return `#[repr(${parts.join(", ")})]\n`;
}

function unsignedOfSize(size: number): string {
  return size <= 1 ? "u8" : size <= 2 ? "u16" : size <= 4 ? "u32" : "u64";
}

export function emitRecord(
  decl: RecordDecl,
  layout: RecordLayout,
  name: string,
  plan: RecordPlan | null,
  traits: RecordTraits,
  types: TypeSpeller,
  sizeOf: (type: CType) => number,
  shaper: LineShaper,
): RecordText {
  const kind = layout.kind;
  const lines: string[] = [];
  const offsets: [string, number][] = [];
  if (plan === null) {
    lines.push(`    pub _bindgen_opaque_blob: ${blobType(layout.size, layout.align)},`);
  } else {
    for (const m of plan.members) memberLines(m, kind, traits, types, offsets, lines, shaper);
  }
  const opaqueAlign =
    plan === null && layout.align > 16 ? `#[repr(C, align(${layout.align}))]\n` : null;
  let item =
    (opaqueAlign ?? reprAttr(plan)) +
    derives(
      kind,
      plan === null ? { ...traits, copy: true, debug: true } : traits,
      plan?.packed != null,
    ) +
    `pub ${kind} ${name} {\n${lines.join("\n")}\n}\n`;
  const bitfieldUnits = plan?.members.filter((m) => m.kind === "bitfields") ?? [];
  if (bitfieldUnits.length) {
    item += bitfieldImpl(name, kind, bitfieldUnits, types, sizeOf, shaper);
  }
  item += zeroedDefault(name);
  const itemUnshaped = shaper.reset();

  const checks = [
    shaper.sizeAssertion(4, "::core::mem::size_of", name, `${layout.size}usize`),
    shaper.sizeAssertion(4, "::core::mem::align_of", name, `${layout.align}usize`),
  ];
  for (const [field, offset] of offsets) {
    checks.push(shaper.offsetAssertion(4, name, field, `${offset}usize`));
  }
  const assertionsUnshaped = shaper.reset();
  void decl;
  const test = bitfieldUnits.length
    ? bitfieldTest(name, kind, bitfieldUnits, types, sizeOf, shaper)
    : null;
  return {
    item,
    assertions: `const _: () = {\n${checks.join("\n")}\n};\n`,
    test,
    unshaped: { item: itemUnshaped, assertions: assertionsUnshaped, test: shaper.reset() },
  };
}

function memberLines(
  m: PlannedMember,
  kind: "struct" | "union",
  traits: RecordTraits,
  types: TypeSpeller,
  offsets: [string, number][],
  lines: string[],
  shaper: LineShaper,
): void {
  switch (m.kind) {
    case "padding":
      offsets.push([m.name, m.offset]);
      lines.push(`    pub ${m.name}: [u8; ${m.bytes}usize],`);
      return;
    case "bitfields": {
      const unit = `_bitfield_${m.index}`;
      offsets.push([unit, m.offset]);
      lines.push(
        `    pub _bitfield_align_${m.index}: [${unsignedOfSize(m.align)}; 0],`,
        `    pub ${unit}: __BindgenBitfieldUnit<[u8; ${m.bytes}usize]>,`,
      );
      return;
    }
    case "field": {
      offsets.push([m.name, m.offset]);
      let spelled: string;
      if (m.flexible && m.type.kind === "array") {
        spelled = `__IncompleteArrayField<${types.rust(m.type.element)}>`;
      } else {
        spelled = types.rust(m.type);
        if (kind === "union" && traits.needsManuallyDrop(m.type)) {
          spelled = `::core::mem::ManuallyDrop<${spelled}>`;
        }
      }
      lines.push(shaper.typed(4, `pub ${m.name}:`, spelled, ","));
    }
  }
}

/** The body of every record's Default impl: one flat string, shared by every record. */
const ZEROED_DEFAULT_BODY = [
  "    fn default() -> Self {",
  "        let mut s = ::core::mem::MaybeUninit::<Self>::uninit();",
  "        unsafe {",
  "            ::core::ptr::write_bytes(s.as_mut_ptr(), 0, 1);",
  "            s.assume_init()",
  "        }",
  "    }",
  "}",
  "",
].join("\n");

function zeroedDefault(name: string): string {
  return `impl Default for ${name} {\n${ZEROED_DEFAULT_BODY}`;
}

/** Reading a union's field is unsafe; a struct's is not (and `unsafe` there would warn). */
function unionAccess(kind: "struct" | "union", expression: string): string {
  return kind === "union" ? `unsafe { ${expression} }` : expression;
}

function toBits(value: string, rust: string, raw: string): string {
  return rust === "bool" ? `${value} as u64` : `${value} as ${raw} as u64`;
}

function bitfieldImpl(
  name: string,
  kind: "struct" | "union",
  units: Extract<PlannedMember, { kind: "bitfields" }>[],
  types: TypeSpeller,
  sizeOf: (type: CType) => number,
  shaper: LineShaper,
): string {
  const body: string[] = [];
  for (const unit of units) {
    const accessible = accessibleFields(unit, sizeOf);
    const storage = `self._bitfield_${unit.index}`;
    for (const f of accessible) {
      const rust = types.rust(f.type);
      const raw = unsignedOfSize(sizeOf(f.type));
      // Integers (and enums, which are integer aliases) convert bit for bit with `as`.
      const get = `${storage}.get(${f.bitOffset}usize, ${f.width}u8)`;
      const read = rust === "bool" ? `${get} != 0` : `${get} as ${raw} as ${rust}`;
      const set = `${storage}.set(${f.bitOffset}usize, ${f.width}u8, ${toBits("val", rust, raw)})`;
      const getter = shaper.signature(4, `pub fn ${f.name}`, ["&self"], rust, " {");
      const setter = shaper.signature(
        4,
        `pub fn ${setterName(f.name)}`,
        ["&mut self", `val: ${rust}`],
        null,
        " {",
      );
      // `self._bitfield_N.get(..)` is a chain of two: rustfmt's 60 columns apply to it.
      body.push(
        `    #[inline]\n${getter}\n${shaper.plain(`        ${unionAccess(kind, read)}`, get)}\n    }\n` +
          `    #[inline]\n${setter}\n${shaper.plain(`        ${unionAccess(kind, set)}`, set)}\n    }`,
      );
    }
    const params = accessible.map((f) => `${f.name}: ${types.rust(f.type)}`);
    const unitType = `__BindgenBitfieldUnit<[u8; ${unit.bytes}usize]>`;
    const sets = accessible
      .map((f) => {
        const bits = toBits(f.name, types.rust(f.type), unsignedOfSize(sizeOf(f.type)));
        const args = [`${f.bitOffset}usize`, `${f.width}u8`, bits];
        return `${shaper.call(8, "__bindgen_bitfield_unit.set", args)}\n`;
      })
      .join("");
    body.push(
      `    #[inline]\n${shaper.signature(4, `pub fn new_bitfield_${unit.index}`, params, unitType, " {")}\n` +
        `        let mut __bindgen_bitfield_unit: ${unitType} =\n` +
        `            __BindgenBitfieldUnit::new([0u8; ${unit.bytes}usize]);\n` +
        sets +
        `        __bindgen_bitfield_unit\n` +
        `    }`,
    );
  }
  return `impl ${name} {\n${body.join("\n")}\n}\n`;
}
