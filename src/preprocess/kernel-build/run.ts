// Our preprocessor run inside a planned kernel build: one translation unit in, the text
// `clang -E` would print and the files it read out.
import { createPreprocessor, type Preprocessor, type RenderedUnit } from "../index.js";
import { BUILD_DIR } from "./build-directory.js";
import type { KernelBuildPlan } from "./plan.js";

export interface BuildPreprocessResult {
  /**
   * The preprocessed text (line markers as `clang -E` prints them unless turned off); ""
   * when it was handed over in pieces.
   */
  text: string;
  /** Real files read, in first-read order: the depfile's dependencies. */
  dependencies: string[];
  /** Real paths looked for and not found: creating one could change the result. */
  missing: string[];
  /** Macros, includes, files, diagnostics (rendered as it ran: no token stream kept). */
  result: RenderedUnit;
}

export interface RunOptions {
  lineMarkers?: boolean;
  /** Accept headers found outside the include roots (see PreprocessOptions). */
  allowOutsideRoots?: boolean;
  /** Further include roots (see PreprocessOptions). */
  extraRoots?: string[];
  /** Called each time a file is read for the first time, with how many so far. */
  onFileRead?: (count: number) => void;
  /** Hands the text over in pieces as it is made; `text` is then "" (see RenderOptions). */
  onPiece?: (text: string) => void;
  pieceChars?: number;
}

// Read and lexed files are reused across the translation units of one build. They are not
// shared between builds: `<build>/machine/...` names a different file for each target.
const preprocessors = new WeakMap<KernelBuildPlan, Preprocessor>();

function preprocessorFor(plan: KernelBuildPlan): Preprocessor {
  let p = preprocessors.get(plan);
  if (!p) {
    const setup = plan.preprocessor;
    p = createPreprocessor(setup.files, setup.displayPath);
    preprocessors.set(plan, p);
  }
  return p;
}

/**
 * Drops the files `plan`'s preprocessor has read and lexed, for a caller that preprocesses
 * one translation unit and keeps the plan: they are most of the memory preprocessing used.
 */
export function releasePreprocessor(plan: KernelBuildPlan): void {
  preprocessors.delete(plan);
}

/**
 * Preprocesses `mainFile` (an absolute path) in the build `plan` describes. Bad input
 * throws a DiagnosticError located in the file at fault.
 */
export function preprocessInBuild(
  plan: KernelBuildPlan,
  mainFile: string,
  options: RunOptions = {},
): BuildPreprocessResult {
  const setup = plan.preprocessor;
  const lineMarkers = options.lineMarkers ?? true;
  const result = preprocessorFor(plan).render(
    {
      mainFile,
      quoteDirs: setup.quoteDirs,
      includeDirs: setup.includeDirs,
      predefines: setup.predefines,
      forcedIncludes: setup.forcedIncludes,
      cStandard: plan.flags.standardYear,
      charIsSigned: plan.spec.target.abi.charIsSigned,
      allowOutsideRoots: options.allowOutsideRoots,
      extraRoots: options.extraRoots,
      onFileRead: options.onFileRead,
    },
    { lineMarkers, onPiece: options.onPiece, pieceChars: options.pieceChars },
  );
  const dependencies: string[] = [];
  const seen = new Set<string>();
  for (const path of result.files) {
    const real = setup.files.realPath(path);
    if (real.startsWith(BUILD_DIR + "/") || seen.has(real)) continue;
    seen.add(real);
    dependencies.push(real);
  }
  // Missing files in the build directory's own names cannot appear; those behind its links
  // (machine/, x86/) and in the tree can.
  const missing = [
    ...new Set(
      result.missing
        .map((path) => setup.files.realPath(path))
        .filter((real) => !real.startsWith(BUILD_DIR + "/")),
    ),
  ];
  return { text: result.text, dependencies, missing, result };
}
