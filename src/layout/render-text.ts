// The human view of a record layout: every member with its offset and size, bitfield bit
// positions, holes and tail padding called out, cacheline boundaries, and totals.
import type { FlattenSource } from "./flatten.js";
import { spellType } from "./type-spelling.js";
import type { FieldLayout, RecordLayout } from "./types.js";

export interface RenderOptions {
  /** Cache line size in bytes, for boundaries and the cacheline count. */
  cacheLine: number;
  /** ANSI colours (only when writing to a terminal). */
  color: boolean;
}

interface Row {
  /** Declaration text, already indented. */
  decl: string;
  /** Offset column ("12" or "12:3" for a bitfield's byte and first bit). */
  offset: string;
  /** Size column ("4" bytes or "5b" bits). */
  size: string;
}

type Line =
  | { kind: "row"; row: Row }
  | { kind: "note"; text: string; indent: string; tone: "hole" | "info" };

const ANSI = { hole: "\x1b[33m", info: "\x1b[2m", title: "\x1b[1m", reset: "\x1b[0m" };

function describeGap(bits: number, where: string): string {
  const amount =
    bits % 8 === 0
      ? `${bits / 8} byte${bits === 8 ? "" : "s"}`
      : `${bits} bit${bits === 1 ? "" : "s"}`;
  return `/* ${amount} ${where} */`;
}

function fieldDecl(field: FieldLayout): string {
  const name = field.name ?? "";
  const width = field.bitWidth === null ? "" : ` : ${field.bitWidth}`;
  return `${spellType(field.type, name)}${width};`;
}

export function renderRecordText(
  layout: RecordLayout,
  title: string,
  source: FlattenSource,
  options: RenderOptions,
): string {
  const lines: Line[] = [];
  let nextBoundary = options.cacheLine;

  const emit = (record: RecordLayout, baseBits: number, indent: string) => {
    record.fields.forEach((field, index) => {
      const hole = record.holes.find((h) => h.beforeField === index);
      if (hole)
        lines.push({ kind: "note", text: describeGap(hole.bits, "hole"), indent, tone: "hole" });
      const bitOffset = baseBits + field.bitOffset;
      while (options.cacheLine > 0 && bitOffset >= nextBoundary * 8 && field.bitWidth === null) {
        const n = nextBoundary / options.cacheLine;
        lines.push({
          kind: "note",
          text: `/* --- cacheline ${n} starts at byte ${nextBoundary} --- */`,
          indent,
          tone: "info",
        });
        nextBoundary += options.cacheLine;
      }
      const byte = Math.floor(bitOffset / 8);
      const resolved = source.resolve(field.type);
      // Anonymous record types have no name to show, so their bodies are shown in place.
      const inline =
        field.bitWidth === null &&
        field.type.kind === "record" &&
        resolved.kind === "record" &&
        /::anon\d+$/.test(resolved.id);
      if (inline) {
        lines.push({
          kind: "row",
          row: {
            decl: `${indent}${resolved.recordKind} {`,
            offset: String(byte),
            size: String(field.size),
          },
        });
        emit(source.layoutOf(resolved.id), bitOffset, `${indent}    `);
        const closing = field.name === null ? "};" : `} ${field.name};`;
        lines.push({ kind: "row", row: { decl: `${indent}${closing}`, offset: "", size: "" } });
        return;
      }
      const isBits = field.bitWidth !== null;
      lines.push({
        kind: "row",
        row: {
          decl: `${indent}${fieldDecl(field)}`,
          offset: isBits ? `${byte}:${bitOffset % 8}` : String(byte),
          size: isBits ? `${field.bitWidth}b` : String(field.size),
        },
      });
    });
    if (record.tailPaddingBits > 0 && record !== layout && record.kind === "struct") {
      lines.push({
        kind: "note",
        text: describeGap(record.tailPaddingBits, "tail padding"),
        indent,
        tone: "info",
      });
    }
  };
  emit(layout, 0, "    ");
  if (layout.tailPaddingBits > 0) {
    lines.push({
      kind: "note",
      text: describeGap(layout.tailPaddingBits, "tail padding"),
      indent: "    ",
      tone: "hole",
    });
  }

  const paint = (text: string, tone: keyof typeof ANSI) =>
    options.color ? `${ANSI[tone]}${text}${ANSI.reset}` : text;
  const rows = lines.flatMap((l) => (l.kind === "row" ? [l.row] : []));
  const declWidth = Math.max(24, title.length + 10, ...rows.map((r) => r.decl.length));
  const offWidth = Math.max(6, ...rows.map((r) => r.offset.length));
  const sizeWidth = Math.max(4, ...rows.map((r) => r.size.length));
  const column = (r: Row) =>
    r.offset === ""
      ? r.decl
      : `${r.decl.padEnd(declWidth)}  ${paint(`/* ${r.offset.padStart(offWidth)} ${r.size.padStart(sizeWidth)} */`, "info")}`;

  // A typedef'd anonymous record is shown the way it is declared.
  const typedefName = /^(struct|union) /.test(title) ? null : title;
  const head = typedefName === null ? `${title} {` : `typedef ${layout.kind} {`;
  const out: string[] = [];
  out.push(
    `${paint(head, "title")}${" ".repeat(Math.max(2, declWidth + 2 - head.length))}${paint(`/* ${"offset".padStart(offWidth)} ${"size".padStart(sizeWidth)} */`, "info")}`,
  );
  for (const l of lines) {
    out.push(l.kind === "row" ? column(l.row) : `${l.indent}${paint(l.text, l.tone)}`);
  }
  out.push(typedefName === null ? "};" : `} ${typedefName};`);
  const holeBits = layout.holes.reduce((sum, h) => sum + h.bits, 0);
  const holeText = holeBits % 8 === 0 ? `${holeBits / 8} bytes` : `${holeBits} bits`;
  const padText =
    layout.tailPaddingBits % 8 === 0
      ? `${layout.tailPaddingBits / 8} bytes`
      : `${layout.tailPaddingBits} bits`;
  const cachelines = options.cacheLine > 0 ? Math.ceil(layout.size / options.cacheLine) : 0;
  out.push(
    paint(
      `/* size ${layout.size}, align ${layout.align}, members ${layout.fields.length}, ` +
        `holes ${layout.holes.length} (${holeText}), tail padding ${padText}, ` +
        `cachelines ${cachelines} (${options.cacheLine}-byte lines) */`,
      "info",
    ),
  );
  return out.join("\n") + "\n";
}
