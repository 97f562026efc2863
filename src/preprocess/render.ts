// `clang -E` style text from a token stream: tokens on their source lines, a space where the
// source had one or where two tokens would otherwise lex as one, and `# N "file" flags`
// line markers (or none, as with -P).
import type { FileTransition, PreprocessResult } from "./api.js";
import { firstTokenEnd } from "./lexer.js";
import type { PPToken } from "./tokens.js";

export interface RenderOptions {
  /** Emit `# N "file" flags` markers (clang -E); without them the output is like clang -E -P. */
  lineMarkers: boolean;
  /**
   * Hands the text over in pieces as it is made, instead of returning it whole: each piece
   * but the last ends with a newline right after a file-scope `;` (one outside every brace,
   * bracket and parenthesis), so a C parser can take each piece on its own. The pieces
   * joined are the text; the last one is given by finish(), which then returns "".
   */
  onPiece?: (text: string) => void;
  /**
   * A piece is handed over at the first file-scope boundary after this many characters
   * (default 16 KiB: the KPI wrapper's 400 KB in about 25 pieces, so the parser is never
   * far behind and each piece still pays for its own parser run).
   */
  pieceChars?: number;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 36 ||
    c >= 0x80 ||
    c === 92
  );
}

// Characters that can continue a punctuator: a pair needs a closer look only when the left
// token ends with one of these and the right one starts with one.
const PUNCT_JOIN = new Set([..."<>=!&|+-*/%^#:.?"].map((c) => c.charCodeAt(0)));

/** Whether printing `b` right after `a` would lex differently (clang adds a space there). */
function wouldMerge(a: PPToken, b: PPToken): boolean {
  const last = a.text.charCodeAt(a.text.length - 1);
  const first = b.text.charCodeAt(0);
  const quote = first === 34 || first === 39;
  if (isWordChar(last)) {
    // Identifiers and numbers run into words, numbers and (as prefixes) literals.
    if (!(isWordChar(first) || first === 46 || quote || first === 43 || first === 45)) return false;
  } else if (
    !(
      PUNCT_JOIN.has(last) &&
      (PUNCT_JOIN.has(first) || (last === 46 && first >= 48 && first <= 57))
    )
  ) {
    return false;
  }
  return firstTokenEnd(a.text + b.text) !== a.text.length;
}

const indents: string[] = [""];

/** `n` spaces (cached: every output line starts with its first token's column). */
function indentation(n: number): string {
  if (n <= 0) return "";
  if (n > 200) return " ".repeat(n);
  while (indents.length <= n) indents.push(indents[indents.length - 1] + " ");
  return indents[n]!;
}

/** Up to this many lines are skipped with newlines; beyond it a marker is shorter. */
const MAX_BLANK_LINES = 8;

class Printer {
  /**
   * Finished output lines, each joined flat when it ends, so that neither the pieces of a
   * line nor a rope of the whole text stay alive while a unit is rendered as it runs.
   */
  private readonly lines: string[] = [];
  /** Pieces of the line being printed. */
  private pieces: string[] = [];
  /** Whether anything has been printed. */
  printed = false;
  file = "";
  /** Presumed line of the output cursor. */
  line = 0;
  atLineStart = true;
  prev: PPToken | null = null;

  constructor(private readonly markers: boolean) {}

  append(text: string): void {
    this.printed = true;
    this.pieces.push(text);
    if (text.charCodeAt(text.length - 1) === 10) {
      const line = this.pieces.length === 1 ? text : this.pieces.join("");
      this.lines.push(line);
      this.finishedChars += line.length;
      this.pieces = [];
    }
  }

  text(): string {
    return this.lines.join("") + this.pieces.join("");
  }

  /** Characters in the finished lines. */
  finishedChars = 0;

  /** The finished lines, removed. */
  takeLines(): string {
    const text = this.lines.join("");
    this.lines.length = 0;
    this.finishedChars = 0;
    return text;
  }

  endLine(): void {
    if (!this.atLineStart) {
      this.append("\n");
      this.line++;
    }
    this.atLineStart = true;
    this.prev = null;
  }

  marker(line: number, file: string, flags: string): void {
    this.endLine();
    if (this.markers) this.append(`# ${line} "${file.replace(/[\\"]/g, "\\$&")}"${flags}\n`);
    this.file = file;
    this.line = line;
  }

  /** Moves the cursor to `line` of `file`. */
  moveTo(file: string, line: number): void {
    if (file === this.file && line === this.line) return;
    const gap = line - this.line;
    if (file === this.file && gap > 0 && gap <= MAX_BLANK_LINES) {
      if (!this.atLineStart) {
        this.append("\n");
        this.line++;
      }
      if (this.markers)
        while (this.line < line) {
          this.append("\n");
          this.line++;
        }
      this.line = line;
      this.atLineStart = true;
      this.prev = null;
      return;
    }
    this.marker(line, file, "");
  }

  /** Prints a token (its text never ends a line: that is append's check, skipped here). */
  token(tok: PPToken): void {
    if (this.atLineStart) {
      this.pieces.push(indentation(tok.column - 1), tok.text);
      this.atLineStart = false;
      this.printed = true;
    } else if (this.prev !== null && (tok.leadingSpace || wouldMerge(this.prev, tok)))
      this.pieces.push(" ", tok.text);
    else this.pieces.push(tok.text);
    this.prev = tok;
  }
}

/** Renders tokens and file transitions as they are made, in stream order. */
export class StreamRenderer {
  private readonly p: Printer;
  private afterPragma = false;
  private readonly onPiece: ((text: string) => void) | undefined;
  private readonly pieceChars: number;
  /** Open parentheses, brackets and braces in the output so far. */
  private depth = 0;
  /** Whether the last token printed is a `;` at depth 0. */
  private atFileScopeEnd = false;

  constructor(opts: RenderOptions) {
    this.p = new Printer(opts.lineMarkers);
    this.onPiece = opts.onPiece;
    this.pieceChars = opts.pieceChars ?? 16 * 1024;
  }

  /**
   * Hands over the finished lines when they end at a file-scope boundary: the `;` that
   * closes a declaration ended its line and nothing has been printed since.
   */
  private handOver(): void {
    const p = this.p;
    if (this.atFileScopeEnd && p.atLineStart && p.finishedChars >= this.pieceChars) {
      this.onPiece!(p.takeLines());
      this.atFileScopeEnd = false;
    }
  }

  /**
   * Tracks nesting and file-scope ends for handing over pieces, for a token other than a
   * one-character punctuator (token() follows those itself): only a digraph nests.
   */
  private follow(text: string): void {
    // `<:` and friends (digraphs) nest like the brackets they stand for.
    if (text.length === 2 && text.charCodeAt(0) === 60) {
      if (text === "<:" || text === "<%") this.depth++;
    } else if (text.length === 2 && text.charCodeAt(1) === 62) {
      if (text === ":>" || text === "%>") this.depth--;
    }
    this.atFileScopeEnd = false;
  }

  /** A file transition that comes before the next token. */
  transition(tr: FileTransition): void {
    const p = this.p;
    if (this.onPiece) this.handOver();
    if (tr.includerLine !== undefined && p.line > 0) p.moveTo(p.file, tr.includerLine);
    p.marker(tr.line, tr.file, (tr.flag ? ` ${tr.flag}` : "") + (tr.system ? " 3" : ""));
  }

  token(tok: PPToken): void {
    const p = this.p;
    // As clang prints: only a token that starts a source line moves the output to its line;
    // the rest of a multi-line macro invocation stays where the invocation began.
    if (tok.startOfLine || tok.file !== p.file || p.line === 0 || this.afterPragma)
      p.moveTo(tok.file, tok.line);
    this.afterPragma = false;
    if (this.onPiece !== undefined) {
      if (this.atFileScopeEnd) this.handOver();
      // One-character tokens (most brackets and every `;`) are followed here, without a call.
      const text = tok.text;
      if (text.length === 1 && tok.kind === "punctuator") {
        const c = text.charCodeAt(0);
        if (c === 40 || c === 91 || c === 123) this.depth++;
        else if (c === 41 || c === 93 || c === 125) this.depth--;
        this.atFileScopeEnd = c === 59 && this.depth === 0;
      } else if (tok.kind !== "pragma") this.follow(text);
    }
    if (tok.kind === "pragma") {
      // A pragma is a line of its own; from the middle of a line it gets a marker, and so
      // does the rest of that line after it.
      if (!p.atLineStart) p.marker(tok.line, tok.file, "");
      p.append(tok.text + "\n");
      p.line++;
      this.afterPragma = true;
      return;
    }
    p.token(tok);
  }

  /** The text, once every token and transition has been given. */
  finish(): string {
    const p = this.p;
    // clang ends the output with a newline even when the last line is a marker.
    if (p.atLineStart && p.printed) p.append("\n");
    else p.endLine();
    if (!this.onPiece) return p.text();
    this.onPiece(p.text());
    return "";
  }
}

export function renderPreprocessed(result: PreprocessResult, opts: RenderOptions): string {
  const renderer = new StreamRenderer(opts);
  const { tokens, transitions } = result;
  let t = 0;
  for (let i = 0; i <= tokens.length; i++) {
    while (t < transitions.length && transitions[t]!.tokenIndex === i)
      renderer.transition(transitions[t++]!);
    const tok = tokens[i];
    if (!tok) break;
    renderer.token(tok);
  }
  return renderer.finish();
}
