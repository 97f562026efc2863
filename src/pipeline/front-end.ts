// The front half of every command that needs declarations: configuration → kernel build →
// preprocessing → parsing → layout, for one (tree, target, mode, config, header).
import { hasErrors, DiagnosticError, type Diagnostic } from "../diagnostics/index.js";
import type { MacroDefinition as IrMacroDefinition, TranslationUnit } from "../ir/index.js";
import { LayoutEngine, recordLayoutProvider } from "../layout/index.js";
import {
  parseTranslationUnitLenient,
  type ParseOptions,
  type ParseResult,
} from "../parse/index.js";
import type { MacroDefinition as PreprocessorMacro } from "../preprocess/index.js";
import {
  generatedBuildHeaders,
  planKernelBuild,
  preprocessInBuild,
  releasePreprocessor,
  type BuildMode,
  type RealFileCache,
  type KernelBuildPlan,
  type UserFlags,
} from "../preprocess/kernel-build/index.js";
import type { FreeBSDRelease, TargetDescription } from "../targets/types.js";
import { headerPathResolver } from "./header-paths.js";
import { loadKernelOptions, type KernelOptions } from "./kernel-options.js";
import { withOffsetInclude } from "./offset-include.js";
import { ignoreProgress, type PipelineStage, type ProgressListener } from "./progress.js";

export interface FrontEndSpec {
  /** Absolute path of the kernel tree (`sys/`). */
  sysDir: string;
  target: TargetDescription;
  mode: BuildMode;
  /** A configuration name (under `<sys>/<machine>/conf`) or path; absent for none. */
  kernconf?: string;
  /** Absolute path of the header to bind (a wrapper that includes the KPI headers). */
  header: string;
  user?: UserFlags;
  release?: FreeBSDRelease;
  onProgress?: ProgressListener;
  /** Directories headers may come from besides the build's (see PreprocessOptions.extraRoots). */
  includeRoots?: string[];
}

/** The front end's result without the build plan: what can cross to another thread. */
export interface ParsedFrontEnd {
  spec: FrontEndSpec;
  kernelOptions?: KernelOptions;
  /** Real files the preprocessor read, in first-read order. */
  dependencies: string[];
  /** Real paths include search looked for and did not find. */
  missing: string[];
  unit: TranslationUnit;
  layouts: LayoutEngine;
  /** Warnings from every stage, in stage order. */
  diagnostics: Diagnostic[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export interface FrontEndResult extends ParsedFrontEnd {
  plan: KernelBuildPlan;
}

/** The front end up to the preprocessed text: what parsing takes besides the text. */
export interface PreprocessedFrontEnd {
  kernelOptions?: KernelOptions;
  /** The text, or "" when it was handed over in pieces. */
  text: string;
  /** The preprocessor's macros at the end of the unit (builtins left out). */
  macros: IrMacroDefinition[];
  dependencies: string[];
  missing: string[];
  /** Warnings of configuration and preprocessing. */
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
}

/** The preprocessor spells a variadic parameter as __VA_ARGS__; the IR spells it "...". */
function toIrMacro(m: PreprocessorMacro): IrMacroDefinition {
  let params = m.params;
  if (params && m.variadic && params.length > 0) {
    const last = params[params.length - 1];
    params = [...params.slice(0, -1), last === "__VA_ARGS__" ? "..." : `${last}...`];
  }
  return { name: m.name, params, body: m.body, location: m.location, defined: m.defined };
}

/** Times stages and reports them as progress events, one after the other. */
function stageClock(spec: FrontEndSpec, first: PipelineStage) {
  const timings: Record<string, number> = {};
  const progress = spec.onProgress ?? ignoreProgress;
  const target = spec.target.name;
  let t = performance.now();
  progress({ phase: "start", stage: first, target });
  return {
    timings,
    lap(stage: PipelineStage, next?: PipelineStage) {
      const now = performance.now();
      timings[stage] = now - t;
      progress({ phase: "end", stage, target, ms: now - t });
      if (next) progress({ phase: "start", stage: next, target });
      t = now;
    },
  };
}

/** The options the front end parses with, for `target` (the macros come from preprocessing). */
export function frontEndParseOptions(target: TargetDescription): ParseOptions {
  return {
    target: target.name,
    abi: target.abi,
    resolvePath: headerPathResolver(target),
    recordLayout: recordLayoutProvider(target),
  };
}

/** Where preprocessed text goes as it is made, instead of being returned (see RenderOptions). */
export interface TextPieces {
  onPiece: (text: string) => void;
  pieceChars?: number;
}

/**
 * Configuration, kernel build and preprocessing. With `pieces` the text is handed over in
 * pieces as it is made (for a parser running beside it) instead of returned. Front ends
 * given the same `files` read and lex each file of the tree once between them (the files
 * must not change meanwhile).
 */
export function preprocessFrontEnd(
  spec: FrontEndSpec,
  pieces?: TextPieces,
  files?: RealFileCache,
): PreprocessedFrontEnd & { plan: KernelBuildPlan } {
  const diagnostics: Diagnostic[] = [];
  const progress = spec.onProgress ?? ignoreProgress;
  const target = spec.target.name;
  const clock = stageClock(spec, "kernconf");
  const kernelOptions =
    spec.kernconf === undefined
      ? undefined
      : loadKernelOptions(spec.sysDir, spec.kernconf, spec.target.machine);
  if (kernelOptions) diagnostics.push(...kernelOptions.diagnostics);
  clock.lap("kernconf", "preprocess");

  const offsetDependencies: string[] = [];
  const plan = planKernelBuild(
    withOffsetInclude(
      {
        sysDir: spec.sysDir,
        target: spec.target,
        mode: spec.mode,
        optionHeaders: kernelOptions?.headers,
        generatedHeaders: generatedBuildHeaders(spec.sysDir, {
          machine: spec.target.machine,
          mode: spec.mode,
        }),
        release: spec.release,
        user: spec.user ?? { macros: [], includeDirs: [] },
      },
      (paths) => offsetDependencies.push(...paths),
    ),
    { fileCache: files },
  );
  const preprocessed = preprocessInBuild(plan, spec.header, {
    lineMarkers: true,
    extraRoots: spec.includeRoots,
    onFileRead: (headers) => progress({ phase: "tick", stage: "preprocess", target, headers }),
    onPiece: pieces?.onPiece,
    pieceChars: pieces?.pieceChars,
  });
  // One translation unit per plan here: the lexed files need not outlive it.
  releasePreprocessor(plan);
  diagnostics.push(...preprocessed.result.diagnostics);
  clock.lap("preprocess");
  return {
    kernelOptions,
    plan,
    text: preprocessed.text,
    macros: preprocessed.result.macros.filter((m) => !m.builtin).map(toIrMacro),
    dependencies: [...preprocessed.dependencies, ...offsetDependencies],
    missing: preprocessed.missing,
    diagnostics,
    timings: clock.timings,
  };
}

/** The front end after parsing: errors end the run (with every warning before them), then layout. */
export function completeFrontEnd(
  spec: FrontEndSpec,
  preprocessed: Omit<PreprocessedFrontEnd, "text" | "macros">,
  parsed: ParseResult,
): ParsedFrontEnd {
  const diagnostics = [...preprocessed.diagnostics];
  if (hasErrors(parsed.diagnostics)) {
    // The warnings of earlier stages and of parsing go with the errors, so none is lost.
    throw new DiagnosticError([...diagnostics, ...parsed.diagnostics]);
  }
  diagnostics.push(...parsed.diagnostics);
  const clock = stageClock(spec, "layout");
  const layouts = new LayoutEngine(parsed.unit, spec.target);
  clock.lap("layout");
  return {
    spec,
    kernelOptions: preprocessed.kernelOptions,
    dependencies: preprocessed.dependencies,
    missing: preprocessed.missing,
    unit: parsed.unit,
    layouts,
    diagnostics,
    timings: { ...preprocessed.timings, ...clock.timings },
  };
}

export function runFrontEnd(spec: FrontEndSpec, files?: RealFileCache): FrontEndResult {
  const preprocessed = preprocessFrontEnd(spec, undefined, files);
  const clock = stageClock(spec, "parse");
  const parsed = parseTranslationUnitLenient(preprocessed.text, {
    ...frontEndParseOptions(spec.target),
    macros: preprocessed.macros,
  });
  clock.lap("parse");
  const done = completeFrontEnd(spec, preprocessed, parsed);
  return {
    ...done,
    plan: preprocessed.plan,
    timings: { ...preprocessed.timings, ...clock.timings, ...done.timings },
  };
}
