// Generated Rust as a list of items ("chunks"), so that formatting can be applied to the
// few items whose emitted text is not already in rustfmt's shape instead of to whole files.
export interface RustChunk {
  text: string;
  /** A member of the module's `unsafe extern "C"` block (function or static). */
  extern?: true;
  /** Always hand to rustfmt (text emitted without regard to its shape). */
  format?: true;
}

// rustfmt's width is 100, but some shapes (a function signature, say) break earlier:
// anything near the limit is handed to rustfmt rather than second-guessed.
const MAX_WIDTH = 80;

/**
 * Items whose emitted text may differ from rustfmt's: anything with a long line, and bitfield accessor blocks, whose line breaks depend on name lengths.
 */
export function needsFormatting(chunk: RustChunk): boolean {
  if (chunk.format || chunk.text.includes("__bindgen_bitfield_unit")) return true;
  let start = 0;
  for (;;) {
    const end = chunk.text.indexOf("\n", start);
    const stop = end < 0 ? chunk.text.length : end;
    if (stop - start > MAX_WIDTH) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

/** Joins the chunks; runs of extern members go inside one `unsafe extern "C"` block. */
export function renderChunks(chunks: RustChunk[]): string {
  const out: string[] = [];
  let inExtern = false;
  for (const chunk of chunks) {
    if (chunk.extern && !inExtern) out.push('unsafe extern "C" {\n');
    if (!chunk.extern && inExtern) out.push("}\n");
    inExtern = chunk.extern === true;
    out.push(chunk.text);
  }
  if (inExtern) out.push("}\n");
  return out.join("");
}
