// Before tree-sitter sees the text, file-scope function bodies are blanked (the front end
// needs signatures only, and bodies hold the GNU statement forms the grammar does not
// know: asm with string-pasted templates, statement expressions, __typeof locals).
// Blanking keeps every offset, so tree-sitter positions still index the original text.
import { TokenTable, type Token } from "../consteval/lexer.js";
import { blankEdit, type TextEdit } from "./text-edits.js";

export interface BlankedBody {
  /** Offset of the body's `{`. */
  open: number;
  /** Offset of the matching `}`. */
  close: number;
}

/** The tokens outside the blanked bodies, in order; a Token object is made when asked for. */
export class KeptTokens {
  constructor(
    readonly table: TokenTable,
    /** Table index of each kept token. */
    private readonly indices: Int32Array,
    readonly length: number,
  ) {}

  /** The table index of the i-th kept token. */
  tableIndex(i: number): number {
    return this.indices[i]!;
  }

  at(i: number): Token | undefined {
    return i >= 0 && i < this.length ? this.table.token(this.indices[i]!) : undefined;
  }

  slice(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.at(i)!);
    return out;
  }
}

export interface NeutralizedSource {
  /** Edits blanking the inside of each body; apply with the other passes' edits. */
  edits: TextEdit[];
  bodies: BlankedBody[];
  /** The tokens of the text outside the blanked bodies (still valid: offsets unchanged). */
  tokens: KeptTokens;
  /** Offset of a function body's `{` that is never closed; null when all are. */
  unterminatedBody: number | null;
}

const ATTRIBUTE_WORDS = new Set(["__attribute__", "__attribute", "__asm", "__asm__", "asm"]);
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Index of the token that opens the parenthesized group ending at `closeIdx`. */
function matchingOpen(tokens: TokenTable, closeIdx: number): number {
  let depth = 0;
  for (let i = closeIdx; i >= 0; i--) {
    if (tokens.isChar(i, CLOSE_PAREN)) depth++;
    else if (tokens.isChar(i, OPEN_PAREN)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Whether the `{` at `braceIdx` starts a function body: skipping attribute groups
 * backwards, the token before it closes a parameter list.
 */
function opensFunctionBody(tokens: TokenTable, braceIdx: number): boolean {
  let i = braceIdx - 1;
  while (i >= 0 && tokens.isChar(i, CLOSE_PAREN)) {
    const open = matchingOpen(tokens, i);
    if (open <= 0) return false;
    let before = open - 1;
    // __attribute__((...)) has a doubled paren; step over the outer one.
    if (tokens.isChar(before, OPEN_PAREN)) before--;
    if (before >= 0 && ATTRIBUTE_WORDS.has(tokens.textOf(before))) {
      i = before - 1;
      continue;
    }
    return true;
  }
  return false;
}

export function neutralize(text: string): NeutralizedSource {
  const tokens = new TokenTable(text);
  const count = tokens.count;
  const bodies: BlankedBody[] = [];
  const kept = new Int32Array(count);
  let keptCount = 0;
  let unterminatedBody: number | null = null;
  let depth = 0;
  // A token starting with a brace is that one-character punctuator: the first character
  // tells braces apart, without a call per token.
  const starts = tokens.starts;
  for (let i = 0; i < count; i++) {
    const first = text.charCodeAt(starts[i]!);
    const opens = first === OPEN_BRACE;
    if (!opens) kept[keptCount++] = i;
    if (opens) {
      if (depth === 0 && opensFunctionBody(tokens, i)) {
        let d = 0;
        let j = i;
        for (; j < count; j++) {
          const c = text.charCodeAt(starts[j]!);
          if (c === OPEN_BRACE) d++;
          else if (c === CLOSE_BRACE && --d === 0) break;
        }
        if (j >= count) {
          unterminatedBody = tokens.starts[i]!;
          break;
        }
        bodies.push({ open: tokens.starts[i]!, close: tokens.starts[j]! });
        kept[keptCount++] = i;
        kept[keptCount++] = j;
        i = j;
        continue;
      }
      kept[keptCount++] = i;
      depth++;
    } else if (first === CLOSE_BRACE) {
      depth = Math.max(0, depth - 1);
    }
  }
  return {
    edits: bodies.map((b) => blankEdit(b.open + 1, b.close)),
    bodies,
    tokens: new KeptTokens(tokens, kept, keptCount),
    unterminatedBody,
  };
}
