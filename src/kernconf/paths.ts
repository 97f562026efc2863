// How paths appear in diagnostics and output: relative to the kernel tree when inside it.
import { isAbsolute, relative } from "node:path";

export function displayPath(sysDir: string, path: string): string {
  const rel = relative(sysDir, path);
  if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) return rel;
  return path;
}

/** The file reading the stage needs; tests and callers may substitute their own. */
export interface TextReader {
  /** The file's text, or undefined when it is not a readable regular file. */
  read(path: string): string | undefined;
}
