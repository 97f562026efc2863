// Plain-text report: provenance, a summary table, then changes grouped by header.
import type { DiffResult, Severity } from "../model.js";
import { describeSide, groupChanges, SEVERITY_LABEL, summaryRows, where } from "./grouping.js";

export interface TextOptions {
  /** ANSI colours (on a terminal). */
  color: boolean;
}

const COLORS: Record<Severity | "bold" | "dim", string> = {
  abi: "\x1b[31m",
  api: "\x1b[33m",
  compatible: "\x1b[32m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
};

export function renderText(result: DiffResult, options: TextOptions): string {
  const paint = (style: keyof typeof COLORS, s: string) =>
    options.color ? `${COLORS[style]}${s}\x1b[0m` : s;
  const lines: string[] = [];
  lines.push(`old: ${describeSide(result.old)}`, `new: ${describeSide(result.new)}`, "");
  const rows = summaryRows(result);
  const width = Math.max(...rows.map((r) => r.label.length), 8);
  const cell = (s: string | number) => String(s).padStart(11);
  lines.push(paint("bold", `${"".padEnd(width)}${cell("ABI")}${cell("API")}${cell("compatible")}`));
  for (const r of rows)
    lines.push(`${r.label.padEnd(width)}${cell(r.abi)}${cell(r.api)}${cell(r.compatible)}`);
  if (result.summary.allowed > 0)
    lines.push(`(${result.summary.allowed} changes allowed by --allow and not shown)`);
  if (result.changes.length === 0) {
    lines.push("", "No changes.");
    return lines.join("\n") + "\n";
  }
  for (const group of groupChanges(result.changes)) {
    lines.push("", paint("bold", `== ${group.header} ==`));
    for (const entity of group.entities) {
      lines.push(`  ${paint("bold", entity.entity)}`);
      for (const c of entity.changes) {
        const tag = paint(c.severity, `[${SEVERITY_LABEL[c.severity]}]`.padEnd(12));
        const at = where(c);
        lines.push(`    ${tag} ${c.message}${at ? `  ${paint("dim", at)}` : ""}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}
