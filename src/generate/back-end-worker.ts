// The back end of streamed targets, on its own thread: takes its jobs one after another,
// parses each target's preprocessed text piece by piece as the preprocessing thread hands
// it over, then lays out and emits the target. Each job starts with a "job" message, so the
// thread can be started before the first is known (see prestartWorkers in threads.ts), and
// the preprocessing thread can go on to the next target while this one finishes the last.
import { parentPort } from "node:worker_threads";
import { saveCodeCache } from "../launch/code-cache.js";
import { UnitParser } from "../parse/index.js";
import {
  completeFrontEnd,
  frontEndParseOptions,
  type FrontEndSpec,
  type ProgressListener,
} from "../pipeline/index.js";
import {
  emitDeclarations,
  frontEndSpecOf,
  type DeclaredTarget,
  type TargetJob,
  type TargetOutput,
} from "./target-build.js";
import { serializeError, type BackEndMessage, type BackEndRequest } from "./worker-protocol.js";

const port = parentPort!;
const post = (message: BackEndMessage) => port.postMessage(message);
const onProgress: ProgressListener = (event) => post({ kind: "progress", event });

/** One target's parse, fed piece by piece. */
class BackEnd {
  private readonly spec: FrontEndSpec;
  private readonly parser: UnitParser;
  private parseMs = 0;
  private pieces = 0;
  // An internal error in one piece is reported once the preprocessor is done, so that its
  // own errors, which come first in the text, take precedence.
  private failure: unknown;

  constructor(
    private readonly job: TargetJob,
    private readonly startedAt: number,
  ) {
    this.spec = frontEndSpecOf(job, onProgress);
    this.parser = new UnitParser(frontEndParseOptions(this.spec.target));
  }

  add(text: string): void {
    if (this.failure !== undefined) return;
    const target = this.spec.target.name;
    if (this.pieces++ === 0) onProgress({ phase: "start", stage: "parse", target });
    const t = performance.now();
    try {
      this.parser.add(text);
    } catch (e) {
      this.failure = e;
    }
    this.parseMs += performance.now() - t;
  }

  private declared: DeclaredTarget | undefined;

  /** No more text: finishes the declarations and emits their items. */
  endOfText(request: BackEndRequest & { kind: "end-of-text" }): void {
    if (this.failure !== undefined) throw this.failure;
    const t = performance.now();
    const parsed = this.parser.finishDeclarations();
    this.parseMs += performance.now() - t;
    const front = completeFrontEnd(this.spec, request.preprocessed, parsed);
    front.timings.parse = this.parseMs;
    this.declared = emitDeclarations(this.job, front, onProgress);
  }

  /** The macros: summarizes them against the unit and finishes the target. */
  finish(request: BackEndRequest & { kind: "macros" }): TargetOutput {
    const t = performance.now();
    const summary = this.parser.macroSummary(request.macros);
    this.parseMs += performance.now() - t;
    const target = this.spec.target.name;
    onProgress({ phase: "end", stage: "parse", target, ms: this.parseMs });
    const frontEndMs = performance.timeOrigin + performance.now() - this.startedAt;
    return this.declared!.finish(summary, frontEndMs);
  }
}

/** The job in hand and its index; none between a job's end and the next job. */
let current: { backEnd: BackEnd; index: number } | undefined;

port.on("message", (request: BackEndRequest) => {
  if (request.kind === "stop") {
    port.close();
    return;
  }
  if (request.kind === "job") {
    current = { backEnd: new BackEnd(request.job, request.startedAt), index: request.index };
    return;
  }
  // After a job failed, the rest of its messages are dropped.
  if (!current) return;
  if (request.kind === "piece") {
    current.backEnd.add(request.text);
    return;
  }
  const { backEnd, index } = current;
  // The first failure ends the job: the preprocessing thread is told at once.
  try {
    if (request.kind === "end-of-text") {
      backEnd.endOfText(request);
      return;
    }
    const output = backEnd.finish(request);
    // Before the result: the preprocessing thread may end the process once it has them all.
    saveCodeCache();
    post({ kind: "done", index, output });
  } catch (e) {
    post({ kind: "failed", index, error: serializeError(e) });
  }
  current = undefined;
});
