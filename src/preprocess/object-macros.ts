// Plain #define lines, parsed in place in the lexed file. Kernel headers define thousands
// of macros a translation unit never expands; such a macro's body becomes token objects
// only when it is first used, and its spelling for the macro table is read from the file
// directly. Function-like macros qualify when their parameter list is well formed.
import {
  flagsAt,
  IDENTIFIER,
  isPunctAt,
  kindAt,
  LEADING_SPACE,
  PUNCTUATOR,
  spellingAt,
  STRIDE,
  textIs,
  tokensIn,
  type LexedFile,
} from "./lexed-file.js";
import type { SourceLocation } from "../diagnostics/index.js";
import type { Macro } from "./macros.js";
import type { Token } from "./tokens.js";

/**
 * The macro of `#define NAME body` or `#define NAME(params) body` whose name is token
 * `nameIndex` and whose line ends before `end`, or null when the line needs the general
 * parser: a name that is not an identifier or is `defined`, a parameter list it would
 * diagnose (or that names __VA_ARGS__ or a name twice), or a body with `#`, `##` or
 * __VA_OPT__.
 */
export function parsePlainMacro(
  lexed: LexedFile,
  nameIndex: number,
  end: number,
  predefined: boolean,
): Macro | null {
  if (nameIndex >= end || kindAt(lexed, nameIndex) !== IDENTIFIER) return null;
  const name = spellingAt(lexed, nameIndex);
  if (name === "defined") return null;
  let from = nameIndex + 1;
  let params: string[] | null = null;
  let variadic = false;
  if (from < end && startsParameterList(lexed, from)) {
    params = [];
    let k = from + 1;
    if (k < end && isPunctAt(lexed, k, 41 /* ) */)) k++;
    else
      for (;;) {
        if (k >= end) return null;
        if (kindAt(lexed, k) === PUNCTUATOR && textIs(lexed, k, "...")) {
          variadic = true;
          params.push("__VA_ARGS__");
          k++;
        } else if (kindAt(lexed, k) === IDENTIFIER) {
          const param = spellingAt(lexed, k);
          if (param === "__VA_ARGS__" || params.includes(param)) return null;
          params.push(param);
          k++;
          if (k < end && kindAt(lexed, k) === PUNCTUATOR && textIs(lexed, k, "...")) {
            variadic = true;
            k++;
          }
        } else return null;
        if (k >= end) return null;
        if (isPunctAt(lexed, k, 41 /* ) */)) {
          k++;
          break;
        }
        if (variadic || !isPunctAt(lexed, k, 44 /* , */)) return null;
        k++;
      }
    from = k;
  }
  // One pass over the body: whether the general parser is needed (`#`, `##`, their digraphs
  // or __VA_OPT__), and whether the file spells the body as bodySpelling would (tokens
  // apart by one space or none, no respelled names): then its spelling is one slice.
  const { data, text } = lexed;
  let plain = lexed.spellings === null;
  for (let k = from; k < end; k++) {
    const s = k * STRIDE;
    const start = data[s]!;
    const kindAndFlags = data[s + 4]!;
    const kind = kindAndFlags & 0xff;
    if (kind === PUNCTUATOR) {
      const c = text.charCodeAt(start);
      if (c === 35 /* # */ || (c === 37 /* % */ && text.charCodeAt(start + 1) === 58)) return null;
    } else if (
      kind === IDENTIFIER &&
      data[s + 1]! - start === 10 &&
      text.startsWith("__VA_OPT__", start)
    )
      return null;
    if (plain && k > from) {
      const gap = start - data[s - STRIDE + 1]!;
      plain =
        (kindAndFlags & (LEADING_SPACE << 8)) !== 0
          ? gap === 1 && text.charCodeAt(start - 1) === 32
          : gap === 0;
    }
  }
  const spelling =
    from === end
      ? ""
      : plain
        ? text.slice(data[from * STRIDE]!, data[(end - 1) * STRIDE + 1]!)
        : spellRange(lexed, from, end);
  return new PlainMacro(lexed, nameIndex, from, end, name, params, variadic, predefined, spelling);
}

/** A Macro whose body stays in the lexed file until asked for. */
class PlainMacro implements Macro {
  readonly special = false;
  readonly builtin = null;
  disabled = false;
  readonly location: SourceLocation;
  private bodyTokens: Token[] | undefined;
  private paramIndexes: number[] | undefined;

  constructor(
    private readonly lexed: LexedFile,
    nameIndex: number,
    /** The body: tokens `from` up to `end` of the file. */
    private readonly from: number,
    private readonly end: number,
    readonly name: string,
    readonly params: string[] | null,
    readonly variadic: boolean,
    readonly predefined: boolean,
    /** The body's spelling, as bodySpelling gives it. */
    readonly spelling: string,
  ) {
    const s = nameIndex * STRIDE;
    this.location = { file: lexed.display, line: lexed.data[s + 2]!, column: lexed.data[s + 3]! };
  }

  get body(): Token[] {
    return (this.bodyTokens ??= tokensIn(this.lexed, this.from, this.end));
  }

  /** As parseDefine finds them: a parameter's name, or __VA_ARGS__ for the variadic one. */
  get bodyParam(): number[] {
    if (this.paramIndexes === undefined) {
      const { lexed, from, params } = this;
      const indexes = new Array<number>(this.end - from).fill(-1);
      if (params !== null) {
        for (let k = from; k < this.end; k++) {
          if (kindAt(lexed, k) !== IDENTIFIER) continue;
          const text = spellingAt(lexed, k);
          indexes[k - from] =
            this.variadic && text === "__VA_ARGS__" ? params.length - 1 : params.indexOf(text);
        }
      }
      this.paramIndexes = indexes;
    }
    return this.paramIndexes;
  }
}

/** `(` right after the name, with no space: a function-like macro. */
function startsParameterList(lexed: LexedFile, i: number): boolean {
  return isPunctAt(lexed, i, 40 /* ( */) && (flagsAt(lexed, i) & LEADING_SPACE) === 0;
}

/** The body's spelling as bodySpelling gives it: single spaces where the source had any. */
function spellRange(lexed: LexedFile, from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) {
    if (k > from && (flagsAt(lexed, k) & LEADING_SPACE) !== 0) s += " ";
    s += spellingAt(lexed, k);
  }
  return s;
}
