// Runs clang-19 as the oracle: preprocessed output, predefined macros and diagnostics, with
// a small pool (the CI machine has two cores) and a per-run cache.
import { execFile } from "node:child_process";
import { clangCommand } from "../../support/environment.js";
import { inProcessSlot } from "../../support/process-slots.js";

export const defaultTarget = "x86_64-unknown-freebsd13.0";
export const baseFlags = ["-ffreestanding", "-nostdinc"];

export interface ClangRun {
  code: number;
  stdout: string;
  stderr: string;
}

const cache = new Map<string, Promise<ClangRun>>();

/** Runs clang with `args` (cached by the argument list). */
export function clang(args: string[], cwd?: string): Promise<ClangRun> {
  const key = JSON.stringify([args, cwd]);
  let run = cache.get(key);
  if (!run) {
    run = inProcessSlot(
      () =>
        new Promise<ClangRun>((resolve) => {
          execFile(
            clangCommand,
            args,
            { cwd, maxBuffer: 256 * 1024 * 1024 },
            (err, stdout, stderr) => {
              const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
              resolve({ code, stdout, stderr });
            },
          );
        }),
    );
    cache.set(key, run);
  }
  return run;
}

/** The predefined macros clang uses for `target` and `flags` (only -std and -f flags matter). */
export async function clangPredefines(
  target = defaultTarget,
  flags: string[] = [],
): Promise<string> {
  const relevant = flags.filter(
    (f) => f.startsWith("-std=") || f.startsWith("-f") || f.startsWith("-m"),
  );
  const r = await clang([
    `--target=${target}`,
    ...baseFlags,
    ...relevant,
    "-dM",
    "-E",
    "-x",
    "c",
    "/dev/null",
  ]);
  if (r.code !== 0) throw new Error(`clang -dM failed: ${r.stderr}`);
  return r.stdout;
}

/** Our predefines text for -D/-U flags, in command-line order, as clang appends them. */
export function commandLineDefines(flags: string[]): string {
  const lines: string[] = [];
  for (const f of flags) {
    if (f.startsWith("-D")) {
      const body = f.slice(2);
      const eq = body.indexOf("=");
      lines.push(
        eq < 0 ? `#define ${body} 1` : `#define ${body.slice(0, eq)} ${body.slice(eq + 1)}`,
      );
    } else if (f.startsWith("-U")) lines.push(`#undef ${f.slice(2)}`);
  }
  return lines.join("\n") + "\n";
}

/** First clang diagnostic of the given severity: file, line, column and message. */
export function firstDiagnostic(stderr: string, severity: "error" | "warning" | "any" = "error") {
  const re = /^(.*?):(\d+):(\d+): (error|warning|fatal error): (.*)$/gm;
  for (const m of stderr.matchAll(re)) {
    const sev = m[4]!;
    if (severity === "any" || sev.endsWith(severity)) {
      return { file: m[1]!, line: Number(m[2]), column: Number(m[3]), message: m[5]! };
    }
  }
  return undefined;
}
