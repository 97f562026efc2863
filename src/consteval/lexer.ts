// A C tokenizer for preprocessed text and macro bodies. Offsets index the input string so
// callers can map tokens back to source positions or blank them in place.

export type TokenKind = "ident" | "number" | "string" | "char" | "punct";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/**
 * Length of the punctuator at `i` (whose first code unit is `c`), by maximal munch over
 * C's multi-character punctuators: ... <<= >>= -> ++ -- << >> <= >= == != && || op= ##.
 * Anything else is one character.
 */
function punctuatorLength(text: string, i: number, c: number): number {
  const next = text.charCodeAt(i + 1);
  switch (c) {
    case 46: // .
      return next === 46 && text.charCodeAt(i + 2) === 46 ? 3 : 1;
    case 60: // <
    case 62: // >
      if (next === c) return text.charCodeAt(i + 2) === 61 ? 3 : 2;
      return next === 61 ? 2 : 1;
    case 45: // -
      return next === 62 || next === 45 || next === 61 ? 2 : 1;
    case 43: // +
    case 38: // &
    case 124: // |
      return next === c || next === 61 ? 2 : 1;
    case 35: // #
      return next === 35 ? 2 : 1;
    case 61: // =
    case 33: // !
    case 42: // *
    case 47: // /
    case 37: // %
    case 94: // ^
      return next === 61 ? 2 : 1;
    default:
      return 1;
  }
}

// Character classes by code unit, one lookup per character: the scanner runs over whole
// preprocessed files, where a call per character (isIdentPart(c)) costs more than the test.
// Node runs without its optimizing compiler (bin/kpi-bindgen), so the rest of an identifier
// (most of the characters of a file) is matched by a sticky regular expression, which runs
// as compiled code anyway.
const SPACE = 1;
const IDENT_START = 2;
const DIGIT = 4;
const IDENT_PART = IDENT_START | DIGIT;
const CHAR_CLASS = new Uint8Array(65536);
for (const c of [32, 9, 10, 13, 11, 12]) CHAR_CLASS[c] = SPACE;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = IDENT_START;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = IDENT_START;
CHAR_CLASS[95] = IDENT_START; // _
CHAR_CLASS[36] = IDENT_START; // $
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT;

const IDENT_REST = /[A-Za-z0-9_$]*/y;

/** The class bits of the code unit at `i` (0 past the end). */
function classAt(text: string, i: number): number {
  return i < text.length ? CHAR_CLASS[text.charCodeAt(i)]! : 0;
}

/** e E p P: after them a sign continues a pp-number. */
function isExponentLetter(c: number): boolean {
  return c === 101 || c === 69 || c === 112 || c === 80;
}

/** Skips a quoted literal starting at `i` (the quote); returns the offset past its end. */
function skipQuoted(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === quote) return j + 1;
    else if (c === 10) return j;
    else j++;
  }
  return j;
}

const KINDS: readonly TokenKind[] = ["ident", "number", "string", "char", "punct"];
const IDENT = 0;
const NUMBER = 1;
const STRING = 2;
const CHAR = 3;
const PUNCT = 4;

/** Where the scanner found a token: its kind (an index into KINDS) and its extent. */
interface Scan {
  kind: number;
  start: number;
  end: number;
}

/**
 * Finds the next token of `text[i, to)` after whitespace and comments; false at the end.
 * Unknown characters become one-character punctuators so that nothing is silently lost;
 * `#` directive lines are the caller's business.
 */
function scanNext(text: string, from: number, to: number, scan: Scan): boolean {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c]!;
    if (cls & SPACE) {
      i++;
      while (i < to && CHAR_CLASS[text.charCodeAt(i)]! & SPACE) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? to : close + 2;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? to : nl;
      continue;
    }
    scan.start = i;
    // Encoding prefixes: L"..", u8"..", u'..', U'..'.
    if (c === 76 || c === 117 || c === 85) {
      let j = i + 1;
      if (c === 117 && text.charCodeAt(j) === 56) j++;
      const q = text.charCodeAt(j);
      if (q === 34 || q === 39) {
        scan.kind = q === 34 ? STRING : CHAR;
        scan.end = skipQuoted(text, j);
        return true;
      }
    }
    if (cls & IDENT_START) {
      IDENT_REST.lastIndex = i + 1;
      IDENT_REST.test(text);
      scan.kind = IDENT;
      scan.end = Math.min(IDENT_REST.lastIndex, to);
      return true;
    }
    if (cls & DIGIT || (c === 46 && classAt(text, i + 1) & DIGIT)) {
      // pp-number: digits, letters, dots, and signs after an exponent letter.
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (CHAR_CLASS[d]! & IDENT_PART || d === 46) j++;
        else if ((d === 43 || d === 45) && isExponentLetter(text.charCodeAt(j - 1))) j++;
        else break;
      }
      scan.kind = NUMBER;
      scan.end = j;
      return true;
    }
    if (c === 34 || c === 39) {
      scan.kind = c === 34 ? STRING : CHAR;
      scan.end = skipQuoted(text, i);
      return true;
    }
    scan.kind = PUNCT;
    scan.end = i + punctuatorLength(text, i, c);
    return true;
  }
  return false;
}

/** Tokenizes `text[from, to)`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const scan: Scan = { kind: 0, start: 0, end: 0 };
  let i = from;
  while (scanNext(text, i, to, scan)) {
    const { start, end } = scan;
    out.push({ kind: KINDS[scan.kind]!, text: text.slice(start, end), start, end });
    i = end;
  }
  return out;
}

/**
 * The tokens of a whole file as parallel arrays: no object or string per token, for passes
 * that look at most tokens only by a character or two. `token(i)` makes the Token.
 */
export class TokenTable {
  readonly count: number;
  private readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(readonly text: string) {
    // A token is at least one character long.
    const capacity = text.length;
    const kinds = new Uint8Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const scan: Scan = { kind: 0, start: 0, end: 0 };
    let n = 0;
    let i = 0;
    while (scanNext(text, i, text.length, scan)) {
      kinds[n] = scan.kind;
      starts[n] = scan.start;
      ends[n] = scan.end;
      n++;
      i = scan.end;
    }
    this.count = n;
    this.kinds = kinds.subarray(0, n);
    this.starts = starts.subarray(0, n);
    this.ends = ends.subarray(0, n);
  }

  isIdent(i: number): boolean {
    return this.kinds[i] === IDENT;
  }

  /** Whether token `i` is the one-character punctuator with this character code. */
  isChar(i: number, code: number): boolean {
    return this.ends[i]! - this.starts[i]! === 1 && this.text.charCodeAt(this.starts[i]!) === code;
  }

  textOf(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  token(i: number): Token {
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    return { kind: KINDS[this.kinds[i]!]!, text: this.text.slice(start, end), start, end };
  }
}
