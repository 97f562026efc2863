// Macro definitions: parsing a #define line, and the replacement of one invocation
// (parameter substitution, `#`, `##`, placemarkers, __VA_OPT__ and GNU `, ## __VA_ARGS__`).
// Rescanning and blue paint belong to the engine; this file only builds replacement lists.
import { fail, type SourceLocation } from "../diagnostics/index.js";
import { lexSingleToken } from "./lexer.js";
import { isHash, isHashHash, isPunct, makeToken, relocate, type Token } from "./tokens.js";

export type BuiltinKind =
  | "__FILE__"
  | "__LINE__"
  | "__COUNTER__"
  | "__INCLUDE_LEVEL__"
  | "__BASE_FILE__"
  | "__FILE_NAME__"
  | "__DATE__"
  | "__TIME__"
  | "__TIMESTAMP__"
  | "_Pragma"
  | "__has_include"
  | "__has_include_next"
  | "__has_feature"
  | "__has_extension"
  | "__has_builtin"
  | "__has_attribute"
  | "__has_c_attribute"
  | "__has_declspec_attribute"
  | "__is_identifier"
  | "__has_cpp_attribute"
  | "__has_warning";

export const builtinNames: readonly BuiltinKind[] = [
  "__FILE__",
  "__LINE__",
  "__COUNTER__",
  "__INCLUDE_LEVEL__",
  "__BASE_FILE__",
  "__FILE_NAME__",
  "__DATE__",
  "__TIME__",
  "__TIMESTAMP__",
  "_Pragma",
  "__has_include",
  "__has_include_next",
  "__has_feature",
  "__has_extension",
  "__has_builtin",
  "__has_attribute",
  "__has_c_attribute",
  "__has_declspec_attribute",
  "__is_identifier",
  "__has_cpp_attribute",
  "__has_warning",
];

export interface Macro {
  name: string;
  /** Parameter names; null for object-like macros. `...` is stored as __VA_ARGS__. */
  params: string[] | null;
  variadic: boolean;
  body: Token[];
  /** For each body token, the index of the parameter it names, or -1. */
  bodyParam: number[];
  /** Whether the body has `#`, `##` or __VA_OPT__ (object-like macros without them are copied). */
  special: boolean;
  location?: SourceLocation;
  builtin: BuiltinKind | null;
  predefined: boolean;
  /** Set while an expansion of this macro is being rescanned. */
  disabled: boolean;
  /** The body's spelling, once asked for (macros are shared across units). */
  spelling?: string;
}

const loc = (t: Token): SourceLocation => ({ file: t.file, line: t.line, column: t.column });

/** Parses the tokens of a #define line after `define`. `nameTok` is the macro name. */
export function parseDefine(line: Token[], predefined: boolean): Macro {
  const nameTok = line[0];
  if (!nameTok) fail("macro name missing");
  if (nameTok.kind !== "identifier") fail("macro name must be an identifier", loc(nameTok));
  if (nameTok.text === "defined") fail("'defined' cannot be used as a macro name", loc(nameTok));
  let i = 1;
  let params: string[] | null = null;
  let variadic = false;
  const open = line[1];
  if (open && isPunct(open, "(") && !open.leadingSpace) {
    params = [];
    i = 2;
    for (;;) {
      const t = line[i];
      if (!t) fail("missing ')' in macro parameter list", loc(line[i - 1]!));
      if (isPunct(t, ")") && params.length === 0) {
        i++;
        break;
      }
      if (isPunct(t, "...")) {
        variadic = true;
        params.push("__VA_ARGS__");
        i++;
      } else if (t.kind === "identifier") {
        if (t.text === "__VA_ARGS__")
          fail("__VA_ARGS__ can only appear in the expansion of a C99 variadic macro", loc(t));
        if (params.includes(t.text)) fail(`duplicate macro parameter name '${t.text}'`, loc(t));
        params.push(t.text);
        i++;
        const dots = line[i];
        if (dots && isPunct(dots, "...")) {
          variadic = true;
          i++;
        }
      } else {
        fail("invalid token in macro parameter list", loc(t));
      }
      const sep = line[i];
      if (!sep) {
        const last = line[i - 1]!;
        fail("expected comma in macro parameter list", {
          ...loc(last),
          column: last.column + last.text.length,
        });
      }
      if (isPunct(sep, ")")) {
        i++;
        break;
      }
      if (variadic) fail("missing ')' in macro parameter list", loc(sep));
      if (!isPunct(sep, ",")) fail("expected comma in macro parameter list", loc(sep));
      i++;
    }
  }
  const body = line.slice(i);
  const bodyParam = body.map((t) =>
    params && t.kind === "identifier" ? params.indexOf(t.text) : -1,
  );
  if (variadic && params) {
    const last = params.length - 1;
    body.forEach((t, k) => {
      if (t.kind === "identifier" && t.text === "__VA_ARGS__") bodyParam[k] = last;
    });
  }
  let special = false;
  for (let k = 0; k < body.length; k++) {
    const t = body[k]!;
    if (isHashHash(t)) {
      special = true;
      if (k === 0) fail("'##' cannot appear at start of macro expansion", loc(t));
      if (k === body.length - 1) fail("'##' cannot appear at end of macro expansion", loc(t));
    } else if (isHash(t) && params) {
      special = true;
      const next = body[k + 1];
      const ok = next && (bodyParam[k + 1]! >= 0 || (variadic && next.text === "__VA_OPT__"));
      if (!ok) fail("'#' is not followed by a macro parameter", loc(next ?? t));
    } else if (t.kind === "identifier" && t.text === "__VA_OPT__") {
      if (!variadic)
        fail("__VA_OPT__ can only appear in the expansion of a C2x variadic macro", loc(t));
      special = true;
      const open2 = body[k + 1];
      if (!open2 || !isPunct(open2, "(")) fail("missing '(' following __VA_OPT__", loc(t));
      if (vaOptEnd(body, k + 1) < 0) fail("unterminated __VA_OPT__ invocation", loc(t));
    }
  }
  return {
    name: nameTok.text,
    params,
    variadic,
    body,
    bodyParam,
    special,
    location: loc(nameTok),
    builtin: null,
    predefined,
    disabled: false,
  };
}

/** Index of the `)` closing the `(` at `open`, or -1. */
function vaOptEnd(body: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < body.length; k++) {
    const t = body[k]!;
    if (isPunct(t, "(")) depth++;
    else if (isPunct(t, ")") && --depth === 0) return k;
  }
  return -1;
}

/** Whether two definitions are the same (a redefinition that is not diagnosed). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.variadic !== b.variadic) return false;
  if ((a.params === null) !== (b.params === null)) return false;
  if (a.params && b.params && a.params.join(",") !== b.params.join(",")) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every(
    (t, k) => t.text === b.body[k]!.text && (k === 0 || t.leadingSpace === b.body[k]!.leadingSpace),
  );
}

/** The body as text: single spaces where the source had whitespace. */
export function bodySpelling(body: Token[]): string {
  let s = "";
  body.forEach((t, k) => {
    if (k > 0 && t.leadingSpace) s += " ";
    s += t.text;
  });
  return s;
}

/** `#arg`: the argument's spelling as a string literal. */
export function stringify(tokens: Token[], at: Token, leadingSpace: boolean): Token {
  let s = '"';
  let first = true;
  for (const t of tokens) {
    if (t.kind === "placemarker") continue;
    if (!first && (t.leadingSpace || t.startOfLine)) s += " ";
    first = false;
    if (t.kind === "string" || t.kind === "char") s += t.text.replace(/[\\"]/g, "\\$&");
    else s += t.text;
  }
  // A lone trailing backslash would escape the closing quote; clang drops it.
  let backslashes = 0;
  for (let k = s.length - 1; k > 0 && s.charCodeAt(k) === 92; k--) backslashes++;
  if (backslashes % 2 === 1) s = s.slice(0, -1);
  return makeToken("string", s + '"', at, leadingSpace);
}

/** `lhs ## rhs`: one token re-lexed from the two spellings, or a located error. */
export function paste(lhs: Token, rhs: Token, at: Token): Token {
  const text = lhs.text + rhs.text;
  const kind = lexSingleToken(text);
  if (kind === null) fail(`pasting formed '${text}', an invalid preprocessing token`, loc(at));
  return makeToken(kind, text, at, lhs.leadingSpace);
}

export interface Invocation {
  macro: Macro;
  /** The macro name token: every produced token takes its location. */
  at: Token;
  /** Unexpanded arguments (function-like macros). */
  args: Token[][];
  /** The invocation left out the variable arguments altogether. */
  variadicOmitted: boolean;
  /** Fully macro-expanded argument `i` (computed on demand by the engine, cached by it). */
  expanded(i: number): Token[];
}

/** Builds the replacement list of one invocation, before rescanning. */
export function replacementList(inv: Invocation): Token[] {
  const { macro, at } = inv;
  const out = substituteRange(inv, 0, macro.body.length);
  const result: Token[] = [];
  // Whitespace before something that substituted to nothing goes to the next token (clang
  // prints `f(a )` for `f(a __VA_ARGS__)` with no variable arguments).
  // Every token substituteRange returns is a fresh copy, so flags are set in place.
  let space = false;
  for (let k = 0; k < out.length; k++) {
    const t = out[k]!;
    if (t.kind === "placemarker") {
      space ||= t.leadingSpace;
      continue;
    }
    if (space) t.leadingSpace = true;
    result.push(t);
    space = false;
  }
  if (result.length > 0) {
    const first = result[0]!;
    first.leadingSpace = at.leadingSpace;
    first.startOfLine = at.startOfLine;
  }
  return result;
}

function substituteRange(inv: Invocation, from: number, to: number): Token[] {
  const { macro, at, args } = inv;
  const body = macro.body;
  const out: Token[] = [];
  let pasteNext = false;
  let pasteAt: Token = at;
  const bodyParam = macro.bodyParam;
  if (!macro.special) {
    // No `#`, `##` or __VA_OPT__: each body token is a copy or an expanded argument.
    for (let k = from; k < to; k++) {
      const t = body[k]!;
      const param = bodyParam[k]!;
      if (param < 0) {
        out.push(relocate(t, at, t.leadingSpace));
        continue;
      }
      const src = inv.expanded(param);
      if (src.length === 0) out.push(makeToken("placemarker", "", at, t.leadingSpace));
      else {
        out.push(relocate(src[0]!, at, t.leadingSpace));
        for (let j = 1; j < src.length; j++) out.push(relocate(src[j]!, at, src[j]!.leadingSpace));
      }
    }
    return out;
  }
  const varIndex = macro.variadic && macro.params ? macro.params.length - 1 : -1;
  for (let k = from; k < to; k++) {
    const t = body[k]!;
    if (isHashHash(t) && k > from && k < to - 1) {
      pasteNext = true;
      pasteAt = t;
      continue;
    }
    let seq: Token[];
    const param = bodyParam[k]!;
    const nextIsPaste = k + 1 < to && isHashHash(body[k + 1]!);
    if (macro.params && isHash(t) && k + 1 < to) {
      const target = body[k + 1]!;
      if (target.text === "__VA_OPT__" && varIndex >= 0) {
        const end = vaOptEnd(body, k + 2);
        const inner = vaOptPresent(inv, varIndex) ? substituteRange(inv, k + 3, end) : [];
        seq = [stringify(inner, at, t.leadingSpace)];
        k = end;
      } else {
        seq = [stringify(args[bodyParam[k + 1]!] ?? [], at, t.leadingSpace)];
        k++;
      }
    } else if (t.kind === "identifier" && t.text === "__VA_OPT__" && varIndex >= 0) {
      const end = vaOptEnd(body, k + 1);
      if (vaOptPresent(inv, varIndex)) {
        seq = substituteRange(inv, k + 2, end);
        if (seq.length > 0 && seq[0]!.kind !== "placemarker")
          seq[0] = { ...seq[0]!, leadingSpace: t.leadingSpace };
        if (seq.length === 0) seq = [makeToken("placemarker", "", at, t.leadingSpace)];
      } else seq = [makeToken("placemarker", "", at, t.leadingSpace)];
      k = end;
    } else if (param >= 0) {
      const operandOfPaste = pasteNext || nextIsPaste;
      // GNU `, ## __VA_ARGS__` (clang's rules): with variable arguments they follow the comma
      // unpasted; left out, they swallow the comma, unless pasted on to something else, in
      // which case the comma's paste carries over to that.
      if (pasteNext && param === varIndex && out.length > 0 && isPunct(out[out.length - 1]!, ",")) {
        const raw = args[param] ?? [];
        if (raw.length > 0) {
          pasteNext = false;
          out.push(
            ...raw.map((a, j) =>
              relocate(a, at, j === 0 ? t.leadingSpace || a.leadingSpace : a.leadingSpace),
            ),
          );
          continue;
        }
        if (nextIsPaste) {
          k++; // the comma's pending paste applies to the token after the next '##'
          continue;
        }
        pasteNext = false;
        if (inv.variadicOmitted) out.pop();
        continue;
      }
      const src = operandOfPaste ? (args[param] ?? []) : inv.expanded(param);
      if (src.length === 0) seq = [makeToken("placemarker", "", at, t.leadingSpace)];
      else if (!pasteNext) {
        // The common case, copied straight into `out` (no intermediate list).
        out.push(relocate(src[0]!, at, t.leadingSpace));
        for (let j = 1; j < src.length; j++) out.push(relocate(src[j]!, at, src[j]!.leadingSpace));
        continue;
      } else {
        seq = new Array<Token>(src.length);
        for (let j = 0; j < src.length; j++)
          seq[j] = relocate(src[j]!, at, j === 0 ? t.leadingSpace : src[j]!.leadingSpace);
      }
    } else if (!pasteNext) {
      out.push(relocate(t, at, t.leadingSpace));
      continue;
    } else {
      seq = [relocate(t, at, t.leadingSpace)];
    }
    if (pasteNext) {
      pasteNext = false;
      const lhs = out[out.length - 1];
      const rhs = seq[0];
      if (!lhs || lhs.kind === "placemarker") {
        if (lhs) out.pop();
        out.push(...seq);
      } else if (!rhs || rhs.kind === "placemarker") {
        out.push(...seq.slice(1));
      } else {
        out[out.length - 1] = paste(lhs, rhs, pasteAt.offset >= 0 ? at : pasteAt);
        for (let j = 1; j < seq.length; j++) out.push(seq[j]!);
      }
    } else {
      for (let j = 0; j < seq.length; j++) out.push(seq[j]!);
    }
  }
  return out;
}

function vaOptPresent(inv: Invocation, varIndex: number): boolean {
  return inv.expanded(varIndex).length > 0;
}
