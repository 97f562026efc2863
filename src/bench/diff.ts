// Benchmark: `kpi-bindgen diff` on two saved snapshots of the KPI wrapper (11.0 and 13.0,
// amd64, GENERIC, module mode): reading both files, diffing and rendering each format.
// The snapshots are taken once beforehand and not timed. Measurement only: never asserts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  diffSnapshots,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderText,
} from "../diff/index.js";
import { parseSnapshot, snapshotToJson, takeSnapshot } from "../snapshot/index.js";

export interface DiffBenchOptions {
  oldSys: string;
  newSys: string;
  wrapper: string;
  runs: number;
}

export interface DiffBenchReport {
  runs: number;
  snapshotBytes: [number, number];
  changes: number;
  /** Median milliseconds: read + parse both files, diff, then each renderer on its own. */
  readMs: number;
  diffMs: number;
  textMs: number;
  markdownMs: number;
  jsonMs: number;
  htmlMs: number;
  /** read + diff + text: what `kpi-bindgen diff OLD NEW` does after start-up. */
  totalMs: number;
}

export function defaultDiffBenchOptions(): DiffBenchOptions {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  const shared = resolve(process.env.KPI_SHARED_DIR ?? join(repoRoot, "../shared"));
  return {
    oldSys: join(shared, "freebsd/11.0/sys"),
    newSys: join(shared, "freebsd/13.0/sys"),
    wrapper: join(shared, "bench/kpi_wrapper.h"),
    runs: Number(process.env.KPI_BENCH_RUNS ?? 7),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timed<T>(body: () => T): [T, number] {
  const start = performance.now();
  const value = body();
  return [value, performance.now() - start];
}

export function runDiffBench(
  options: DiffBenchOptions = defaultDiffBenchOptions(),
): DiffBenchReport {
  const dir = mkdtempSync(join(tmpdir(), "kpi-diff-bench-"));
  try {
    const files = [options.oldSys, options.newSys].map((sys, i) => {
      const { snapshot } = takeSnapshot({
        sys,
        arch: "amd64",
        mode: "module",
        kernconf: "GENERIC",
        header: options.wrapper,
      });
      const file = join(dir, `${i}.json`);
      writeFileSync(file, snapshotToJson(snapshot));
      return file;
    });
    const samples: Record<
      Exclude<keyof DiffBenchReport, "runs" | "snapshotBytes" | "changes">,
      number[]
    > = {
      readMs: [],
      diffMs: [],
      textMs: [],
      markdownMs: [],
      jsonMs: [],
      htmlMs: [],
      totalMs: [],
    };
    let changes = 0;
    let bytes: [number, number] = [0, 0];
    for (let run = 0; run < options.runs; run++) {
      const [[old, now], readMs] = timed(() => {
        const texts = files.map((f) => readFileSync(f, "utf8"));
        bytes = [Buffer.byteLength(texts[0]), Buffer.byteLength(texts[1])];
        return texts.map((t, i) => parseSnapshot(t, files[i]));
      });
      const [result, diffMs] = timed(() => diffSnapshots(old, now));
      changes = result.changes.length;
      const textMs = timed(() => renderText(result, { color: false }))[1];
      samples.readMs.push(readMs);
      samples.diffMs.push(diffMs);
      samples.textMs.push(textMs);
      samples.markdownMs.push(timed(() => renderMarkdown(result))[1]);
      samples.jsonMs.push(timed(() => renderJson(result))[1]);
      samples.htmlMs.push(timed(() => renderHtml(result, old, now))[1]);
      samples.totalMs.push(readMs + diffMs + textMs);
    }
    return {
      runs: options.runs,
      snapshotBytes: bytes,
      changes,
      readMs: median(samples.readMs),
      diffMs: median(samples.diffMs),
      textMs: median(samples.textMs),
      markdownMs: median(samples.markdownMs),
      jsonMs: median(samples.jsonMs),
      htmlMs: median(samples.htmlMs),
      totalMs: median(samples.totalMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDiffBenchReport(r: DiffBenchReport): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `diff: two saved snapshots of the KPI wrapper (11.0 → 13.0, amd64 GENERIC module), median of ${r.runs} runs`,
    `  snapshots: ${(r.snapshotBytes[0] / 1024).toFixed(0)} KiB and ${(r.snapshotBytes[1] / 1024).toFixed(0)} KiB; ${r.changes} changes`,
    `  read+parse ${ms(r.readMs)}, diff ${ms(r.diffMs)}, text ${ms(r.textMs)}  =>  ${ms(r.totalMs)} total`,
    `  other formats: markdown ${ms(r.markdownMs)}, json ${ms(r.jsonMs)}, html ${ms(r.htmlMs)}`,
  ].join("\n");
}

/** Runs the benchmark and prints its report; for the bench runner or by hand. */
export async function benchDiff(): Promise<string> {
  return formatDiffBenchReport(runDiffBench());
}
