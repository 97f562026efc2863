// Diagnostics shared by every stage: a located message, and an error that carries them.
// Stages never print; they return or throw diagnostics, and the CLI renders them
// (present.ts: grouping, caret, colour, summary, JSON).

export type Severity = "error" | "warning" | "note";

export interface SourceLocation {
  /** Path as the user should see it (relative to the kernel tree when inside it). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column; 0 when the whole line is meant. */
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  message: string;
  location?: SourceLocation;
  /** The source line the location points into, for the caret display. */
  sourceLine?: string;
}

/** Thrown when a stage cannot produce a result; carries every diagnostic collected so far. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
    this.diagnostics = list;
  }
}

export function error(message: string, location?: SourceLocation, sourceLine?: string): Diagnostic {
  return { severity: "error", message, location, sourceLine };
}

export function warning(
  message: string,
  location?: SourceLocation,
  sourceLine?: string,
): Diagnostic {
  return { severity: "warning", message, location, sourceLine };
}

export { lineIndexAt, lineStartsOf } from "./line-table.js";

/** Throws a single located error. */
export function fail(message: string, location?: SourceLocation, sourceLine?: string): never {
  throw new DiagnosticError(error(message, location, sourceLine));
}

export function formatLocation(loc: SourceLocation): string {
  return loc.column > 0 ? `${loc.file}:${loc.line}:${loc.column}` : `${loc.file}:${loc.line}`;
}

/** `file:line:col: severity: message`, as compilers print it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  return `${where}${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
