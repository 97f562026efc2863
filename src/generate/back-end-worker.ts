// The back end of a streamed target, on its own thread: parses the preprocessed text piece
// by piece as the preprocessing thread hands it over, then lays out and emits the target.
import { parentPort, workerData } from "node:worker_threads";
import { UnitParser } from "../parse/index.js";
import {
  completeFrontEnd,
  frontEndParseOptions,
  type ProgressListener,
} from "../pipeline/index.js";
import { emitTarget, frontEndSpecOf } from "./target-build.js";
import {
  serializeError,
  type BackEndInput,
  type BackEndMessage,
  type BackEndRequest,
} from "./worker-protocol.js";

const { job, startedAt } = workerData as BackEndInput;
const port = parentPort!;
const post = (message: BackEndMessage) => port.postMessage(message);
const onProgress: ProgressListener = (event) => post({ kind: "progress", event });
const spec = frontEndSpecOf(job, onProgress);
const parser = new UnitParser(frontEndParseOptions(spec.target));
let parseMs = 0;
let pieces = 0;
// An internal error in one piece is reported once the preprocessor is done, so that its own
// errors, which come first in the text, take precedence.
let failure: unknown;

function finish(request: BackEndRequest & { kind: "end" }): void {
  if (failure !== undefined) throw failure;
  const t = performance.now();
  const parsed = parser.finish(request.macros);
  parseMs += performance.now() - t;
  onProgress({ phase: "end", stage: "parse", target: spec.target.name, ms: parseMs });
  const front = completeFrontEnd(spec, request.preprocessed, parsed);
  front.timings.parse = parseMs;
  const frontEndMs = performance.timeOrigin + performance.now() - startedAt;
  post({ kind: "done", output: emitTarget(job, front, frontEndMs, onProgress) });
}

port.on("message", (request: BackEndRequest) => {
  if (request.kind === "piece") {
    if (failure !== undefined) return;
    if (pieces++ === 0) onProgress({ phase: "start", stage: "parse", target: spec.target.name });
    const t = performance.now();
    try {
      parser.add(request.text);
    } catch (e) {
      failure = e;
    }
    parseMs += performance.now() - t;
    return;
  }
  try {
    finish(request);
  } catch (e) {
    post({ kind: "failed", error: serializeError(e) });
  }
  port.close();
});
