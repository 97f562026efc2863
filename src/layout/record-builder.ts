// The record layout algorithm for ELF targets (Itanium-style C layout), over a small model
// of already-measured fields. Everything is in bits so bitfields need no special units.
import type { BitfieldRules } from "../targets/types.js";

/** A field reduced to what placement needs; sizes and alignments in bits. */
export interface FieldInput {
  /** Null for unnamed bitfields and anonymous members. */
  name: string | null;
  /** sizeof the declared type, in bits (the storage unit for a bitfield). */
  typeSizeBits: number;
  /** ABI alignment of the declared type, typedef alignment included, in bits. */
  typeAlignBits: number;
  /** Bitfield width; null for ordinary fields. */
  bitWidth: number | null;
  /** __attribute__((packed)) on the field itself. */
  packed: boolean;
  /** aligned(N) on the field, in bits; 0 when absent. */
  explicitAlignBits: number;
  /** Incomplete array type (flexible array member): no size, but its element's alignment. */
  flexible: boolean;
}

export interface RecordInput {
  kind: "struct" | "union";
  packed: boolean;
  /** aligned(N) on the record, in bits; 0 when absent. */
  explicitAlignBits: number;
  /** `#pragma pack(N)` in effect, in bits; 0 when none. */
  maxFieldAlignBits: number;
  fields: FieldInput[];
}

export interface PlacedField {
  bitOffset: number;
  /** The alignment the field was placed with, in bits. */
  alignBits: number;
}

export interface RecordPlacement {
  sizeBits: number;
  alignBits: number;
  fields: PlacedField[];
}

const CHAR_BITS = 8;

function alignTo(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

/** Lays out one record. Pure: the same input always gives the same placement. */
export function placeRecord(record: RecordInput, rules: BitfieldRules): RecordPlacement {
  const isUnion = record.kind === "union";
  const maxFieldAlign = record.maxFieldAlignBits;
  let dataSize = 0;
  let size = 0;
  let unfilledBitsInLastUnit = 0;
  // A record's own aligned() applies whatever pragma pack says.
  let alignment = Math.max(CHAR_BITS, record.explicitAlignBits);
  const placed: PlacedField[] = [];

  const fields = record.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const fieldPacked = record.packed || field.packed;
    let offset: number;
    let fieldAlign: number;

    if (field.bitWidth !== null) {
      const width = field.bitWidth;
      offset = isUnion ? 0 : dataSize - unfilledBitsInLastUnit;
      fieldAlign = field.typeAlignBits;
      if (!rules.useBitfieldTypeAlignment) {
        fieldAlign =
          width === 0 && rules.useZeroLengthBitfieldAlignment
            ? Math.max(fieldAlign, rules.zeroLengthBitfieldBoundary ?? 0)
            : 1;
      }
      let unpackedAlign = fieldAlign;
      // Packed drops the type's alignment, except for the zero-width separator.
      if (fieldPacked && width !== 0) fieldAlign = 1;
      const explicit = field.explicitAlignBits;
      if (explicit) {
        fieldAlign = Math.max(fieldAlign, explicit);
        unpackedAlign = Math.max(unpackedAlign, explicit);
      }
      // #pragma pack outranks even aligned(), for bitfields that have a width.
      if (maxFieldAlign && width !== 0) {
        unpackedAlign = Math.min(unpackedAlign, maxFieldAlign);
        fieldAlign = fieldPacked ? unpackedAlign : Math.min(fieldAlign, maxFieldAlign);
      }
      // #pragma pack suppresses the padding that keeps a bitfield inside one storage unit.
      const allowPadding = maxFieldAlign === 0;
      if (width === 0 || (allowPadding && (offset % fieldAlign) + width > field.typeSizeBits)) {
        offset = alignTo(offset, fieldAlign);
      } else if (explicit && (maxFieldAlign === 0 || explicit <= maxFieldAlign)) {
        offset = alignTo(offset, explicit);
      }
      placed.push({ bitOffset: offset, alignBits: fieldAlign });
      // Unnamed bitfields leave the record's alignment alone unless the ABI says otherwise.
      if (!rules.useZeroLengthBitfieldAlignment && field.name === null) fieldAlign = 1;
      if (isUnion) {
        dataSize = Math.max(dataSize, alignTo(width, CHAR_BITS));
      } else {
        const end = offset + width;
        dataSize = alignTo(end, CHAR_BITS);
        unfilledBitsInLastUnit = dataSize - end;
      }
      size = Math.max(size, dataSize);
      alignment = Math.max(alignment, fieldAlign);
      continue;
    }

    unfilledBitsInLastUnit = 0;
    offset = isUnion ? 0 : dataSize;
    const fieldSize = field.flexible ? 0 : field.typeSizeBits;
    let unpackedAlign = Math.max(field.typeAlignBits, field.explicitAlignBits);
    let packedAlign = Math.max(CHAR_BITS, field.explicitAlignBits);
    // #pragma pack outranks aligned() on ordinary fields too.
    if (maxFieldAlign) {
      unpackedAlign = Math.min(unpackedAlign, maxFieldAlign);
      packedAlign = Math.min(packedAlign, maxFieldAlign);
    }
    fieldAlign = fieldPacked ? packedAlign : unpackedAlign;
    offset = alignTo(offset, fieldAlign);
    placed.push({ bitOffset: offset, alignBits: fieldAlign });
    dataSize = isUnion ? Math.max(dataSize, fieldSize) : offset + fieldSize;
    size = Math.max(size, dataSize);
    alignment = Math.max(alignment, fieldAlign);
  }

  return { sizeBits: alignTo(size, alignment), alignBits: alignment, fields: placed };
}
