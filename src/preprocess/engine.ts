// The preprocessing engine: a stack of token sources read one token at a time, macro
// expansion with clang's disabling and painting rules, and the output token stream.
// Directives live in directives.ts, builtin macros in builtin-macros.ts, argument reading in
// macro-arguments.ts.
import { posix } from "node:path";
import { fail, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";
import type { FileTransition, IncludeEdge, PreprocessLimits, PreprocessOptions } from "./api.js";
import { expandBuiltin } from "./builtin-macros.js";
import type { Context, FileContext, TokenContext } from "./contexts.js";
import { handleDirective } from "./directives.js";
import { FeatureAnswers } from "./features.js";
import { HeaderSearch, normalizePath } from "./include-search.js";
import { DIRECTIVE, isPunctAt, sharedTokenAt, STRIDE, tokenAt } from "./lexed-file.js";
import type { LexedFile } from "./lexer.js";
import { collectArguments } from "./macro-arguments.js";
import { MacroTable } from "./macro-table.js";
import type { StreamRenderer } from "./render.js";
import { SourceFiles, type FileCache } from "./source-files.js";
import { builtinNames, replacementList, type Macro } from "./macros.js";
import { isPunct, makeToken, type PPToken, type Token } from "./tokens.js";

export type { FileCache } from "./source-files.js";

export const locOf = (t: Token): SourceLocation => ({
  file: t.file,
  line: t.line,
  column: t.column,
});

/** Just past `t`: where clang reports a directive line that ends too early. */
export const endOf = (t: Token): SourceLocation => ({
  file: t.file,
  line: t.line,
  column: t.column + t.text.length,
});

export class Engine {
  readonly table = new MacroTable();
  /** The macros defined now (builtins included). */
  readonly macros = this.table.active;
  readonly contexts: Context[] = [];
  readonly out: Token[] = [];
  readonly transitions: FileTransition[] = [];
  readonly includes: IncludeEdge[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly pragmaOnce = new Set<string>();
  /** Files read to their end: only those have a known include guard (as in clang). */
  readonly completedFiles = new Set<string>();
  readonly pushedMacros = new Map<string, (Macro | undefined)[]>();
  readonly poisoned = new Set<string>();
  readonly search: HeaderSearch;
  readonly features: FeatureAnswers;
  readonly display: (abs: string) => string;
  readonly sources: SourceFiles;
  /**
   * Whether file tokens are made once and kept for later units: not in a preprocessor's
   * first unit, which may be its only one (keeping them would cost garbage collection).
   */
  private readonly shareTokens: boolean;
  mainDisplay = "";
  counter = 0;
  fileDepth = 0;
  private expansionTokens = 0;
  private expansionDepth = 0;
  /** Depth of directive lines being expanded (#if, #include, #line): __has_include needs one. */
  directiveDepth = 0;
  /** Set while collecting macro arguments: an invocation may not run past the end of a file. */
  stopAtFileEnd = false;

  constructor(
    readonly options: PreprocessOptions,
    readonly limits: PreprocessLimits,
    readonly cache: FileCache,
  ) {
    this.search = HeaderSearch.fromOptions(
      options.files,
      options.quoteDirs ?? [],
      options.includeDirs,
      options.systemDirs ?? [],
    );
    this.features = new FeatureAnswers(options.hasFeature ?? {}, options.cStandard ?? 2017);
    this.display = options.displayPath ?? ((p) => p);
    this.shareTokens = cache.unitsRun > 1;
    this.sources = new SourceFiles(options, limits, cache, this.display, this.diagnostics);
    for (const name of builtinNames) {
      this.macros.set(name, {
        name,
        params: null,
        variadic: false,
        body: [],
        bodyParam: [],
        special: false,
        builtin: name,
        predefined: true,
        disabled: false,
      });
    }
  }

  // ---- files ----------------------------------------------------------------------------

  fileExists = (abs: string): boolean => this.sources.exists(abs);

  /** The identity of a file for #pragma once and include guards. */
  identity(abs: string): string {
    return this.options.files.realPath?.(abs) ?? abs;
  }

  /** Reads and lexes a file (see SourceFiles.load); its warnings join the unit's. */
  load(abs: string, at: SourceLocation | undefined): LexedFile {
    return this.sources.load(abs, at);
  }

  /** Whether one more file may be entered (clang counts the main file in its 200). */
  canNest(): boolean {
    return this.fileDepth < this.limits.maxIncludeDepth;
  }

  pushFile(
    lexed: LexedFile,
    abs: string,
    dirIndex: number,
    system: boolean,
    root: boolean,
    returnLine: number,
    includerLine?: number,
  ): FileContext {
    const ctx: FileContext = {
      isFile: true,
      lexed,
      abs,
      pos: 0,
      conds: [],
      dirIndex,
      system,
      root,
      presumedFile: lexed.display,
      lineOffset: 0,
      returnLine,
    };
    this.contexts.push(ctx);
    this.fileDepth++;
    this.transitions.push({
      tokenIndex: this.tokenCount,
      file: lexed.display,
      line: 1,
      flag: root ? 0 : 1,
      system,
      ...(includerLine !== undefined ? { includerLine } : {}),
    });
    return ctx;
  }

  currentFile(): FileContext | undefined {
    for (let k = this.contexts.length - 1; k >= 0; k--) {
      const c = this.contexts[k]!;
      if (c.isFile) return c;
    }
    return undefined;
  }

  private endOfFile(ctx: FileContext): void {
    const open = ctx.conds[ctx.conds.length - 1];
    if (open) fail("unterminated conditional directive", locOf(tokenAt(ctx.lexed, open.opener)));
    this.contexts.pop();
    this.fileDepth--;
    this.completedFiles.add(this.identity(ctx.abs));
    const parent = this.currentFile();
    if (!ctx.root && parent) {
      this.transitions.push({
        tokenIndex: this.tokenCount,
        file: parent.presumedFile,
        line: ctx.returnLine,
        flag: 2,
        system: parent.system,
      });
    }
  }

  // ---- raw tokens ---------------------------------------------------------------------

  /** The next token without macro expansion; directives in files are executed on the way. */
  lexRaw(): Token {
    for (;;) {
      const ctx = this.contexts[this.contexts.length - 1]!;
      if (!ctx.isFile) {
        if (ctx.pos < ctx.tokens.length) return ctx.tokens[ctx.pos++]!;
        this.popTokens();
        continue;
      }
      const lexed = ctx.lexed;
      if (ctx.pos < lexed.count) {
        const i = ctx.pos++;
        // startsDirective, inlined: this runs for every token of every file.
        if ((lexed.data[i * STRIDE + 4]! & (DIRECTIVE << 8)) !== 0) {
          handleDirective(this, ctx, i);
          continue;
        }
        if (this.shareTokens && ctx.lineOffset === 0 && ctx.presumedFile === lexed.display)
          return sharedTokenAt(lexed, i);
        return tokenAt(lexed, i, ctx.presumedFile, ctx.lineOffset);
      }
      const eof =
        lexed.count > 0
          ? makeToken("eof", "", tokenAt(lexed, lexed.count - 1), false)
          : makeToken("eof", "", { file: lexed.display, line: 1, column: 1 } as Token, false);
      if (this.stopAtFileEnd) return eof;
      const root = ctx.root;
      this.endOfFile(ctx);
      if (root) return eof;
    }
  }

  pushTokens(tokens: Token[], macro: Macro | null, endLine: number): void {
    const ctx: TokenContext = { isFile: false, tokens, pos: 0, macro, endLine };
    this.contexts.push(ctx);
    if (macro) macro.disabled = true;
  }

  popTokens(): void {
    const ctx = this.contexts.pop() as TokenContext;
    if (ctx.macro) ctx.macro.disabled = false;
  }

  /** __LINE__ inside an expansion reports the end of the outermost invocation. */
  expansionEndLine(): number {
    const top = this.contexts[this.contexts.length - 1]!;
    return !top.isFile ? top.endLine : -1;
  }

  /** Whether the next raw token is `(`, looking through finished expansions without leaving them. */
  private nextIsLParen(): boolean {
    for (let k = this.contexts.length - 1; k >= 0; k--) {
      const c = this.contexts[k]!;
      if (!c.isFile) {
        if (c.pos < c.tokens.length) return isPunct(c.tokens[c.pos]!, "(");
        continue;
      }
      return c.pos < c.lexed.count && isPunctAt(c.lexed, c.pos, 40 /* ( */);
    }
    return false;
  }

  // ---- expansion ----------------------------------------------------------------------

  /**
   * Start-of-line and leading-space flags of a macro name whose expansion was empty: the next
   * token takes them over, as in clang (which decides where -E output lines break).
   */
  private pendingStartOfLine = false;
  private pendingLeadingSpace = false;

  /** The next fully macro-expanded token (one function: a call per token costs). */
  next(): Token {
    let t: Token;
    for (;;) {
      t = this.lexRaw();
      if (t.kind !== "identifier" || t.noExpand) break;
      const m = this.macros.get(t.text);
      if (m === undefined) {
        if (this.poisoned.size > 0 && this.poisoned.has(t.text))
          fail(`attempt to use a poisoned identifier`, locOf(t));
        break;
      }
      if (m.disabled) {
        t = { ...t, noExpand: true };
        break;
      }
      if (m.builtin !== null) {
        if (m.params === null && !expandBuiltin(this, m.builtin, t)) break;
        continue;
      }
      const outerEnd = this.expansionEndLine();
      if (m.params === null) {
        let result: Token[];
        if (m.special) {
          result = replacementList({
            macro: m,
            at: t,
            args: [],
            variadicOmitted: false,
            expanded: () => [],
          });
        } else {
          const body = m.body;
          result = new Array<Token>(body.length);
          for (let k = 0; k < body.length; k++) result[k] = this.copyBodyToken(body[k]!, t, k);
        }
        this.pushExpansion(m, result, outerEnd >= 0 ? outerEnd : t.line, t);
        continue;
      }
      if (!this.nextIsLParen()) break;
      const { args, close, variadicOmitted } = collectArguments(this, m, t);
      const cache: (Token[] | undefined)[] = [];
      const result = replacementList({
        macro: m,
        at: t,
        args,
        variadicOmitted,
        expanded: (i) => (cache[i] ??= this.expandArgument(args[i] ?? [])),
      });
      this.pushExpansion(m, result, outerEnd >= 0 ? outerEnd : close.line, t);
    }
    if ((this.pendingStartOfLine || this.pendingLeadingSpace) && t.kind !== "eof") {
      const copy = {
        ...t,
        startOfLine: t.startOfLine || this.pendingStartOfLine,
        leadingSpace: t.leadingSpace || this.pendingLeadingSpace,
      };
      this.pendingStartOfLine = false;
      this.pendingLeadingSpace = false;
      return copy;
    }
    return t;
  }

  private copyBodyToken(b: Token, at: Token, k: number): Token {
    return {
      kind: b.kind,
      text: b.text,
      file: at.file,
      line: at.line,
      column: at.column,
      leadingSpace: k === 0 ? at.leadingSpace : b.leadingSpace,
      startOfLine: k === 0 ? at.startOfLine : false,
      noExpand: false,
      offset: -1,
    };
  }

  private pushExpansion(m: Macro, result: Token[], endLine: number, name: Token): void {
    this.expansionTokens += result.length;
    if (this.expansionTokens > this.limits.maxExpansionTokens) {
      const t = result[0];
      fail(
        `macro expansion produced more than ${this.limits.maxExpansionTokens} tokens (expanding '${m.name}')`,
        t ? locOf(t) : undefined,
      );
    }
    if (result.length > 0) this.pushTokens(result, m, endLine);
    else {
      this.pendingStartOfLine ||= name.startOfLine;
      this.pendingLeadingSpace ||= name.leadingSpace;
    }
  }

  /** Fully expands one macro argument in isolation (the argument pre-expansion of C 6.10.3.1). */
  expandArgument(arg: Token[]): Token[] {
    let expands = false;
    for (let k = 0; k < arg.length && !expands; k++) {
      const a = arg[k]!;
      expands = a.kind === "identifier" && !a.noExpand && this.macros.has(a.text);
    }
    if (!expands) return arg;
    if (++this.expansionDepth > this.limits.maxExpansionDepth) {
      fail(
        `macro arguments nested more than ${this.limits.maxExpansionDepth} deep`,
        locOf(arg[0]!),
      );
    }
    const eof = makeToken("eof", "", arg[arg.length - 1]!, false);
    this.pushTokens([...arg, eof], null, -1);
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === "eof") break;
      out.push(t);
    }
    this.popTokens();
    this.expansionDepth--;
    return out;
  }

  /** Expands a directive's tokens in isolation (for #if, #include and #line). */
  expandLine(tokens: Token[], onToken?: (t: Token) => Token | null): Token[] {
    const end = tokens[tokens.length - 1];
    const eof = makeToken("eof", "", end ?? ({ file: "", line: 0, column: 0 } as Token), false);
    this.pushTokens([...tokens, eof], null, -1);
    const out: Token[] = [];
    this.directiveDepth++;
    for (;;) {
      const t = this.next();
      if (t.kind === "eof") break;
      const kept = onToken ? onToken(t) : t;
      if (kept) out.push(kept);
    }
    this.directiveDepth--;
    this.popTokens();
    return out;
  }

  // ---- definitions ----------------------------------------------------------------------

  define(m: Macro): void {
    this.table.define(m);
  }

  undefine(name: string): void {
    this.table.undefine(name);
  }

  // ---- driving ------------------------------------------------------------------------

  /** Runs one root file (predefines, a forced include or the main file) to its end. */
  run(lexed: LexedFile, abs: string, system: boolean): void {
    this.pushFile(lexed, abs, -1, system, true, 1);
    for (;;) {
      const t = this.next();
      if (t.kind === "eof") break;
      // The lexer leaves an unterminated literal as an "other" token starting with its quote.
      if (t.kind === "other") {
        const quote = /^(?:u8|[LuU])?(['"])/.exec(t.text)?.[1];
        if (quote) fail(`missing terminating ${quote === '"' ? "'\"'" : "'"} character`, locOf(t));
      }
      this.emit(t);
    }
  }

  /** Tokens output so far (the index transitions record). */
  tokenCount = 0;
  /** Set when the output is rendered as it is made instead of kept (startRendering). */
  private renderer: StreamRenderer | null = null;
  private transitionsRendered = 0;

  private emit(t: Token): void {
    if (++this.tokenCount > this.limits.maxOutputTokens) {
      fail(
        `the translation unit produced more than ${this.limits.maxOutputTokens} tokens`,
        locOf(t),
      );
    }
    if (this.renderer === null) this.out.push(t);
    else {
      if (this.transitionsRendered < this.transitions.length) this.renderTransitions();
      // eof and placemarkers never reach the output.
      this.renderer.token(t as PPToken);
    }
  }

  /**
   * From now on, tokens go to `renderer` as they are made and are not kept: a caller that
   * only wants the text saves holding the whole token stream. Tokens kept so far are
   * rendered first.
   */
  startRendering(renderer: StreamRenderer): void {
    this.renderer = renderer;
    for (const t of this.out) renderer.token(t as PPToken);
    this.out.length = 0;
  }

  /** Renders the transitions not rendered yet (the unit's last ones, at its end). */
  renderTransitions(): void {
    const transitions = this.transitions;
    while (this.transitionsRendered < transitions.length)
      this.renderer!.transition(transitions[this.transitionsRendered++]!);
  }

  warn(message: string, at: SourceLocation): void {
    this.diagnostics.push({ severity: "warning", message, location: at });
  }

  includerDir(ctx: FileContext): string | null {
    return ctx.abs.startsWith("<")
      ? posix.dirname(normalizePath(this.options.mainFile))
      : posix.dirname(ctx.abs);
  }
}
