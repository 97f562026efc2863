// The flattened member view: nested record members listed under their field with offsets
// from the outermost record, the way a compiler's layout dump shows them.
import type { CType } from "../ir/index.js";
import type { FlatMember, RecordLayout } from "./types.js";

export interface FlattenSource {
  layoutOf(id: string): RecordLayout;
  resolve(type: CType): CType;
}

/**
 * Lists `layout`'s members depth-first. A field whose type is a record (not an array of
 * one) is followed by that record's members when `expand(recordId)` says so.
 */
export function flattenMembers(
  source: FlattenSource,
  layout: RecordLayout,
  expand: (recordId: string) => boolean = () => true,
): FlatMember[] {
  const out: FlatMember[] = [];
  const walk = (
    record: RecordLayout,
    depth: number,
    baseBits: number,
    prefix: string,
    addressable: boolean,
  ) => {
    for (const field of record.fields) {
      const name = field.name ?? "";
      const path = field.name === null ? prefix.replace(/\.$/, "") : `${prefix}${field.name}`;
      const bitOffset = baseBits + field.bitOffset;
      out.push({
        depth,
        name,
        path,
        bitOffset,
        bitWidth: field.bitWidth,
        type: field.type,
        addressable: addressable && field.name !== null && field.bitWidth === null,
        location: field.location,
      });
      const resolved = source.resolve(field.type);
      // An _Atomic record is opaque: C cannot reach into it and compilers do not list its members.
      const atomic = field.type.atomic === true || resolved.atomic === true;
      if (field.bitWidth === null && !atomic && resolved.kind === "record" && expand(resolved.id)) {
        const childPrefix = field.name === null ? prefix : `${path}.`;
        walk(source.layoutOf(resolved.id), depth + 1, bitOffset, childPrefix, addressable);
      }
    }
  };
  walk(layout, 1, 0, "", true);
  return out;
}
