// Same-length rewrites of the source text, collected from several passes and applied in
// one go, so that offsets in the result index the original text unchanged.

export interface TextEdit {
  start: number;
  end: number;
  /** Must have length end - start; null blanks the range (line breaks kept). */
  replacement: string | null;
}

export function blankEdit(start: number, end: number): TextEdit {
  return { start, end, replacement: null };
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // nested in an earlier edit (a blanked body already covers it)
    parts.push(text.slice(pos, e.start));
    parts.push(e.replacement ?? blanked(text, e.start, e.end));
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join("");
}

/** text[start, end) with every character but line breaks turned into a space. */
function blanked(text: string, start: number, end: number): string {
  let out = "";
  let pos = start;
  for (;;) {
    const nl = text.indexOf("\n", pos);
    if (nl < 0 || nl >= end) return out + " ".repeat(end - pos);
    out += " ".repeat(nl - pos) + "\n";
    pos = nl + 1;
  }
}
