// Turns a thrown failure into what the user sees: compiler-style diagnostics for bad
// input, a short internal-error line (never a stack trace unless asked) for our bugs.
import { DiagnosticError, renderDiagnostic } from "../diagnostics/index.js";

export const EXIT_INPUT_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 70;

export function reportFailure(e: unknown): number {
  if (e instanceof DiagnosticError) {
    for (const d of e.diagnostics) process.stderr.write(renderDiagnostic(d) + "\n");
    return EXIT_INPUT_ERROR;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`kpi-bindgen: internal error: ${message}\n`);
  if (process.env.KPI_BINDGEN_DEBUG && e instanceof Error && e.stack) {
    process.stderr.write(e.stack + "\n");
  }
  return EXIT_INTERNAL_ERROR;
}
