// A worker thread of `generate`: gets the jobs as its first message (so it can be started
// before they are known), then takes jobs from the shared counter until none are left.
import { parentPort } from "node:worker_threads";
import { saveCodeCache } from "../launch/code-cache.js";
import { RealFileCache } from "../preprocess/kernel-build/index.js";
import { buildTarget } from "./target-build.js";
import { serializeError, type WorkerInput, type WorkerMessage } from "./worker-protocol.js";

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

port.once("message", (input: WorkerInput) => {
  const next = new Int32Array(input.next);
  // This run's files, read and lexed once for every target this thread takes.
  const files = new RealFileCache();
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= input.jobs.length) break;
    try {
      const output = buildTarget(
        input.jobs[index]!,
        (event) => post({ kind: "progress", event }),
        files,
      );
      // Before the result: the main thread may end the process as soon as it has them all.
      saveCodeCache();
      post({ kind: "done", index, output });
    } catch (e) {
      post({ kind: "failed", index, error: serializeError(e) });
    }
  }
  port.close();
});
