// The C lexer (translation phase 3) as clang runs it for C: comments become whitespace,
// pp-numbers, literals with their prefixes, digraphs, UCNs in identifiers, and the
// leading-space / start-of-line flags that `-E` output and stringification depend on.
// It works on char codes over the spliced text; it never allocates per character.
import { DiagnosticError, error, warning, type Diagnostic } from "../diagnostics/index.js";
import { spliceLines } from "./splices.js";
import type { EngineKind, Token } from "./tokens.js";

export interface LexedFile {
  /** Display path, as tokens and diagnostics show it. */
  display: string;
  /** The spliced text; token offsets index it. */
  text: string;
  tokens: Token[];
  warnings: Diagnostic[];
}

// Two-character punctuators, keyed by (first << 8 | second).
const PUNCT2 = new Set(
  ["->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=",
    "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:"].map((p) => (p.charCodeAt(0) << 8) | p.charCodeAt(1)),
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

/** A token found at `i`: its kind and end. Whitespace and comments are handled by the caller. */
function scanToken(s: string, i: number): { kind: EngineKind; end: number; unterminated?: boolean } {
  const c = s.charCodeAt(i);
  const n = s.length;
  if (isIdentStart(c) || ucnLength(s, i) > 0) {
    let j = i;
    for (;;) {
      if (j < n && isIdentBody(s.charCodeAt(j))) j++;
      else {
        const u = ucnLength(s, j);
        if (u === 0) break;
        j += u;
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
        if (end < 0) return { kind: "other", end: lineEnd(s, j), unterminated: true };
        return { kind: q === 34 ? "string" : "char", end };
      }
    }
    return { kind: "identifier", end: j };
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
    return { kind: "number", end: j };
  }
  if (c === 34 || c === 39) {
    const end = quotedEnd(s, i);
    if (end < 0) return { kind: "other", end: lineEnd(s, i), unterminated: true };
    return { kind: c === 34 ? "string" : "char", end };
  }
  const c1 = s.charCodeAt(i + 1);
  if (c === 46 && c1 === 46 && s.charCodeAt(i + 2) === 46) return { kind: "punctuator", end: i + 3 };
  if ((c === 60 || c === 62) && c1 === c && s.charCodeAt(i + 2) === 61) return { kind: "punctuator", end: i + 3 };
  if (c === 37 && c1 === 58 && s.charCodeAt(i + 2) === 37 && s.charCodeAt(i + 3) === 58)
    return { kind: "punctuator", end: i + 4 };
  if (PUNCT2.has((c << 8) | c1)) return { kind: "punctuator", end: i + 2 };
  if (PUNCT1.has(c)) return { kind: "punctuator", end: i + 1 };
  return { kind: "other", end: i + 1 };
}

/** Tokens found by one tokenizing pass: exported shape for pasting and header names. */
export interface RawToken {
  kind: EngineKind;
  start: number;
  end: number;
  leadingSpace: boolean;
  startOfLine: boolean;
  unterminated: boolean;
}

export interface UnterminatedComment {
  offset: number;
}

/**
 * Splits spliced text into tokens. Returns the unterminated comment's offset if one is found
 * (the caller turns it into a located error).
 */
export function tokenize(
  s: string,
  onToken: (t: RawToken) => void,
  onNul?: (offset: number) => void,
): UnterminatedComment | null {
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
        if (close < 0) return { offset: i };
        i = close + 2;
        leading = true;
        continue;
      }
    }
    const t = scanToken(s, i);
    onToken({ kind: t.kind, start: i, end: t.end, leadingSpace: leading, startOfLine: sol, unterminated: t.unterminated === true });
    i = t.end;
    leading = false;
    sol = false;
  }
  return null;
}

/** Lexes a whole file. Throws a located DiagnosticError for an unterminated comment. */
export function lexFile(source: string, display: string): LexedFile {
  const spliced = spliceLines(source);
  const text = spliced.text;
  const locate = spliced.locator();
  const tokens: Token[] = [];
  const warnings: Diagnostic[] = [];
  const bad = tokenize(
    text,
    (r) => {
      const at = locate(r.start);
      tokens.push({
        kind: r.kind,
        text: text.slice(r.start, r.end),
        file: display,
        line: at.line,
        column: at.column,
        leadingSpace: r.leadingSpace,
        startOfLine: r.startOfLine,
        noExpand: false,
        offset: r.start,
      });
    },
    (offset) => {
      const at = spliced.locator()(offset);
      warnings.push(warning("null character ignored", { file: display, ...at }));
    },
  );
  if (bad) {
    const at = spliced.locator()(bad.offset);
    throw new DiagnosticError(error("unterminated /* comment", { file: display, ...at }));
  }
  return { display, text, tokens, warnings };
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
  const t = scanToken(spelling, 0);
  if (t.end !== spelling.length || t.unterminated) return null;
  return t.kind;
}
