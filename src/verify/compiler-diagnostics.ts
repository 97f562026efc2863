// Reads the compiler's diagnostics for a probe: which of our assertions failed, with the
// value the compiler computed, and any other error (which means the probe itself is bad).
import { CHECK_TAG, PROBE_FILE } from "./probe.js";

export interface FailedCheck {
  index: number;
  /** The compiler's value of the checked expression; null when it could not evaluate it. */
  actual: number | null;
  /** The compiler's message when it rejected the expression instead of evaluating it. */
  rejection: string | null;
}

export interface CompilerError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ProbeDiagnostics {
  failed: FailedCheck[];
  /** Errors outside our assertions: the checked source does not compile as given. */
  otherErrors: CompilerError[];
}

const DIAGNOSTIC = /^(.*?):(\d+):(\d+): (error|fatal error|note|warning): (.*)$/;
const EVALUATES_TO = /^expression evaluates to '(-?\d+) == (-?\d+)'$/;

export function parseProbeDiagnostics(stderr: string): ProbeDiagnostics {
  const byIndex = new Map<number, FailedCheck>();
  const otherErrors: CompilerError[] = [];
  let last: FailedCheck | null = null;
  for (const line of stderr.split("\n")) {
    const d = DIAGNOSTIC.exec(line);
    if (!d) continue;
    const [, file, lineText, columnText, severity, message] = d;
    if (severity === "note") {
      const value = EVALUATES_TO.exec(message);
      if (value && last && last.actual === null) last.actual = Number(value[1]);
      continue;
    }
    if (severity === "warning") continue;
    last = null;
    const tagged = new RegExp(`${CHECK_TAG}(\\d+)$`).exec(message);
    if (tagged) {
      last = { index: Number(tagged[1]), actual: null, rejection: null };
      byIndex.set(last.index, last);
      continue;
    }
    // In the probe, line N holds assertion N-1; an error there is the compiler refusing it.
    if (file === PROBE_FILE) {
      const index = Number(lineText) - 1;
      if (!byIndex.has(index)) byIndex.set(index, { index, actual: null, rejection: message });
      continue;
    }
    otherErrors.push({ file, line: Number(lineText), column: Number(columnText), message });
  }
  return { failed: [...byIndex.values()].sort((a, b) => a.index - b.index), otherErrors };
}
