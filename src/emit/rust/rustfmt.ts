// rustfmt itself, as a fallback: the emitter lays items out in rustfmt's shape, and any
// item it could not (marked `format`) is formatted in one rustfmt run over just those items,
// each behind a marker comment, and spliced back. Without rustfmt the text stays as emitted.
// `everything` runs rustfmt over every item, to check the emitter's layout against it.
import type * as ChildProcess from "node:child_process";
import { lazyBuiltin } from "../../io/lazy-builtin.js";
import type { RustChunk } from "./chunks.js";

// Most runs never start rustfmt (the emitter shapes nearly every item itself).
const childProcess = lazyBuiltin<typeof ChildProcess>("node:child_process");

const MARKER = "// @@kpi-bindgen-chunk ";
const EXTERN_OPEN = 'unsafe extern "C" {\n';

export function formatRust(
  source: string,
  rustfmt = process.env.RUSTFMT ?? "rustfmt",
): string | undefined {
  const { spawnSync } = childProcess();
  const run = spawnSync(rustfmt, ["--edition", "2021", "--emit", "stdout", "--quiet"], {
    input: source,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (run.error || run.status !== 0) return undefined;
  return run.stdout;
}

/** Formats, in place, the chunks that need it (or all); returns false if rustfmt failed. */
export function formatChunks(chunks: RustChunk[], everything = false): boolean {
  const selected = chunks.map((c, i) => (everything || c.format ? i : -1)).filter((i) => i >= 0);
  if (selected.length === 0) return true;
  const source = selected
    .map((i) => {
      const c = chunks[i];
      return `${MARKER}${i}\n${c.extern ? `${EXTERN_OPEN}${c.text}}\n` : c.text}`;
    })
    .join("");
  const formatted = formatRust(source);
  if (formatted === undefined) return false;
  const parts = formatted.split(new RegExp(`^${MARKER}(\\d+)\\n`, "m"));
  for (let k = 1; k + 1 < parts.length; k += 2) {
    const index = Number(parts[k]);
    let text = parts[k + 1];
    if (chunks[index].extern) {
      text = text.slice(EXTERN_OPEN.length);
      text = text.slice(0, text.lastIndexOf("}\n"));
    }
    chunks[index] = { ...chunks[index], text };
  }
  return true;
}
