// The thread a single target's back end runs on (back-end-worker.ts). Kept apart from the
// rest of the generate stage so that the CLI can start it while the command line is still
// being parsed, without first loading the stage's code.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const backEndFile = fileURLToPath(new URL("./back-end-worker.js", import.meta.url));

/** Whether a target can be built streamed (a run from TypeScript sources has no worker file). */
export function canStream(): boolean {
  return existsSync(backEndFile);
}

/** A back-end thread started ahead of its job, and whether it has died since. */
let spare: { worker: Worker; exited: boolean } | undefined;

/**
 * Starts the back-end thread of a single-target build now: its start-up (about 60 ms, most
 * of it loading code) then overlaps the rest of the command's own, and it is ready when the
 * first piece of text is. Unused, it does not keep the process alive.
 */
export function prestartBackEnd(): void {
  if (spare !== undefined || !canStream()) return;
  const started = { worker: new Worker(backEndFile), exited: false };
  started.worker.unref();
  started.worker.once("exit", () => (started.exited = true));
  spare = started;
}

/** The thread started ahead if it is still alive, else a new one. */
export function takeBackEndWorker(): Worker {
  const taken = spare;
  spare = undefined;
  if (taken && !taken.exited) {
    taken.worker.ref();
    return taken.worker;
  }
  return new Worker(backEndFile);
}
