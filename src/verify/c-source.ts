// The input side of `layout` and `verify` until they run on the full pipeline: a C file
// preprocessed by the C compiler in the given configuration, then parsed by our front end.
// Swapping in our own preprocessor only changes `preprocessedText`.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { DiagnosticError, error, fail } from "../diagnostics/index.js";
import type { TranslationUnit } from "../ir/index.js";
import { recordLayoutProvider } from "../layout/index.js";
import { defaultPathResolver, parseTranslationUnit, type PathResolver } from "../parse/index.js";
import type { TargetDescription } from "../targets/types.js";

/** Generous: preprocessing the whole KPI wrapper takes well under a second. */
const PREPROCESS_TIMEOUT_MS = 300_000;

export interface CSourceRequest {
  /** A C file, or an already preprocessed one (`.i`), which is parsed as it is. */
  file: string;
  target: TargetDescription;
  compiler: string;
  /** The configuration: --target, -std, -I, -D, ... (no input file, no action). */
  compilerArgs: string[];
  resolvePath?: PathResolver;
}

export interface CSource {
  unit: TranslationUnit;
  /** The preprocessed text the unit was parsed from. */
  text: string;
}

function runPreprocessor(compiler: string, args: string[], file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      compiler,
      [...args, "-E", file],
      { maxBuffer: 1 << 30, encoding: "utf8", timeout: PREPROCESS_TIMEOUT_MS },
      (failure, stdout, stderr) => {
        if (failure?.killed) {
          reject(
            new DiagnosticError(
              error(`${compiler} -E did not finish within ${PREPROCESS_TIMEOUT_MS / 1000}s`),
            ),
          );
        } else if (failure?.code === "ENOENT") {
          reject(
            new DiagnosticError(
              error(
                `cannot run the C compiler '${compiler}': not found (name an installed clang with --cc)`,
              ),
            ),
          );
        } else if (failure) {
          const lines = stderr.split("\n").filter((l) => / (fatal )?error: /.test(l));
          const diagnostics = (
            lines.length ? lines : [`${compiler} -E failed: ${stderr.trim() || failure.message}`]
          ).map((l) => {
            const m = /^(.*?):(\d+):(\d+): (?:fatal )?error: (.*)$/.exec(l);
            return m
              ? error(m[4], { file: m[1], line: Number(m[2]), column: Number(m[3]) })
              : error(l);
          });
          reject(new DiagnosticError(diagnostics));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** Preprocessed text of the request's file (read as-is for `.i` files). */
export async function preprocessedText(request: CSourceRequest): Promise<string> {
  if (request.file.endsWith(".i")) {
    try {
      return readFileSync(request.file, "utf8");
    } catch {
      fail(`cannot read '${request.file}'`);
    }
  }
  return runPreprocessor(request.compiler, request.compilerArgs, request.file);
}

/** Parses preprocessed text for a target, with record layouts available to constant evaluation. */
export function parseForLayout(
  text: string,
  target: TargetDescription,
  resolvePath: PathResolver = defaultPathResolver,
): TranslationUnit {
  return parseTranslationUnit(text, {
    target: target.name,
    abi: target.abi,
    resolvePath,
    recordLayout: recordLayoutProvider(target),
  }).unit;
}

export async function loadCSource(request: CSourceRequest): Promise<CSource> {
  const text = await preprocessedText(request);
  return { unit: parseForLayout(text, request.target, request.resolvePath), text };
}
