// Markdown report, for pasting into a review: summary table, then a section per header.
import type { DiffResult } from "../model.js";
import { describeSide, groupChanges, SEVERITY_LABEL, summaryRows, where } from "./grouping.js";

/** Backticks inside code spans would end them early. */
function code(s: string): string {
  return s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``;
}

function escape(s: string): string {
  return s.replace(/([\\*_[\]<>|])/g, "\\$1");
}

export function renderMarkdown(result: DiffResult): string {
  const out: string[] = ["# KPI changes", ""];
  out.push(
    `- old: ${escape(describeSide(result.old))}`,
    `- new: ${escape(describeSide(result.new))}`,
    "",
  );
  out.push("| | ABI | API | compatible |", "| --- | ---: | ---: | ---: |");
  for (const r of summaryRows(result))
    out.push(`| ${r.label} | ${r.abi} | ${r.api} | ${r.compatible} |`);
  if (result.summary.allowed > 0)
    out.push("", `${result.summary.allowed} changes allowed by --allow are not listed.`);
  if (result.changes.length === 0) out.push("", "No changes.");
  for (const group of groupChanges(result.changes)) {
    out.push("", `## ${code(group.header)}`);
    for (const entity of group.entities) {
      out.push("", `### ${code(entity.entity)}`, "");
      for (const c of entity.changes) {
        const at = where(c);
        out.push(
          `- **${SEVERITY_LABEL[c.severity]}** ${escape(c.message)}${at ? ` (${code(at)})` : ""}`,
        );
      }
    }
  }
  return out.join("\n") + "\n";
}
