// The exit status of `kpi-bindgen diff`, a bit mask (docs/diff.md):
//   1  error (bad input, a stage failed)      2  usage error (bad command line)
//   4  the --fail-on gate fired: a change at or above the chosen level was reported
//   8  with 4: an API-breaking change was reported
//  16  with 4: an ABI-breaking change was reported
// So 0 means the gate passed, 4 only compatible changes (with --fail-on any), 12/20/28 breaks.
import type { DiffResult } from "./model.js";

export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_GATE = 4;
export const EXIT_API_BREAK = 8;
export const EXIT_ABI_BREAK = 16;

export const FAIL_ON_LEVELS = ["abi", "api", "any", "none"] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export function exitStatus(result: DiffResult, failOn: FailOn): number {
  const { abi, api, compatible } = result.summary.total;
  const fired =
    failOn === "any"
      ? abi + api + compatible > 0
      : failOn === "api"
        ? abi + api > 0
        : failOn === "abi"
          ? abi > 0
          : false;
  if (!fired) return 0;
  return EXIT_GATE | (api > 0 ? EXIT_API_BREAK : 0) | (abi > 0 ? EXIT_ABI_BREAK : 0);
}
