// The tool's name and version as a snapshot records it, from the package manifest found
// above this module (src/ when run from source, dist/ when built).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;
let manifestRead: { path: string; stamp: string } | undefined;

export function toolVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      // Stamped before it is read: an edit after this moves the stamp, so the stamp never
      // stands for a version that was not read.
      const s = statSync(file, { bigint: true });
      const stamp = `${s.size}:${s.mtimeNs}:${s.ino}`;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === "kpi-bindgen") {
        manifestRead = { path: file, stamp };
        return (cached = `${manifest.name} ${manifest.version}`);
      }
    }
    const up = dirname(dir);
    if (up === dir) return (cached = "kpi-bindgen (unknown version)");
    dir = up;
  }
}

/** The manifest toolVersion() read, with its `size:mtimeNs:ino` when read; undefined if none. */
export function toolManifest(): { path: string; stamp: string } | undefined {
  toolVersion();
  return manifestRead;
}
