// Files as the build sees them: the synthesized build directory (generated headers and the
// `machine`/`x86` links) laid over the real file system, which is only ever read.
import { readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { posix, relative, isAbsolute } from "node:path";
import { BUILD_DIR, BUILD_DIR_DISPLAY, isOptionHeaderName } from "./build-directory.js";
import type { SharedLexedFile } from "../api.js";
import type { BuildDirectory } from "./types.js";

/**
 * Contents of real files by absolute path (null: no such file). One cache can serve many
 * translation units and build configurations over the same tree.
 */
export class RealFileCache {
  /** Lexed real files, by real path and display path, for every build over this cache. */
  readonly lexed = new Map<string, SharedLexedFile>();
  private readonly texts = new Map<string, string | null>();
  private readonly stats = new Map<string, Stats | null>();
  private readonly realPaths = new Map<string, string>();

  /** One stat per path (null: none); missing paths are common in include search. */
  private stat(path: string): Stats | null {
    let found = this.stats.get(path);
    if (found === undefined) {
      try {
        found = statSync(path, { throwIfNoEntry: false }) ?? null;
      } catch {
        found = null;
      }
      this.stats.set(path, found);
    }
    return found;
  }

  read(path: string): string | undefined {
    let text = this.texts.get(path);
    if (text === undefined) {
      try {
        text = this.stat(path)?.isFile() ? readFileSync(path, "utf8") : null;
      } catch {
        text = null;
      }
      this.texts.set(path, text);
    }
    return text ?? undefined;
  }

  /** Size in bytes of a regular file, undefined for anything else. */
  fileSize(path: string): number | undefined {
    const stats = this.stat(path);
    return stats?.isFile() ? stats.size : undefined;
  }

  isDirectory(path: string): boolean {
    return this.stat(path)?.isDirectory() ?? false;
  }

  /** The path with every symlink resolved (as given when it does not exist). */
  realPath(path: string): string {
    let real = this.realPaths.get(path);
    if (real === undefined) {
      try {
        real = realpathSync.native(path);
      } catch {
        real = path;
      }
      this.realPaths.set(path, real);
    }
    return real;
  }

  /** How many distinct paths were looked up (for measurements). */
  get size(): number {
    return this.texts.size;
  }
}

/** Where a path lands once the build directory's links are followed. */
export type ResolvedPath =
  | { kind: "generated"; name: string; text: string }
  | { kind: "real"; path: string }
  | { kind: "missing" };

export class BuildFileSystem {
  // The preprocessor asks about the same paths many times (search, identity, display).
  private readonly resolved = new Map<string, ResolvedPath>();
  private readonly displayed = new Map<string, string>();

  constructor(
    private readonly build: BuildDirectory,
    /** The tree root, for display paths. */
    private readonly sysDir: string,
    private readonly cache: RealFileCache = new RealFileCache(),
  ) {}

  /**
   * Resolves a path. Paths in the build directory follow its links physically, as the OS
   * follows a symlink: `<build>/machine/../foo.h` is `<sys>/amd64/foo.h`.
   */
  resolve(path: string): ResolvedPath {
    let r = this.resolved.get(path);
    if (r === undefined) {
      r = this.resolveUncached(path);
      this.resolved.set(path, r);
    }
    return r;
  }

  private resolveUncached(path: string): ResolvedPath {
    const normalized = path.startsWith(BUILD_DIR + "/") ? path : posix.normalize(path);
    if (!normalized.startsWith(BUILD_DIR + "/")) return { kind: "real", path: normalized };
    const parts = normalized
      .slice(BUILD_DIR.length + 1)
      .split("/")
      .filter((p) => p !== "" && p !== ".");
    if (parts.length === 0) return { kind: "missing" };
    const alias = this.build.aliases.get(parts[0]);
    if (alias !== undefined) return { kind: "real", path: posix.join(alias, ...parts.slice(1)) };
    if (parts.length !== 1) return { kind: "missing" };
    const name = parts[0];
    const text = this.build.files.get(name);
    if (text !== undefined) return { kind: "generated", name, text };
    if (this.build.emptyOptHeaders && isOptionHeaderName(name))
      return { kind: "generated", name, text: "" };
    return { kind: "missing" };
  }

  /** The text of a file, or undefined when there is none. */
  readFile(path: string): string | undefined {
    const r = this.resolve(path);
    if (r.kind === "generated") return r.text;
    if (r.kind === "real") return this.cache.read(r.path);
    return undefined;
  }

  fileExists(path: string): boolean {
    return this.readFile(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    if (path === BUILD_DIR) return true;
    const r = this.resolve(path);
    return r.kind === "real" && this.cache.isDirectory(r.path);
  }

  /** Size in bytes of a real file (so a huge one is refused unread); undefined otherwise. */
  fileSize(path: string): number | undefined {
    const r = this.resolve(path);
    return r.kind === "real" ? this.cache.fileSize(r.path) : undefined;
  }

  /**
   * The file a path stands for (identity for include guards, dependency lists, the
   * include-root check): the real path with symlinks resolved, or `/<build>/name`.
   */
  realPath(path: string): string {
    const r = this.resolve(path);
    if (r.kind === "generated") return `${BUILD_DIR}/${r.name}`;
    if (r.kind === "real") return this.cache.realPath(r.path);
    return path;
  }

  /** Real files are lexed once for every build over the same file cache. */
  sharedLexing(path: string): { cache: Map<string, SharedLexedFile>; key: string } | undefined {
    const r = this.resolve(path);
    if (r.kind !== "real" || !isAbsolute(r.path)) return undefined;
    // The display path is part of the lexed file, so it is part of the key.
    return { cache: this.cache.lexed, key: `${this.realPath(path)}\n${this.displayPath(path)}` };
  }

  /**
   * How a location in `path` is shown: relative to the tree for its files (a header
   * reached through `machine/` shows as `amd64/include/...`, the file one can open),
   * `<build>/name` for generated ones, anything else as given.
   */
  displayPath(path: string): string {
    let shown = this.displayed.get(path);
    if (shown === undefined) {
      shown = this.displayUncached(path);
      this.displayed.set(path, shown);
    }
    return shown;
  }

  private displayUncached(path: string): string {
    const real = this.realPath(path);
    if (real.startsWith(BUILD_DIR + "/")) return BUILD_DIR_DISPLAY + real.slice(BUILD_DIR.length);
    if (!isAbsolute(real)) return real;
    const rel = relative(this.cache.realPath(this.sysDir), real);
    return rel.startsWith("..") || isAbsolute(rel) ? real : rel;
  }
}
