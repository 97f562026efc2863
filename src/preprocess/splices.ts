// Line splicing (translation phase 2) and the map from spliced offsets back to the
// original line and column, so that every token keeps its place in the real file.

export interface SplicedSource {
  /** The text with every backslash-newline removed. */
  text: string;
  /** Maps an offset in `text` to a 1-based line of the original (column in locatedColumn). */
  locator(): (offset: number) => number;
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
  return {
    text,
    locator: () => makeLocator(original, cleanOffsets, removedBefore),
  };
}

/** The column of the last located offset (module-level to avoid an allocation per token). */
export let locatedColumn = 0;

/** A locator for offsets that are asked for in increasing order (falls back to a search). */
function makeLocator(original: string, cleanOffsets: number[], removedBefore: number[]) {
  const lineStarts: number[] = [0];
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13 && original.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  let spliceIdx = 0;
  let lineIdx = 0;
  return (offset: number) => {
    // Splices at or before this offset shift it right in the original.
    if (spliceIdx > 0 && cleanOffsets[spliceIdx - 1]! > offset) spliceIdx = 0;
    while (spliceIdx < cleanOffsets.length && cleanOffsets[spliceIdx]! <= offset) spliceIdx++;
    const orig = offset + (spliceIdx > 0 ? removedBefore[spliceIdx - 1]! : 0);
    if (lineStarts[lineIdx]! > orig) lineIdx = 0;
    while (lineIdx + 1 < lineStarts.length && lineStarts[lineIdx + 1]! <= orig) lineIdx++;
    locatedColumn = orig - lineStarts[lineIdx]! + 1;
    return lineIdx + 1;
  };
}
