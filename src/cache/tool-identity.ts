// The running tool's identity for cache keys: its version and a digest of its compiled code,
// so that any change to the code, not only a version bump, makes old entries unreachable.
// The build writes the digest beside the code (write-build-id.ts); a checkout run from
// sources without a build computes it on the spot.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { toolVersion } from "../snapshot/tool-version.js";
import { digest } from "./digest.js";

export const BUILD_ID_FILE = "build-id";

/** The directory holding the tool's code: dist/ when built, src/ when run from sources. */
export const codeRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** A digest of every code file under `root`, in path order. */
export function computeBuildId(root: string): string {
  const parts: (string | Buffer)[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(c?js|c?ts)$/.test(entry.name))
        parts.push(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return digest(...parts);
}

let identity: string | undefined;
let recorded: string | undefined;

export function toolIdentity(): string {
  if (identity !== undefined) return identity;
  const file = join(codeRoot, BUILD_ID_FILE);
  const buildId = existsSync(file)
    ? (recorded = readFileSync(file, "utf8").trim())
    : computeBuildId(codeRoot);
  return (identity = `${toolVersion()} ${buildId}`);
}

/** The build id toolIdentity() took from the build's build-id file; undefined if computed. */
export function recordedBuildId(): string | undefined {
  toolIdentity();
  return recorded;
}
