// Unit tests emitted into the crate (run by `cargo test`) for each record's bitfield
// accessors: every field takes its widest value and reads it back, and (in a struct)
// clearing a field leaves the next one alone, so units that overlap or misplaced bits show up.
import type { CType } from "../../ir/index.js";
import type { BitfieldMember, PlannedMember } from "./record-members.js";
import type { TypeSpeller } from "./rust-types.js";
import type { LineShaper } from "./shaped-lines.js";

type Unit = Extract<PlannedMember, { kind: "bitfields" }>;

export function setterName(field: string): string {
  return `set_${field.endsWith("_") ? field.slice(0, -1) : field}`;
}

/** The fields that get accessors (named, non-zero width, at most 64 bits wide). */
export function accessibleFields(
  unit: Unit,
  sizeOf: (type: CType) => number,
): (BitfieldMember & { name: string })[] {
  return unit.fields.filter(
    (f): f is BitfieldMember & { name: string } =>
      f.name !== null && f.width > 0 && sizeOf(f.type) <= 8,
  );
}

export function bitfieldTest(
  name: string,
  kind: "struct" | "union",
  units: Unit[],
  types: TypeSpeller,
  sizeOf: (type: CType) => number,
  shaper: LineShaper,
): string | null {
  const fields = units.flatMap((u) => accessibleFields(u, sizeOf));
  if (fields.length === 0) return null;
  const isBool = (f: BitfieldMember) => types.rust(f.type) === "bool";
  const full = (f: BitfieldMember) =>
    f.width >= 64 ? "u64::MAX" : `${(1n << BigInt(f.width)) - 1n}u64`;
  const set = (f: BitfieldMember & { name: string }, value: "full" | "zero") => {
    const rust = types.rust(f.type);
    const v = isBool(f)
      ? String(value === "full")
      : value === "full"
        ? `${full(f)} as ${rust}`
        : `0 as ${rust}`;
    return shaper.call(8, `r.${setterName(f.name)}`, [v]);
  };
  const holds = (f: BitfieldMember & { name: string }, value: "full" | "zero") => {
    if (isBool(f)) return shaper.call(8, "assert_eq!", [`r.${f.name}()`, `${value === "full"}`]);
    const mask = full(f);
    const args = [`r.${f.name}() as u64 & ${mask}`, value === "full" ? mask : "0u64"];
    return shaper.call(8, "assert_eq!", args);
  };
  const lines = [shaper.plain(`        let mut r = ${name}::default();`)];
  if (kind === "union") {
    // Members of a union share their bits: each is checked on its own.
    for (const f of fields)
      lines.push(set(f, "full"), holds(f, "full"), set(f, "zero"), holds(f, "zero"));
  } else {
    for (const f of fields) lines.push(set(f, "full"));
    for (const f of fields) lines.push(holds(f, "full"));
    fields.forEach((f, i) => {
      lines.push(set(f, "zero"), holds(f, "zero"));
      if (i + 1 < fields.length) lines.push(holds(fields[i + 1], "full"));
    });
  }
  // Indented for its place in the crate's `mod bitfield_tests`.
  const head = shaper.plain(`    fn bitfields_${name}() {`);
  return `    #[test]\n${head}\n${lines.join("\n")}\n    }\n`;
}
