// Builds the targets of one generate on as many threads as threadPlan (threads.ts) gives:
// streamed over two threads (one target, or several on two cores), several taken in turn
// by this thread and workers, or everything on this thread. Results come back in job order;
// when several jobs fail, the first failing job's error is thrown, so the outcome does not
// depend on thread timing.
import { ignoreProgress, type ProgressListener } from "../pipeline/index.js";
import { RealFileCache } from "../preprocess/kernel-build/index.js";
import { buildTargetsStreamed } from "./streamed.js";
import { buildTarget, type TargetJob, type TargetOutput } from "./target-build.js";
import { takeWorker, threadPlan } from "./threads.js";
import {
  deserializeError,
  serializeError,
  type SerializedError,
  type WorkerInput,
  type WorkerMessage,
} from "./worker-protocol.js";

export interface ParallelOptions {
  onProgress?: ProgressListener;
  /**
   * Most threads to use (default: the machine's available parallelism; several targets get
   * one thread more).
   */
  threads?: number;
}

export async function buildTargets(
  jobs: TargetJob[],
  options: ParallelOptions = {},
): Promise<TargetOutput[]> {
  const onProgress = options.onProgress ?? ignoreProgress;
  if (jobs.length === 0) return [];
  const plan = threadPlan(jobs.length, options.threads);
  if (plan.kind === "streamed") return buildTargetsStreamed(jobs, onProgress);
  if (plan.kind === "one") {
    const files = new RealFileCache();
    return jobs.map((job) => buildTarget(job, onProgress, files));
  }
  const outputs: (TargetOutput | undefined)[] = new Array(jobs.length);
  const errors: (SerializedError | undefined)[] = new Array(jobs.length);
  const input: WorkerInput = { jobs, next: new SharedArrayBuffer(4) };
  const runs = Array.from({ length: plan.poolWorkers }, () => {
    const worker = takeWorker("pool");
    worker.postMessage(input);
    return new Promise<void>((resolve, reject) => {
      worker.on("message", (m: WorkerMessage) => {
        if (m.kind === "progress") onProgress(m.event);
        else if (m.kind === "done") outputs[m.index] = m.output;
        else errors[m.index] = m.error;
      });
      worker.on("error", reject);
      worker.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`generate worker exited with status ${code}`)),
      );
    });
  });
  // This thread takes targets too, rather than wait with a core's worth of work undone; it
  // starts at once, while the workers may still be loading. Their messages wait meanwhile.
  const next = new Int32Array(input.next);
  const files = new RealFileCache();
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    try {
      outputs[index] = buildTarget(jobs[index]!, onProgress, files);
    } catch (e) {
      errors[index] = serializeError(e);
    }
  }
  await Promise.all(runs);
  const failed = errors.findIndex((e) => e !== undefined);
  if (failed >= 0) throw deserializeError(errors[failed]!);
  return outputs.map((o, i) => {
    if (!o) throw new Error(`generate worker produced no result for ${jobs[i]!.target}`);
    return o;
  });
}
