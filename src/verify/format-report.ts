// Renders a verification report: one compiler-style line per mismatch naming the record,
// the member, the header and both values, then the totals.
import { formatDiagnostic } from "../diagnostics/index.js";
import type { Mismatch } from "./compare.js";
import type { VerifyReport } from "./verify.js";

export function describeMismatch(m: Mismatch): string {
  const where =
    m.location.line > 0 ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : "";
  const subject = m.member === "" ? m.recordId : `${m.recordId}, member '${m.member}'`;
  const header =
    m.location.header && m.location.header !== m.location.file
      ? ` (in <${m.location.header}>)`
      : "";
  if (m.property === "rejected") {
    return `${where}error: ${subject}${header}: the compiler rejected the check (we computed ${m.ours}): ${m.compiler}`;
  }
  if (m.property === "presence") {
    return `${where}error: ${subject}: the compiler lays it out (${m.compiler}) but our translation unit ${m.ours}`;
  }
  return `${where}error: ${subject}${header}: ${m.property} mismatch: ours ${m.ours}, compiler ${m.compiler}`;
}

export function formatVerifyReport(report: VerifyReport, label: string): string {
  const lines: string[] = [];
  for (const d of report.layoutFailures) lines.push(formatDiagnostic(d));
  for (const m of report.mismatches) lines.push(describeMismatch(m));
  for (const u of report.unchecked) lines.push(`note: ${u.recordId} not checked: ${u.reason}`);
  const failures = report.layoutFailures.length;
  lines.push(
    `${label}: ${report.recordsChecked} records checked, ${report.fieldsChecked} fields checked, ` +
      `${report.mismatches.length} mismatches` +
      (failures ? `, ${failures} records we could not lay out` : "") +
      (report.unchecked.length ? `, ${report.unchecked.length} records unchecked` : ""),
  );
  return lines.join("\n") + "\n";
}

export function verifyPassed(report: VerifyReport): boolean {
  return report.mismatches.length === 0 && report.layoutFailures.length === 0;
}
