// The C front end: preprocessed text in, a TranslationUnit of typed declarations out.
import { createRequire } from "node:module";
import type Parser from "tree-sitter";
import C from "tree-sitter-c";
import { DiagnosticError, error, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import type { LayoutQuery, MacroDefinition, MacroSummary, TranslationUnit } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";
import { newUnitParseState, ParseContext } from "./context.js";
import { topLevelItems } from "./cst.js";
import { flatTreeReader } from "./flat-tree.js";
import { rewriteGnuForms } from "./gnu-forms.js";
import { LineMarkerScanner } from "./line-markers.js";
import { finishMacroSummary, summarizeMacros, type ClassifiedMacros } from "./macros.js";
import { neutralize } from "./neutralize.js";
import { applyEdits } from "./text-edits.js";
import { defaultPathResolver, type PathResolver } from "./paths.js";
import { walkTranslationUnit } from "./top-level.js";
import { UnitBuilder } from "./unit-builder.js";

export {
  makePathResolver,
  defaultPathResolver,
  type PathResolver,
  type ResolvedPath,
} from "./paths.js";
export { parseMacroTable } from "./macro-table.js";
export { classifyMacros, type ClassifiedMacros } from "./macros.js";

export interface ParseOptions {
  /** Target name recorded in the unit (e.g. "amd64"). */
  target: string;
  abi: TargetAbi;
  /** Maps line-marker paths to kernel-relative files and include spellings. */
  resolvePath?: PathResolver;
  /** The preprocessor's macro table; omitted means no macro summary. */
  macros?: readonly MacroDefinition[];
  /** Record layouts for sizeof/offsetof of records in constant expressions (layout stage). */
  recordLayout?: (unit: TranslationUnit) => LayoutQuery;
}

export interface ParseResult {
  unit: TranslationUnit;
  /** Warnings (and errors, when `parseTranslationUnitLenient` is used). */
  diagnostics: Diagnostic[];
  /** Milliseconds spent per phase, for reporting. */
  timings: { scan: number; treeSitter: number; walk: number; macros: number };
}

/**
 * The C language with the binding's plain node class for every node type. Setting a language
 * otherwise first builds a class with field getters per node type (about 30 ms); the front end
 * reads trees through a cursor and never needs those getters.
 */
function languageWithPlainNodes(binding: typeof Parser): Parser.Language {
  // The binding exports the class; its typings declare SyntaxNode as an interface only.
  const plainNode = (binding as unknown as { SyntaxNode: unknown }).SyntaxNode;
  const plainNodes = new Proxy([], {
    get: (_target, key) => (key === "length" ? 0 : plainNode),
  });
  return { ...C, nodeSubclasses: plainNodes } as unknown as Parser.Language;
}

let sharedParser: Parser | null = null;

/** The tree of `text` through the tree-sitter binding (when the tree reader addon is not built). */
function parseWithBinding(text: string): Parser.Tree {
  if (!sharedParser) {
    // Loaded on first use: with the tree reader addon built, a run never needs it.
    const binding = createRequire(import.meta.url)("tree-sitter") as typeof Parser;
    sharedParser = new binding();
    sharedParser.setLanguage(languageWithPlainNodes(binding));
  }
  return sharedParser.parse(
    (index: number) => (index < text.length ? text.slice(index, index + 65536) : null),
    undefined,
    { bufferSize: 1 << 20 },
  );
}

/**
 * A GNU form no declaration took would be silently lost: say so instead. A stray attribute
 * is legal (the compiler ignores it), so that one is a warning.
 */
function reportUnclaimed(ctx: ParseContext): void {
  const left = ctx.unclaimed();
  for (const g of left.attributes) {
    ctx.warn(ctx.spotAt(g.start), "attribute ignored: it belongs to no declaration");
  }
  for (const l of left.asmLabels)
    ctx.report(ctx.spotAt(l.start), "asm label does not follow a declarator");
  for (const a of left.memberAsserts) {
    ctx.report(ctx.spotAt(a.start), "_Static_assert inside braces that are not a record body");
  }
}

/**
 * Parses one translation unit from preprocessed text given in consecutive pieces, so that
 * parsing can start while the preprocessor is still running. Each piece but the last must
 * end with a newline at file scope (after a `;` outside any braces or parentheses): a
 * piece is parsed on its own, with the file and line, `#pragma pack` state, declarations
 * and anonymous-record numbering of the pieces before it. The text in one piece parses
 * exactly as before.
 */
export class UnitParser {
  private readonly builder: UnitBuilder;
  private readonly scanner = new LineMarkerScanner();
  private readonly shared = newUnitParseState();
  private lastContext: ParseContext | undefined;
  private readonly timings = { scan: 0, treeSitter: 0, walk: 0, macros: 0 };

  constructor(private readonly options: ParseOptions) {
    this.builder = new UnitBuilder(options.target);
  }

  /** Parses the next piece of the text. */
  add(preprocessed: string): void {
    const t0 = performance.now();
    const source = this.scanner.scan(preprocessed);
    const neutral = neutralize(source.text);
    const gnu = rewriteGnuForms(neutral.tokens);
    const text = applyEdits(source.text, [...neutral.edits, ...gnu.edits]);
    const t1 = performance.now();
    const reader = flatTreeReader();
    const parsed = { text, lineStarts: source.lineStarts };
    const items = reader
      ? reader.items(reader.read(text), parsed)
      : topLevelItems(parseWithBinding(text), parsed, C.nodeTypeInfo);
    const t2 = performance.now();
    const options = this.options;
    const ctx = new ParseContext(
      text,
      source,
      options.resolvePath ?? defaultPathResolver,
      gnu,
      options.abi,
      this.builder,
      options.recordLayout,
      this.shared,
    );
    if (neutral.unterminatedBody !== null) {
      const loc = ctx.locationOfOffset(neutral.unterminatedBody);
      ctx.diagnostics.push(
        error("function body is never closed ('}' missing)", {
          file: loc.file,
          line: loc.line,
          column: loc.column,
        }),
      );
    }
    walkTranslationUnit(ctx, items);
    reportUnclaimed(ctx);
    this.lastContext = ctx;
    const t3 = performance.now();
    this.timings.scan += t1 - t0;
    this.timings.treeSitter += t2 - t1;
    this.timings.walk += t3 - t2;
  }

  /**
   * The unit, once every piece has been added. `macros` (the preprocessor's table, or the
   * table already classified by classifyMacros) is summarized against it, overriding the
   * table given in the options.
   */
  finish(
    macros: readonly MacroDefinition[] | ClassifiedMacros | undefined = this.options.macros,
  ): ParseResult {
    const result = this.finishDeclarations();
    if (macros) {
      result.unit.macros = this.macroSummary(macros);
      result.timings.macros = this.timings.macros;
    }
    return result;
  }

  /**
   * The unit, once every piece has been added, with no macros yet: what needs only the
   * declarations can go ahead while the macro table is still being classified.
   */
  finishDeclarations(): ParseResult {
    if (!this.lastContext) this.add("");
    return {
      unit: this.builder.build(),
      diagnostics: this.shared.diagnostics,
      timings: { ...this.timings },
    };
  }

  /** The summary of `macros` (a table, or one classified by classifyMacros) against the unit. */
  macroSummary(macros: readonly MacroDefinition[] | ClassifiedMacros): MacroSummary {
    const start = performance.now();
    const ctx = this.lastContext!;
    const summary =
      "decisions" in macros ? finishMacroSummary(macros, ctx) : summarizeMacros(macros, ctx);
    this.timings.macros += performance.now() - start;
    return summary;
  }
}

/** Parses and returns every diagnostic, errors included, without throwing. */
export function parseTranslationUnitLenient(
  preprocessed: string,
  options: ParseOptions,
): ParseResult {
  const parser = new UnitParser(options);
  parser.add(preprocessed);
  return parser.finish();
}

/** Parses; throws DiagnosticError carrying every diagnostic when any is an error. */
export function parseTranslationUnit(preprocessed: string, options: ParseOptions): ParseResult {
  const result = parseTranslationUnitLenient(preprocessed, options);
  if (hasErrors(result.diagnostics))
    throw new DiagnosticError(result.diagnostics.filter((d) => d.severity === "error"));
  return result;
}
export { spellType, defaultTagNamer, recordNamer, type TagNamer } from "./type-spelling.js";
export { adjustFunctionType, adjustParameterType, adjustFunctionTypesWithin } from "./adjust.js";
export { unitToJson } from "./serialize.js";
export { evaluateConstant, unitEnvironment, type UnitEnvironment } from "./unit-env.js";
