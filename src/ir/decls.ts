// Declarations of one translation unit: what the parser produces and every later stage
// (layout, Rust emission, verification, diff) consumes.
import type { CType, IntegerKind } from "./types.js";

/** Where an item was declared, in the kernel tree's own terms. */
export interface DeclLocation {
  /** Path relative to the kernel `sys/` directory when inside it (e.g. "amd64/include/pcpu.h"). */
  file: string;
  /** 1-based line in `file`. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /**
   * The header as the code includes it (e.g. "machine/pcpu.h", "sys/proc.h"): `file`
   * with the include root that reached it removed. Equal to `file` for plain trees.
   */
  header: string;
}

export interface FieldAttributes {
  packed?: true;
  /** aligned(N), bytes; a bare `aligned` becomes the target's maximum alignment. */
  aligned?: number;
}

export interface Field {
  /** Null for an anonymous member (its type is then an anonymous record) or unnamed bitfield. */
  name: string | null;
  type: CType;
  /** Bitfield width in bits, evaluated; null when not a bitfield. */
  bitWidth: number | null;
  attributes: FieldAttributes;
  location: DeclLocation;
}

export interface RecordAttributes {
  packed?: true;
  /** aligned(N), bytes; a bare `aligned` becomes the target's maximum alignment. */
  aligned?: number;
  /** __attribute__((transparent_union)) and the like: recorded, no layout effect. */
  other?: string[];
}

/**
 * A struct or union. Identity (`id`):
 * - tagged: "struct proc", "union sigval";
 * - anonymous inside another record: "<parent id>::anon<k>" with k counting the parent's
 *   anonymous records from 1 in source order;
 * - anonymous elsewhere: "<struct|union> <anonymous at FILE:LINE:COL>".
 */
export interface RecordDecl {
  id: string;
  kind: "struct" | "union";
  /** Null for an anonymous record. */
  tag: string | null;
  /** False for a record only ever forward-declared (`struct foo;` or used by pointer). */
  complete: boolean;
  fields: Field[];
  attributes: RecordAttributes;
  /** Maximum alignment from `#pragma pack(N)` in effect at the definition; null when none. */
  pragmaPack: number | null;
  /** Id of the record whose body this one was defined in; null at file scope. */
  parent: string | null;
  location: DeclLocation;
}

export interface Enumerator {
  name: string;
  /** Value as a decimal string (values can exceed 2^53). */
  value: string;
  location: DeclLocation;
}

/** Identity rules as for records, with "enum" as the kind word. */
export interface EnumDecl {
  id: string;
  tag: string | null;
  complete: boolean;
  enumerators: Enumerator[];
  /** The integer type the compiler picks: unsigned int/int unless a value needs more. */
  underlying: IntegerKind;
  /** __attribute__((packed)) / __packed: the smallest type holding every value. */
  packed: boolean;
  parent: string | null;
  location: DeclLocation;
}

export interface TypedefDecl {
  name: string;
  type: CType;
  /** aligned(N) on the typedef itself, bytes (it changes the alignment of the named type). */
  aligned?: number;
  /** packed on the typedef itself. */
  packed?: true;
  location: DeclLocation;
}

export interface FormatAttribute {
  /** printf, scanf, freebsd_kprintf, ... */
  archetype: string;
  /** 1-based index of the format string parameter. */
  formatIndex: number;
  /** 1-based index of the first checked argument; 0 for a va_list function. */
  firstToCheck: number;
}

export interface FunctionAttributes {
  noreturn?: true;
  format?: FormatAttribute[];
  /** Symbol name from an asm label: `int f(void) __asm("g");`. */
  asmLabel?: string;
  /** Every other attribute name, sorted and unique (pure, const, malloc, warn_unused_result, ...). */
  other?: string[];
}

export interface FunctionDecl {
  name: string;
  /** Always kind "function". */
  type: CType;
  storage: "extern" | "static" | "none";
  inline: boolean;
  /** Where the body starts when the declaration is a definition (static inline); else null. */
  body: DeclLocation | null;
  attributes: FunctionAttributes;
  location: DeclLocation;
}

export interface VariableAttributes {
  /** __attribute__((section("..."))), e.g. from __read_mostly. */
  section?: string;
  aligned?: number;
  asmLabel?: string;
  other?: string[];
}

export interface VariableDecl {
  name: string;
  type: CType;
  storage: "extern" | "static" | "none";
  attributes: VariableAttributes;
  location: DeclLocation;
}

export interface StaticAssertDecl {
  /** The condition as written (after preprocessing), whitespace-normalized. */
  condition: string;
  message: string | null;
  /** Evaluated condition: true or false; null when it needs record layout not yet known. */
  holds: boolean | null;
  location: DeclLocation;
}
