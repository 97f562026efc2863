// Reads the source line a diagnostic points at, for the caret display, when the stage that
// made it did not attach one. Locations name files as the user should see them: absolute,
// relative to the current directory, or relative to the kernel tree the command built in.
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

/** Big files (a preprocessed unit) are not worth reading for one line. */
const MAX_FILE_BYTES = 16 << 20;

export type SourceLineReader = (file: string, line: number) => string | undefined;

/**
 * A reader that tries `file` as given when absolute, else under each root in turn (the
 * kernel tree first: stages name its files relative to it), then the current directory. Names that are not paths (`<build>/offset.inc`, `--allowlist-type`)
 * are never read. Files are read once and kept for the run.
 */
export function sourceLineReader(roots: () => readonly string[]): SourceLineReader {
  const files = new Map<string, string[] | undefined>();
  const linesOf = (path: string): string[] | undefined => {
    if (files.has(path)) return files.get(path);
    let lines: string[] | undefined;
    try {
      if (statSync(path).size <= MAX_FILE_BYTES)
        lines = readFileSync(path, "latin1").split(/\r?\n/);
    } catch {
      lines = undefined;
    }
    files.set(path, lines);
    return lines;
  };
  return (file, line) => {
    if (file === "" || file.startsWith("<") || file.startsWith("-") || line < 1) return undefined;
    const candidates = isAbsolute(file)
      ? [file]
      : [...roots().map((root) => resolve(root, file)), resolve(file)];
    for (const path of candidates) {
      const lines = linesOf(path);
      if (lines !== undefined) return line <= lines.length ? lines[line - 1] : undefined;
    }
    return undefined;
  };
}
