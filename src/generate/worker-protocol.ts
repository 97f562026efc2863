// Messages between `generate` and its worker threads. Errors cross as data: a
// DiagnosticError as its diagnostics, anything else as a message and stack.
import { DiagnosticError, type Diagnostic } from "../diagnostics/index.js";
import type { ClassifiedMacros } from "../parse/index.js";
import type { PreprocessedFrontEnd, ProgressEvent } from "../pipeline/index.js";
import type { TargetJob, TargetOutput } from "./target-build.js";

export interface WorkerInput {
  jobs: TargetJob[];
  /** One Int32: the index of the next job to take, shared by every worker. */
  next: SharedArrayBuffer;
}

export type SerializedError =
  | { kind: "diagnostics"; diagnostics: Diagnostic[] }
  | { kind: "internal"; message: string; stack?: string };

export type WorkerMessage =
  | { kind: "progress"; event: ProgressEvent }
  | { kind: "done"; index: number; output: TargetOutput }
  | { kind: "failed"; index: number; error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof DiagnosticError) return { kind: "diagnostics", diagnostics: e.diagnostics };
  if (e instanceof Error) return { kind: "internal", message: e.message, stack: e.stack };
  return { kind: "internal", message: String(e) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.kind === "diagnostics") return new DiagnosticError(e.diagnostics);
  const error = new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * From the preprocessing thread to the back end, per job: the job, the text in pieces, then
 * the rest; jobs come one after another, and "stop" after the last.
 */
export type BackEndRequest =
  | {
      kind: "job";
      /** The job's place in the run, which its result carries back. */
      index: number;
      job: TargetJob;
      /** When the target's build began, in milliseconds since the epoch. */
      startedAt: number;
    }
  | { kind: "piece"; text: string }
  | {
      /** Preprocessing is done: no more pieces; the declarations can be finished. */
      kind: "end-of-text";
      preprocessed: Omit<PreprocessedFrontEnd, "text" | "macros">;
    }
  | {
      /** The macro table, classified as far as it can be without the declarations. */
      kind: "macros";
      macros: ClassifiedMacros;
    }
  | { kind: "stop" };

/** From the back end: progress, and each job's result in job order. */
export type BackEndMessage = WorkerMessage;
