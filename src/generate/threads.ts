// How generate spreads its targets over threads, and the worker threads themselves. Kept
// apart from the rest of the stage so that the CLI can start the workers while the command
// line is still being parsed, without first loading the stage's code: a worker takes tens of
// milliseconds to start, which then overlap the command's own start-up.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** back-end: parses and emits one target fed by this thread; pool: builds whole targets. */
export type ThreadKind = "back-end" | "pool";

/**
 * Workers start in the launcher's worker entry, which loads their bundle with the code
 * cache; it exists only in a build (dist/launch/, beside dist/generate/ and dist/bundle/).
 */
const workerEntry = fileURLToPath(new URL("../launch/worker-entry.cjs", import.meta.url));
const workerBundles: Record<ThreadKind, string> = {
  "back-end": "back-end-worker",
  pool: "worker",
};

function startWorker(kind: ThreadKind): Worker {
  return new Worker(workerEntry, { workerData: { bundle: workerBundles[kind] } });
}

/**
 * How `targets` targets are built with at most `jobs` threads (default: the cores):
 *   streamed: this thread preprocesses and a back-end worker parses and emits, target after
 *   target; for one target on two threads or more, and for several on exactly two, where
 *   the pair keeps both cores busy to the end;
 *   pool: on three threads or more, this thread and `poolWorkers` workers each take whole
 *   targets in turn, one thread more than cores in all, so that the last target does not
 *   run alone on one core while the others idle;
 *   one: one thread (--jobs 1), or run from TypeScript sources, where no worker exists.
 */
export function threadPlan(
  targets: number,
  jobs?: number,
): { kind: "streamed" } | { kind: "pool"; poolWorkers: number } | { kind: "one" } {
  const cores = jobs ?? availableParallelism();
  if (!existsSync(workerEntry) || cores < 2) return { kind: "one" };
  if (targets === 1 || cores === 2) return { kind: "streamed" };
  return { kind: "pool", poolWorkers: Math.min(targets, jobs ?? cores + 1) - 1 };
}

/** Workers started ahead of their jobs, by kind, each with whether it has died since. */
const spares: Record<ThreadKind, { worker: Worker; exited: boolean }[]> = {
  "back-end": [],
  pool: [],
};

/**
 * Starts now the workers a generate of `targets` targets with at most `jobs` threads will
 * use. Unused, they do not keep the process alive.
 */
export function prestartWorkers(targets: number, jobs?: number): void {
  const plan = threadPlan(targets, jobs);
  const wanted =
    plan.kind === "streamed"
      ? { kind: "back-end" as const, count: 1 }
      : plan.kind === "pool"
        ? { kind: "pool" as const, count: plan.poolWorkers }
        : undefined;
  if (!wanted) return;
  const list = spares[wanted.kind];
  while (list.length < wanted.count) {
    const started = { worker: startWorker(wanted.kind), exited: false };
    started.worker.unref();
    started.worker.once("exit", () => (started.exited = true));
    list.push(started);
  }
}

/** A worker of `kind`: one started ahead if one is still alive, else a new one. */
export function takeWorker(kind: ThreadKind): Worker {
  const list = spares[kind];
  for (let taken = list.shift(); taken; taken = list.shift()) {
    if (taken.exited) continue;
    taken.worker.ref();
    return taken.worker;
  }
  return startWorker(kind);
}
