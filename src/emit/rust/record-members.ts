// Plans the Rust members of one struct or union from its C layout: ordinary fields,
// bitfield storage units, anonymous members and explicit padding, placed so that Rust's
// repr(C) rules land every member at the offset the layout engine computed.
import type { CType, RecordDecl } from "../../ir/index.js";
import type { FieldLayout, RecordLayout } from "../../layout/index.js";
import { rustIdent } from "./keywords.js";

export interface BitfieldMember {
  /** Rust name; null for an unnamed bitfield (padding inside the unit, no accessor). */
  name: string | null;
  type: CType;
  /** Bit offset from the start of the storage unit. */
  bitOffset: number;
  width: number;
}

export type PlannedMember =
  | { kind: "field"; name: string; type: CType; offset: number; flexible: boolean }
  | {
      kind: "bitfields";
      index: number;
      offset: number;
      bytes: number;
      align: number;
      fields: BitfieldMember[];
    }
  | { kind: "padding"; name: string; offset: number; bytes: number };

export interface RecordPlan {
  members: PlannedMember[];
  /** `packed` or `packed(N)` when C packs members below their natural alignment. */
  packed: number | null;
  /** `align(N)` when the C alignment exceeds what the members give. */
  align: number | null;
}

export interface Metrics {
  size: number;
  align: number;
}

const roundUp = (n: number, a: number) => Math.ceil(n / a) * a;

/**
 * The member plan, or null when no repr(C) struct can reproduce the layout (the record is
 * then emitted as an opaque blob of the right size and alignment).
 */
export function planRecord(
  decl: RecordDecl,
  layout: RecordLayout,
  measure: (type: CType) => Metrics,
): RecordPlan | null {
  const members = collectMembers(layout, measure);
  // Measured once per member: the placement below asks for each several times.
  const naturals: Metrics[] = [];
  let misaligned = false;
  let maxNatural = 1;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const metrics = measureMember(m, measure);
    naturals.push(metrics);
    if (m.offset % metrics.align !== 0) misaligned = true;
    if (metrics.align > maxNatural) maxNatural = metrics.align;
  }
  const packed =
    misaligned || layout.align < maxNatural || (decl.attributes.packed && layout.align < maxNatural)
      ? layout.align
      : null;
  const effective = (align: number) => (packed === null ? align : Math.min(align, packed));

  const placed: PlannedMember[] = [];
  // The effective alignment of each placed member (1 for padding).
  let rustAlign = 1;
  let end = 0;
  let paddingCount = 0;
  const pad = (bytes: number, at: number) => {
    placed.push({
      kind: "padding",
      name: `__bindgen_padding_${paddingCount++}`,
      offset: at,
      bytes,
    });
  };
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const metrics = naturals[i]!;
    const align = effective(metrics.align);
    if (align > rustAlign) rustAlign = align;
    if (layout.kind === "union") {
      placed.push(m);
      end = Math.max(end, metrics.size);
      continue;
    }
    const at = roundUp(end, align);
    if (at > m.offset) return null;
    if (at < m.offset) {
      if (roundUp(m.offset, align) !== m.offset) return null;
      pad(m.offset - end, end);
    }
    placed.push(m);
    end = m.offset + metrics.size;
  }
  let align: number | null = null;
  if (layout.align > rustAlign) {
    if (packed !== null) return null;
    align = layout.align;
  }
  const finalAlign = Math.max(rustAlign, align ?? 1);
  if (roundUp(end, finalAlign) < layout.size) {
    pad(layout.size - (layout.kind === "union" ? 0 : end), layout.kind === "union" ? 0 : end);
    end = layout.size;
  }
  if (roundUp(end, finalAlign) !== layout.size) return null;
  return { members: placed, packed, align };
}

function measureMember(m: PlannedMember, measure: (type: CType) => Metrics): Metrics {
  if (m.kind === "field") {
    const element = m.flexible && m.type.kind === "array" ? m.type.element : m.type;
    const metrics = measure(element);
    return { size: m.flexible ? 0 : metrics.size, align: metrics.align };
  }
  if (m.kind === "bitfields") return { size: m.bytes, align: m.align };
  return { size: m.bytes, align: 1 };
}

function collectMembers(layout: RecordLayout, measure: (type: CType) => Metrics): PlannedMember[] {
  const out: PlannedMember[] = [];
  let anonCount = 0;
  let unitCount = 0;
  let run: FieldLayout[] = [];
  const flush = () => {
    // A run of only zero-width bitfields holds no bits: it just moves the next field,
    // which the planner's padding reproduces.
    if (run.some((f) => (f.bitWidth ?? 0) > 0)) {
      out.push(bitfieldUnit(run, ++unitCount, layout.kind === "union", measure));
    }
    run = [];
  };
  for (const f of layout.fields) {
    if (f.bitWidth !== null) {
      run.push(f);
      continue;
    }
    flush();
    const name = f.name === null ? `__bindgen_anon_${++anonCount}` : rustIdent(f.name);
    out.push({ kind: "field", name, type: f.type, offset: f.offset, flexible: f.flexible });
  }
  flush();
  return out;
}

function bitfieldUnit(
  run: FieldLayout[],
  index: number,
  inUnion: boolean,
  measure: (type: CType) => Metrics,
): PlannedMember {
  const startByte = inUnion ? 0 : Math.floor(Math.min(...run.map((f) => f.bitOffset)) / 8);
  const endBit = Math.max(...run.map((f) => f.bitOffset + (f.bitWidth ?? 0)));
  const bytes = Math.max(1, Math.ceil(endBit / 8) - startByte);
  // The unit is a byte array; a zero-length array member carries the declared types'
  // alignment, limited to what the unit's offset allows.
  let align = Math.max(...run.map((f) => measure(f.type).align));
  while (align > 1 && startByte % align !== 0) align /= 2;
  return {
    kind: "bitfields",
    index,
    offset: startByte,
    bytes,
    align,
    fields: run.map((f) => ({
      name: f.name === null ? null : rustIdent(f.name),
      type: f.type,
      bitOffset: f.bitOffset - startByte * 8,
      width: f.bitWidth ?? 0,
    })),
  };
}
