// The invariants every stage owes bad input: it ends (see watchdog.ts), and it either
// succeeds or throws a DiagnosticError whose every diagnostic is located in a file.
import { DiagnosticError, type Diagnostic } from "../../../src/diagnostics/index.js";

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DiagnosticError };

export interface LocationRules {
  /**
   * Whether an empty file name is acceptable: input with a `# N ""` line marker names an
   * empty file, and clang reports `:line:col:` for it too.
   */
  emptyFileNamed?: boolean;
  /** Likewise line 0, which a `# 0 "file"` marker gives the next line (clang reports it so). */
  lineZeroNamed?: boolean;
}

/** Why a diagnostic's location is unusable, or undefined when it is fine. */
export function locationProblem(d: Diagnostic, rules: LocationRules = {}): string | undefined {
  const loc = d.location;
  if (!loc) return "has no location";
  if (typeof loc.file !== "string") return "names no file";
  if (loc.file === "" && !rules.emptyFileNamed) return "names no file";
  const firstLine = rules.lineZeroNamed ? 0 : 1;
  if (!Number.isInteger(loc.line) || loc.line < firstLine) return `has line ${loc.line}`;
  if (!Number.isInteger(loc.column) || loc.column < 0) return `has column ${loc.column}`;
  return undefined;
}

/** Throws when any diagnostic lacks a usable location. */
export function expectLocated(
  diagnostics: readonly Diagnostic[],
  what: string,
  rules: LocationRules = {},
): void {
  for (const d of diagnostics) {
    const problem = locationProblem(d, rules);
    if (problem) throw new Error(`${what}: ${d.severity} '${d.message}' ${problem}`);
  }
}

/**
 * Runs `body`: a DiagnosticError is an acceptable outcome when every diagnostic in it is
 * located; any other exception is rethrown as a failure naming what it was.
 */
export function expectDiagnosticOrResult<T>(
  what: string,
  body: () => T,
  rules: LocationRules = {},
): Outcome<T> {
  try {
    return { ok: true, value: body() };
  } catch (e) {
    if (e instanceof DiagnosticError) {
      expectLocated(e.diagnostics, what, rules);
      return { ok: false, error: e };
    }
    const detail = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
    throw new Error(`${what}: threw something other than a DiagnosticError: ${detail}`);
  }
}

/**
 * Counts outcomes, so a suite can show its inputs reach both sides: a property whose every
 * case fails at the first byte (or never fails) would test little.
 */
export class OutcomeTally {
  ok = 0;
  failed = 0;
  readonly messages = new Map<string, number>();

  record<T>(outcome: Outcome<T>): Outcome<T> {
    if (outcome.ok) this.ok++;
    else {
      this.failed++;
      const diagnostics = outcome.error.diagnostics;
      const first =
        (diagnostics.find((d) => d.severity === "error") ?? diagnostics[0])?.message.replace(
          /'[^']*'/g,
          "'…'",
        ) ?? "";
      this.messages.set(first, (this.messages.get(first) ?? 0) + 1);
    }
    return outcome;
  }

  /** The most frequent failure messages, for the log of a long run. */
  summary(limit = 8): string {
    const top = [...this.messages].sort((a, b) => b[1] - a[1]).slice(0, limit);
    return `${this.ok} ok, ${this.failed} diagnostics; ${top.map(([m, n]) => `${n}× ${m}`).join("; ")}`;
  }
}
