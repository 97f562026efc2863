// Runs a property for the budget of budget.ts. A CI run is one fast-check run with the fixed
// seed. A long run is cut into slices of a few seconds, each with its own seed, with the
// event loop let through between them: a property that held the worker for minutes would
// starve vitest's own messages and fail the run for that alone.
import fc from "fast-check";
import { fuzzParameters, longRun, type PropertyCost } from "./budget.js";

const SLICE_MS = 5000;

export async function checkProperty(
  property: Parameters<typeof fc.check>[0],
  cost: PropertyCost,
): Promise<void> {
  const parameters = fuzzParameters(cost);
  if (!longRun) {
    await fc.assert(property, parameters);
    return;
  }
  const timeLimit = parameters.interruptAfterTimeLimit;
  const deadline = timeLimit === undefined ? Infinity : Date.now() + timeLimit;
  let remaining = timeLimit === undefined ? parameters.numRuns : Infinity;
  for (let slice = 0; remaining > 0 && Date.now() < deadline; slice++) {
    const seed = (parameters.seed + slice * 1_000_003) | 0;
    const details = await fc.check(property, {
      seed,
      numRuns: Number.isFinite(remaining) ? remaining : Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: Math.max(1, Math.min(SLICE_MS, deadline - Date.now())),
      markInterruptAsFailure: false,
    });
    if (details.failed) {
      const report = await fc.asyncDefaultReportMessage(details);
      const cause = details.errorInstance;
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new Error(
        `slice ${slice} of the long run (replay: FUZZ_SEED=${seed})\n${report}\nCaused by: ${why}`,
        { cause },
      );
    }
    remaining -= details.numRuns;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
