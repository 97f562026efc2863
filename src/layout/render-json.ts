// Machine-readable layouts: every record with its size, alignment, members, holes and
// padding, in source order. Deterministic: same input, same bytes.
import { spellType } from "./type-spelling.js";
import type { RecordLayout } from "./types.js";

export function layoutsToJson(
  target: string,
  layouts: RecordLayout[],
  names: Map<string, string>,
): string {
  const records = layouts.map((l) => ({
    id: l.id,
    name: names.get(l.id) ?? null,
    kind: l.kind,
    size: l.size,
    align: l.align,
    location: l.location,
    fields: l.fields.map((f) => ({
      name: f.name,
      type: spellType(f.type),
      offset: f.offset,
      bitOffset: f.bitOffset,
      bitWidth: f.bitWidth,
      size: f.size,
      align: f.align,
      flexible: f.flexible,
    })),
    holes: l.holes.map((h) => ({
      bitOffset: h.bitOffset,
      bits: h.bits,
      beforeField: h.beforeField,
    })),
    tailPaddingBits: l.tailPaddingBits,
  }));
  return JSON.stringify({ target, records }, null, 2) + "\n";
}
