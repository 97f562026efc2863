// Generated Rust as a list of items ("chunks"): each is put in rustfmt's shape on its own,
// and the rare one the layout rules cannot shape is handed to rustfmt alone.
import { layoutChunkText } from "./chunk-layout.js";

export interface RustChunk {
  text: string;
  /** A member of the module's `unsafe extern "C"` block (function or static). */
  extern?: true;
  /** Not in rustfmt's shape: hand to rustfmt when it is installed. */
  format?: true;
}

/**
 * The chunk laid out as rustfmt lays it out, or marked `format` when it has a line of a
 * form the layout rules here do not know (rustfmt then formats it, when installed).
 */
export function inRustfmtShape(chunk: RustChunk): RustChunk {
  const text = layoutChunkText(chunk.text);
  if (text === null) return { ...chunk, format: true };
  return text === chunk.text ? chunk : { ...chunk, text };
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
