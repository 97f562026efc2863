// `clang -E` style text from a token stream: tokens on their source lines, a space where the
// source had one or where two tokens would otherwise lex as one, and `# N "file" flags`
// line markers (or none, as with -P).
import type { PreprocessResult } from "./api.js";
import { tokenize } from "./lexer.js";
import type { PPToken } from "./tokens.js";

export interface RenderOptions {
  /** Emit `# N "file" flags` markers (clang -E); without them the output is like clang -E -P. */
  lineMarkers: boolean;
}

// Tokens that never merge with a neighbour.
const INERT = new Set(["(", ")", "[", "]", "{", "}", ",", ";", "?", "~"]);

/** Whether printing `b` right after `a` would lex differently. */
function wouldMerge(a: PPToken, b: PPToken): boolean {
  if (INERT.has(a.text) || INERT.has(b.text)) return false;
  const joined = a.text + b.text;
  let firstEnd = -1;
  tokenize(joined, (r) => {
    if (firstEnd < 0) firstEnd = r.end;
  });
  // A comment opener (`/` `/`, `/` `*`) swallows the rest: no token ends at the boundary.
  return firstEnd !== a.text.length;
}

const MAX_BLANK_LINES = 8;

export function renderPreprocessed(result: PreprocessResult, opts: RenderOptions): string {
  const parts: string[] = [];
  const tokens = result.tokens;
  const transitions = result.transitions;
  let t = 0;
  let file = "";
  let line = 0;
  let atLineStart = true;
  let prev: PPToken | null = null;
  const newline = () => {
    if (!atLineStart) parts.push("\n");
    atLineStart = true;
    prev = null;
  };
  const marker = (l: number, f: string, flags: string) => {
    newline();
    parts.push(`# ${l} "${f.replace(/[\\"]/g, "\\$&")}"${flags}\n`);
  };
  for (let i = 0; i <= tokens.length; i++) {
    while (t < transitions.length && transitions[t]!.tokenIndex === i) {
      const tr = transitions[t++]!;
      file = tr.file;
      line = tr.line;
      if (opts.lineMarkers) {
        const flags = (tr.flag ? ` ${tr.flag}` : "") + (tr.system ? " 3" : "");
        marker(tr.line, tr.file, flags);
      } else newline();
    }
    const tok = tokens[i];
    if (!tok) break;
    if (tok.kind === "pragma") {
      if (opts.lineMarkers && (tok.file !== file || tok.line !== line)) marker(tok.line, tok.file, "");
      newline();
      parts.push(tok.text + "\n");
      file = tok.file;
      line = tok.line + 1;
      continue;
    }
    if (tok.file !== file || tok.line !== line || (prev === null && !atLineStart)) {
      const gap = tok.line - line;
      if (tok.file === file && gap > 0 && gap <= MAX_BLANK_LINES) {
        newline();
        if (opts.lineMarkers) for (let k = 1; k < gap; k++) parts.push("\n");
      } else if (tok.file !== file || gap !== 0) {
        if (opts.lineMarkers) marker(tok.line, tok.file, "");
        else newline();
      }
      file = tok.file;
      line = tok.line;
    }
    if (atLineStart) {
      parts.push(" ".repeat(Math.max(0, tok.column - 1)));
      atLineStart = false;
    } else if (prev !== null && (tok.leadingSpace || wouldMerge(prev, tok))) parts.push(" ");
    parts.push(tok.text);
    prev = tok;
  }
  newline();
  return parts.join("");
}
