// Turns a thrown failure into what the user sees: compiler-style diagnostics for bad
// input, a short internal-error line (never a stack trace unless asked) for our bugs.
import { DiagnosticError } from "../diagnostics/index.js";
import type { CliSession } from "./session.js";

export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;
export const EXIT_INTERNAL_ERROR = 70;

export function reportFailure(e: unknown, session: CliSession): number {
  if (e instanceof DiagnosticError) {
    session.report(e.diagnostics);
    return EXIT_INPUT_ERROR;
  }
  const message = e instanceof Error ? e.message : String(e);
  const stack = process.env.KPI_BINDGEN_DEBUG && e instanceof Error ? e.stack : undefined;
  session.internalError(message, stack);
  return EXIT_INTERNAL_ERROR;
}
