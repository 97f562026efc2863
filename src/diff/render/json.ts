// Machine-readable report: the DiffResult under a format marker, keys in a fixed order.
import type { DiffResult } from "../model.js";

export const DIFF_REPORT_FORMAT = "kpi-bindgen-diff";
export const DIFF_REPORT_VERSION = 1;

export function renderJson(result: DiffResult): string {
  return (
    JSON.stringify(
      {
        format: DIFF_REPORT_FORMAT,
        version: DIFF_REPORT_VERSION,
        old: result.old,
        new: result.new,
        summary: result.summary,
        changes: result.changes,
      },
      null,
      1,
    ) + "\n"
  );
}
