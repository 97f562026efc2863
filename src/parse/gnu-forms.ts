// GNU forms the grammar does not accept everywhere the kernel writes them. Each is blanked
// in place (offsets unchanged) and remembered in a side table keyed by offset, so the
// declaration walker can attach it to the declaration whose range contains it:
//   __attribute__((...))      -> attributes
//   __asm__("sym") labels     -> asmLabels; file-scope asm statements are dropped
//   _Complex                  -> complexMarks
//   __extension__             -> dropped (no meaning for declarations)
// Spelling variants of keywords (__const, __volatile__, __restrict, __signed__) are
// rewritten to the standard keyword padded with spaces.
import type { Token } from "../consteval/lexer.js";
import type { KeptTokens } from "./neutralize.js";
import { blankEdit, type TextEdit } from "./text-edits.js";

/** Tokens by position: an array, or the kept tokens of the whole text made on demand. */
interface TokenSeq {
  readonly length: number;
  at(index: number): Token | undefined;
}

export interface AttributeItem {
  /** Name without surrounding underscores: "aligned", "format", "packed". */
  name: string;
  /** Each argument's tokens; empty when the attribute has no argument list. */
  args: Token[][];
}

export interface AttributeGroup {
  start: number;
  end: number;
  items: AttributeItem[];
}

export interface AsmLabel {
  start: number;
  end: number;
  label: string;
}

/** `__typeof(...)`, replaced in the text by a same-length placeholder type name. */
export interface TypeofForm {
  start: number;
  end: number;
  placeholder: string;
  /** The operand: a type name or an expression. */
  operand: Token[];
}

/** `_Static_assert(cond, msg);` inside a record body, which the grammar does not accept. */
export interface MemberAssert {
  start: number;
  end: number;
  condition: Token[];
  message: Token[] | null;
}

export interface GnuForms {
  /** Same-length rewrites to apply to the text. */
  edits: TextEdit[];
  attributes: AttributeGroup[];
  asmLabels: AsmLabel[];
  complexMarks: number[];
  typeofs: Map<string, TypeofForm>;
  memberAsserts: MemberAssert[];
}

// A Map, not an object: identifiers such as `toString` must not find Object.prototype.
const KEYWORD_SPELLINGS = new Map<string, string>([
  ["__const", "const"],
  ["__const__", "const"],
  ["__volatile", "volatile"],
  ["__volatile__", "volatile"],
  ["__restrict", "restrict"],
  ["__restrict__", "restrict"],
  ["__signed", "signed"],
  ["__signed__", "signed"],
  ["__inline__", "inline"],
  ["__inline", "inline"],
]);

const ATTRIBUTE_KEYWORDS = new Set(["__attribute__", "__attribute"]);
const TYPEOF_KEYWORDS = new Set(["typeof", "__typeof", "__typeof__"]);
const ASM_KEYWORDS = new Set(["__asm__", "__asm", "asm"]);

export function normalizeAttributeName(name: string): string {
  return name.replace(/^__(.*)__$/, "$1");
}

/** Index of the token closing the group opened at `openIdx`, or -1. */
export function matchingClose(tokens: TokenSeq, openIdx: number): number {
  let depth = 0;
  for (let i = openIdx; i < tokens.length; i++) {
    const t = tokens.at(i)!.text;
    if (t === "(" || t === "[" || t === "{") depth++;
    else if (t === ")" || t === "]" || t === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits tokens[from, to) at top-level commas. */
export function splitTopLevel(tokens: TokenSeq, from: number, to: number): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens.at(i)!;
    if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
    if (t.text === "," && depth === 0) {
      parts.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0 || parts.length > 0) parts.push(current);
  return parts;
}

function parseAttributeItems(tokens: TokenSeq, from: number, to: number): AttributeItem[] {
  const items: AttributeItem[] = [];
  for (const part of splitTopLevel(tokens, from, to)) {
    if (part.length === 0) continue;
    const name = normalizeAttributeName(part[0]!.text);
    let args: Token[][] = [];
    if (part.length > 1 && part[1]!.text === "(") {
      const close = matchingClose(part, 1);
      args = splitTopLevel(part, 2, close < 0 ? part.length : close);
    }
    items.push({ name, args });
  }
  return items;
}

function decodeStringTokens(tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.kind === "string")
    .map((t) => t.text.slice(t.text.indexOf('"') + 1, -1))
    .join("");
}

export function rewriteGnuForms(tokens: KeptTokens): GnuForms {
  const edits: TextEdit[] = [];
  const blank = (from: number, to: number) => edits.push(blankEdit(from, to));
  const attributes: AttributeGroup[] = [];
  const asmLabels: AsmLabel[] = [];
  const complexMarks: number[] = [];
  const typeofs = new Map<string, TypeofForm>();
  const memberAsserts: MemberAssert[] = [];
  const table = tokens.table;
  const text = table.text;
  const starts = table.starts;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    // Most tokens are looked at by their first character only, in the table. A token that
    // starts with a brace is that brace alone.
    const k = tokens.tableIndex(i);
    const first = text.charCodeAt(starts[k]!);
    if (first === 123) depth++;
    else if (first === 125) depth = Math.max(0, depth - 1);
    // Every word handled below starts with '_', 'a' (asm) or 't' (typeof).
    if (first !== 95 && first !== 97 && first !== 116) continue;
    if (!table.isIdent(k)) continue;
    const word = table.textOf(k);
    const wordStart = table.starts[k]!;
    const wordEnd = table.ends[k]!;
    if (word === "_Static_assert" && depth > 0 && tokens.at(i + 1)?.text === "(") {
      const close = matchingClose(tokens, i + 1);
      if (close < 0) continue;
      const [condition = [], message = null] = splitTopLevel(tokens, i + 2, close);
      const semi = tokens.at(close + 1)?.text === ";" ? close + 1 : close;
      memberAsserts.push({ start: wordStart, end: tokens.at(semi)!.end, condition, message });
      blank(wordStart, tokens.at(semi)!.end);
      i = semi;
      continue;
    }
    const spelling = KEYWORD_SPELLINGS.get(word);
    if (spelling !== undefined) {
      edits.push({
        start: wordStart,
        end: wordEnd,
        replacement: spelling.padEnd(wordEnd - wordStart, " "),
      });
      continue;
    }
    if (word === "_Noreturn") {
      attributes.push({ start: wordStart, end: wordEnd, items: [{ name: "noreturn", args: [] }] });
      blank(wordStart, wordEnd);
      continue;
    }
    if (TYPEOF_KEYWORDS.has(word) && tokens.at(i + 1)?.text === "(") {
      // The grammar reads typeof(T) only for type names; an identifier of the same length
      // stands in for it, and the walker resolves the operand with the symbol tables.
      const close = matchingClose(tokens, i + 1);
      if (close < 0) continue;
      const end = tokens.at(close)!.end;
      const placeholder = `__T${typeofs.size.toString(36)}`;
      if (placeholder.length > end - wordStart) continue;
      typeofs.set(placeholder, {
        start: wordStart,
        end,
        placeholder,
        operand: tokens.slice(i + 2, close),
      });
      edits.push({ start: wordStart, end, replacement: placeholder.padEnd(end - wordStart, " ") });
      i = close;
      continue;
    }
    if (word === "__extension__") {
      blank(wordStart, wordEnd);
      continue;
    }
    if (word === "_Complex") {
      complexMarks.push(wordStart);
      blank(wordStart, wordEnd);
      continue;
    }
    if (ATTRIBUTE_KEYWORDS.has(word) && tokens.at(i + 1)?.text === "(") {
      const close = matchingClose(tokens, i + 1);
      if (close < 0) continue;
      const inner = tokens.at(i + 2)?.text === "(" ? i + 2 : i + 1;
      const innerClose = matchingClose(tokens, inner);
      attributes.push({
        start: wordStart,
        end: tokens.at(close)!.end,
        items: parseAttributeItems(tokens, inner + 1, innerClose),
      });
      blank(wordStart, tokens.at(close)!.end);
      i = close;
      continue;
    }
    if (ASM_KEYWORDS.has(word)) {
      let open = i + 1;
      while (
        tokens.at(open)?.kind === "ident" &&
        /^(__)?volatile(__)?$|^goto$/.test(tokens.at(open)!.text)
      )
        open++;
      if (tokens.at(open)?.text !== "(") continue;
      const close = matchingClose(tokens, open);
      if (close < 0) continue;
      const prev = tokens.at(i - 1)?.text;
      const fileScopeStatement = prev === undefined || prev === ";" || prev === "}";
      if (fileScopeStatement) {
        const semi = tokens.at(close + 1)?.text === ";" ? close + 1 : close;
        blank(wordStart, tokens.at(semi)!.end);
      } else {
        asmLabels.push({
          start: wordStart,
          end: tokens.at(close)!.end,
          label: decodeStringTokens(tokens.slice(open + 1, close)),
        });
        blank(wordStart, tokens.at(close)!.end);
      }
      i = close;
    }
  }
  return { edits, attributes, asmLabels, complexMarks, typeofs, memberAsserts };
}

/** Index of the first side-table entry starting at or after `offset` (tables are sorted). */
export function firstAtOrAfter(table: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
