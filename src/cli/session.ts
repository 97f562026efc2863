// Everything one CLI run writes to stderr goes through its session: diagnostics (collected,
// de-duplicated, grouped, with source lines, then a summary), informational lines that
// --quiet hides, the progress display, and the internal-error line. The session knows the
// output form (--error-format), whether stderr is a terminal, and where to find the files
// that diagnostics name.
import type { Diagnostic } from "../diagnostics/index.js";
import {
  countDiagnostics,
  dedupeDiagnostics,
  diagnosticToJson,
  formatSummary,
  orderDiagnostics,
  renderDiagnosticText,
  summaryToJson,
} from "../diagnostics/present.js";
import type { ProgressListener } from "../pipeline/index.js";
import { ProgressDisplay, type ProgressArgs } from "./progress.js";
import { sourceLineReader } from "./source-lines.js";

export const ERROR_FORMATS = ["text", "json"] as const;
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

export interface SessionOptions {
  errorFormat: ErrorFormat;
  /** Whether stderr is a terminal: the status line and colours need one. */
  terminal: boolean;
  columns: number;
  env: Record<string, string | undefined>;
  write: (text: string) => void;
}

/** The session of a real run: stderr, its terminal-ness and the environment. */
export function stderrSessionOptions(errorFormat: ErrorFormat): SessionOptions {
  return {
    errorFormat,
    terminal: process.stderr.isTTY === true,
    columns: process.stderr.columns || 80,
    env: process.env,
    write: (text) => void process.stderr.write(text),
  };
}

/** --error-format as given on the raw command line, so usage errors honour it too. */
export function errorFormatIn(argv: readonly string[]): ErrorFormat {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") break;
    const value =
      arg === "--error-format" ? argv[i + 1] : arg?.startsWith("--error-format=") && arg.slice(15);
    if (value === "json" || value === "text") return value;
  }
  return "text";
}

export class CliSession {
  readonly json: boolean;
  private readonly color: boolean;
  private readonly pending: Diagnostic[] = [];
  private readonly printed: Diagnostic[] = [];
  private readonly roots: string[] = [];
  private readonly readLine = sourceLineReader(() => this.roots);
  private progress?: ProgressDisplay;
  private quiet = false;
  /** What was written to stderr that stays there (not the status line). */
  private transcript = "";

  constructor(private readonly options: SessionOptions) {
    this.json = options.errorFormat === "json";
    const noColor = options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== "";
    this.color = !this.json && options.terminal && !noColor && options.env.TERM !== "dumb";
  }

  /** Writes to stderr without tearing the status line. */
  private write(text: string): void {
    this.transcript += text;
    this.progress?.clear();
    this.options.write(text);
    this.progress?.redraw();
  }

  /**
   * Everything the run has printed and will print on stderr, the closing summary included,
   * but not the status line or timings: what a replay of the run prints (generate's cache).
   */
  lastingOutput(): string {
    this.flushDiagnostics();
    return this.transcript + this.summaryText();
  }

  private summaryText(): string {
    const counts = countDiagnostics(this.printed);
    if (this.json) return this.printed.length ? summaryToJson(counts) + "\n" : "";
    const summary = formatSummary(counts);
    return summary ? summary + "\n" : "";
  }

  /** A directory relative locations may be under (the kernel tree of the run). */
  addSourceRoot(dir: string): void {
    if (!this.roots.includes(dir)) this.roots.push(dir);
  }

  /** Collects diagnostics; they print, grouped, at the next flush. */
  report(list: readonly Diagnostic[]): void {
    this.pending.push(...list);
  }

  /** Prints what was reported since the last flush, except what was printed already. */
  flushDiagnostics(): void {
    if (this.pending.length === 0) return;
    const before = this.printed.length;
    const fresh = dedupeDiagnostics([...this.printed, ...this.pending]).slice(before);
    this.pending.length = 0;
    const out = orderDiagnostics(fresh).map((d) => this.withSourceLine(d));
    this.printed.push(...out);
    if (out.length === 0) return;
    const render = (d: Diagnostic) =>
      this.json ? diagnosticToJson(d) : renderDiagnosticText(d, { color: this.color });
    this.write(out.map(render).join("\n") + "\n");
  }

  private withSourceLine(d: Diagnostic): Diagnostic {
    if (d.sourceLine !== undefined || d.location === undefined) return d;
    const sourceLine = this.readLine(d.location.file, d.location.line);
    return sourceLine === undefined ? d : { ...d, sourceLine };
  }

  /** A line about the run (per-target counts) that --quiet leaves out. */
  info(line: string): void {
    if (!this.quiet) this.message(line);
  }

  /** A line of a report on stderr (a verify mismatch) that prints even with --quiet. */
  message(line: string): void {
    this.write(this.json ? JSON.stringify({ kind: "info", message: line }) + "\n" : line + "\n");
  }

  /** The listener for a pipeline run; shows progress as --quiet and --verbose say. */
  startProgress(args: ProgressArgs): ProgressListener {
    // A command running the pipeline twice (diff of two trees) keeps one display.
    if (this.progress) return this.progress.listener;
    this.quiet = args.quiet;
    this.progress = new ProgressDisplay({
      statusLine: this.options.terminal && !args.quiet && !this.json,
      verbose: args.verbose,
      json: this.json,
      columns: this.options.columns,
      write: (text) => this.options.write(text),
    });
    return this.progress.listener;
  }

  /** The pipeline has finished: no more status line; timings still print at the end. */
  stopProgressLine(): void {
    this.progress?.stop();
  }

  internalError(message: string, stack?: string): void {
    this.progress?.stop();
    this.flushDiagnostics();
    if (this.json) {
      this.write(JSON.stringify({ kind: "internal-error", message }) + "\n");
    } else {
      this.write(`kpi-bindgen: internal error: ${message}\n${stack ? stack + "\n" : ""}`);
    }
  }

  usageError(message: string): void {
    if (this.json) this.write(JSON.stringify({ kind: "usage-error", message }) + "\n");
    else this.write(`kpi-bindgen: error: ${message}\nRun 'kpi-bindgen --help' for usage.\n`);
  }

  /** Ends the run's stderr: status line gone, remaining diagnostics, summary, timings. */
  finish(): void {
    const progress = this.progress;
    this.progress = undefined;
    progress?.stop();
    this.flushDiagnostics();
    const summary = this.summaryText();
    if (summary) this.write(summary);
    progress?.printTimings();
  }
}

/** What main's middleware adds to every command's arguments. */
export interface SessionArgs {
  session: CliSession;
}
