// Targets built on two threads: this one runs configuration and preprocessing and hands the
// text over in pieces as it is made; a back-end worker parses each piece as it arrives, then
// lays out and emits. Parsing, the larger half, thus runs beside preprocessing rather than
// after it. Several targets go through the same pair one after another: while the back end
// finishes a target, this thread is already preprocessing the next, so both stay busy to
// the end and no third thread competes for two cores.
import { classifyMacros } from "../parse/index.js";
import {
  headerPathResolver,
  preprocessFrontEnd,
  type ProgressListener,
} from "../pipeline/index.js";
import { RealFileCache } from "../preprocess/kernel-build/index.js";
import { takeWorker } from "./threads.js";
import { frontEndSpecOf, type TargetJob, type TargetOutput } from "./target-build.js";
import { deserializeError, type BackEndMessage, type BackEndRequest } from "./worker-protocol.js";

/** The outcome of each job, settled as the back end reports it. */
type Outcome = { output: TargetOutput } | { error: Error };

/**
 * Builds `jobs` in order and returns their outputs. As on one thread, the first job that
 * fails ends the run with its error, and no later job is started.
 */
export async function buildTargetsStreamed(
  jobs: TargetJob[],
  onProgress: ProgressListener,
): Promise<TargetOutput[]> {
  const worker = takeWorker("back-end");
  const send = (request: BackEndRequest) => worker.postMessage(request);
  const outcomes: Outcome[] = [];
  let waiting: (() => void) | undefined;
  let lost: Error | undefined;
  const wake = () => {
    waiting?.();
    waiting = undefined;
  };
  worker.on("message", (m: BackEndMessage) => {
    if (m.kind === "progress") onProgress(m.event);
    else {
      outcomes[m.index] =
        m.kind === "done" ? { output: m.output } : { error: deserializeError(m.error) };
      wake();
    }
  });
  const onLost = (e: Error) => {
    lost ??= e;
    wake();
  };
  worker.on("error", onLost);
  worker.on("exit", (code) =>
    onLost(new Error(`generate back-end worker exited (status ${code}) without a result`)),
  );
  /** Resolves once the back end has reported on the first `count` jobs (or is gone). */
  const reported = async (count: number): Promise<void> => {
    while (!lost && outcomes.filter(Boolean).length < count) {
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };

  // The targets' files, read and lexed once for all of them.
  const files = new RealFileCache();
  let started = 0;
  let preprocessingError: unknown;
  for (const job of jobs) {
    // A target the back end already failed ends the run: start no more.
    if (outcomes.some((o) => o && "error" in o)) break;
    send({
      kind: "job",
      index: started++,
      job,
      startedAt: performance.timeOrigin + performance.now(),
    });
    try {
      const spec = frontEndSpecOf(job, onProgress);
      const {
        plan: _plan,
        text: _text,
        macros,
        ...preprocessed
      } = preprocessFrontEnd(spec, { onPiece: (text) => send({ kind: "piece", text }) }, files);
      send({ kind: "end-of-text", preprocessed });
      // The back end finishes the declarations and emits their items meanwhile.
      const classified = classifyMacros(macros, spec.target.abi, headerPathResolver(spec.target));
      send({ kind: "macros", macros: classified });
    } catch (e) {
      // Preprocessing failed: the half-parsed text is of no use. The targets before this one
      // are still reported, and their errors come first.
      preprocessingError = e;
      break;
    }
  }
  const finished = preprocessingError === undefined ? started : started - 1;
  await reported(finished);
  if (preprocessingError === undefined) {
    // The back end ends by itself, beside this thread writing the crate.
    send({ kind: "stop" });
  } else {
    void worker.terminate();
  }
  for (let i = 0; i < finished; i++) {
    const outcome = outcomes[i];
    if (!outcome) throw lost;
    if ("error" in outcome) throw outcome.error;
  }
  if (preprocessingError !== undefined) throw preprocessingError;
  return outcomes.slice(0, finished).map((o) => (o as { output: TargetOutput }).output);
}
