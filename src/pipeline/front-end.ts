// The front half of every command that needs declarations: configuration → kernel build →
// preprocessing → parsing → layout, for one (tree, target, mode, config, header).
import { hasErrors, DiagnosticError, type Diagnostic } from "../diagnostics/index.js";
import type { MacroDefinition as IrMacroDefinition, TranslationUnit } from "../ir/index.js";
import { LayoutEngine, recordLayoutProvider } from "../layout/index.js";
import { parseTranslationUnitLenient } from "../parse/index.js";
import type { MacroDefinition as PreprocessorMacro } from "../preprocess/index.js";
import {
  generatedBuildHeaders,
  planKernelBuild,
  preprocessInBuild,
  releasePreprocessor,
  type BuildMode,
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

export interface FrontEndResult {
  spec: FrontEndSpec;
  kernelOptions?: KernelOptions;
  plan: KernelBuildPlan;
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

/** The preprocessor spells a variadic parameter as __VA_ARGS__; the IR spells it "...". */
function toIrMacro(m: PreprocessorMacro): IrMacroDefinition {
  let params = m.params;
  if (params && m.variadic && params.length > 0) {
    const last = params[params.length - 1];
    params = [...params.slice(0, -1), last === "__VA_ARGS__" ? "..." : `${last}...`];
  }
  return { name: m.name, params, body: m.body, location: m.location, defined: m.defined };
}

export function runFrontEnd(spec: FrontEndSpec): FrontEndResult {
  const timings: Record<string, number> = {};
  const diagnostics: Diagnostic[] = [];
  const progress = spec.onProgress ?? ignoreProgress;
  const target = spec.target.name;
  let t = performance.now();
  progress({ phase: "start", stage: "kernconf", target });
  const lap = (stage: PipelineStage, next?: PipelineStage) => {
    const now = performance.now();
    timings[stage] = now - t;
    progress({ phase: "end", stage, target, ms: now - t });
    if (next) progress({ phase: "start", stage: next, target });
    t = now;
  };

  const kernelOptions =
    spec.kernconf === undefined
      ? undefined
      : loadKernelOptions(spec.sysDir, spec.kernconf, spec.target.machine);
  if (kernelOptions) diagnostics.push(...kernelOptions.diagnostics);
  lap("kernconf", "preprocess");

  const offsetDependencies: string[] = [];
  const plan = planKernelBuild(
    withOffsetInclude(
      {
        sysDir: spec.sysDir,
        target: spec.target,
        mode: spec.mode,
        optionHeaders: kernelOptions?.headers,
        generatedHeaders: generatedBuildHeaders(spec.sysDir),
        release: spec.release,
        user: spec.user ?? { macros: [], includeDirs: [] },
      },
      (paths) => offsetDependencies.push(...paths),
    ),
  );
  const preprocessed = preprocessInBuild(plan, spec.header, {
    lineMarkers: true,
    extraRoots: spec.includeRoots,
    onFileRead: (headers) => progress({ phase: "tick", stage: "preprocess", target, headers }),
  });
  // One translation unit per plan here: the lexed files need not outlive it.
  releasePreprocessor(plan);
  diagnostics.push(...preprocessed.result.diagnostics);
  lap("preprocess", "parse");

  const macros = preprocessed.result.macros.filter((m) => !m.builtin).map(toIrMacro);
  const parsed = parseTranslationUnitLenient(preprocessed.text, {
    target: spec.target.name,
    abi: spec.target.abi,
    resolvePath: headerPathResolver(spec.target),
    macros,
    recordLayout: recordLayoutProvider(spec.target),
  });
  if (hasErrors(parsed.diagnostics)) {
    // The warnings of earlier stages and of parsing go with the errors, so none is lost.
    throw new DiagnosticError([...diagnostics, ...parsed.diagnostics]);
  }
  diagnostics.push(...parsed.diagnostics);
  lap("parse", "layout");

  const layouts = new LayoutEngine(parsed.unit, spec.target);
  lap("layout");
  return {
    spec,
    kernelOptions,
    plan,
    dependencies: [...preprocessed.dependencies, ...offsetDependencies],
    missing: preprocessed.missing,
    unit: parsed.unit,
    layouts,
    diagnostics,
    timings,
  };
}
