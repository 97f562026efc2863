// The include roots: the directories a translation unit may read headers from. A header
// that include search finds outside all of them (through `..`, a symlink or an absolute
// name) is refused unless the caller allows it, so a hostile header cannot pull in
// arbitrary files of the machine.
import { posix } from "node:path";
import type { FileProvider, PreprocessOptions } from "./api.js";
import { normalizePath } from "./include-search.js";

export class IncludeRoots {
  private readonly roots: string[];
  private readonly verdicts = new Map<string, string | null>();

  constructor(
    private readonly files: FileProvider,
    options: PreprocessOptions,
  ) {
    const dirs = [
      ...(options.quoteDirs ?? []),
      ...options.includeDirs,
      ...(options.systemDirs ?? []),
      posix.dirname(normalizePath(options.mainFile)),
      ...(options.extraRoots ?? []),
      ...(options.forcedIncludes ?? [])
        .filter((name) => name.startsWith("/"))
        .map((name) => posix.dirname(normalizePath(name))),
    ];
    this.roots = [...new Set(dirs.map((dir) => this.real(normalizePath(dir))))];
  }

  private real(path: string): string {
    return this.files.realPath?.(path) ?? path;
  }

  /** Where `path` really is when that is outside every root, else null. */
  outside(path: string): string | null {
    let verdict = this.verdicts.get(path);
    if (verdict === undefined) {
      const real = this.real(path);
      const inside = this.roots.some(
        (root) => real === root || real.startsWith(root.endsWith("/") ? root : root + "/"),
      );
      verdict = inside ? null : real;
      this.verdicts.set(path, verdict);
    }
    return verdict;
  }
}
