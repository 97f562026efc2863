// One configuration to lay out and verify: a translation unit for a target, plus the
// compiler arguments that put a C compiler in the same configuration. Two ways in:
// a FreeBSD kernel build (--sys: our preprocessor in the build layout) or a plain C file
// (preprocessed by the compiler). This is the input side `layout` and `verify` share;
// wiring them to the full pipeline means replacing this one function.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fail, type Diagnostic } from "../diagnostics/index.js";
import type { TranslationUnit } from "../ir/index.js";
import type { ProgressListener } from "../pipeline/index.js";
import {
  parseDefineArgument,
  parseUndefineArgument,
  type BuildMode,
  type MacroFlag,
} from "../preprocess/kernel-build/index.js";
import { clangTriple, getTarget, parseRelease, parseTargetName } from "../targets/index.js";
import type { FreeBSDRelease, TargetDescription } from "../targets/types.js";
import { parseForLayout, preprocessedText } from "./c-source.js";
import { kernelConfiguration } from "./kernel-configuration.js";

export interface ConfigurationRequest {
  /** The header or C file (or preprocessed `.i` file without --sys). */
  file: string;
  arch: string;
  /** Kernel tree; when given, the file is compiled inside a kernel or module build. */
  sys?: string;
  /** With `sys`: a kernel configuration whose opt_*.h headers the build uses. */
  kernconf?: string;
  mode: BuildMode;
  release?: string;
  defines: string[];
  undefines: string[];
  includeDirs: string[];
  compiler: string;
  /** -D/-U in command-line order; when given, `defines` and `undefines` are not read. */
  macros?: MacroFlag[];
  onProgress?: ProgressListener;
}

export interface Configuration {
  unit: TranslationUnit;
  target: TargetDescription;
  compilerArgs: string[];
  source: { includePath: string };
  /** Warnings from building the unit, for the caller to print. */
  diagnostics?: Diagnostic[];
  /** Removes temporary files; call when done. */
  dispose(): void;
}

const DEFAULT_RELEASE: FreeBSDRelease = { major: 13, minor: 0 };

function existingFile(path: string, what: string): string {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) fail(`${what} not found: ${path}`);
  return abs;
}

export function macroFlags(request: ConfigurationRequest): MacroFlag[] {
  if (request.macros !== undefined) return request.macros;
  const undefs = request.undefines.map(
    (t) => parseUndefineArgument(t) ?? fail(`invalid -U '${t}': expected a macro name`),
  );
  const defs = request.defines.map(
    (t) => parseDefineArgument(t) ?? fail(`invalid -D '${t}': expected NAME or NAME=VALUE`),
  );
  return [...undefs, ...defs];
}

async function plainConfiguration(
  request: ConfigurationRequest,
  target: TargetDescription,
  file: string,
): Promise<Configuration> {
  const release = request.release === undefined ? DEFAULT_RELEASE : parseRelease(request.release);
  const compilerArgs = [
    `--target=${clangTriple(target, release)}`,
    "-ffreestanding",
    "-nostdinc",
    "-std=gnu99",
    ...request.includeDirs.map((d) => `-I${resolve(d)}`),
    ...macroFlags(request).map((f) =>
      f.kind === "define" ? `-D${f.name}=${f.value}` : `-U${f.name}`,
    ),
  ];
  const text = await preprocessedText({ file, target, compiler: request.compiler, compilerArgs });
  const unit = parseForLayout(text, target);
  return { unit, target, compilerArgs, source: { includePath: file }, dispose: () => {} };
}

export async function openConfiguration(request: ConfigurationRequest): Promise<Configuration> {
  const target = getTarget(parseTargetName(request.arch));
  const file = existingFile(request.file, "input file");
  if (request.kernconf !== undefined && request.sys === undefined) fail("--kernconf needs --sys");
  return request.sys === undefined
    ? plainConfiguration(request, target, file)
    : kernelConfiguration(request, target, file, macroFlags(request));
}
