// What constant evaluation needs to know about sizes and offsets. The caller supplies it:
// scalars come from the target ABI; records from the layout stage.
import type { CType } from "./types.js";

/** One step of an offsetof designator: `.field` or `[index]`. */
export type FieldPathStep = { field: string } | { index: number };

export interface LayoutQuery {
  /** sizeof(type) in bytes; throws DiagnosticError for incomplete types. */
  sizeOf(type: CType): number;
  /** _Alignof(type) when `preferred` is false; __alignof__(type) when true. */
  alignOf(type: CType, preferred: boolean): number;
  /** Byte offset of the designated member inside `record` (a record type or typedef of one). */
  offsetOf(record: CType, path: FieldPathStep[]): number;
}
