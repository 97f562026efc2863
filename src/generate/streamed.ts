// One target on two threads: this one runs configuration and preprocessing and hands the
// text over in pieces as it is made; a back-end worker parses each piece as it arrives, then
// lays out and emits. Parsing, the larger half, thus runs beside preprocessing rather than
// after it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { classifyMacros } from "../parse/index.js";
import {
  headerPathResolver,
  preprocessFrontEnd,
  type ProgressListener,
} from "../pipeline/index.js";
import { frontEndSpecOf, type TargetJob, type TargetOutput } from "./target-build.js";
import {
  deserializeError,
  type BackEndInput,
  type BackEndMessage,
  type BackEndRequest,
} from "./worker-protocol.js";

const backEndFile = fileURLToPath(new URL("./back-end-worker.js", import.meta.url));

/** Whether a target can be built streamed (a run from TypeScript sources has no worker file). */
export function canStream(): boolean {
  return existsSync(backEndFile);
}

export async function buildTargetStreamed(
  job: TargetJob,
  onProgress: ProgressListener,
): Promise<TargetOutput> {
  const input: BackEndInput = { job, startedAt: performance.timeOrigin + performance.now() };
  const worker = new Worker(backEndFile, { workerData: input });
  const send = (request: BackEndRequest) => worker.postMessage(request);
  const result = new Promise<TargetOutput>((resolve, reject) => {
    worker.on("message", (m: BackEndMessage) => {
      if (m.kind === "progress") onProgress(m.event);
      else if (m.kind === "done") resolve(m.output);
      else reject(deserializeError(m.error));
    });
    worker.on("error", reject);
    worker.on("exit", (code) =>
      reject(new Error(`generate back-end worker exited (status ${code}) without a result`)),
    );
  });
  try {
    const spec = frontEndSpecOf(job, onProgress);
    const {
      plan: _plan,
      text: _text,
      macros,
      ...preprocessed
    } = preprocessFrontEnd(spec, {
      onPiece: (text) => send({ kind: "piece", text }),
    });
    // This thread would wait for the parser now: it classifies the macros meanwhile.
    const classified = classifyMacros(macros, spec.target.abi, headerPathResolver(spec.target));
    send({ kind: "end", preprocessed, macros: classified });
  } catch (e) {
    // Preprocessing failed: its error is the run's; the half-parsed text is of no use.
    result.catch(() => {});
    await worker.terminate();
    throw e;
  }
  return result;
}
