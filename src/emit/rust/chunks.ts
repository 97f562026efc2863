// Generated Rust as a list of items ("chunks"), each written in rustfmt's shape; the rare one
// with a line the layout rules cannot shape is marked, to be handed to rustfmt alone.

export interface RustChunk {
  text: string;
  /** A member of the module's `unsafe extern "C"` block (function or static). */
  extern?: true;
  /** Not in rustfmt's shape: hand to rustfmt when it is installed. */
  format?: true;
}

/**
 * Joins the chunks after `head`; runs of extern members go inside one `unsafe extern "C"`
 * block.
 */
export function renderChunks(chunks: RustChunk[], head = ""): string {
  const out: string[] = [head];
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
