// Header search: the includer's directory for "" names, then -iquote, -I and -isystem in
// order, and #include_next continuing after the directory the current file came from.
import { posix } from "node:path";
import type { FileProvider } from "./api.js";

export interface SearchPath {
  dir: string;
  /** Only "" includes look here (-iquote). */
  quoteOnly: boolean;
  system: boolean;
}

export interface FoundHeader {
  path: string;
  /** Index in the search list where it was found; -1 for the includer's directory or an absolute name. */
  dirIndex: number;
  system: boolean;
}

export function normalizePath(p: string): string {
  // Most candidate paths are already normal; the full normalization is the slow path.
  if (!p.includes("/.") && !p.includes("//") && !p.endsWith("/")) return p;
  return posix.normalize(p);
}

export class HeaderSearch {
  private readonly dirExists = new Map<string, boolean>();

  constructor(
    private readonly files: FileProvider,
    readonly searchPath: SearchPath[],
  ) {}

  static fromOptions(
    files: FileProvider,
    quote: string[],
    include: string[],
    system: string[],
  ): HeaderSearch {
    const list: SearchPath[] = [
      ...quote.map((dir) => ({ dir, quoteOnly: true, system: false })),
      ...include.map((dir) => ({ dir, quoteOnly: false, system: false })),
      ...system.map((dir) => ({ dir, quoteOnly: false, system: true })),
    ];
    return new HeaderSearch(files, list);
  }

  private usable(dir: string): boolean {
    let ok = this.dirExists.get(dir);
    if (ok === undefined) {
      ok = this.files.isDirectory ? this.files.isDirectory(dir) : true;
      this.dirExists.set(dir, ok);
    }
    return ok;
  }

  /**
   * Finds a header. `includerDir` is null for angled names and for #include_next;
   * `startIndex` is where #include_next resumes. `present` tells whether a file exists.
   */
  find(
    name: string,
    angled: boolean,
    includerDir: string | null,
    startIndex: number,
    includerSystem: boolean,
    present: (p: string) => boolean,
  ): FoundHeader | null {
    if (name.startsWith("/")) {
      const p = normalizePath(name);
      return present(p) ? { path: p, dirIndex: -1, system: false } : null;
    }
    if (!angled && includerDir !== null) {
      const p = normalizePath(`${includerDir}/${name}`);
      if (present(p)) return { path: p, dirIndex: -1, system: includerSystem };
    }
    for (let k = startIndex; k < this.searchPath.length; k++) {
      const entry = this.searchPath[k]!;
      if (angled && entry.quoteOnly) continue;
      if (!this.usable(entry.dir)) continue;
      const p = normalizePath(`${entry.dir}/${name}`);
      if (present(p)) return { path: p, dirIndex: k, system: entry.system };
    }
    return null;
  }
}
