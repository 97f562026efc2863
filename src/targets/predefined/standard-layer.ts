// The macros that depend on the -std= dialect.
import type { MacroDefinition } from "../types.js";

export type CStandard = "c99" | "gnu99" | "c11" | "gnu11" | "c17" | "gnu17";

export const cStandards: readonly CStandard[] = ["c99", "gnu99", "c11", "gnu11", "c17", "gnu17"];

/** What clang-19 uses for C without -std=. */
export const defaultCStandard: CStandard = "gnu17";

const versions: Record<CStandard, string> = {
  c99: "199901L",
  gnu99: "199901L",
  c11: "201112L",
  gnu11: "201112L",
  c17: "201710L",
  gnu17: "201710L",
};

/** GNU dialects also define the non-reserved names (`unix`, `i386`). */
export function isGnuDialect(std: CStandard): boolean {
  return std.startsWith("gnu");
}

export function standardMacros(std: CStandard): MacroDefinition[] {
  const out: MacroDefinition[] = [
    { name: "__STDC__", value: "1" },
    { name: "__STDC_VERSION__", value: versions[std] },
    // -ffreestanding: the kernel has no hosted library.
    { name: "__STDC_HOSTED__", value: "0" },
    { name: "__STDC_UTF_16__", value: "1" },
    { name: "__STDC_UTF_32__", value: "1" },
    { name: "__STDC_EMBED_NOT_FOUND__", value: "0" },
    { name: "__STDC_EMBED_FOUND__", value: "1" },
    { name: "__STDC_EMBED_EMPTY__", value: "2" },
    // Every supported dialect is C99 or later, so inline follows C99 semantics.
    { name: "__GNUC_STDC_INLINE__", value: "1" },
  ];
  if (!isGnuDialect(std)) out.push({ name: "__STRICT_ANSI__", value: "1" });
  return out;
}
