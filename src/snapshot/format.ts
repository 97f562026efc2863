// The snapshot file: the KPI of one (tree, configuration, target, mode, header) run, as
// plain data. Versioned by `format` + `version`; docs/diff.md describes every field.

export const SNAPSHOT_FORMAT = "kpi-bindgen-snapshot";
export const SNAPSHOT_VERSION = 1;

export interface Provenance {
  tool: string;
  /** Absolute path of the kernel tree. */
  sysDir: string;
  /** __FreeBSD_version as the tree's sys/param.h defines it; null when not found. */
  freebsdVersion: string | null;
  arch: string;
  mode: "kernel" | "module";
  /** Configuration name or path as given; null for none. */
  kernconf: string | null;
  /** Resolved `options` of the configuration, "NAME" or "NAME=VALUE", sorted. */
  options: string[];
  /** The bound header as given (absolute path). */
  header: string;
}

/** Where a declaration lives: the header as included, and the file:line in the tree. */
export interface Place {
  header: string;
  file: string;
  line: number;
}

/** How a value is passed: "void", "i32", "u64", "f64", "ptr", "rec:SIZE:ALIGN", ... */
export type AbiClass = string;

/** Records this type reaches: embedded by value (arrays included), or through a pointer. */
export interface TypeRefs {
  byValue?: string[];
  byPointer?: string[];
}

export interface SnapshotMember extends TypeRefs {
  /** Dotted path; members of anonymous records are listed under their parent's names. */
  path: string;
  /** Nesting depth; absent for the record's own fields (0). */
  depth?: number;
  /** True for an anonymous struct/union member (listed for drawing, not compared by name). */
  anonymous?: true;
  /** The type as written. */
  type: string;
  /** The type with every typedef resolved; absent when the same as `type`. */
  canonical?: string;
  /** Bit offset from the start of the record. */
  bitOffset: number;
  /** Bitfield width; absent for ordinary members. */
  bitWidth?: number;
  /** Bytes occupied (declared type size for bitfields, 0 for a flexible array). */
  size: number;
  /** For a pointer to function: how calls through it pass values (see callAbi). */
  callAbi?: AbiClass;
}

export interface SnapshotRecord extends Place {
  /** "struct proc", or the typedef name of an anonymous record ("fsid_t"). */
  key: string;
  kind: "struct" | "union";
  size: number;
  align: number;
  members: SnapshotMember[];
  /** Gaps between top-level fields, in bits. */
  holes: { bitOffset: number; bits: number }[];
  tailPaddingBits: number;
}

export interface SnapshotParam {
  name: string | null;
  type: string;
  /** Absent when the same as `type` (so in every item below). */
  canonical?: string;
  abi: AbiClass;
  /** A callback parameter: how calls through it pass values. */
  callAbi?: AbiClass;
}

export interface SnapshotFunction extends Place, TypeRefs {
  name: string;
  returns: string;
  returnsCanonical?: string;
  returnsAbi: AbiClass;
  params: SnapshotParam[];
  variadic: boolean;
  prototyped: boolean;
  /** static inline: compiled into the caller, so only its API matters. */
  inline: boolean;
}

export interface SnapshotVariable extends Place, TypeRefs {
  name: string;
  type: string;
  canonical?: string;
  /** Null when the type has no size here (an incomplete array or record). */
  size: number | null;
}

export interface SnapshotTypedef extends Place {
  name: string;
  type: string;
  canonical?: string;
  size: number | null;
  align: number | null;
  /** For a function or pointer-to-function type: how calls pass values, e.g. "i32(ptr,u64)". */
  callAbi?: AbiClass;
}

export interface SnapshotEnum extends Place {
  /** "enum vtype", a typedef name, or "enum <anonymous in HEADER>" (all of a header's). */
  key: string;
  underlying: string;
  enumerators: { name: string; value: string }[];
}

export interface SnapshotMacro extends Place {
  name: string;
  kind: "integer" | "string";
  value: string;
  /** C type of an integer constant; absent for strings. */
  type?: string;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  provenance: Provenance;
  records: SnapshotRecord[];
  functions: SnapshotFunction[];
  variables: SnapshotVariable[];
  typedefs: SnapshotTypedef[];
  enums: SnapshotEnum[];
  macros: SnapshotMacro[];
}

/** The canonical spelling of an item that may leave it out. */
export function canonicalOf(item: { type: string; canonical?: string }): string {
  return item.canonical ?? item.type;
}
