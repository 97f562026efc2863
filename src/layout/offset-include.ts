// The kernel build's offset.inc: a "lite" view of a record that exposes a few of its
// members at their real offsets, so inline functions can reach them without the full
// definition. Kernel-mode compiles of sys/kpilite.h and sys/systm.h include it.
import { fail } from "../diagnostics/index.js";
import type { CType } from "../ir/index.js";
import type { LayoutEngine } from "./engine.js";
import { spellType } from "./type-spelling.js";

/**
 * The struct thread members kernel builds have exported (td_epochnest only in some
 * releases); a release's offset.inc holds those its struct thread has.
 */
export const threadLiteMembers = [
  "td_priority",
  "td_epochnest",
  "td_critnest",
  "td_pinned",
  "td_owepreempt",
] as const;

/**
 * `struct <tag>_lite` with each of `members` at its offset in `struct <tag>`, byte arrays
 * filling the gaps. Every member must be a named, non-bitfield member of the record.
 */
export function renderOffsetInclude(
  engine: LayoutEngine,
  tag: string,
  members: readonly string[],
): string {
  const record: CType = { kind: "record", recordKind: "struct", id: `struct ${tag}` };
  const layout = engine.layoutOf(record.id);
  const placed = members
    .map((name) => {
      const field = layout.fields.find((f) => f.name === name);
      if (!field || field.bitWidth !== null)
        fail(`struct ${tag} has no member '${name}' to export`);
      return { name, offset: field.offset, size: field.size, type: field.type };
    })
    .sort((a, b) => a.offset - b.offset);
  const lines = [
    `#ifndef _OFFSET_INC_`,
    `#define _OFFSET_INC_`,
    `#if !defined(GENOFFSET) && (!defined(KLD_MODULE) || defined(KLD_TIED))`,
    `struct ${tag}_lite {`,
  ];
  let at = 0;
  placed.forEach((m, i) => {
    if (m.offset > at) lines.push(`\tchar\t__pad${i}[${m.offset - at}];`);
    lines.push(`\t${spellType(m.type, m.name)};`);
    at = m.offset + m.size;
  });
  lines.push("};", "#endif", "#endif", "");
  return lines.join("\n");
}
