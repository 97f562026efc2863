// A hang is a failure, but synchronous code cannot be interrupted from its own thread. A
// watchdog thread watches each case through shared memory; when one runs past the hard
// limit it saves the input to a file, names it on stderr and kills the test process, which
// vitest reports as a failed suite. Cases that end but run past the bound fail normally.
import { writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { Worker } from "node:worker_threads";
import { caseBoundMs } from "./budget.js";

const INPUT_BYTES = 8 * 1024 * 1024;
/** The watchdog gives a case this many times the bound before calling it a hang. */
const HANG_FACTOR = 4;

// Layout of the shared state: [0] case generation (odd while a case runs), [1] input length,
// then the label and input as UTF-8 bytes; startedAt as a float64 after the counters.
const WATCHDOG_SOURCE = `
const { workerData } = require("node:worker_threads");
const { writeFileSync, writeSync } = require("node:fs");
const { counters, startedAt, bytes, limitMs, dumpPath } = workerData;
let seenGeneration = -1;
setInterval(() => {
  const generation = Atomics.load(counters, 0);
  if (generation % 2 === 0) return;
  const elapsed = Date.now() - startedAt[0];
  if (elapsed < limitMs || generation === seenGeneration) return;
  seenGeneration = generation;
  const length = Atomics.load(counters, 1);
  const text = new TextDecoder().decode(bytes.slice(0, length));
  writeFileSync(dumpPath, text);
  writeSync(2, "\\nFUZZ HANG: a case ran " + elapsed + " ms (limit " + limitMs + " ms); input saved to " +
    dumpPath + "\\n" + text.slice(0, 2000) + "\\n");
  process.kill(process.pid, "SIGKILL");
}, 200);
`;

interface SharedState {
  counters: Int32Array;
  startedAt: Float64Array;
  bytes: Uint8Array;
}

let shared: SharedState | undefined;
let worker: Worker | undefined;

function start(): SharedState {
  if (shared) return shared;
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const startedAt = new Float64Array(new SharedArrayBuffer(8));
  const bytes = new Uint8Array(new SharedArrayBuffer(INPUT_BYTES));
  const dumpPath = `${tmpdir()}/kpi-fuzz-hang-${process.pid}.txt`;
  worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { counters, startedAt, bytes, limitMs: caseBoundMs * HANG_FACTOR, dumpPath },
  });
  worker.unref();
  shared = { counters, startedAt, bytes };
  return shared;
}

/** Stops the watchdog (suites call this from afterAll). */
export async function stopWatchdog(): Promise<void> {
  await worker?.terminate();
  worker = undefined;
  shared = undefined;
}

/** Marks a case as running; the returned function ends it and enforces the bound. */
function beginCase(label: string, input: string): () => void {
  const state = start();
  const written = new TextEncoder().encodeInto(`${label}\n${input}`, state.bytes).written;
  Atomics.store(state.counters, 1, written);
  state.startedAt[0] = Date.now();
  Atomics.add(state.counters, 0, 1);
  const t0 = performance.now();
  return () => {
    Atomics.add(state.counters, 0, 1);
    const elapsed = performance.now() - t0;
    if (elapsed > caseBoundMs) {
      writeSync(2, `FUZZ SLOW: ${label} took ${Math.round(elapsed)} ms\n`);
      throw new Error(
        `${label}: one case took ${Math.round(elapsed)} ms, over the bound of ${caseBoundMs} ms`,
      );
    }
  };
}

/**
 * Runs one case under the bound; `input` is what to save if it hangs. A case that ends but
 * took longer than the bound fails (that error replaces any the case threw).
 */
export function withinBound<T>(label: string, input: string, body: () => T): T {
  const end = beginCase(label, input);
  try {
    return body();
  } finally {
    end();
  }
}

/** The async form, for cases that await. */
export async function withinBoundAsync<T>(
  label: string,
  input: string,
  body: () => Promise<T>,
): Promise<T> {
  const end = beginCase(label, input);
  try {
    return await body();
  } finally {
    end();
  }
}
