// Runs the C compiler on a probe. The only I/O of the verify stage: one temporary
// directory, one compile, removed afterwards.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiagnosticError, error as errorDiagnostic } from "../diagnostics/index.js";

export interface CompileResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Generous: the largest probes (the whole KPI wrapper) compile in seconds. */
const COMPILE_TIMEOUT_MS = 600_000;

/** Compiles `probeText` as a C file with `args` (which must not name an input file). */
export function compileProbe(
  compiler: string,
  args: string[],
  probeText: string,
): Promise<CompileResult> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-verify-"));
  const file = join(dir, "probe.c");
  writeFileSync(file, probeText);
  return new Promise<CompileResult>((resolve, reject) => {
    execFile(
      compiler,
      [...args, file],
      { maxBuffer: 1 << 30, timeout: COMPILE_TIMEOUT_MS, encoding: "utf8" },
      (failure, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        if (failure?.code === "ENOENT") {
          reject(
            usageError(
              `cannot run the C compiler '${compiler}': not found (name an installed clang with --cc)`,
            ),
          );
        } else if (failure?.killed) {
          reject(usageError(`${compiler} did not finish within ${COMPILE_TIMEOUT_MS / 1000}s`));
        } else if (failure && typeof failure.code !== "number") {
          reject(failure);
        } else {
          resolve({ exitCode: failure ? Number(failure.code) : 0, stdout, stderr });
        }
      },
    );
  });
}

function usageError(message: string): DiagnosticError {
  return new DiagnosticError(errorDiagnostic(message));
}
