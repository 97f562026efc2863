// Reads the compiler's record layout dump (clang -fdump-record-layouts): one block per
// record, a line per member with "offset | type name" or "byte:first-last | type name"
// for bitfields, nested members indented two spaces per level.

export interface DumpedMember {
  /** Text left of the name, e.g. "unsigned int", "struct in[2]". */
  typeText: string;
  /** "" for anonymous members and unnamed bitfields. */
  name: string;
  bitOffset: number;
  /** Null for ordinary members; 0 for zero-width bitfields. */
  bitWidth: number | null;
  children: DumpedMember[];
}

export interface DumpedRecord {
  kind: "struct" | "union";
  /** The spelling after the kind: "proc", "(unnamed at f.h:3:9)", "s::(unnamed at ...)". */
  name: string;
  /** For unnamed records: where the compiler says they were defined. */
  definedAt: { file: string; line: number; column: number } | null;
  /** Whether the compiler names it as nested in another record ("s::(...)"). */
  nested: boolean;
  size: number;
  align: number;
  members: DumpedMember[];
}

const HEADER = "*** Dumping AST Record Layout";
const MEMBER_LINE = /^\s*(\d+)(?::(?:(\d+)-(\d+)|(-)))?\s\|(\s+)(.*)$/;
const UNNAMED_AT = /\((?:unnamed|anonymous) at (.+):(\d+):(\d+)\)$/;

function splitTypeAndName(text: string): { typeText: string; name: string } {
  // Anonymous members and unnamed bitfields print the type followed by a lone space.
  if (text.endsWith(" ")) return { typeText: text.trimEnd(), name: "" };
  const cut = text.lastIndexOf(" ");
  return cut < 0
    ? { typeText: text, name: "" }
    : { typeText: text.slice(0, cut), name: text.slice(cut + 1) };
}

function parseRecordHeader(
  text: string,
): Pick<DumpedRecord, "kind" | "name" | "definedAt" | "nested"> | null {
  const m = /^(struct|union) (.*)$/.exec(text.trim());
  if (!m) return null;
  const name = m[2];
  const at = UNNAMED_AT.exec(name);
  return {
    kind: m[1] as "struct" | "union",
    name,
    definedAt: at ? { file: at[1], line: Number(at[2]), column: Number(at[3]) } : null,
    nested: name.includes("::"),
  };
}

function parseBlock(lines: string[]): DumpedRecord | null {
  let header: ReturnType<typeof parseRecordHeader> = null;
  let size = -1;
  let align = -1;
  const stack: { depth: number; children: DumpedMember[] }[] = [];
  const members: DumpedMember[] = [];
  for (const line of lines) {
    const sizes = /\[sizeof=(\d+)\b.*?\balign=(\d+)/.exec(line);
    if (sizes) {
      size = Number(sizes[1]);
      align = Number(sizes[2]);
      continue;
    }
    const m = MEMBER_LINE.exec(line);
    if (!m) continue;
    const depth = (m[5].length - 1) / 2;
    if (depth === 0) {
      header ??= parseRecordHeader(m[6]);
      stack.length = 0;
      stack.push({ depth: 0, children: members });
      continue;
    }
    const byte = Number(m[1]);
    const zeroWidth = m[4] === "-";
    const first = m[2] === undefined ? null : Number(m[2]);
    const last = m[3] === undefined ? null : Number(m[3]);
    const member: DumpedMember = {
      ...splitTypeAndName(m[6]),
      bitOffset: byte * 8 + (first ?? 0),
      bitWidth: zeroWidth ? 0 : first !== null && last !== null ? last - first + 1 : null,
      children: [],
    };
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) stack.pop();
    stack[stack.length - 1].children.push(member);
    stack.push({ depth, children: member.children });
  }
  if (!header || size < 0) return null;
  return { ...header, size, align, members };
}

/** Every record block in `output`, in the order the compiler printed them. */
export function parseRecordDump(output: string): DumpedRecord[] {
  const records: DumpedRecord[] = [];
  const blocks = output.split(HEADER).slice(1);
  for (const block of blocks) {
    const record = parseBlock(block.split("\n"));
    if (record) records.push(record);
  }
  return records;
}
