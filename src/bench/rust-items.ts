// A small scanner for the public items of generated Rust (ours or bindgen's): both are
// regular enough that top-level `pub` lines and the members of `extern` blocks name every
// item. Methods inside `impl` blocks are not items and are skipped.
export type ItemKind = "struct" | "union" | "type" | "const" | "fn" | "static";

export interface RustItem {
  kind: ItemKind;
  name: string;
  /** For a const on one line: its type with blanks removed (`u32`, `&[u8;6usize]`, `foo`). */
  type?: string;
}

const TOP_LEVEL = /^pub (struct|union|type|const) ([A-Za-z_][A-Za-z0-9_]*)/;
const CONST_TYPE = /^pub const [A-Za-z_][A-Za-z0-9_]*\s*:\s*(.+?)\s*=/;
const IN_EXTERN = /^\s+pub (fn|static)(?: mut)? ([A-Za-z_][A-Za-z0-9_]*)/;
const EXTERN_OPEN = /^(?:unsafe )?extern "C" \{\s*$/;

/** Helper types both generators define for themselves; they are not bindings. */
const HELPERS = new Set(["__BindgenBitfieldUnit", "__IncompleteArrayField", "__BindgenUnionField"]);

export function scanRustItems(source: string): RustItem[] {
  const items: RustItem[] = [];
  let inExtern = false;
  for (const line of source.split("\n")) {
    if (EXTERN_OPEN.test(line)) {
      inExtern = true;
      continue;
    }
    if (inExtern) {
      if (line === "}") {
        inExtern = false;
        continue;
      }
      const m = IN_EXTERN.exec(line);
      if (m) items.push({ kind: m[1] as ItemKind, name: m[2] });
      continue;
    }
    const m = TOP_LEVEL.exec(line);
    if (!m || HELPERS.has(m[2])) continue;
    const type = m[1] === "const" ? CONST_TYPE.exec(line)?.[1].replace(/\s+/g, "") : undefined;
    items.push({ kind: m[1] as ItemKind, name: m[2], ...(type === undefined ? {} : { type }) });
  }
  return items;
}
