// Records the compiler laid out that our translation unit lacks. The dump does not say
// where a record was declared, and records local to function bodies (statement-expression
// macros define some) are no concern of ours, so candidates are confirmed with a second,
// small probe that asks for each one's size at file scope.
import { PROBE_FILE } from "./probe.js";
import { parseProbeDiagnostics } from "./compiler-diagnostics.js";
import type { DumpedRecord } from "./record-dump.js";

export type AssertionCompiler = (assertions: string) => Promise<{ stderr: string }>;

/** The candidates ("struct tag" → dump block) that exist at file scope in the compiler's view. */
export async function fileScopeRecords(
  candidates: [string, DumpedRecord][],
  compile: AssertionCompiler,
): Promise<[string, DumpedRecord][]> {
  if (candidates.length === 0) return [];
  const lines = [`# 1 "${PROBE_FILE}"`];
  candidates.forEach(([id], i) => lines.push(`typedef char kpi_probe_scope_${i}[sizeof(${id})];`));
  const { stderr } = await compile(lines.join("\n") + "\n");
  const parsed = parseProbeDiagnostics(stderr);
  // An error on line N means candidate N-1 is not a complete record at file scope.
  const local = new Set(parsed.failed.map((f) => f.index));
  return candidates.filter((_, i) => !local.has(i));
}
