// Benchmark: our preprocessor on the KPI wrapper (amd64, 13.0, module mode) beside
// `clang-19 -E` on the same input and flags. Medians of several runs each, and the peak
// RSS of a process that only runs ours. Measurement only: prints, never asserts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { planKernelBuild } from "../preprocess/kernel-build/plan.js";
import { preprocessInBuild } from "../preprocess/kernel-build/run.js";
import { RealFileCache } from "../preprocess/kernel-build/overlay-files.js";
import type { ClangLayout } from "../preprocess/kernel-build/clang-layout.js";
import { getTarget } from "../targets/index.js";

export interface PreprocessBenchOptions {
  sysDir: string;
  wrapper: string;
  runs: number;
  clang: string;
}

export interface PreprocessBenchReport {
  runs: number;
  oursMedianMs: number;
  /** Ours again with files already read and lexed (how one build reuses them across units). */
  oursWarmMedianMs: number;
  clangMedianMs: number;
  /** ours / clang. */
  ratio: number;
  /** Peak resident set of a process running only our preprocessing, in KiB. */
  oursPeakRssKiB: number;
  outputBytes: number;
  filesRead: number;
}

const thisFile = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(thisFile), "../..");

export function defaultBenchOptions(): PreprocessBenchOptions {
  const shared = resolve(process.env.KPI_SHARED_DIR ?? join(repoRoot, "../shared"));
  return {
    sysDir: join(shared, "freebsd/13.0/sys"),
    wrapper: join(shared, "bench/kpi_wrapper.h"),
    runs: Number(process.env.KPI_BENCH_RUNS ?? 7),
    clang: process.env.KPI_CLANG ?? "clang-19",
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function planFor(options: PreprocessBenchOptions, cache = new RealFileCache()) {
  return planKernelBuild(
    {
      sysDir: options.sysDir,
      target: getTarget("amd64"),
      mode: "module",
      user: { macros: [], includeDirs: [] },
    },
    { fileCache: cache },
  );
}

/** One run of ours from a cold file cache (files are read, as a real run reads them). */
function runOursOnce(options: PreprocessBenchOptions): {
  ms: number;
  outputBytes: number;
  filesRead: number;
} {
  const start = process.hrtime.bigint();
  const result = preprocessInBuild(planFor(options), options.wrapper);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, outputBytes: Buffer.byteLength(result.text), filesRead: result.dependencies.length };
}

/** Our runs through one preprocessor, so every file is already read and lexed. */
function timeOursWarm(options: PreprocessBenchOptions): number[] {
  const plan = planFor(options);
  preprocessInBuild(plan, options.wrapper);
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = process.hrtime.bigint();
    preprocessInBuild(plan, options.wrapper);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** One clang -E, process start included: that is what a user of clang pays per header. */
function runClangOnce(options: PreprocessBenchOptions, layout: ClangLayout): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(options.clang, [...layout.args, "-E", options.wrapper], {
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0)
    throw new Error(`${options.clang} -E failed: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

/**
 * Ours and clang alternately, so that both see the same machine: on a shared machine the
 * load changes between two separate series and would skew the ratio.
 */
function timeBoth(options: PreprocessBenchOptions) {
  const layout = planFor(options).createClangLayout();
  try {
    // One warm-up run each so neither side pays first-time disk reads.
    runOursOnce(options);
    runClangOnce(options, layout);
    const ours: number[] = [];
    const clang: number[] = [];
    let last = { outputBytes: 0, filesRead: 0 };
    for (let i = 0; i < options.runs; i++) {
      const run = runOursOnce(options);
      ours.push(run.ms);
      last = { outputBytes: run.outputBytes, filesRead: run.filesRead };
      clang.push(runClangOnce(options, layout));
    }
    return { ours, clang, ...last };
  } finally {
    layout.dispose();
  }
}

/** Peak RSS of a fresh node process that preprocesses the wrapper once. */
function childPeakRss(options: PreprocessBenchOptions): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [thisFile, "--rss-child", options.sysDir, options.wrapper],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`RSS child exited with ${code}`));
      else resolvePromise(Number(JSON.parse(out).maxRssKiB));
    });
  });
}

export async function runPreprocessBench(
  options = defaultBenchOptions(),
): Promise<PreprocessBenchReport> {
  for (const path of [options.sysDir, options.wrapper]) {
    if (!existsSync(path)) throw new Error(`benchmark input missing: ${path}`);
  }
  const both = timeBoth(options);
  const warm = timeOursWarm(options);
  const oursMedianMs = median(both.ours);
  const clangMedianMs = median(both.clang);
  return {
    runs: options.runs,
    oursMedianMs,
    oursWarmMedianMs: median(warm),
    clangMedianMs,
    ratio: oursMedianMs / clangMedianMs,
    oursPeakRssKiB: await childPeakRss(options),
    outputBytes: both.outputBytes,
    filesRead: both.filesRead,
  };
}

export function formatBenchReport(r: PreprocessBenchReport): string {
  return [
    `preprocess kpi_wrapper.h (amd64, FreeBSD 13.0, module mode), median of ${r.runs} runs`,
    `  ours:      ${r.oursMedianMs.toFixed(1)} ms (in process, cold file cache)`,
    `  ours warm: ${r.oursWarmMedianMs.toFixed(1)} ms (files already read and lexed)`,
    `  clang -E:  ${r.clangMedianMs.toFixed(1)} ms (process start included)`,
    `  ratio:     ${r.ratio.toFixed(2)}x clang`,
    `  peak RSS:  ${(r.oursPeakRssKiB / 1024).toFixed(1)} MiB (node process running ours once)`,
    `  output:    ${r.outputBytes} bytes from ${r.filesRead} files`,
  ].join("\n");
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--rss-child") {
    preprocessInBuild(
      planFor({ ...defaultBenchOptions(), sysDir: argv[1], wrapper: argv[2] }),
      argv[2],
    );
    // maxRSS is in KiB on Linux.
    process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
    return;
  }
  process.stdout.write(formatBenchReport(await runPreprocessBench()) + "\n");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === thisFile) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
