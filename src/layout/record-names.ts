// How C code can name each record: its tag, or for an anonymous record the typedef that
// names it. Records neither names (anonymous members, `struct {...} var;`) map to nothing.
import type { TranslationUnit } from "../ir/index.js";

export function recordSpellings(unit: TranslationUnit): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of unit.records) {
    if (r.tag !== null) names.set(r.id, `${r.kind} ${r.tag}`);
  }
  for (const t of unit.typedefs) {
    const ty = t.type;
    if (ty.kind === "record" && !names.has(ty.id) && !ty.const && !ty.volatile)
      names.set(ty.id, t.name);
  }
  return names;
}
