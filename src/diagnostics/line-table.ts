// From offsets in a text to lines: the table of where each line starts, and the search in it
// that every located message needs.

/** Where each line of `text` starts: offset 0, then one past each newline. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/**
 * The index of the line holding `offset`: the last of `starts` at or before it. `from` is a
 * line known to start at or before `offset`, where the search may begin.
 */
export function lineIndexAt(starts: ArrayLike<number>, offset: number, from = 0): number {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
