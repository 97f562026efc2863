// The C preprocessor: the single entry point of src/preprocess (kernel-build/ and the CLI use
// only what is exported here).
//
//   preprocess(options)            one translation unit
//   createPreprocessor(files, ...) many translation units sharing read and lexed files
//   renderPreprocessed(result, …)  `clang -E` text, with or without line markers
//
// Behaviour is clang 19's for C (gnu17 by default; pass cStandard for gnu99 kernels), checked
// against clang -E by the tests in test/preprocess. In particular:
//  - tokens keep their file:line:column; tokens made by a macro expansion carry the location
//    of the macro name in the source (the outermost expansion point);
//  - `#pragma` lines clang -E prints, `_Pragma` and `#ident` arrive as single tokens of kind
//    "pragma" holding the whole line; once, system_header, push/pop_macro, poison and
//    GCC warning/error are acted on and not passed through;
//  - __DATE__, __TIME__ and __TIMESTAMP__ are fixed (Jan 1 1970) so output is reproducible;
//  - __has_builtin knows target-independent builtins only (with -ffreestanding): target ones
//    come from options.hasFeature.
// Errors (#error, missing includes, unterminated constructs, limits) throw DiagnosticError
// with file:line:col; warnings come back in result.diagnostics. Limits (api.ts,
// defaultLimits, docs/limits.md): files up to 64 MiB, #include depth 200, 4 million tokens
// of macro expansion and 8 million tokens of output per unit, #if parentheses 256 deep, macro
// calls nested 256 deep inside arguments. Headers found outside the include roots are refused
// unless options.allowOutsideRoots.
import { posix } from "node:path";
import { DiagnosticError, fail } from "../diagnostics/index.js";
import {
  defaultLimits,
  type FileProvider,
  type PreprocessOptions,
  type PreprocessResult,
} from "./api.js";
import { Engine, type FileCache } from "./engine.js";
import { normalizePath } from "./include-search.js";
import { lexFile } from "./lexer.js";
import type { PPToken } from "./tokens.js";

export type {
  FeatureQueries,
  FileProvider,
  FileTransition,
  IncludeEdge,
  MacroDefinition,
  PreprocessLimits,
  PreprocessOptions,
  PreprocessResult,
  PPToken,
  SharedLexedFile,
  TokenKind,
} from "./api.js";
export { defaultLimits } from "./api.js";
export { renderPreprocessed, type RenderOptions } from "./render.js";
import { StreamRenderer, type RenderOptions } from "./render.js";

/** A unit rendered as it was preprocessed: the text instead of the token stream. */
export interface RenderedUnit extends Omit<PreprocessResult, "tokens"> {
  text: string;
}

export interface Preprocessor {
  /** Preprocesses one translation unit; `files` and `displayPath` are the preprocessor's own. */
  run(options: Omit<PreprocessOptions, "files" | "displayPath">): PreprocessResult;
  /**
   * The same, rendered as renderPreprocessed would render it, without keeping the token
   * stream (which would stay alive, and cost garbage collection, until rendered).
   */
  render(
    options: Omit<PreprocessOptions, "files" | "displayPath">,
    renderOptions: RenderOptions,
  ): RenderedUnit;
}

/**
 * A preprocessor whose file reads and lexed tokens are cached across translation units
 * (files are assumed not to change while it lives).
 */
export function createPreprocessor(
  files: FileProvider,
  displayPath?: (absPath: string) => string,
): Preprocessor {
  const cache: FileCache = { contents: new Map(), lexed: new Map(), unitsRun: 0 };
  return {
    run: (options) => runUnit({ ...options, files, displayPath }, cache, null),
    render: (options, renderOptions) => {
      const renderer = new StreamRenderer(renderOptions);
      const { tokens: _none, ...rest } = runUnit(
        { ...options, files, displayPath },
        cache,
        renderer,
      );
      return { ...rest, text: renderer.finish() };
    },
  };
}

export function preprocess(options: PreprocessOptions): PreprocessResult {
  return runUnit(options, { contents: new Map(), lexed: new Map(), unitsRun: 0 }, null);
}

/** With a renderer, tokens after the predefines go to it instead of the result. */
function runUnit(
  options: PreprocessOptions,
  cache: FileCache,
  renderer: StreamRenderer | null,
): PreprocessResult {
  const limits = { ...defaultLimits, ...options.limits };
  cache.unitsRun++;
  const engine = new Engine(options, limits, cache);
  const mainAbs = normalizePath(options.mainFile);
  engine.mainDisplay = engine.display(mainAbs);
  try {
    engine.run(lexFile(options.predefines, "<built-in>"), "<built-in>", true);
    engine.transitions.length = 0;
    if (renderer) engine.startRendering(renderer);
    for (const name of options.forcedIncludes ?? []) {
      const found = name.startsWith("/")
        ? normalizePath(name)
        : engine.search.find(name, false, posix.dirname(mainAbs), 0, false, engine.fileExists)
            ?.path;
      if (!found || !engine.fileExists(found))
        fail(`'${name}' file not found`, { file: "<command line>", line: 1, column: 1 });
      engine.includes.push({
        from: "<built-in>",
        to: engine.display(found),
        line: 1,
        kind: "forced",
      });
      engine.run(engine.load(found, { file: "<command line>", line: 1, column: 1 }), found, false);
    }
    const main = engine.load(mainAbs, undefined);
    engine.run(main, mainAbs, false);
    if (renderer) engine.renderTransitions();
  } catch (e) {
    // A unit that stops midway may leave macros disabled; they are shared through the
    // #define parse cache, so they are re-enabled (a finished unit leaves none disabled).
    engine.table.enableAll();
    if (e instanceof RangeError) {
      // A stack overflow from pathological input is reported, not crashed on.
      throw new DiagnosticError({
        severity: "error",
        message: `input too deeply nested: ${e.message}`,
        location: { file: engine.mainDisplay, line: 1, column: 0 },
      });
    }
    throw e;
  }
  const macros = engine.table.definitions();
  return {
    // Engine tokens are PPTokens with two extra fields; eof and placemarkers never reach `out`.
    tokens: engine.out as unknown as PPToken[],
    macros,
    includes: engine.includes,
    files: engine.sources.filesRead,
    missing: engine.sources.filesMissing,
    diagnostics: engine.diagnostics,
    transitions: engine.transitions,
  };
}
export { SIMPLE_ESCAPES } from "./literals.js";
