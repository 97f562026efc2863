// Directive lines: conditionals (with iterative skipping of excluded groups), #define,
// #undef, #include/#include_next/#import, #line, #error, #warning, #pragma, #ident.
import { fail } from "../diagnostics/index.js";
import { findHeader } from "./builtin-macros.js";
import type { FileContext } from "./contexts.js";
import { endOf, locOf, type Engine } from "./engine.js";
import { evaluateCondition } from "./expression.js";
import { resolveHeaderName } from "./header-names.js";
import { includeGuard } from "./include-guards.js";
import { parseDefine, sameDefinition, type Macro } from "./macros.js";
import { parsePlainMacro } from "./object-macros.js";
import { handleIdent, handlePragma } from "./pragmas.js";
import {
  IDENTIFIER,
  kindAt,
  NUMBER,
  lineEndIndex,
  nextDirectiveIndex,
  spellingAt,
  tokenAt,
  tokensIn,
  type LexedFile,
} from "./lexed-file.js";
import { isPunct, makeToken, type Token } from "./tokens.js";

/**
 * Macros parsed from #define lines, by file and index of the `define` token: lexed files are
 * cached, so every translation unit reading a line shares its macro.
 */
const parsedDefines = new WeakMap<LexedFile, Map<number, Macro>>();

/** Executes the directive whose `#` is token `hashIndex` of the file (ctx.pos is past it). */
export function handleDirective(e: Engine, ctx: FileContext, hashIndex: number): void {
  const lexed = ctx.lexed;
  const start = hashIndex + 1;
  const end = lineEndIndex(lexed, hashIndex);
  ctx.pos = end;
  if (start === end) return; // the null directive
  // Most directives are conditionals needing a token or two: token objects are made only
  // for what is used (the directive name itself mostly for error locations), and nothing
  // is allocated for the directive itself.
  const kind = kindAt(lexed, start);
  if (kind === NUMBER)
    return lineDirective(e, ctx, tokensIn(lexed, start, end), tokenAt(lexed, hashIndex), true);
  if (kind !== IDENTIFIER) fail("invalid preprocessing directive", locOf(tokenAt(lexed, start)));
  const directive = spellingAt(lexed, start);
  switch (directive) {
    case "if":
      return openConditional(
        e,
        ctx,
        start,
        evaluate(e, tokensIn(lexed, start + 1, end), tokenAt(lexed, start)),
      );
    case "ifdef":
    case "ifndef": {
      const defined = e.macros.has(macroNameAt(lexed, start, end));
      return openConditional(e, ctx, start, directive === "ifdef" ? defined : !defined);
    }
    case "elif":
    case "elifdef":
    case "elifndef":
    case "else": {
      const cond = ctx.conds[ctx.conds.length - 1];
      if (!cond) fail(`#${directive} without #if`, locOf(tokenAt(lexed, start)));
      if (cond.sawElse) fail(`#${directive} after #else`, locOf(tokenAt(lexed, start)));
      if (directive === "else") cond.sawElse = true;
      return skipGroup(e, ctx, true);
    }
    case "endif":
      if (!ctx.conds.pop()) fail("#endif without #if", locOf(tokenAt(lexed, start)));
      return;
    case "define": {
      // A #define line parses to the same macro in every translation unit that reads it.
      let defines = parsedDefines.get(lexed);
      if (!defines) parsedDefines.set(lexed, (defines = new Map()));
      let m = defines.get(start);
      if (!m) {
        const predefined = ctx.root && ctx.abs.startsWith("<");
        m =
          parsePlainMacro(lexed, start + 1, end, predefined) ??
          parseDefine(
            end > start + 1
              ? tokensIn(lexed, start + 1, end)
              : fail("macro name missing", endOf(tokenAt(lexed, start))),
            predefined,
          );
        defines.set(start, m);
      }
      const old = e.macros.get(m.name);
      if (old && old.builtin === null && !sameDefinition(old, m))
        e.warn(`'${m.name}' macro redefined`, locOf(tokenAt(lexed, start + 1)));
      e.define(m);
      return;
    }
    case "undef":
      e.undefine(macroNameAt(lexed, start, end));
      return;
    case "include":
    case "include_next":
    case "import":
      return include(
        e,
        ctx,
        tokenAt(lexed, start),
        tokensIn(lexed, start + 1, end),
        tokenAt(lexed, hashIndex),
      );
    case "line":
      return lineDirective(e, ctx, tokensIn(lexed, start + 1, end), tokenAt(lexed, start), false);
    case "error":
      return fail(messageText(ctx, tokenAt(lexed, start)), locOf(tokenAt(lexed, start)));
    case "warning":
      e.warn(messageText(ctx, tokenAt(lexed, start)), locOf(tokenAt(lexed, start)));
      return;
    case "pragma":
      return handlePragma(e, tokensIn(lexed, start + 1, end), tokenAt(lexed, hashIndex));
    case "ident":
    case "sccs":
      return handleIdent(e, tokensIn(lexed, start + 1, end), tokenAt(lexed, hashIndex));
    case "assert":
    case "unassert":
      return;
    default:
      fail("invalid preprocessing directive", locOf(tokenAt(lexed, start)));
  }
}

/** The macro name after the directive name at `directive` (#ifdef, #ifndef, #undef). */
function macroNameAt(lexed: LexedFile, directive: number, end: number): string {
  const n = directive + 1;
  if (n === end) fail("macro name missing", endOf(tokenAt(lexed, directive)));
  if (kindAt(lexed, n) !== IDENTIFIER)
    fail("macro name must be an identifier", locOf(tokenAt(lexed, n)));
  return spellingAt(lexed, n);
}

function macroName(args: Token[], directive: Token): Token {
  const n = args[0];
  if (!n) fail("macro name missing", endOf(directive));
  if (n.kind !== "identifier") fail("macro name must be an identifier", locOf(n));
  return n;
}

/** The raw text after `#error`/`#warning`, as clang prints it. */
function messageText(ctx: FileContext, name: Token): string {
  const text = ctx.lexed.text;
  let j = name.offset + name.text.length;
  let k = j;
  while (k < text.length && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
  while (j < k && (text[j] === " " || text[j] === "\t")) j++;
  return text.slice(j, k).trimEnd();
}

function openConditional(e: Engine, ctx: FileContext, opener: number, taken: boolean): void {
  ctx.conds.push({ taken, sawElse: false, opener });
  if (!taken) skipGroup(e, ctx, false);
}

/**
 * Skips an excluded group. With `toEndif` the chain already had its taken group; otherwise
 * the next #elif/#else whose condition holds resumes processing. Iterative, so deep
 * nesting costs no stack.
 */
function skipGroup(e: Engine, ctx: FileContext, toEndif: boolean): void {
  const lexed = ctx.lexed;
  const cond = ctx.conds[ctx.conds.length - 1]!;
  let depth = 0;
  for (
    let i = nextDirectiveIndex(lexed, ctx.pos);
    i < lexed.count;
    i = nextDirectiveIndex(lexed, i)
  ) {
    const end = lineEndIndex(lexed, i);
    const d = i + 1;
    i = end;
    if (d === end || kindAt(lexed, d) !== IDENTIFIER) continue;
    const directive = spellingAt(lexed, d);
    switch (directive) {
      case "if":
      case "ifdef":
      case "ifndef":
        depth++;
        break;
      case "endif":
        if (depth-- > 0) break;
        ctx.conds.pop();
        ctx.pos = end;
        return;
      case "else":
      case "elif":
      case "elifdef":
      case "elifndef": {
        if (depth > 0) break;
        if (cond.sawElse) fail(`#${directive} after #else`, locOf(tokenAt(lexed, d)));
        if (directive === "else") cond.sawElse = true;
        if (toEndif || cond.taken) break;
        ctx.pos = end;
        const name = tokenAt(lexed, d);
        const lineArgs = tokensIn(lexed, d + 1, end);
        let take: boolean;
        if (directive === "else") take = true;
        else if (directive === "elif") take = evaluate(e, lineArgs, name);
        else take = e.macros.has(macroName(lineArgs, name).text) === (directive === "elifdef");
        if (take) {
          cond.taken = true;
          return;
        }
        break;
      }
      default:
        break;
    }
  }
  fail("unterminated conditional directive", locOf(tokenAt(lexed, cond.opener)));
}

/** #if / #elif: `defined` is resolved before expansion, also when a macro produces it. */
function evaluate(e: Engine, args: Token[], directive: Token): boolean {
  if (args.length === 0) {
    fail("expected value in expression", {
      ...locOf(directive),
      column: directive.column + directive.text.length,
    });
  }
  const values = e.expandLine(args, (t) => {
    if (t.kind !== "identifier" || t.text !== "defined") return t;
    let n = e.lexRaw();
    const paren = isPunct(n, "(");
    if (paren) n = e.lexRaw();
    if (n.kind === "eof") fail("macro name missing", endOf(t));
    if (n.kind !== "identifier") fail("macro name must be an identifier", locOf(n));
    if (paren) {
      const close = e.lexRaw();
      if (!isPunct(close, ")"))
        fail("missing ')' after 'defined'", close.kind === "eof" ? endOf(n) : locOf(close));
    }
    return makeToken("number", e.macros.has(n.text) ? "1" : "0", t, t.leadingSpace);
  });
  const last = args[args.length - 1]!;
  return evaluateCondition(values, {
    charIsSigned: e.options.charIsSigned ?? true,
    maxBracketDepth: e.limits.maxBracketDepth,
    end: { file: last.file, line: last.line, column: last.column + last.text.length },
  });
}

function include(e: Engine, ctx: FileContext, name: Token, args: Token[], hash: Token): void {
  let spelled = args;
  const first = args[0];
  if (!first) fail('expected "FILENAME" or <FILENAME>', endOf(name));
  const direct = first.kind === "string" && first.text.startsWith('"');
  const directAngled = isPunct(first, "<") && args.some((t) => isPunct(t, ">"));
  if (!direct && !directAngled) spelled = e.expandLine(args);
  const head = spelled[0];
  let header: { name: string; angled: boolean };
  if (head && head.kind === "string" && head.text.startsWith('"'))
    header = resolveHeaderName([head], ctx.lexed.text);
  else if (head && isPunct(head, "<")) {
    const close = spelled.findIndex((t) => isPunct(t, ">"));
    if (close < 0) fail("expected '>'", locOf(spelled[spelled.length - 1]!));
    header = resolveHeaderName(spelled.slice(0, close + 1), ctx.lexed.text);
  } else fail('expected "FILENAME" or <FILENAME>', locOf(head ?? first));
  if (header.name === "") fail("empty filename", locOf(first));
  const next = name.text === "include_next";
  if (next && ctx.dirIndex < 0) e.warn("#include_next in primary source file", locOf(name));
  if (!e.canNest()) fail("#include nested too deeply", locOf(first));
  const found = findHeader(e, header.name, header.angled, next);
  if (!found) fail(`'${header.name}' file not found`, locOf(first));
  e.sources.checkIncludeRoot(header.name, found.path, locOf(first));
  e.includes.push({
    from: ctx.lexed.display,
    to: e.display(found.path),
    line: name.line,
    kind: next ? "include_next" : "include",
  });
  const identity = e.identity(found.path);
  if (e.pragmaOnce.has(identity)) return;
  const lexed = e.load(found.path, locOf(first));
  if (name.text === "import") e.pragmaOnce.add(identity);
  const guard = includeGuard(lexed);
  // A guard counts once the file has been read to its end; a file including itself while
  // still open is entered again (and skips its own contents), as clang does.
  if (guard !== null && e.completedFiles.has(identity) && e.macros.has(guard)) return;
  const lastTok = args[args.length - 1] ?? hash;
  e.pushFile(
    lexed,
    found.path,
    found.dirIndex,
    found.system || ctx.system,
    false,
    lastTok.line + 1 + ctx.lineOffset,
    hash.line + ctx.lineOffset,
  );
}

/** `#line N "file"` and the GNU marker `# N "file" flags`: presumed locations from the next line. */
function lineDirective(
  e: Engine,
  ctx: FileContext,
  args: Token[],
  directive: Token,
  gnuMarker: boolean,
): void {
  const values = gnuMarker ? args : e.expandLine(args);
  const num = values[0];
  if (!num || num.kind !== "number" || !/^[0-9]+$/.test(num.text)) {
    fail(`#line directive requires a positive integer argument`, locOf(num ?? directive));
  }
  const fileTok = values[1];
  if (fileTok && (fileTok.kind !== "string" || !fileTok.text.startsWith('"')))
    fail("invalid filename for #line directive", locOf(fileTok));
  const last = args[args.length - 1] ?? directive;
  const newLine = Number(num.text);
  ctx.lineOffset = newLine - (last.line + 1);
  if (fileTok) ctx.presumedFile = fileTok.text.slice(1, -1).replace(/\\(["\\])/g, "$1");
  e.transitions.push({
    tokenIndex: e.tokenCount,
    file: ctx.presumedFile,
    line: newLine,
    flag: 0,
    system: ctx.system,
  });
}
