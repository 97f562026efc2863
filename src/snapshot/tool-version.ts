// The tool's name and version as a snapshot records it, from the package manifest found
// above this module (src/ when run from source, dist/ when built).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function toolVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === "kpi-bindgen") return (cached = `${manifest.name} ${manifest.version}`);
    }
    const up = dirname(dir);
    if (up === dir) return (cached = "kpi-bindgen (unknown version)");
    dir = up;
  }
}
