// config(8) reads its option tables, and re-reads the headers it has written, one
// whitespace-separated word at a time. The quirks matter for exact output: a backslash before
// a newline joins lines, a word cut off by end of file is lost, and a blank line is "end of line".

export const END_OF_FILE = Symbol("end of file");
export const END_OF_LINE = null;

export interface Word {
  text: string;
  /** 1-based line of the word's first character. */
  line: number;
}

export class WordReader {
  private pos = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The next word, END_OF_LINE (null) at a newline, or END_OF_FILE. */
  next(): Word | typeof END_OF_LINE | typeof END_OF_FILE {
    let escapedNewline = false;
    for (;;) {
      let ch = this.getc();
      while (ch === " " || ch === "\t") ch = this.getc();
      if (ch === undefined) return END_OF_FILE;
      if (ch === "\\") {
        escapedNewline = true;
        continue;
      }
      if (ch === "\n") {
        if (escapedNewline) {
          escapedNewline = false;
          continue;
        }
        return END_OF_LINE;
      }
      const line = this.line;
      let word = ch;
      // A negation operator is a word by itself.
      if (ch === "!") return { text: word, line };
      for (;;) {
        ch = this.getc();
        if (ch === undefined) return END_OF_FILE;
        if (isCSpace(ch)) break;
        word += ch;
      }
      this.ungetc(ch);
      return { text: word, line };
    }
  }

  private getc(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    const ch = this.text[this.pos++];
    if (ch === "\n") this.line++;
    return ch;
  }

  private ungetc(ch: string): void {
    this.pos--;
    if (ch === "\n") this.line--;
  }
}

function isCSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\v" || ch === "\f" || ch === "\r";
}
