// One configuration to lay out and verify: a translation unit for a target, plus the
// compiler arguments that put a C compiler in the same configuration. Two ways in:
// a FreeBSD kernel build (--sys: our preprocessor in the build layout) or a plain C file
// (preprocessed by the compiler). This is the input side `layout` and `verify` share;
// wiring them to the full pipeline means replacing this one function.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { DiagnosticError, fail, hasErrors } from "../diagnostics/index.js";
import type { TranslationUnit } from "../ir/index.js";
import { loadKernelConfig } from "../kernconf/index.js";
import { makePathResolver } from "../parse/index.js";
import {
  generatedBuildHeaders,
  parseDefineArgument,
  parseUndefineArgument,
  planKernelBuild,
  preprocessInBuild,
  type BuildMode,
  type MacroFlag,
} from "../preprocess/kernel-build/index.js";
import { clangTriple, getTarget, parseRelease, parseTargetName } from "../targets/index.js";
import type { FreeBSDRelease, TargetDescription } from "../targets/types.js";
import { parseForLayout, preprocessedText } from "./c-source.js";

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
}

export interface Configuration {
  unit: TranslationUnit;
  target: TargetDescription;
  compilerArgs: string[];
  source: { includePath: string };
  /** Removes temporary files; call when done. */
  dispose(): void;
}

const DEFAULT_RELEASE: FreeBSDRelease = { major: 13, minor: 0 };

function existingFile(path: string, what: string): string {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) fail(`${what} not found: ${path}`);
  return abs;
}

function macroFlags(request: ConfigurationRequest): MacroFlag[] {
  const undefs = request.undefines.map(
    (t) => parseUndefineArgument(t) ?? fail(`invalid -U '${t}': expected a macro name`),
  );
  const defs = request.defines.map(
    (t) => parseDefineArgument(t) ?? fail(`invalid -D '${t}': expected NAME or NAME=VALUE`),
  );
  return [...undefs, ...defs];
}

async function kernelConfiguration(
  request: ConfigurationRequest,
  target: TargetDescription,
  file: string,
): Promise<Configuration> {
  const sysDir = resolve(request.sys!);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${request.sys} (--sys)`);
  let optionHeaders: Map<string, string> | undefined;
  if (request.kernconf !== undefined) {
    const loaded = loadKernelConfig({ sysDir, kernconf: request.kernconf, arch: target.machine });
    if (hasErrors(loaded.diagnostics)) throw new DiagnosticError(loaded.diagnostics);
    optionHeaders = new Map(Object.entries(loaded.resolved.headers));
  }
  const plan = planKernelBuild({
    sysDir,
    target,
    mode: request.mode,
    optionHeaders,
    generatedHeaders: generatedBuildHeaders(sysDir),
    release: request.release === undefined ? undefined : parseRelease(request.release),
    user: { macros: macroFlags(request), includeDirs: request.includeDirs.map((d) => resolve(d)) },
  });
  const { text } = preprocessInBuild(plan, file);
  const layout = plan.createClangLayout();
  try {
    const unit = parseForLayout(text, target, makePathResolver(sysDir, [layout.buildDir, sysDir]));
    return {
      unit,
      target,
      compilerArgs: layout.args,
      source: { includePath: file },
      dispose: layout.dispose,
    };
  } catch (e) {
    layout.dispose();
    throw e;
  }
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
    : kernelConfiguration(request, target, file);
}
