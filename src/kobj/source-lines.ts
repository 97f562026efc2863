// Line-at-a-time reading of a generator input, with the helpers both parsers share.
import { DiagnosticError, error, type Diagnostic } from "../diagnostics/index.js";

/** A cursor over a file's lines, numbered from 1 as the diagnostics show them. */
export class SourceLines {
  private readonly lines: string[];
  private next = 0;

  constructor(
    text: string,
    readonly file: string,
  ) {
    this.lines = text.split("\n");
    // A final newline ends the last line; it does not start an empty one.
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") this.lines.pop();
  }

  /** The next line, or undefined at the end of the file. */
  read(): string | undefined {
    return this.next < this.lines.length ? this.lines[this.next++] : undefined;
  }

  /** Line number of the line last returned by read(). */
  get lineNumber(): number {
    return this.next;
  }

  textOf(line: number): string | undefined {
    return this.lines[line - 1];
  }

  /** A located error; the column defaults to the line's first non-blank character. */
  diagnostic(message: string, line: number, column?: number): Diagnostic {
    const text = this.textOf(line);
    const at = column ?? (text === undefined ? 1 : Math.max(0, text.search(/[^ \t]/)) + 1);
    return error(message, { file: this.file, line, column: at }, text);
  }

  fail(message: string, line: number, column?: number): never {
    throw new DiagnosticError(this.diagnostic(message, line, column));
  }
}

/**
 * Splits like awk's split() with a regular-expression separator: an empty string has no
 * fields, and separators at either end leave empty fields.
 */
export function awkSplit(text: string, separator: RegExp): string[] {
  return text === "" ? [] : text.split(separator);
}

/** awk's default field splitting: runs of blanks separate, blanks at the ends do not count. */
export function awkFields(text: string): string[] {
  return text.split(/[ \t\n]+/).filter((f) => f !== "");
}

/**
 * Whether awk treats an input-derived string as true: a numeric-looking string by its value,
 * anything else by being non-empty.
 */
export function awkTruthy(value: string | undefined): boolean {
  if (value === undefined || value === "") return false;
  const numeric = /^[ \t\n]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[ \t\n]*$/.test(value);
  return numeric ? Number(value) !== 0 : true;
}
