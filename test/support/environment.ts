// Where the real inputs and oracles are, and what a test does when one is missing:
// on a laptop it skips and says why; in CI (CI=true) a missing oracle or tree fails the run.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedDir = resolve(process.env.KPI_SHARED_DIR ?? join(repoRoot, "../shared"));
export const inCI = process.env.CI === "true" || process.env.CI === "1";

export const freebsdVersions = ["13.0", "11.0"] as const;
export type FreeBSDRelease = (typeof freebsdVersions)[number];

export function sysTree(release: FreeBSDRelease): string {
  return join(sharedDir, "freebsd", release, "sys");
}

export const kpiWrapper = join(sharedDir, "bench", "kpi_wrapper.h");

export interface Requirement {
  /** Short name shown in skip messages, e.g. "clang-19" or "13.0/sys/conf/options". */
  name: string;
  present: boolean;
  /** What to do about it. */
  hint: string;
  /**
   * Whether CI may skip when it is missing. Only inputs the project is documented not to
   * have yet (the conf/options tables) qualify; tools and trees must be there.
   */
  optionalInCI?: boolean;
}

const whichCache = new Map<string, boolean>();
/**
 * Whether `cmd` is an executable file, by path or on PATH. Found by looking, not by running
 * it: not every tool answers --version (Debian's mawk rejects it and exits 2).
 */
function commandExists(cmd: string): boolean {
  let found = whichCache.get(cmd);
  if (found === undefined) {
    const candidates = cmd.includes("/")
      ? [cmd]
      : (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir || ".", cmd));
    found = candidates.some((path) => {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
    whichCache.set(cmd, found);
  }
  return found;
}

export const clangCommand = process.env.KPI_CLANG ?? "clang-19";

export function needClang(): Requirement {
  return {
    name: clangCommand,
    present: commandExists(clangCommand),
    hint: "apt-get install -y clang-19",
  };
}

export function needTree(release: FreeBSDRelease): Requirement {
  const dir = sysTree(release);
  return {
    name: `FreeBSD ${release} tree (${dir})`,
    present: existsSync(join(dir, "sys", "param.h")),
    hint: "check out the project beside shared/, or set KPI_SHARED_DIR",
  };
}

export function needFile(path: string, label: string, optionalInCI = false): Requirement {
  return { name: label, present: existsSync(path), hint: `missing file ${path}`, optionalInCI };
}

/** The project's tree reader addon (binding.gyp), which `npm ci` builds with a C compiler. */
export function needTreeReader(): Requirement {
  return {
    name: "the tree reader addon (build/Release/kpi_flat_tree.node)",
    present: existsSync(join(repoRoot, "build", "Release", "kpi_flat_tree.node")),
    hint: "install a C compiler, python3 and make, then run npm ci",
  };
}

export function needCommand(cmd: string, hint: string): Requirement {
  return { name: cmd, present: commandExists(cmd), hint };
}

/**
 * describe() that runs only when every requirement holds. A missing requirement prints a
 * SKIP line naming it; in CI it becomes a failing test unless the requirement is optional.
 */
export function describeWith(requirements: Requirement[], name: string, body: () => void): void {
  const missing = requirements.filter((r) => !r.present);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const why = missing.map((r) => `${r.name} (${r.hint})`).join("; ");
  const mandatory = missing.filter((r) => !r.optionalInCI);
  if (inCI && mandatory.length > 0) {
    describe(name, () => {
      it("has its oracle and inputs", () => {
        throw new Error(`required in CI but missing: ${why}`);
      });
    });
    return;
  }
  process.stderr.write(`SKIP ${name}: missing ${why}\n`);
  describe.skip(`${name} [skipped: missing ${why}]`, body);
}
