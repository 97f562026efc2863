// Records as a snapshot keeps them: keyed by how C code names them, with the members of
// anonymous records listed under the record that holds them.
import type { CType, DeclLocation, TranslationUnit } from "../ir/index.js";
import { recordSpellings, type RecordLayout } from "../layout/index.js";
import type { Place, SnapshotMember, SnapshotRecord } from "./format.js";
import {
  callAbi,
  canonicalIfDifferent,
  spelled,
  typeRefs,
  type TypeContext,
} from "./type-facts.js";

export function placeOf(loc: DeclLocation | null | undefined): Place {
  if (!loc) return { header: "<command line>", file: "", line: 0 };
  return { header: loc.header, file: loc.file, line: loc.line };
}

/** Record id → key: the tag ("struct proc") or the typedef naming an anonymous record. */
export function recordKeys(unit: TranslationUnit): Map<string, string> {
  return recordSpellings(unit);
}

/** The record (through typedefs and arrays) a member's storage holds, if any. */
function embeddedRecord(ctx: TypeContext, type: CType): { id: string; array: boolean } | null {
  let t = ctx.layouts.resolve(type);
  let array = false;
  while (t.kind === "array") {
    array = true;
    t = ctx.layouts.resolve(t.element);
  }
  return t.kind === "record" ? { id: t.id, array } : null;
}

function membersOf(ctx: TypeContext, layout: RecordLayout): SnapshotMember[] {
  const out: SnapshotMember[] = [];
  const walk = (record: RecordLayout, prefix: string, depth: number, baseBits: number) => {
    let anonymousCount = 0;
    for (const field of record.fields) {
      const inner = field.bitWidth === null ? embeddedRecord(ctx, field.type) : null;
      const expand = inner !== null && ctx.recordKey(inner.id) === undefined;
      if (field.name === null && field.bitWidth !== null) continue; // unnamed bitfield: padding
      const anonymous = field.name === null;
      const name = anonymous ? `{${++anonymousCount}}` : field.name!;
      const type = spelled(ctx, field.type);
      const member: SnapshotMember = {
        path: prefix + name,
        ...(depth > 0 ? { depth } : {}),
        type,
        ...canonicalIfDifferent(ctx, field.type, type),
        bitOffset: baseBits + field.bitOffset,
        ...(field.bitWidth !== null ? { bitWidth: field.bitWidth } : {}),
        size: field.size,
        ...(expand ? {} : typeRefs(ctx, field.type)),
      };
      const call = callAbi(ctx, field.type);
      if (call !== undefined) member.callAbi = call;
      if (anonymous) member.anonymous = true;
      out.push(member);
      if (expand) {
        // Anonymous members' fields are reached by the parent's names; a named member of
        // anonymous type by "name."; an array of one by "name[]." (first element).
        const childPrefix = anonymous ? prefix : `${prefix}${name}${inner!.array ? "[]" : ""}.`;
        walk(ctx.layouts.layoutOf(inner!.id), childPrefix, depth + 1, baseBits + field.bitOffset);
      }
    }
  };
  walk(layout, "", 0, 0);
  return out;
}

export function snapshotRecords(ctx: TypeContext, keys: Map<string, string>): SnapshotRecord[] {
  // Records that cannot be laid out (a member of incomplete type) have no layout to compare.
  const records: SnapshotRecord[] = [];
  const { layouts } = ctx.layouts.layoutAll();
  for (const layout of layouts) {
    const key = keys.get(layout.id);
    if (key === undefined) continue;
    records.push({
      key,
      kind: layout.kind,
      ...placeOf(layout.location),
      size: layout.size,
      align: layout.align,
      members: membersOf(ctx, layout),
      holes: layout.holes.map((h) => ({ bitOffset: h.bitOffset, bits: h.bits })),
      tailPaddingBits: layout.tailPaddingBits,
    });
  }
  records.sort((a, b) => compareText(a.key, b.key));
  return records;
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
