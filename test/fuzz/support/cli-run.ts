// Runs the CLI in this process (its TypeScript sources, so no build is needed and a case
// costs no process start) with stdout and stderr captured, and checks what a failing run
// owes the user: exit status 1 (never 70, an internal error), and errors located.
import { main } from "../../../src/cli/main.js";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const originalOut = process.stdout.write;
  const originalErr = process.stderr.write;
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    };
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  try {
    const status = await main(argv);
    return { status, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

/** A compiler-style error line: `file:line:col: error: message` (col 0 is left out). */
const LOCATED_ERROR = /^[^\s:][^:]*:\d+(:\d+)?: error: /;

/** Why a run broke the CLI's promises, or undefined when it kept them. */
export function cliProblem(run: CliRun): string | undefined {
  if (run.status === 0) return undefined;
  if (run.status !== 1) return `exit status ${run.status} (1 expected for bad input)`;
  const errorLines = run.stderr
    .split("\n")
    .filter((l) => / error: |^error: |^kpi-bindgen: /.test(l));
  if (errorLines.length === 0) return "exit status 1 without an error line";
  const unlocated = errorLines.filter((l) => !LOCATED_ERROR.test(l));
  if (unlocated.length > 0) return `error without a location: ${unlocated[0]}`;
  return undefined;
}
