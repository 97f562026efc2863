// Runs clang for the oracle tests: at most two processes at a time (the CI machine has two
// cores), output captured whole, results cached within a run by argument list.
import { spawn } from "node:child_process";
import { clangCommand } from "../../support/environment.js";
import { inProcessSlot } from "../../support/process-slots.js";

export interface ClangResult {
  status: number;
  stdout: string;
  stderr: string;
}

const cache = new Map<string, Promise<ClangResult>>();

function spawnClang(args: string[]): Promise<ClangResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(clangCommand, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        status: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

/**
 * Runs clang with `args`. Identical argument lists run once per test run unless `cache` is
 * false (large outputs compared once, which the cache would only hold on to).
 */
export function runClang(args: string[], options: { cache?: boolean } = {}): Promise<ClangResult> {
  if (options.cache === false) return inProcessSlot(() => spawnClang(args));
  const key = JSON.stringify(args);
  let result = cache.get(key);
  if (!result) {
    result = inProcessSlot(() => spawnClang(args));
    cache.set(key, result);
  }
  return result;
}

/** `#define NAME VALUE` lines of `clang -dM -E` as a map. */
export function parseMacroDump(text: string): Map<string, string> {
  const macros = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^#define (\S+)(?: (.*))?$/.exec(line);
    if (m) macros.set(m[1], m[2] ?? "");
  }
  return macros;
}
