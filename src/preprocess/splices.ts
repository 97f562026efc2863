// Line splicing (translation phase 2), recording where splices were so that the lexer can
// give every token its line and column in the real file.

export interface SplicedSource {
  /** The text with every backslash-newline removed. */
  text: string;
  /** Offsets in `text` where a splice was removed, ascending. */
  spliceOffsets: number[];
  /** For each splice, how many characters were removed up to and including it. */
  removedThrough: number[];
}

function isHorizontalSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}

/**
 * Removes backslash-newline pairs. Whitespace between the backslash and the newline is
 * tolerated, as clang does (it only warns).
 */
export function spliceLines(original: string): SplicedSource {
  const cleanOffsets: number[] = []; // spliced offset where a removal happened
  const removedBefore: number[] = []; // total characters removed up to and including it
  let pieces: string[] | null = null;
  let copiedUpTo = 0;
  let removed = 0;
  let search = 0;
  for (;;) {
    const bs = original.indexOf("\\", search);
    if (bs < 0) break;
    let j = bs + 1;
    while (j < original.length && isHorizontalSpace(original.charCodeAt(j))) j++;
    const c = original.charCodeAt(j);
    if (c !== 10 && c !== 13) {
      search = bs + 1;
      continue;
    }
    let end = j + 1;
    if (c === 13 && original.charCodeAt(end) === 10) end++;
    pieces ??= [];
    pieces.push(original.slice(copiedUpTo, bs));
    removed += end - bs;
    cleanOffsets.push(bs - (removed - (end - bs)));
    removedBefore.push(removed);
    copiedUpTo = end;
    search = end;
  }
  const text = pieces === null ? original : pieces.join("") + original.slice(copiedUpTo);
  return { text, spliceOffsets: cleanOffsets, removedThrough: removedBefore };
}

/**
 * Lines and columns in the original text while a lexer walks the spliced text forwards:
 * real newlines are reported to it, and every splice passed counts as one more line.
 */
export class LineCounter {
  line = 1;
  /** Characters removed by the splices before the current offset. */
  private removed = 0;
  /** Original offset of the current line's first character. */
  private lineStart = 0;
  private splice = 0;
  /** Spliced offset of the next splice (Infinity after the last). */
  private nextSplice: number;

  constructor(private readonly source: SplicedSource) {
    this.nextSplice = source.spliceOffsets[0] ?? Infinity;
  }

  /** Accounts for the splices at or before spliced offset `x` (each ended a line). */
  passSplices(x: number): void {
    if (x < this.nextSplice) return;
    const { spliceOffsets, removedThrough } = this.source;
    while (this.splice < spliceOffsets.length && spliceOffsets[this.splice]! <= x) {
      this.removed = removedThrough[this.splice]!;
      this.line++;
      this.lineStart = spliceOffsets[this.splice]! + this.removed;
      this.splice++;
    }
    this.nextSplice = spliceOffsets[this.splice] ?? Infinity;
  }

  /** A newline character at spliced offset `x`. */
  newlineAt(x: number): void {
    this.passSplices(x);
    this.line++;
    this.lineStart = x + 1 + this.removed;
  }

  /** Column of spliced offset `x` on the current line (passSplices(x) done). */
  column(x: number): number {
    return x + this.removed - this.lineStart + 1;
  }
}
