// Before tree-sitter sees the text, file-scope function bodies are blanked (the front end
// needs signatures only, and bodies hold the GNU statement forms the grammar does not
// know: asm with string-pasted templates, statement expressions, __typeof locals).
// Blanking keeps every offset, so tree-sitter positions still index the original text.
import { tokenize, type Token } from "../consteval/lexer.js";
import { blankEdit, type TextEdit } from "./text-edits.js";

export interface BlankedBody {
  /** Offset of the body's `{`. */
  open: number;
  /** Offset of the matching `}`. */
  close: number;
}

export interface NeutralizedSource {
  /** Edits blanking the inside of each body; apply with the other passes' edits. */
  edits: TextEdit[];
  bodies: BlankedBody[];
  /** The tokens of the text outside the blanked bodies (still valid: offsets unchanged). */
  tokens: Token[];
  /** Offset of a function body's `{` that is never closed; null when all are. */
  unterminatedBody: number | null;
}

const ATTRIBUTE_WORDS = new Set(["__attribute__", "__attribute", "__asm", "__asm__", "asm"]);

/** Index of the token that opens the parenthesized group ending at `closeIdx`. */
function matchingOpen(tokens: Token[], closeIdx: number): number {
  let depth = 0;
  for (let i = closeIdx; i >= 0; i--) {
    const t = tokens[i]!.text;
    if (t === ")") depth++;
    else if (t === "(") {
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
function opensFunctionBody(tokens: Token[], braceIdx: number): boolean {
  let i = braceIdx - 1;
  while (i >= 0 && tokens[i]!.text === ")") {
    const open = matchingOpen(tokens, i);
    if (open <= 0) return false;
    let before = open - 1;
    // __attribute__((...)) has a doubled paren; step over the outer one.
    if (tokens[before]?.text === "(") before--;
    const word = tokens[before];
    if (word && ATTRIBUTE_WORDS.has(word.text)) {
      i = before - 1;
      continue;
    }
    return true;
  }
  return false;
}

export function neutralize(text: string): NeutralizedSource {
  const tokens = tokenize(text);
  const bodies: BlankedBody[] = [];
  const kept: Token[] = [];
  let unterminatedBody: number | null = null;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text !== "{") kept.push(t);
    if (t.text === "{") {
      if (depth === 0 && opensFunctionBody(tokens, i)) {
        let d = 0;
        let j = i;
        for (; j < tokens.length; j++) {
          const u = tokens[j]!.text;
          if (u === "{") d++;
          else if (u === "}" && --d === 0) break;
        }
        if (j >= tokens.length) {
          unterminatedBody = t.start;
          break;
        }
        bodies.push({ open: t.start, close: tokens[j]!.start });
        kept.push(t, tokens[j]!);
        i = j;
        continue;
      }
      kept.push(t);
      depth++;
    } else if (t.text === "}") {
      depth = Math.max(0, depth - 1);
    }
  }
  return {
    edits: bodies.map((b) => blankEdit(b.open + 1, b.close)),
    bodies,
    tokens: kept,
    unterminatedBody,
  };
}
