// The predefines text our preprocessor starts from: the target's predefined macros for
// the triple, C standard and kernel code-generation flags, what the build's generic flags
// change about them, then the build's and the user's -D/-U in command-line order.
import type { MacroDefinition } from "../../targets/types.js";
import { macroFlagDirective } from "./compiler-flags.js";
import type { BuildFlags } from "./types.js";

/** What one compiler flag changes in the predefined macros: names removed, then defined. */
interface FlagMacroEffect {
  remove: string[];
  define: MacroDefinition[];
}

/**
 * Effects of the generic (not arch-specific) flags the build adds. The target description
 * covers its own `kernelCFlags`; these are the rest, checked against `clang -dM -E`.
 */
const GENERIC_FLAG_EFFECTS: Readonly<Record<string, FlagMacroEffect>> = {
  "-O2": { remove: ["__NO_INLINE__"], define: [{ name: "__OPTIMIZE__", value: "1" }] },
  // Freestanding also drops the unwind-table default that brings __GCC_HAVE_DWARF2_CFI_ASM.
  "-ffreestanding": {
    remove: ["__GCC_HAVE_DWARF2_CFI_ASM"],
    define: [{ name: "__STDC_HOSTED__", value: "0" }],
  },
  // Unwind tables (kmod.mk asks for them on arm) bring the CFI macro back.
  "-funwind-tables": { remove: [], define: [{ name: "__GCC_HAVE_DWARF2_CFI_ASM", value: "1" }] },
  "-fstack-protector": { remove: [], define: [{ name: "__SSP__", value: "1" }] },
  "-fPIC": {
    remove: [],
    define: [
      { name: "__PIC__", value: "2" },
      { name: "__pic__", value: "2" },
    ],
  },
};

/** Applies the generic flags in `codegen` to a macro list, keeping first-definition order. */
export function applyGenericFlagEffects(
  base: readonly MacroDefinition[],
  codegen: readonly string[],
): MacroDefinition[] {
  const macros = new Map<string, string>();
  for (const m of base) macros.set(m.name, m.value);
  for (const flag of codegen) {
    const effect = GENERIC_FLAG_EFFECTS[flag];
    if (!effect) continue;
    for (const name of effect.remove) macros.delete(name);
    for (const m of effect.define) macros.set(m.name, m.value);
  }
  return [...macros].map(([name, value]) => ({ name, value }));
}

/** `#define` lines for the builtin macros, then the -D/-U directives in order. */
export function predefinesText(builtin: readonly MacroDefinition[], flags: BuildFlags): string {
  const lines = builtin.map((m) =>
    m.value === "" ? `#define ${m.name}` : `#define ${m.name} ${m.value}`,
  );
  for (const flag of flags.macros) lines.push(macroFlagDirective(flag));
  return lines.join("\n") + "\n";
}
