// Line-marker paths to kernel-relative locations. The default is pure string work; a
// resolver built from the include directories also sees through the machine/ and x86/
// symlinks a kernel build creates.
import { realpathSync } from "node:fs";
import { relative, isAbsolute, resolve } from "node:path";

export interface ResolvedPath {
  /** Relative to the kernel sys/ directory when inside it. */
  file: string;
  /** As the code includes it (relative to the include directory that reached it). */
  header: string;
}

export type PathResolver = (markerPath: string) => ResolvedPath;

/** Without knowing the tree: everything after the first "/sys/" component. */
export function defaultPathResolver(markerPath: string): ResolvedPath {
  const at = markerPath.indexOf("/sys/");
  const file = at >= 0 ? markerPath.slice(at + 5) : markerPath;
  return { file, header: file };
}

function inside(dir: string, path: string): string | null {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : null;
}

/** Resolves through symlinks (cached), relative to `sysDir`, headers relative to `includeDirs`. */
export function makePathResolver(sysDir: string, includeDirs: readonly string[]): PathResolver {
  const realSys = safeRealpath(sysDir);
  const cache = new Map<string, ResolvedPath>();
  return (markerPath) => {
    let hit = cache.get(markerPath);
    if (hit) return hit;
    const abs = resolve(markerPath);
    const real = safeRealpath(abs);
    const file = inside(realSys, real) ?? inside(sysDir, abs) ?? markerPath;
    let header = file;
    for (const dir of includeDirs) {
      const rel = inside(resolve(dir), abs);
      if (rel !== null) {
        header = rel;
        break;
      }
    }
    hit = { file, header };
    cache.set(markerPath, hit);
    return hit;
  };
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
