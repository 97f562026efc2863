// The macros clang-19 predefines for a FreeBSD target, built from layers: compiler, FreeBSD,
// C dialect, ABI facts, then the arch's own list with the changes the kernel flags make.
import type { FreeBSDRelease, MacroDefinition, TargetDescription } from "../types.js";
import { abiMacros } from "./abi-layer.js";
import { compilerMacros, defaultClangVersion, type ClangVersion } from "./compiler-layer.js";
import { floatMacros } from "./float-formats.js";
import { freebsdGnuOnlyMacros, freebsdMacros } from "./freebsd-layer.js";
import {
  defaultCStandard,
  isGnuDialect,
  standardMacros,
  type CStandard,
} from "./standard-layer.js";

export { cStandards, defaultCStandard, type CStandard } from "./standard-layer.js";
export { defaultClangVersion, parseClangVersion, type ClangVersion } from "./compiler-layer.js";
export { floatFormats, type FloatFormatFacts } from "./float-formats.js";

export interface PredefinedOptions {
  release: FreeBSDRelease;
  /** The -std= dialect; clang's default (gnu17) when omitted. */
  std?: CStandard;
  /** Whether the target's kernelCFlags are on the command line. */
  kernelFlags: boolean;
  /** The compiler whose version macros to produce; the tested clang-19 when omitted. */
  compiler?: ClangVersion;
}

function archMacros(target: TargetDescription, options: PredefinedOptions): MacroDefinition[] {
  const m = target.macros;
  const hasFloat16 = options.kernelFlags ? m.kernel.hasFloat16 : m.hasFloat16;
  const out: MacroDefinition[] = [
    { name: "__GCC_CONSTRUCTIVE_SIZE", value: String(m.cacheLineSize) },
    { name: "__GCC_DESTRUCTIVE_SIZE", value: String(m.cacheLineSize) },
    { name: "__BITINT_MAXWIDTH__", value: String(m.bitIntMaxWidth) },
  ];
  if (m.hasRegisterPrefix) out.push({ name: "__REGISTER_PREFIX__", value: "" });
  if (hasFloat16) out.push(...floatMacros("ieee-half", "FLT16", "F16"));
  out.push(...m.base);
  return out;
}

/**
 * The macro list `clang-19 --target=<triple> -ffreestanding [-std=] [kernel flags] -dM -E`
 * prints for an empty C file: one definition per name, in a stable order.
 */
export function predefinedMacros(
  target: TargetDescription,
  options: PredefinedOptions,
): MacroDefinition[] {
  const std = options.std ?? defaultCStandard;
  const layers: MacroDefinition[] = [
    ...compilerMacros(options.compiler ?? defaultClangVersion),
    ...freebsdMacros(options.release),
    ...standardMacros(std),
    ...abiMacros(target.abi),
    ...archMacros(target, options),
  ];
  if (isGnuDialect(std)) layers.push(...freebsdGnuOnlyMacros(), ...target.macros.gnuOnly);

  const byName = new Map<string, MacroDefinition>();
  for (const m of layers) byName.set(m.name, m);
  for (const delta of target.macros.olderReleases ?? []) {
    if (options.release.major >= delta.beforeMajor) continue;
    for (const name of delta.remove) byName.delete(name);
    for (const m of delta.define) byName.set(m.name, m);
  }
  if (options.kernelFlags) {
    for (const name of target.macros.kernel.remove) byName.delete(name);
    for (const m of target.macros.kernel.define) byName.set(m.name, m);
  }
  return [...byName.values()];
}
