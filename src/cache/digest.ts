// Content digests for cache keys: SHA-256 over length-prefixed parts, so that no two
// different part lists can join into the same bytes.
import type * as Crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { lazyBuiltin } from "../io/lazy-builtin.js";

// Loaded by the first digest: a run without the cache (--no-cache, other commands) needs none.
const crypto = lazyBuiltin<typeof Crypto>("node:crypto");

export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = crypto().createHash("sha256");
  for (const part of parts) {
    // A string is hashed as its UTF-8 bytes without first being copied into a Buffer (a
    // cache entry's body is megabytes).
    const length = typeof part === "string" ? Buffer.byteLength(part, "utf8") : part.length;
    hash.update(`${length}:`);
    hash.update(part);
  }
  return hash.digest("hex");
}

/** The digest of a file's bytes, or undefined when it cannot be read. */
export function fileDigest(path: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  return crypto().createHash("sha256").update(bytes).digest("hex");
}
