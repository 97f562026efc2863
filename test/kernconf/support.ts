// Helpers for the kernconf tests: an in-memory tree and the fixture paths.
import { join, resolve } from "node:path";
import type { TextReader } from "../../src/kernconf/index.js";
import { repoRoot } from "../support/environment.js";

export const fixtureRoot = join(repoRoot, "fixtures", "kernconf");
export const fixtureSys = join(fixtureRoot, "tree", "sys");
export const fixtureExpected = join(fixtureRoot, "tree", "expected");
export const noTablesSys = join(fixtureRoot, "notables", "sys");

/** A TextReader over `files`, keyed by path relative to `root`. */
export function memoryTree(root: string, files: Record<string, string>): TextReader {
  const byPath = new Map(Object.entries(files).map(([p, text]) => [resolve(root, p), text]));
  return { read: (path: string) => byPath.get(resolve(path)) };
}
