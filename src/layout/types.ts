// What the layout stage publishes: the placement of every record and field, in bytes and
// bits, plus the gaps between them. Plain data, serializable as-is.
import type { CType, DeclLocation } from "../ir/index.js";

/**
 * One direct member of a record. Bit offsets are in allocation order (the order the ABI
 * fills storage units in); on big-endian targets the emitter maps them to machine bits.
 */
export interface FieldLayout {
  /** Null for an anonymous member or an unnamed bitfield. */
  name: string | null;
  type: CType;
  /** Byte offset from the start of the record (the byte holding the first bit for bitfields). */
  offset: number;
  /** Bit offset from the start of the record. */
  bitOffset: number;
  /** Bitfield width in bits; null for ordinary fields. */
  bitWidth: number | null;
  /** Bytes the field occupies: its type's size (0 for flexible arrays); for bitfields, the declared type's size. */
  size: number;
  /** The alignment the field was placed with, in bytes (after packed, aligned and pragma pack). */
  align: number;
  /** True for a flexible array member (`x[]`). */
  flexible: boolean;
  location: DeclLocation;
}

/** A gap inside the record that no field occupies. */
export interface Hole {
  /** Bit offset where the gap starts. */
  bitOffset: number;
  /** Length in bits. */
  bits: number;
  /** Index in `fields` of the field that follows the gap. */
  beforeField: number;
}

export interface RecordLayout {
  id: string;
  kind: "struct" | "union";
  /** sizeof, in bytes. */
  size: number;
  /** _Alignof, in bytes. */
  align: number;
  fields: FieldLayout[];
  /** Gaps between fields (structs only: in a union every member starts at 0). */
  holes: Hole[];
  /** Bits after the last field up to the size. */
  tailPaddingBits: number;
  location: DeclLocation;
}

/**
 * A field as the compiler's flattened view lists it: nested record members (but not array
 * elements) expanded beneath their field, offsets measured from the outermost record.
 */
export interface FlatMember {
  depth: number;
  /** Name, or "" for anonymous members and unnamed bitfields. */
  name: string;
  /** Dotted path from the outermost record, skipping anonymous members ("u.x", "x"). */
  path: string;
  bitOffset: number;
  bitWidth: number | null;
  type: CType;
  /** Whether `path` can be used in offsetof: a named, non-bitfield member reached only through named or anonymous records. */
  addressable: boolean;
  location: DeclLocation;
}
