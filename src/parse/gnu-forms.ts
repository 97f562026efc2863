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
import { blankEdit, type TextEdit } from "./text-edits.js";

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

const KEYWORD_SPELLINGS: Record<string, string> = {
  __const: "const",
  __const__: "const",
  __volatile: "volatile",
  __volatile__: "volatile",
  __restrict: "restrict",
  __restrict__: "restrict",
  __signed: "signed",
  __signed__: "signed",
  __inline__: "inline",
  __inline: "inline",
};

const ATTRIBUTE_KEYWORDS = new Set(["__attribute__", "__attribute"]);
const TYPEOF_KEYWORDS = new Set(["typeof", "__typeof", "__typeof__"]);
const ASM_KEYWORDS = new Set(["__asm__", "__asm", "asm"]);

export function normalizeAttributeName(name: string): string {
  return name.replace(/^__(.*)__$/, "$1");
}

/** Index of the token closing the group opened at `openIdx`, or -1. */
export function matchingClose(tokens: readonly Token[], openIdx: number): number {
  let depth = 0;
  for (let i = openIdx; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t === "(" || t === "[" || t === "{") depth++;
    else if (t === ")" || t === "]" || t === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits tokens[from, to) at top-level commas. */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
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

function parseAttributeItems(tokens: readonly Token[], from: number, to: number): AttributeItem[] {
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

export function rewriteGnuForms(tokens: readonly Token[]): GnuForms {
  const edits: TextEdit[] = [];
  const blank = (from: number, to: number) => edits.push(blankEdit(from, to));
  const attributes: AttributeGroup[] = [];
  const asmLabels: AsmLabel[] = [];
  const complexMarks: number[] = [];
  const typeofs = new Map<string, TypeofForm>();
  const memberAsserts: MemberAssert[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === "{") depth++;
    else if (t.text === "}") depth = Math.max(0, depth - 1);
    if (t.kind !== "ident") continue;
    // Every word handled below starts with '_', 'a' (asm) or 't' (typeof).
    const first = t.text.charCodeAt(0);
    if (first !== 95 && first !== 97 && first !== 116) continue;
    if (t.text === "_Static_assert" && depth > 0 && tokens[i + 1]?.text === "(") {
      const close = matchingClose(tokens, i + 1);
      if (close < 0) continue;
      const [condition = [], message = null] = splitTopLevel(tokens, i + 2, close);
      const semi = tokens[close + 1]?.text === ";" ? close + 1 : close;
      memberAsserts.push({ start: t.start, end: tokens[semi]!.end, condition, message });
      blank(t.start, tokens[semi]!.end);
      i = semi;
      continue;
    }
    const spelling = KEYWORD_SPELLINGS[t.text];
    if (spelling !== undefined) {
      edits.push({
        start: t.start,
        end: t.end,
        replacement: spelling.padEnd(t.end - t.start, " "),
      });
      continue;
    }
    if (t.text === "_Noreturn") {
      attributes.push({ start: t.start, end: t.end, items: [{ name: "noreturn", args: [] }] });
      blank(t.start, t.end);
      continue;
    }
    if (TYPEOF_KEYWORDS.has(t.text) && tokens[i + 1]?.text === "(") {
      // The grammar reads typeof(T) only for type names; an identifier of the same length
      // stands in for it, and the walker resolves the operand with the symbol tables.
      const close = matchingClose(tokens, i + 1);
      if (close < 0) continue;
      const end = tokens[close]!.end;
      const placeholder = `__T${typeofs.size.toString(36)}`;
      if (placeholder.length > end - t.start) continue;
      typeofs.set(placeholder, {
        start: t.start,
        end,
        placeholder,
        operand: tokens.slice(i + 2, close),
      });
      edits.push({ start: t.start, end, replacement: placeholder.padEnd(end - t.start, " ") });
      i = close;
      continue;
    }
    if (t.text === "__extension__") {
      blank(t.start, t.end);
      continue;
    }
    if (t.text === "_Complex") {
      complexMarks.push(t.start);
      blank(t.start, t.end);
      continue;
    }
    if (ATTRIBUTE_KEYWORDS.has(t.text) && tokens[i + 1]?.text === "(") {
      const close = matchingClose(tokens, i + 1);
      if (close < 0) continue;
      const inner = tokens[i + 2]?.text === "(" ? i + 2 : i + 1;
      const innerClose = matchingClose(tokens, inner);
      attributes.push({
        start: t.start,
        end: tokens[close]!.end,
        items: parseAttributeItems(tokens, inner + 1, innerClose),
      });
      blank(t.start, tokens[close]!.end);
      i = close;
      continue;
    }
    if (ASM_KEYWORDS.has(t.text)) {
      let open = i + 1;
      while (
        tokens[open]?.kind === "ident" &&
        /^(__)?volatile(__)?$|^goto$/.test(tokens[open]!.text)
      )
        open++;
      if (tokens[open]?.text !== "(") continue;
      const close = matchingClose(tokens, open);
      if (close < 0) continue;
      const prev = tokens[i - 1]?.text;
      const fileScopeStatement = prev === undefined || prev === ";" || prev === "}";
      if (fileScopeStatement) {
        const semi = tokens[close + 1]?.text === ";" ? close + 1 : close;
        blank(t.start, tokens[semi]!.end);
      } else {
        asmLabels.push({
          start: t.start,
          end: tokens[close]!.end,
          label: decodeStringTokens(tokens.slice(open + 1, close)),
        });
        blank(t.start, tokens[close]!.end);
      }
      i = close;
    }
  }
  return { edits, attributes, asmLabels, complexMarks, typeofs, memberAsserts };
}

/** Items of side-table entries whose start lies in [from, to). Tables are sorted by start. */
export function entriesIn<T extends { start: number }>(
  table: readonly T[],
  from: number,
  to: number,
): T[] {
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < table.length && table[i]!.start < to; i++) out.push(table[i]!);
  return out;
}
