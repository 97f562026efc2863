// An on-disk store of JSON values under content-derived keys. Every entry carries the digest
// of its body: an entry that fails to parse or to match its digest (a torn write, a disk
// error, an older format) is deleted and reported as a miss, so it is rebuilt, never trusted.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-output.js";
import { digest } from "./digest.js";

/** Bumped whenever the entry layout changes, so older entries read as misses. */
const FORMAT = "kpi-bindgen-cache/1";

export type CacheLookup<T> =
  | { status: "hit"; value: T }
  | { status: "miss" }
  | { status: "corrupt"; path: string };

export class CacheStore {
  constructor(readonly directory: string) {}

  private pathOf(kind: string, key: string): string {
    return join(this.directory, kind, key.slice(0, 2), `${key}.json`);
  }

  get<T>(kind: string, key: string): CacheLookup<T> {
    const path = this.pathOf(kind, key);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return { status: "miss" };
    }
    const newline = text.indexOf("\n");
    const [format, checksum] = text.slice(0, Math.max(newline, 0)).split(" ");
    const body = text.slice(newline + 1);
    if (newline < 0 || format !== FORMAT || checksum !== digest(key, body)) {
      rmSync(path, { force: true });
      return { status: "corrupt", path };
    }
    try {
      return { status: "hit", value: JSON.parse(body) as T };
    } catch {
      rmSync(path, { force: true });
      return { status: "corrupt", path };
    }
  }

  /** Writes through a temporary file and a rename, so readers never see half an entry. */
  put(kind: string, key: string, value: unknown): void {
    const body = JSON.stringify(value);
    writeFileAtomic(this.pathOf(kind, key), `${FORMAT} ${digest(key, body)}\n${body}`);
  }
}
