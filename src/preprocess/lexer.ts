// The C lexer (translation phase 3) as clang runs it for C: comments become whitespace,
// pp-numbers, literals with their prefixes, digraphs, UCNs in identifiers, and the
// leading-space / start-of-line flags that `-E` output and stringification depend on.
// It works on char codes over the spliced text; it never allocates per character, and a
// lexed file is flat arrays (lexed-file.ts), not token objects.
import {
  DiagnosticError,
  error,
  warning,
  type Diagnostic,
  type SourceLocation,
} from "../diagnostics/index.js";
import {
  CHAR,
  DIRECTIVE,
  IDENTIFIER,
  finishLexedFile,
  growScratch,
  KIND_NAMES,
  LEADING_SPACE,
  NUMBER,
  OTHER,
  PUNCTUATOR,
  scratchData,
  START_OF_LINE,
  STRIDE,
  STRING,
  type LexedFile,
} from "./lexed-file.js";
import { spliceLines } from "./splices.js";
import type { EngineKind } from "./tokens.js";

export type { LexedFile } from "./lexed-file.js";

// Two-character punctuators, keyed by (first << 8 | second).
const PUNCT2 = new Set(
  [
    "->",
    "++",
    "--",
    "<<",
    ">>",
    "<=",
    ">=",
    "==",
    "!=",
    "&&",
    "||",
    "*=",
    "/=",
    "%=",
    "+=",
    "-=",
    "&=",
    "^=",
    "|=",
    "##",
    "<:",
    ":>",
    "<%",
    "%>",
    "%:",
  ].map((p) => (p.charCodeAt(0) << 8) | p.charCodeAt(1)),
);
const PUNCT1 = new Set([..."[](){}.&*+-~!/%<>^|?:;=,#"].map((c) => c.charCodeAt(0)));

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 0x80;
}

function isIdentBody(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Length of a UCN (`\uXXXX` or `\UXXXXXXXX`) at `i`, or 0. */
function ucnLength(s: string, i: number): number {
  if (s.charCodeAt(i) !== 92) return 0;
  const u = s.charCodeAt(i + 1);
  const digits = u === 117 ? 4 : u === 85 ? 8 : 0;
  if (digits === 0) return 0;
  for (let k = 0; k < digits; k++) if (!isHex(s.charCodeAt(i + 2 + k))) return 0;
  return 2 + digits;
}

/** End of a quoted literal starting at the quote `i`, or -1 if the line ends first. */
function quotedEnd(s: string, i: number): number {
  const quote = s.charCodeAt(i);
  let j = i + 1;
  for (;;) {
    if (j >= s.length) return -1;
    const c = s.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === 10 || c === 13) return -1;
    if (c === 92) j += 2;
    else j++;
  }
}

function lineEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 10 || c === 13) break;
    j++;
  }
  return j;
}

// scanToken's second and third results (module-level to avoid an allocation per token).
let scannedKind = OTHER;
let scannedUnterminated = false;
/** Whether the identifier just scanned spells a character as a UCN. */
let scannedUcn = false;

function result(kind: number, end: number, unterminated = false): number {
  scannedKind = kind;
  scannedUnterminated = unterminated;
  return end;
}

/** Characters that continue an identifier (isIdentBody), as a sticky regex. */
const IDENTIFIER_REST = /[A-Za-z0-9_$\u0080-\uffff]*/y;

/** Scans the token at `i` and returns its end (kind in scannedKind). Whitespace and comments are the caller's. */
function scanToken(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const n = s.length;
  if (isIdentStart(c) || ucnLength(s, i) > 0) {
    // The run of identifier characters is found by a native regex scan (cheaper than a
    // loop until the JIT has compiled this function); UCNs continue it below.
    IDENTIFIER_REST.lastIndex = i + 1;
    IDENTIFIER_REST.test(s);
    let j = c === 92 ? i : IDENTIFIER_REST.lastIndex;
    scannedUcn = false;
    for (;;) {
      if (j < n && isIdentBody(s.charCodeAt(j))) j++;
      else {
        const u = ucnLength(s, j);
        if (u === 0) break;
        j += u;
        scannedUcn = true;
      }
    }
    const q = s.charCodeAt(j);
    if (q === 34 || q === 39) {
      const len = j - i;
      const c0 = c;
      const isPrefix =
        (len === 1 && (c0 === 76 || c0 === 117 || c0 === 85)) ||
        (len === 2 && q === 34 && c0 === 117 && s.charCodeAt(i + 1) === 56);
      if (isPrefix) {
        const end = quotedEnd(s, j);
        if (end < 0) return result(OTHER, lineEnd(s, j), true);
        return result(q === 34 ? STRING : CHAR, end);
      }
    }
    return result(IDENTIFIER, j);
  }
  if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(i + 1)))) {
    let j = i + 1;
    for (;;) {
      const d = s.charCodeAt(j);
      if ((d === 43 || d === 45) && j > i) {
        const p = s.charCodeAt(j - 1);
        if (p === 101 || p === 69 || p === 112 || p === 80) {
          j++;
          continue;
        }
        break;
      }
      if (j < n && (isIdentBody(d) || d === 46) && d !== 36) {
        j++;
        continue;
      }
      const u = ucnLength(s, j);
      if (u === 0) break;
      j += u;
    }
    return result(NUMBER, j);
  }
  if (c === 34 || c === 39) {
    const end = quotedEnd(s, i);
    if (end < 0) return result(OTHER, lineEnd(s, i), true);
    return result(c === 34 ? STRING : CHAR, end);
  }
  const c1 = s.charCodeAt(i + 1);
  if (c === 46 && c1 === 46 && s.charCodeAt(i + 2) === 46) return result(PUNCTUATOR, i + 3);
  if ((c === 60 || c === 62) && c1 === c && s.charCodeAt(i + 2) === 61)
    return result(PUNCTUATOR, i + 3);
  if (c === 37 && c1 === 58 && s.charCodeAt(i + 2) === 37 && s.charCodeAt(i + 3) === 58)
    return result(PUNCTUATOR, i + 4);
  if (PUNCT2.has((c << 8) | c1)) return result(PUNCTUATOR, i + 2);
  if (PUNCT1.has(c)) return result(PUNCTUATOR, i + 1);
  return result(OTHER, i + 1);
}

/** Receives the tokens of one tokenizing pass. */
export type TokenSink = (
  kind: EngineKind,
  start: number,
  end: number,
  leadingSpace: boolean,
  startOfLine: boolean,
) => void;

/**
 * Splits spliced text into tokens. Returns the offset of an unterminated comment, or -1
 * (the caller turns it into a located error). Unterminated literals come out as "other"
 * tokens longer than one character.
 */
export function tokenize(s: string, onToken: TokenSink, onNul?: (offset: number) => void): number {
  const n = s.length;
  let i = 0;
  let leading = false;
  let sol = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      sol = true;
      leading = false;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 11) {
      leading = true;
      i++;
      continue;
    }
    if (c === 0) {
      onNul?.(i);
      leading = true;
      i++;
      continue;
    }
    if (c === 47) {
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 47) {
        i = lineEnd(s, i);
        leading = true;
        continue;
      }
      if (c1 === 42) {
        const close = s.indexOf("*/", i + 2);
        if (close < 0) return i;
        i = close + 2;
        leading = true;
        continue;
      }
    }
    const end = scanToken(s, i);
    onToken(KIND_NAMES[scannedKind]!, i, end, leading, sol);
    i = end;
    leading = false;
    sol = false;
  }
  return -1;
}

/** Null characters reported one by one in a file; the rest are counted in one warning. */
const MAX_NUL_WARNINGS = 20;

// Character classes for the lexer's fast paths (ASCII only; the rest take scanToken).
const IDENT_START_CLASS = 1;
/** A punctuator whose longest form is two characters (not `.`, `<`, `>` or `%`). */
const SHORT_PUNCT_CLASS = 2;
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (isIdentStart(c)) CHAR_CLASS[c] = IDENT_START_CLASS;
  else if (PUNCT1.has(c) && c !== 46 && c !== 60 && c !== 62 && c !== 37)
    CHAR_CLASS[c] = SHORT_PUNCT_CLASS;
}
/** Two-character punctuators of ASCII characters, indexed by first << 7 | second. */
const PUNCT_PAIR = new Uint8Array(128 * 128);
for (const key of PUNCT2) PUNCT_PAIR[((key >> 8) << 7) | (key & 0xff)] = 1;

/**
 * Lexes a whole file. Throws a located DiagnosticError for an unterminated comment.
 * One forward pass: lines and columns of the original text are tracked as it goes, counting
 * real newlines and the newlines splices removed. Identifiers and short punctuators (most
 * tokens) are scanned inline, and the line state is kept in locals: calls per token are
 * what baseline-compiled code pays for.
 */
export function lexFile(source: string, display: string): LexedFile {
  const spliced = spliceLines(source);
  const s = spliced.text;
  const n = s.length;
  let data = scratchData();
  let count = 0;
  let spellings: Map<number, string> | null = null;
  const warnings: Diagnostic[] = [];
  // Line state: splices passed (each ended a line), the current line and where it starts.
  const spliceOffsets = spliced.spliceOffsets;
  const removedThrough = spliced.removedThrough;
  const splices = spliceOffsets.length;
  let splice = 0;
  /** Spliced offset of the next splice (past the end after the last). */
  let nextSplice = splices > 0 ? spliceOffsets[0]! : n + 1;
  let line = 1;
  /** Characters removed by the splices before the current offset. */
  let removed = 0;
  /** Original offset of the current line's first character. */
  let lineStart = 0;
  // Each line splice (backslash-newline) passed before `pos` moves the line count on; the
  // check stays inline at each use, the call happens only at a splice.
  const crossSplices = (pos: number) => {
    while (pos >= nextSplice) {
      removed = removedThrough[splice]!;
      line++;
      lineStart = nextSplice + removed;
      nextSplice = ++splice < splices ? spliceOffsets[splice]! : n + 1;
    }
  };
  const hasCR = s.includes("\r");
  let nulCount = 0;
  let firstUnreportedNul: SourceLocation | null = null;
  let i = 0;
  let leading = false;
  let sol = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
      if (i >= nextSplice) crossSplices(i);
      line++;
      lineStart = i + 1 + removed;
      sol = true;
      leading = false;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 11) {
      leading = true;
      i++;
      continue;
    }
    if (c === 0) {
      if (i >= nextSplice) crossSplices(i);
      // A binary file can hold millions: the first few are reported, then a count.
      const where = { file: display, line, column: i + removed - lineStart + 1 };
      if (++nulCount <= MAX_NUL_WARNINGS) warnings.push(warning("null character ignored", where));
      else if (nulCount === MAX_NUL_WARNINGS + 1) firstUnreportedNul = where;
      leading = true;
      i++;
      continue;
    }
    if (c === 47) {
      const c1 = s.charCodeAt(i + 1);
      // Without carriage returns in the file, comments are crossed with indexOf (memchr).
      if (c1 === 47) {
        const nl = hasCR ? -1 : s.indexOf("\n", i);
        i = hasCR ? lineEnd(s, i) : nl < 0 ? n : nl;
        leading = true;
        continue;
      }
      if (c1 === 42) {
        const close = s.indexOf("*/", i + 2);
        if (close < 0) {
          if (i >= nextSplice) crossSplices(i);
          const where = { file: display, line, column: i + removed - lineStart + 1 };
          throw new DiagnosticError(error("unterminated /* comment", where));
        }
        for (let k = i + 2; ; k++) {
          // The next newline in the comment (memchr without carriage returns).
          if (!hasCR) {
            k = s.indexOf("\n", k);
            if (k < 0 || k >= close) break;
          } else {
            if (k >= close) break;
            const d = s.charCodeAt(k);
            if (!(d === 10 || (d === 13 && s.charCodeAt(k + 1) !== 10))) continue;
          }
          if (k >= nextSplice) crossSplices(k);
          line++;
          lineStart = k + 1 + removed;
        }
        i = close + 2;
        leading = true;
        continue;
      }
    }
    let end: number;
    let kind: number;
    const cls = c < 128 ? CHAR_CLASS[c]! : IDENT_START_CLASS;
    if (cls === IDENT_START_CLASS) {
      IDENTIFIER_REST.lastIndex = i + 1;
      IDENTIFIER_REST.test(s);
      end = IDENTIFIER_REST.lastIndex;
      const q = s.charCodeAt(end);
      kind = IDENTIFIER;
      // A UCN continuing the name, or a literal's prefix: the general scanner decides.
      if (q === 92 || q === 34 || q === 39) {
        end = scanToken(s, i);
        kind = scannedKind;
      } else scannedUcn = false;
    } else if (cls === SHORT_PUNCT_CLASS) {
      const c1 = s.charCodeAt(i + 1);
      end = c1 < 128 && PUNCT_PAIR[(c << 7) | c1] === 1 ? i + 2 : i + 1;
      kind = PUNCTUATOR;
    } else {
      end = scanToken(s, i);
      kind = scannedKind;
    }
    if (i >= nextSplice) crossSplices(i);
    let flags = (leading ? LEADING_SPACE : 0) | (sol ? START_OF_LINE : 0);
    if (sol && kind === PUNCTUATOR && isHashSpelling(s, i, end)) flags |= DIRECTIVE;
    const at = count * STRIDE;
    if (at + STRIDE > data.length) data = growScratch();
    data[at] = i;
    data[at + 1] = end;
    data[at + 2] = line;
    data[at + 3] = i + removed - lineStart + 1;
    data[at + 4] = kind | (flags << 8);
    if (kind === IDENTIFIER && scannedUcn)
      (spellings ??= new Map()).set(count, decodeUcns(s.slice(i, end)));
    count++;
    i = end;
    leading = false;
    sol = false;
  }
  if (firstUnreportedNul !== null) {
    const more = nulCount - MAX_NUL_WARNINGS;
    warnings.push(warning(`${more} more null characters ignored`, firstUnreportedNul));
  }
  return finishLexedFile(display, s, count, spellings, warnings);
}

/** `#` or its digraph `%:`. */
function isHashSpelling(s: string, start: number, end: number): boolean {
  const c = s.charCodeAt(start);
  return end - start === 1
    ? c === 35
    : end - start === 2 && c === 37 && s.charCodeAt(start + 1) === 58;
}

/** Identifiers name their UCNs by the characters (clang prints `\u00e9` as `é`). */
function decodeUcns(spelling: string): string {
  return spelling.replace(
    /\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})/g,
    (_m, four: string | undefined, eight: string | undefined) =>
      String.fromCodePoint(parseInt(four ?? eight ?? "0", 16)),
  );
}

/** End of the first token of `text` (0 when it starts with a comment or whitespace). */
export function firstTokenEnd(text: string): number {
  const c = text.charCodeAt(0);
  if (c === 47 && (text.charCodeAt(1) === 47 || text.charCodeAt(1) === 42)) return 0;
  return scanToken(text, 0);
}

/**
 * Re-lexes a spelling made by `##`. Returns the kind when it is exactly one token, or null
 * (an invalid paste: several tokens, none, or a comment).
 */
export function lexSingleToken(spelling: string): EngineKind | null {
  if (spelling.length === 0) return null;
  const c = spelling.charCodeAt(0);
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) return null;
  if (c === 47 && (spelling.charCodeAt(1) === 47 || spelling.charCodeAt(1) === 42)) return null;
  const end = scanToken(spelling, 0);
  if (end !== spelling.length || scannedUnterminated) return null;
  return KIND_NAMES[scannedKind]!;
}
