// Shows the pipeline's progress events: on a terminal, one status line rewritten in place
// (stage, target, headers read, elapsed time); nothing when stderr is piped or with --quiet;
// with --verbose, a table of the time each stage took, after the run.
import type { Argv } from "yargs";
import type { PipelineStage, ProgressEvent, ProgressListener } from "../pipeline/index.js";

export interface ProgressArgs {
  quiet: boolean;
  verbose: boolean;
}

/** --quiet and --verbose, for the commands that run the pipeline. */
export function progressOptions<T>(yargs: Argv<T>): Argv<T & ProgressArgs> {
  return yargs
    .option("quiet", {
      alias: "q",
      type: "boolean",
      default: false,
      describe: "No progress line and no summary lines; errors and warnings still print",
    })
    .option("verbose", {
      type: "boolean",
      default: false,
      describe: "Print the time each stage took, per target, at the end",
    }) as unknown as Argv<T & ProgressArgs>;
}

export interface StatusState {
  stage?: PipelineStage;
  target?: string;
  headers?: number;
}

/** `amd64: preprocess, 412 headers  1.2s`, cut to fit the terminal. */
export function formatStatusLine(state: StatusState, elapsedMs: number, columns: number): string {
  const what = [state.target ? `${state.target}: ` : "", state.stage ?? "starting"].join("");
  const headers = state.headers !== undefined ? `, ${state.headers} headers` : "";
  const line = `${what}${headers}  ${(elapsedMs / 1000).toFixed(1)}s`;
  const width = Math.max(10, columns - 1);
  return line.length > width ? line.slice(0, width) : line;
}

export interface StageTiming {
  target?: string;
  stage: PipelineStage;
  ms: number;
}

/**
 * One row per target, one column per stage (both in the order they first ran), in
 * milliseconds, then the total. A stage that ran several times for a target adds up.
 */
export function formatTimings(timings: readonly StageTiming[], wallMs: number): string[] {
  if (timings.length === 0) return [];
  const targets = [...new Set(timings.map((t) => t.target ?? "all"))];
  const stages = [...new Set(timings.map((t) => t.stage))];
  const cell = (target: string, stage: string) =>
    timings
      .filter((t) => (t.target ?? "all") === target && t.stage === stage)
      .reduce((sum, t) => sum + t.ms, 0);
  const rows = [
    ["target", ...stages],
    ...targets.map((target) => [target, ...stages.map((s) => cell(target, s).toFixed(0))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "),
  );
  const stageTotal = timings.reduce((sum, t) => sum + t.ms, 0);
  return [
    "time per stage (ms):",
    ...lines.map((l) => `  ${l}`),
    `  stages ${stageTotal.toFixed(0)} ms, whole run ${wallMs.toFixed(0)} ms`,
  ];
}

export interface ProgressDisplayOptions {
  /** Draw the status line (stderr is a terminal, not --quiet, text diagnostics). */
  statusLine: boolean;
  verbose: boolean;
  /** Print the timings as one JSON object instead of a table (--error-format json). */
  json: boolean;
  columns: number;
  write: (text: string) => void;
  now?: () => number;
}

/** Status line repaints at most this often; stage changes always repaint. */
const REPAINT_MS = 80;

export class ProgressDisplay {
  private readonly now: () => number;
  private readonly started: number;
  private readonly state: StatusState = {};
  private readonly timings: StageTiming[] = [];
  private shown = "";
  private lastPaint = -Infinity;
  private drawing: boolean;
  readonly listener: ProgressListener = (event) => this.onEvent(event);

  constructor(private readonly options: ProgressDisplayOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.drawing = options.statusLine;
  }

  private onEvent(event: ProgressEvent): void {
    if (event.phase === "end") {
      if (event.ms !== undefined)
        this.timings.push({ target: event.target, stage: event.stage, ms: event.ms });
      return;
    }
    const changed = event.phase === "start";
    if (changed) {
      this.state.stage = event.stage;
      this.state.target = event.target;
      if (event.stage === "preprocess") this.state.headers = undefined;
    }
    if (event.headers !== undefined) this.state.headers = event.headers;
    if (changed || this.now() - this.lastPaint >= REPAINT_MS) this.redraw();
  }

  /** Rubs the status line out so other output starts at the left margin. */
  clear(): void {
    if (this.shown === "") return;
    this.options.write("\r\x1b[K");
    this.shown = "";
  }

  redraw(): void {
    if (!this.drawing || this.state.stage === undefined) return;
    const now = this.now();
    this.lastPaint = now;
    this.shown = formatStatusLine(this.state, now - this.started, this.options.columns);
    this.options.write(`\r${this.shown}\x1b[K`);
  }

  /** Removes the status line for good. */
  stop(): void {
    this.clear();
    this.drawing = false;
  }

  /** With --verbose, prints the time each stage took. */
  printTimings(): void {
    if (!this.options.verbose) return;
    const wall = this.now() - this.started;
    if (this.options.json) {
      const stages = this.timings.map((t) => ({ ...t, ms: Math.round(t.ms) }));
      this.options.write(
        JSON.stringify({ kind: "timings", stages, wallMs: Math.round(wall) }) + "\n",
      );
      return;
    }
    const lines = formatTimings(this.timings, wall);
    if (lines.length) this.options.write(lines.join("\n") + "\n");
  }
}
