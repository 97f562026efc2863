// The files a cached result was computed from, each with the digest of its content then.
// A result is reused only while every one of them still has that content. The file's
// size, modification time and inode are kept beside the digest only to skip re-reading a
// file whose metadata is unchanged; any metadata change falls back to the content.
import { statSync } from "node:fs";
import { digest, fileDigest } from "./digest.js";

export interface Dependency {
  path: string;
  /** Digest of the content; "" for a file that did not exist (a negative lookup). */
  digest: string;
  /** `size:mtimeNs:ino` when recorded, "" for a missing file. */
  stamp: string;
}

/** `size:mtimeNs:ino` of a regular file, "" when there is none. */
export function fileStamp(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return s.isFile() ? `${s.size}:${s.mtimeNs}:${s.ino}` : "";
  } catch {
    return "";
  }
}

// The digests this process has taken, by path, with the file's stamp then. A run records
// mostly the same headers for each target and again for its replay record; a file whose
// stamp has not changed is not read again, the trust dependenciesUnchanged gives a stamp.
const digested = new Map<string, { stamp: string; digest: string }>();

function contentDigest(path: string, stamp: string): string {
  const known = digested.get(path);
  if (stamp !== "" && known?.stamp === stamp) return known.digest;
  const digest = fileDigest(path) ?? "";
  if (stamp !== "") digested.set(path, { stamp, digest });
  return digest;
}

/** Records `paths` as they are now; the list is sorted and free of repeats. */
export function recordDependencies(paths: Iterable<string>): Dependency[] {
  return [...new Set(paths)].sort().map((path) => {
    // The stamp first: a file changed between the two is then re-read when next checked.
    const stamp = fileStamp(path);
    return { path, digest: contentDigest(path, stamp), stamp };
  });
}

/** Whether every dependency still has the recorded content. */
export function dependenciesUnchanged(dependencies: readonly Dependency[]): boolean {
  return dependencies.every((d) => {
    const stamp = fileStamp(d.path);
    if (stamp === d.stamp) return true;
    return (fileDigest(d.path) ?? "") === d.digest;
  });
}

/**
 * The dependencies with the stamp of each file whose metadata changed but whose content did
 * not brought up to date (the same array when none changed), or undefined when one has
 * different content. A file is stamped before it is read and again after: when the two
 * differ it was being written, and it counts as changed.
 */
export function refreshDependencies(
  dependencies: readonly Dependency[],
): readonly Dependency[] | undefined {
  let refreshed: Dependency[] | undefined;
  for (let i = 0; i < dependencies.length; i++) {
    const d = dependencies[i]!;
    const stamp = fileStamp(d.path);
    if (stamp === d.stamp) continue;
    if ((fileDigest(d.path) ?? "") !== d.digest) return undefined;
    if (fileStamp(d.path) !== stamp) return undefined;
    // A file recorded as missing that is now there but unreadable keeps its old stamp: it
    // reads as unchanged here, as before, but its stamp is never vouched for.
    if (d.digest === "" && stamp !== "") continue;
    (refreshed ??= [...dependencies])[i] = { ...d, stamp };
  }
  return refreshed ?? dependencies;
}

/** One digest for a whole dependency list (paths and contents). */
export function dependenciesDigest(dependencies: readonly Dependency[]): string {
  return digest(...dependencies.flatMap((d) => [d.path, d.digest]));
}
