// Presenting a run's diagnostics as a compiler does: each one once, grouped by file in
// location order, with the source line and a caret, optionally coloured, then a count
// ("2 warnings and 1 error generated."). Also the one-object-per-line JSON form for tools.
// Pure: the CLI supplies the source lines and writes the result.
import { formatLocation, type Diagnostic, type Severity } from "./index.js";

/** A diagnostic with the notes that follow it; they move and print together. */
interface Entry {
  primary: Diagnostic;
  notes: Diagnostic[];
}

function identity(d: Diagnostic): string {
  const l = d.location;
  return JSON.stringify([d.severity, l?.file, l?.line, l?.column, d.message]);
}

/** Drops repeats of a diagnostic with the same severity, location and message. */
export function dedupeDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = identity(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function entries(list: readonly Diagnostic[]): Entry[] {
  const out: Entry[] = [];
  for (const d of list) {
    const last = out[out.length - 1];
    if (d.severity === "note" && last) last.notes.push(d);
    else out.push({ primary: d, notes: [] });
  }
  return out;
}

/**
 * Unlocated diagnostics first (they concern the whole run), then warnings grouped per
 * file (files in order of first appearance) in line and column order, then errors in the
 * same order, so the errors that stopped the run are the last thing above the summary.
 */
export function orderDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const all = entries(dedupeDiagnostics(list));
  const fileRank = new Map<string, number>();
  for (const e of all) {
    const file = e.primary.location?.file;
    if (file !== undefined && !fileRank.has(file)) fileRank.set(file, fileRank.size);
  }
  const key = (e: Entry): number[] => {
    const l = e.primary.location;
    const isError = e.primary.severity === "error" ? 1 : 0;
    return l === undefined
      ? [-1, isError, 0, 0]
      : [isError, fileRank.get(l.file)!, l.line, l.column];
  };
  const sorted = all
    .map((e, index) => ({ e, k: key(e), index }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
      return a.index - b.index;
    });
  return sorted.flatMap(({ e }) => [e.primary, ...e.notes]);
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(list: readonly Diagnostic[]): DiagnosticCounts {
  const count = (s: Severity) => list.filter((d) => d.severity === s).length;
  return { errors: count("error"), warnings: count("warning") };
}

/** clang's closing line; empty when there is nothing to count. */
export function formatSummary(counts: DiagnosticCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (counts.warnings) parts.push(plural(counts.warnings, "warning"));
  if (counts.errors) parts.push(plural(counts.errors, "error"));
  return parts.length ? `${parts.join(" and ")} generated.` : "";
}

// clang's palette: bold location and message, magenta warnings, red errors, green caret.
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";
const SEVERITY_COLOR: Record<Severity, string> = {
  error: "\x1b[1;31m",
  warning: "\x1b[1;35m",
  note: "\x1b[1;30m",
};
const CARET_COLOR = "\x1b[1;32m";

export interface RenderOptions {
  color?: boolean;
}

/** `file:line:col: severity: message`, the source line, and a caret under the column. */
export function renderDiagnosticText(d: Diagnostic, options: RenderOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${RESET}` : text);
  const where = d.location ? paint(BOLD, `${formatLocation(d.location)}:`) + " " : "";
  const head = `${where}${paint(SEVERITY_COLOR[d.severity], `${d.severity}:`)} ${paint(BOLD, d.message)}`;
  if (d.sourceLine === undefined || !d.location) return head;
  // Tabs become single spaces so the caret lines up whatever the terminal's tab width.
  const text = d.sourceLine.replace(/\t/g, " ");
  if (d.location.column <= 0) return `${head}\n${text}`;
  const caret = `${" ".repeat(d.location.column - 1)}${paint(CARET_COLOR, "^")}`;
  return `${head}\n${text}\n${caret}`;
}

/** One line of JSON per diagnostic, for CI tools (`--error-format json`). */
export function diagnosticToJson(d: Diagnostic): string {
  return JSON.stringify({
    kind: "diagnostic",
    severity: d.severity,
    message: d.message,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    sourceLine: d.sourceLine ?? null,
  });
}

export function summaryToJson(counts: DiagnosticCounts): string {
  return JSON.stringify({ kind: "summary", errors: counts.errors, warnings: counts.warnings });
}
