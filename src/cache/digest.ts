// Content digests for cache keys: SHA-256 over length-prefixed parts, so that no two
// different part lists can join into the same bytes.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
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
  return createHash("sha256").update(bytes).digest("hex");
}
