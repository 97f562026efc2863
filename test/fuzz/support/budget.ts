// How much each fuzz property runs. CI gets a fixed seed and a few runs so the whole
// directory finishes well under a minute on two cores. A longer run sets FUZZ_SEED=random
// and FUZZ_RUNS (cases of a cheap property; costly ones divide it by their weight) or
// FUZZ_SECONDS (wall time per property); see docs/fuzzing.md. A failure names its seed.
export const DEFAULT_SEED = 20261122;

function readSeed(): number {
  const text = process.env.FUZZ_SEED;
  if (text === undefined || text === "") return DEFAULT_SEED;
  if (text === "random") return (Date.now() ^ (process.pid << 16)) | 0;
  const seed = Number(text);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or 'random': ${text}`);
  return seed | 0;
}

function readPositive(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer: ${text}`);
  return value;
}

/** One seed for the whole process, so a failure in any suite replays with FUZZ_SEED=<seed>. */
export const fuzzSeed = readSeed();
const requestedRuns = readPositive("FUZZ_RUNS");
const requestedSeconds = readPositive("FUZZ_SECONDS");

/** Whether a long run was asked for (vitest's per-test timeout is then lifted). */
export const longRun = requestedRuns !== undefined || requestedSeconds !== undefined;
if (longRun) process.stderr.write(`FUZZ seed ${fuzzSeed} (replay with FUZZ_SEED=${fuzzSeed})\n`);

/**
 * Bound on the wall time of one case. Inputs are small, so a case that needs seconds is a
 * hang in the making; the margin covers a busy shared machine.
 */
export const caseBoundMs = readPositive("FUZZ_CASE_MS") ?? 5000;

/** vitest timeout for one property. */
export const propertyTimeoutMs = longRun
  ? Math.max(120_000, 2 * 1000 * (requestedSeconds ?? 0) + 3600_000)
  : 120_000;

export interface PropertyCost {
  /** Runs in CI (no FUZZ_RUNS / FUZZ_SECONDS). */
  ciRuns: number;
  /** How many cheap cases one case of this property costs; FUZZ_RUNS is divided by it. */
  weight?: number;
}

export interface FuzzParameters {
  seed: number;
  numRuns: number;
  interruptAfterTimeLimit?: number;
  markInterruptAsFailure?: boolean;
}

/** fast-check parameters for one property. */
export function fuzzParameters(cost: PropertyCost): FuzzParameters {
  if (requestedSeconds !== undefined) {
    return {
      seed: fuzzSeed,
      numRuns: Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: requestedSeconds * 1000,
      markInterruptAsFailure: false,
    };
  }
  if (requestedRuns !== undefined) {
    const runs = Math.round(requestedRuns / (cost.weight ?? 1));
    return { seed: fuzzSeed, numRuns: Math.max(cost.ciRuns, runs) };
  }
  return { seed: fuzzSeed, numRuns: cost.ciRuns };
}

/**
 * Checks that a property's inputs reached both outcomes (a property whose every case fails
 * at the first byte, or never fails, tests little) and logs the tally in long runs.
 */
export function reportTally(
  name: string,
  tally: { ok: number; failed: number; summary(): string },
): void {
  if (longRun) process.stderr.write(`FUZZ ${name}: ${tally.summary()}\n`);
  if (tally.ok === 0 || tally.failed === 0)
    throw new Error(`${name}: inputs reached only one outcome (${tally.summary()})`);
}
