// Maps the file names our preprocessor reports (relative to the tree, or `<build>/...`)
// to declaration locations: the real file, and the header as code includes it.
import type { ResolvedPath } from "../parse/index.js";
import { BUILD_DIR_DISPLAY } from "../preprocess/kernel-build/index.js";
import type { TargetDescription } from "../targets/types.js";

/** Include roots inside the tree, most specific first: prefix of the real file → spelling. */
function includeRoots(target: TargetDescription): [string, string][] {
  const roots: [string, string][] = [[`${target.machine}/include/`, "machine/"]];
  if (target.hasX86Headers) roots.push(["x86/include/", "x86/"]);
  roots.push(["contrib/ck/include/", ""], [`${BUILD_DIR_DISPLAY}/`, ""]);
  return roots;
}

export function headerPathResolver(target: TargetDescription): (path: string) => ResolvedPath {
  const roots = includeRoots(target);
  const cache = new Map<string, ResolvedPath>();
  return (path) => {
    let hit = cache.get(path);
    if (hit) return hit;
    let header = path;
    for (const [prefix, spelling] of roots) {
      if (path.startsWith(prefix)) {
        header = spelling + path.slice(prefix.length);
        break;
      }
    }
    hit = { file: path, header };
    cache.set(path, hit);
    return hit;
  };
}
