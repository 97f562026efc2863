// The unit as JSON with a fixed key order (sorted) and fixed list order (source order),
// so that the same input always gives byte-identical output.
import type { TranslationUnit } from "../ir/index.js";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

export function unitToJson(unit: TranslationUnit): string {
  return JSON.stringify(canonical(unit), null, 1) + "\n";
}
