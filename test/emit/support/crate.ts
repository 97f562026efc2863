// Generating the crate in tests, and running cargo, bindgen and clang against it. One cargo
// target directory is shared by every test of a run so dependencies-free builds stay fast.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { NO_PATTERNS, type ItemPatterns } from "../../../src/emit/rust/index.js";
import {
  generateCrate,
  type GenerateResult,
  type RustfmtUse,
} from "../../../src/generate/index.js";
import type { TargetName } from "../../../src/targets/index.js";
import { kpiWrapper, sysTree, type FreeBSDRelease } from "../../support/environment.js";

export const cargoTargetDir = join(tmpdir(), "kpi-bindgen-test-cargo-target");

export interface CrateRequest {
  release: FreeBSDRelease;
  arches?: TargetName[];
  wrapper?: string;
  patterns?: ItemPatterns;
  mode?: "kernel" | "module";
  /** "none": no rustfmt run at all, not even for items the emitter could not lay out. */
  format?: RustfmtUse;
}

/** Generates in process, without the cache, so each call runs the whole pipeline. */
export function generateFor(request: CrateRequest): Promise<GenerateResult> {
  return generateCrate({
    sysDir: sysTree(request.release),
    targets: request.arches ?? ["amd64"],
    mode: request.mode ?? "module",
    kernconf: "GENERIC",
    wrapperHeader: request.wrapper ?? readFileSync(kpiWrapper, "latin1"),
    patterns: request.patterns ?? NO_PATTERNS,
    format: request.format,
  });
}

export function writeCrate(files: Map<string, string>, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function scratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `kpi-bindgen-${label}-`));
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): RunResult {
  const start = performance.now();
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

export function cargo(args: string[], cwd: string): RunResult {
  return run("cargo", [...args, "--offline", "--quiet"], cwd, {
    CARGO_TARGET_DIR: cargoTargetDir,
    CARGO_TERM_COLOR: "never",
  });
}

/** bindgen's environment: Debian's bindgen needs to be told where libclang is. */
export function bindgenEnv(): Record<string, string> {
  if (process.env.LIBCLANG_PATH) return {};
  const debian = "/usr/lib/llvm-14/lib";
  return existsSync(debian) ? { LIBCLANG_PATH: debian } : {};
}

/**
 * A scratch directory made on first use and removed after the suite: nothing is created
 * for a suite whose tests are all filtered out or skipped.
 */
export function useScratch(label: string): () => string {
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => (dir ??= scratchDir(label));
}
