// Line splicing (translation phase 2), recording where splices were so that the lexer can
// give every token its line and column in the real file (it counts every splice it passes
// as one more line).

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
