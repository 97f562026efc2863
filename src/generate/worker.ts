// A worker thread of `generate`: takes jobs from the shared counter until none are left.
import { parentPort, workerData } from "node:worker_threads";
import { buildTarget } from "./target-build.js";
import { serializeError, type WorkerInput, type WorkerMessage } from "./worker-protocol.js";

const input = workerData as WorkerInput;
const next = new Int32Array(input.next);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= input.jobs.length) break;
  try {
    const output = buildTarget(input.jobs[index]!, (event) => post({ kind: "progress", event }));
    post({ kind: "done", index, output });
  } catch (e) {
    post({ kind: "failed", index, error: serializeError(e) });
  }
}
