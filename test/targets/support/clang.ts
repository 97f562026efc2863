// Running clang-19 from the target tests: a small process pool (the CI machine has two
// cores) and a per-run cache, so each distinct command line runs once.
import { execFile } from "node:child_process";
import { clangCommand } from "../../support/environment.js";
import { inProcessSlot } from "../../support/process-slots.js";

export interface ClangResult {
  stdout: string;
  stderr: string;
  code: number;
}

const cache = new Map<string, Promise<ClangResult>>();

/** Runs clang with `args` (and `input` on stdin); identical calls share one run. */
export function runClang(args: string[], input = ""): Promise<ClangResult> {
  const key = JSON.stringify([args, input]);
  let result = cache.get(key);
  if (!result) {
    result = inProcessSlot(
      () =>
        new Promise<ClangResult>((resolve) => {
          const child = execFile(
            clangCommand,
            args,
            { maxBuffer: 64 << 20 },
            (error, stdout, stderr) => {
              const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
              resolve({ stdout, stderr, code });
            },
          );
          child.stdin?.end(input);
        }),
    );
    cache.set(key, result);
  }
  return result;
}

/** Parses `-dM -E` output into name -> replacement text. */
export function parseDefines(output: string): Map<string, string> {
  const defines = new Map<string, string>();
  for (const line of output.split("\n")) {
    const match = /^#define (\S+)(?: (.*))?$/.exec(line);
    if (match) defines.set(match[1]!, match[2] ?? "");
  }
  return defines;
}
