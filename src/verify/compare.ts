// Compares our layouts with the compiler's record dump: sizes, alignments and the position
// of every member, bitfields included, matched member by member in declaration order.
import type { CType, DeclLocation } from "../ir/index.js";
import type { FieldLayout, RecordLayout } from "../layout/index.js";
import type { DumpedMember, DumpedRecord } from "./record-dump.js";

export type MismatchProperty =
  | "size"
  | "align"
  | "offset"
  | "bit offset"
  | "bit width"
  | "members"
  | "rejected"
  | "presence";

export interface Mismatch {
  recordId: string;
  /** Member path, "" for the record itself. */
  member: string;
  property: MismatchProperty;
  ours: string;
  compiler: string;
  location: DeclLocation;
}

export interface ComparisonSource {
  layoutOf(id: string): RecordLayout;
  resolve(type: CType): CType;
}

export interface DumpComparison {
  mismatches: Mismatch[];
  /** Member paths compared, for the totals. */
  members: string[];
}

/** Finds the compiler's block for a record: by tag, or for unnamed records by where they were defined. */
export class DumpIndex {
  private readonly byName = new Map<string, DumpedRecord>();
  private readonly unnamed = new Map<string, DumpedRecord[]>();

  constructor(records: DumpedRecord[]) {
    for (const r of records) {
      if (r.nested) continue;
      if (r.definedAt) {
        const key = `${r.kind}@${r.definedAt.line}:${r.definedAt.column}`;
        const list = this.unnamed.get(key) ?? [];
        list.push(r);
        this.unnamed.set(key, list);
      } else if (!this.byName.has(`${r.kind} ${r.name}`)) {
        this.byName.set(`${r.kind} ${r.name}`, r);
      }
    }
  }

  /** Tagged records the compiler laid out, as "struct tag" / "union tag" with their block. */
  tagged(): [string, DumpedRecord][] {
    return [...this.byName.entries()];
  }

  /** The members of the only member of a probe wrapper struct, as a record of its own. */
  unwrap(layout: RecordLayout, wrapperTag: string): DumpedRecord | undefined {
    const member = this.byName.get(`struct ${wrapperTag}`)?.members[0];
    if (!member) return undefined;
    // Size and alignment are checked by the probe's assertions; the dump gives the members.
    return {
      kind: layout.kind,
      name: wrapperTag,
      definedAt: null,
      nested: false,
      size: layout.size,
      align: layout.align,
      members: member.children,
    };
  }

  find(layout: RecordLayout, tag: string | null): DumpedRecord | undefined {
    if (tag !== null) return this.byName.get(`${layout.kind} ${tag}`);
    const loc = layout.location;
    const candidates = this.unnamed.get(`${layout.kind}@${loc.line}:${loc.column}`) ?? [];
    const file = (f: string) => f.replace(/\\/g, "/");
    return candidates.find((c) => {
      const theirs = file(c.definedAt!.file);
      return theirs.endsWith(file(loc.file)) || theirs.endsWith(file(loc.header));
    });
  }
}

function isAnonymousRecordId(id: string): boolean {
  return /::anon\d+$/.test(id) || id.includes("<anonymous at ");
}

export function compareWithDump(
  source: ComparisonSource,
  layout: RecordLayout,
  dumped: DumpedRecord,
  expandable: (recordId: string) => boolean,
): DumpComparison {
  const mismatches: Mismatch[] = [];
  const members: string[] = [];
  const report = (
    member: string,
    property: MismatchProperty,
    ours: number | string,
    compiler: number | string,
    location: DeclLocation,
  ) =>
    mismatches.push({
      recordId: layout.id,
      member,
      property,
      ours: String(ours),
      compiler: String(compiler),
      location,
    });

  if (layout.size !== dumped.size) report("", "size", layout.size, dumped.size, layout.location);
  if (layout.align !== dumped.align)
    report("", "align", layout.align, dumped.align, layout.location);

  const walk = (
    fields: FieldLayout[],
    theirs: DumpedMember[],
    baseBits: number,
    prefix: string,
    location: DeclLocation,
  ) => {
    if (fields.length !== theirs.length) {
      const ourNames = fields.map((f) => f.name ?? "<anonymous>").join(", ");
      const theirNames = theirs.map((m) => m.name || "<anonymous>").join(", ");
      report(
        prefix.replace(/\.$/, ""),
        "members",
        `${fields.length} (${ourNames})`,
        `${theirs.length} (${theirNames})`,
        location,
      );
      return;
    }
    fields.forEach((field, i) => {
      const dumpedMember = theirs[i];
      const path = field.name === null ? `${prefix}<anonymous#${i + 1}>` : `${prefix}${field.name}`;
      members.push(path);
      const bitOffset = baseBits + field.bitOffset;
      if (field.bitWidth === null) {
        if (bitOffset !== dumpedMember.bitOffset)
          report(path, "offset", bitOffset / 8, dumpedMember.bitOffset / 8, field.location);
      } else {
        if (bitOffset !== dumpedMember.bitOffset)
          report(path, "bit offset", bitOffset, dumpedMember.bitOffset, field.location);
        if (field.bitWidth !== dumpedMember.bitWidth)
          report(
            path,
            "bit width",
            field.bitWidth,
            dumpedMember.bitWidth ?? "none",
            field.location,
          );
      }
      const resolved = source.resolve(field.type);
      if (
        field.bitWidth === null &&
        resolved.kind === "record" &&
        !field.type.atomic &&
        !resolved.atomic &&
        isAnonymousRecordId(resolved.id) &&
        expandable(resolved.id)
      ) {
        const childPrefix = field.name === null ? prefix : `${path}.`;
        walk(
          source.layoutOf(resolved.id).fields,
          dumpedMember.children,
          bitOffset,
          childPrefix,
          field.location,
        );
      }
    });
  };
  walk(layout.fields, dumped.members, 0, "", layout.location);
  return { mismatches, members };
}
