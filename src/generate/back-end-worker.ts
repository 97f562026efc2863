// The back end of a streamed target, on its own thread: takes its job, parses the
// preprocessed text piece by piece as the preprocessing thread hands it over, then lays out
// and emits the target. The job comes as the first message, so the thread can be started
// before the job is known (see prestartWorkers in threads.ts).
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
  finish(request: BackEndRequest & { kind: "macros" }): void {
    const t = performance.now();
    const summary = this.parser.macroSummary(request.macros);
    this.parseMs += performance.now() - t;
    const target = this.spec.target.name;
    onProgress({ phase: "end", stage: "parse", target, ms: this.parseMs });
    const frontEndMs = performance.timeOrigin + performance.now() - this.startedAt;
    const output = this.declared!.finish(summary, frontEndMs);
    saveCodeCache();
    post({ kind: "done", output });
  }
}

let backEnd: BackEnd | undefined;

port.on("message", (request: BackEndRequest) => {
  if (request.kind === "job") {
    backEnd = new BackEnd(request.job, request.startedAt);
    return;
  }
  if (request.kind === "piece") {
    backEnd!.add(request.text);
    return;
  }
  // The first failure ends the job: the preprocessing thread is told at once.
  try {
    if (request.kind === "end-of-text") {
      backEnd!.endOfText(request);
      return;
    }
    backEnd!.finish(request);
  } catch (e) {
    post({ kind: "failed", error: serializeError(e) });
  }
  port.close();
});
