// `generate` as a stage: one front end and Rust module per target (from the cache when the
// inputs are unchanged, on worker threads when there are several), then the crate's files.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CacheStore, digest } from "../cache/index.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { writeFileAtomic } from "../io/atomic-output.js";
import { crateFiles, type ItemPatterns } from "../emit/rust/index.js";
import { ignoreProgress, type ProgressListener } from "../pipeline/index.js";
import type { BuildMode, UserFlags } from "../preprocess/kernel-build/index.js";
import type { TargetName } from "../targets/index.js";
import { buildTargets } from "./parallel.js";
import {
  WRAPPER_FILE,
  type RustfmtUse,
  type TargetJob,
  type TargetOutput,
} from "./target-build.js";
import { TargetCache, type TargetCacheEvent } from "./target-cache.js";

export { WRAPPER_FILE, type RustfmtUse } from "./target-build.js";
export type { TargetCacheEvent } from "./target-cache.js";

export interface GenerateSpec {
  sysDir: string;
  targets: TargetName[];
  mode: BuildMode;
  kernconf?: string;
  /** Text of the wrapper header (the built-in one or the user's headers joined). */
  wrapperHeader: string;
  /**
   * What the front end reads instead, when `wrapperHeader` joins the contents of files: the
   * same headers by `#include`, so diagnostics point into them rather than into the copy.
   */
  frontEndWrapper?: string;
  user?: UserFlags;
  /**
   * Directories of the user's headers, which the front-end wrapper includes by absolute
   * path: include roots besides the build's.
   */
  includeRoots?: string[];
  patterns: ItemPatterns;
  crateName?: string;
  /** When rustfmt runs (default "unshaped": only for items the emitter could not shape). */
  format?: RustfmtUse;
  /** The cache directory; absent for none. */
  cacheDir?: string;
  /**
   * Most threads to use (default: the machine's parallelism; several targets get one more,
   * see parallel.ts). One target is built on two threads when allowed, else on this one.
   */
  threads?: number;
  onProgress?: ProgressListener;
  onCache?: (event: TargetCacheEvent) => void;
}

export interface GenerateResult {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
  counts: Record<string, Record<string, number>>;
  /** Every file the targets were computed from. */
  dependencies: string[];
}

/**
 * Where the front end reads the wrapper from. With a cache it is a file named by the
 * wrapper's digest inside the cache, so its path (part of every dependency list) is the same
 * from run to run; without one, a scratch directory removed afterwards.
 */
function wrapperLocation(
  text: string,
  cacheDir: string | undefined,
): { path: string; dispose(): void } {
  if (cacheDir !== undefined) {
    const path = join(cacheDir, "wrappers", digest(text), WRAPPER_FILE);
    // Atomically, so a concurrent run never reads half a wrapper.
    if (!existsSync(path)) writeFileAtomic(path, text);
    return { path, dispose: () => {} };
  }
  const scratch = mkdtempSync(join(tmpdir(), "kpi-bindgen-generate-"));
  const path = join(scratch, WRAPPER_FILE);
  writeFileSync(path, text);
  return { path, dispose: () => rmSync(scratch, { recursive: true, force: true }) };
}

export async function generateCrate(spec: GenerateSpec): Promise<GenerateResult> {
  const frontEndText = spec.frontEndWrapper ?? spec.wrapperHeader;
  const wrapper = wrapperLocation(frontEndText, spec.cacheDir);
  try {
    const jobs: TargetJob[] = spec.targets.map((target) => ({
      sysDir: spec.sysDir,
      target,
      mode: spec.mode,
      kernconf: spec.kernconf,
      header: wrapper.path,
      user: spec.user,
      includeRoots: spec.includeRoots,
      patterns: spec.patterns,
      format: spec.format ?? "unshaped",
    }));
    const onProgress = spec.onProgress ?? ignoreProgress;
    const cache =
      spec.cacheDir === undefined
        ? undefined
        : new TargetCache(new CacheStore(spec.cacheDir), frontEndText);
    const outputs: (TargetOutput | undefined)[] = jobs.map((job) => {
      if (!cache) return undefined;
      const start = performance.now();
      onProgress({ phase: "start", stage: "cache", target: job.target });
      const found = cache.lookup(job, spec.onCache ?? (() => {}));
      const ms = performance.now() - start;
      onProgress({
        phase: "end",
        stage: "cache",
        target: job.target,
        ms,
        hit: found !== undefined,
      });
      // The stored timings are the run that built it; this run only looked it up.
      return found && { ...found, timings: { [`${job.target}:cache`]: ms } };
    });
    const missing = jobs.filter((_, i) => outputs[i] === undefined);
    const built = await buildTargets(missing, { onProgress, threads: spec.threads });
    for (const [i, job] of missing.entries()) {
      const output = built[i]!;
      outputs[jobs.indexOf(job)] = output;
      cache?.store(job, output);
    }
    const done = outputs as TargetOutput[];
    const files = crateFiles({
      crateName: spec.crateName ?? "freebsd-kpi",
      version: "0.1.0",
      targets: done,
      wrapperHeader: spec.wrapperHeader,
    });
    return {
      files,
      diagnostics: done.flatMap((o) => o.diagnostics),
      timings: Object.assign({}, ...done.map((o) => o.timings)) as Record<string, number>,
      counts: Object.fromEntries(done.map((o) => [o.name, o.counts])),
      dependencies: [...new Set(done.flatMap((o) => o.dependencies))].sort(),
    };
  } finally {
    wrapper.dispose();
  }
}
