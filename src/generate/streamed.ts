// One target on two threads: this one runs configuration and preprocessing and hands the
// text over in pieces as it is made; a back-end worker parses each piece as it arrives, then
// lays out and emits. Parsing, the larger half, thus runs beside preprocessing rather than
// after it.
import { kobjMethodTypeNames } from "../emit/rust/index.js";
import { classifyMacros } from "../parse/index.js";
import {
  headerPathResolver,
  preprocessFrontEnd,
  type ProgressListener,
} from "../pipeline/index.js";
import { takeBackEndWorker } from "./back-end-thread.js";
import { frontEndSpecOf, type TargetJob, type TargetOutput } from "./target-build.js";
import { deserializeError, type BackEndMessage, type BackEndRequest } from "./worker-protocol.js";

export async function buildTargetStreamed(
  job: TargetJob,
  onProgress: ProgressListener,
): Promise<TargetOutput> {
  const worker = takeBackEndWorker();
  const send = (request: BackEndRequest) => worker.postMessage(request);
  send({ kind: "job", job, startedAt: performance.timeOrigin + performance.now() });
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
    // This thread would wait for the parser now: it classifies the macros and reads the
    // kobj method types for the emitter meanwhile.
    const classified = classifyMacros(macros, spec.target.abi, headerPathResolver(spec.target));
    let kobjMethodTypes: Set<string> | undefined;
    try {
      kobjMethodTypes = kobjMethodTypeNames(job.sysDir, spec.target.machine);
    } catch {
      kobjMethodTypes = undefined;
    }
    send({ kind: "end", preprocessed, macros: classified, kobjMethodTypes });
  } catch (e) {
    // Preprocessing failed: its error is the run's; the half-parsed text is of no use.
    result.catch(() => {});
    await worker.terminate();
    throw e;
  }
  return result;
}
