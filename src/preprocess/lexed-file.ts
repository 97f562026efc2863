// A lexed file as flat arrays, one entry per token, instead of one object per token. Lexed
// files are cached for a whole run, and keeping ~200 000 token objects alive cost more in
// garbage collection than lexing itself; token objects are now made when the engine reads a
// token (most of them go straight into the output) and directive lines are read in place.
import type { Diagnostic } from "../diagnostics/index.js";
import type { EngineKind, Token } from "./tokens.js";

/** Token kinds by code (the lexer stores codes). */
export const KIND_NAMES: readonly EngineKind[] = [
  "identifier",
  "number",
  "char",
  "string",
  "punctuator",
  "other",
];
export const IDENTIFIER = 0;
export const NUMBER = 1;
export const CHAR = 2;
export const STRING = 3;
export const PUNCTUATOR = 4;
export const OTHER = 5;

/** Flag bits of a token. */
export const LEADING_SPACE = 1;
export const START_OF_LINE = 2;
/** `#` or `%:` first on its line: a directive starts here. */
export const DIRECTIVE = 4;

/** Entries per token in `data`: start offset, end offset, line, column, kind | flags << 8. */
export const STRIDE = 5;

export interface LexedFile {
  /** Display path, as tokens and diagnostics show it. */
  display: string;
  /** The spliced text; token offsets index it. */
  text: string;
  count: number;
  /** Token i's start offset, end offset, line, column and kind-and-flags at 5i .. 5i+4. */
  data: Int32Array;
  /** Spellings that are not a slice of `text` (identifiers with UCNs), by token index. */
  spellings: Map<number, string> | null;
  warnings: Diagnostic[];
  /** Token objects already made for the output, reused by later units (see sharedTokenAt). */
  objects: (Token | undefined)[] | null;
}

// One scratch buffer serves every file being lexed; each file keeps an exact-size copy (one
// allocation per file: array buffers are costly to create and grow). The lexer writes to it
// directly (a call per token costs more than the writes in baseline-compiled code).
let scratch = new Int32Array(1 << 16);

/** The scratch buffer a lexer fills. */
export function scratchData(): Int32Array {
  return scratch;
}

/** A scratch buffer twice the size, holding the old one's entries. */
export function growScratch(): Int32Array {
  const data = new Int32Array(scratch.length * 2);
  data.set(scratch);
  return (scratch = data);
}

/** A lexed file of the first `count` tokens of the scratch buffer. */
export function finishLexedFile(
  display: string,
  text: string,
  count: number,
  spellings: Map<number, string> | null,
  warnings: Diagnostic[],
): LexedFile {
  const data = scratch.slice(0, count * STRIDE);
  return { display, text, count, data, spellings, warnings, objects: null };
}

export function kindAt(f: LexedFile, i: number): number {
  return f.data[i * STRIDE + 4]! & 0xff;
}

export function spellingAt(f: LexedFile, i: number): string {
  const s = i * STRIDE;
  return f.spellings?.get(i) ?? f.text.slice(f.data[s]!, f.data[s + 1]!);
}

// Punctuators of one or two characters are a third of all tokens: one string each, by
// first char code << 7 | second (0 for one character; all are ASCII).
const shortPunctuators: (string | undefined)[] = new Array<string | undefined>(1 << 14);

/** Whether token i is the one-character punctuator with char code `code`. */
export function isPunctAt(f: LexedFile, i: number, code: number): boolean {
  const s = i * STRIDE;
  return (
    (f.data[s + 4]! & 0xff) === PUNCTUATOR &&
    f.data[s + 1]! - f.data[s]! === 1 &&
    f.text.charCodeAt(f.data[s]!) === code
  );
}

/** Whether token i is spelled exactly `text` in the file. */
export function textIs(f: LexedFile, i: number, text: string): boolean {
  const s = i * STRIDE;
  return f.data[s + 1]! - f.data[s]! === text.length && f.text.startsWith(text, f.data[s]!);
}

export function flagsAt(f: LexedFile, i: number): number {
  return f.data[i * STRIDE + 4]! >> 8;
}

export function startsDirective(f: LexedFile, i: number): boolean {
  return (f.data[i * STRIDE + 4]! & (DIRECTIVE << 8)) !== 0;
}

/** Index just past the line of token i (the directive line its `#` starts). */
export function lineEndIndex(f: LexedFile, i: number): number {
  const data = f.data;
  const count = f.count;
  let j = i + 1;
  while (j < count && (data[j * STRIDE + 4]! & (START_OF_LINE << 8)) === 0) j++;
  return j;
}

/** The first directive `#` at or after token i, or the token count when none is left. */
export function nextDirectiveIndex(f: LexedFile, i: number): number {
  const data = f.data;
  const count = f.count;
  let j = i;
  while (j < count && (data[j * STRIDE + 4]! & (DIRECTIVE << 8)) === 0) j++;
  return j;
}

/**
 * Token i as an object. `file` and `lineOffset` give its presumed location after a #line;
 * by default it is where the file has it.
 */
export function tokenAt(f: LexedFile, i: number, file = f.display, lineOffset = 0): Token {
  const s = i * STRIDE;
  const data = f.data;
  const kindAndFlags = data[s + 4]!;
  const kind = kindAndFlags & 0xff;
  const start = data[s]!;
  const end = data[s + 1]!;
  let text: string;
  if (kind === PUNCTUATOR && end - start <= 2) {
    const t = f.text;
    const key = (t.charCodeAt(start) << 7) | (end - start === 2 ? t.charCodeAt(start + 1) : 0);
    text = shortPunctuators[key] ?? (shortPunctuators[key] = t.slice(start, end));
  } else if (f.spellings === null) text = f.text.slice(start, end);
  else text = f.spellings.get(i) ?? f.text.slice(start, end);
  return {
    kind: KIND_NAMES[kind]!,
    text,
    file,
    line: data[s + 2]! + lineOffset,
    column: data[s + 3]!,
    leadingSpace: (kindAndFlags & (LEADING_SPACE << 8)) !== 0,
    startOfLine: (kindAndFlags & (START_OF_LINE << 8)) !== 0,
    noExpand: false,
    offset: start,
  };
}

/**
 * Token i where the file has it, as one object shared by every translation unit that
 * reads it (tokens are never modified once made), so a preprocessor reusing lexed files
 * does not make them again.
 */
export function sharedTokenAt(f: LexedFile, i: number): Token {
  const objects = (f.objects ??= new Array<Token | undefined>(f.count));
  return (objects[i] ??= tokenAt(f, i));
}

/** Tokens `from` up to (not including) `to`, as objects. */
export function tokensIn(f: LexedFile, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) out.push(tokenAt(f, i));
  return out;
}
