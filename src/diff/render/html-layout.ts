// The HTML report's drawings: a record's old and new layouts as offset bars on one scale,
// fields as blocks (bitfields at bit precision), holes and tail padding hatched.
import type { SnapshotRecord } from "../../snapshot/index.js";
import { escapeHtml } from "./html-escape.js";

interface Block {
  bitOffset: number;
  bits: number;
  className: string;
  title: string;
  label: string;
}

function blocks(record: SnapshotRecord, changedPaths: Set<string>): Block[] {
  const out: Block[] = [];
  for (const m of record.members) {
    if ((m.depth ?? 0) > 0) continue;
    const bits = m.bitWidth ?? m.size * 8;
    const changed =
      changedPaths.has(m.path) || [...changedPaths].some((p) => p.startsWith(`${m.path}.`));
    out.push({
      bitOffset: m.bitOffset,
      bits,
      className: `field${changed ? " changed" : ""}${m.bitWidth !== undefined ? " bitfield" : ""}`,
      title: `${m.path}: ${m.type} at byte ${Math.floor(m.bitOffset / 8)}${m.bitOffset % 8 ? ` bit ${m.bitOffset % 8}` : ""}, ${m.bitWidth !== undefined ? `${m.bitWidth} bits` : `${m.size} bytes`}`,
      label: m.anonymous ? "(anonymous)" : m.path,
    });
  }
  for (const h of record.holes) {
    out.push({
      bitOffset: h.bitOffset,
      bits: h.bits,
      className: "hole",
      title: `hole: ${h.bits / 8} bytes at byte ${h.bitOffset / 8}`,
      label: "",
    });
  }
  if (record.tailPaddingBits > 0) {
    const start = record.size * 8 - record.tailPaddingBits;
    out.push({
      bitOffset: start,
      bits: record.tailPaddingBits,
      className: "hole tail",
      title: `tail padding: ${record.tailPaddingBits / 8} bytes`,
      label: "",
    });
  }
  return out.sort((a, b) => a.bitOffset - b.bitOffset);
}

function bar(
  side: "old" | "new",
  record: SnapshotRecord | undefined,
  scaleBits: number,
  changed: Set<string>,
): string {
  if (!record) return `<div class="side ${side}"><span class="label">${side}: absent</span></div>`;
  const pct = (bits: number) => ((bits / scaleBits) * 100).toFixed(4);
  const parts = blocks(record, changed).map(
    (b) =>
      `<div class="${b.className}" style="left:${pct(b.bitOffset)}%;width:${pct(b.bits)}%" title="${escapeHtml(b.title)}">${escapeHtml(b.label)}</div>`,
  );
  return (
    `<div class="side ${side}" data-size="${record.size}"><span class="label">${side}: ${record.size} bytes, align ${record.align}</span>` +
    `<div class="track"><div class="bar" style="width:${pct(record.size * 8)}%">${parts.join("")}</div></div></div>`
  );
}

export function layoutFigure(
  key: string,
  old: SnapshotRecord | undefined,
  now: SnapshotRecord | undefined,
  changedPaths: Set<string>,
): string {
  const scaleBits = Math.max(old?.size ?? 0, now?.size ?? 0, 1) * 8;
  return (
    `<figure class="layout" data-record="${escapeHtml(key)}">` +
    `<figcaption>${escapeHtml(key)}</figcaption>` +
    bar("old", old, scaleBits, changedPaths) +
    bar("new", now, scaleBits, changedPaths) +
    `</figure>`
  );
}
