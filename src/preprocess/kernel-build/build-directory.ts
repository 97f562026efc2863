// The kernel build directory (`.` in `-I.`) and the include path around it. The build
// creates `machine/` and (x86) `x86/` links there and writes the generated headers into it;
// the tool synthesizes the same thing instead of touching the user's tree.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TargetDescription } from "../../targets/types.js";
import { copyTexts, LazyTexts, sortedCopy } from "./lazy-texts.js";
import type { BuildDirectory, BuildMode, KernelBuildSpec } from "./types.js";

/**
 * Absolute path under which the synthesized build directory appears to our preprocessor;
 * nothing on a real system lives there. Locations show it as BUILD_DIR_DISPLAY.
 */
export const BUILD_DIR = "/<build>";
export const BUILD_DIR_DISPLAY = "<build>";

/** Include directories the build adds after `-I. -I$S`, relative to the tree, when present. */
const TREE_INCLUDE_DIRS = [
  // Concurrency Kit, on the include path of kernel and module builds since FreeBSD 12.
  "contrib/ck/include",
];

/** What conf/Makefile.<machine> adds to INCLUDES for the kernel itself (not modules). */
const KERNEL_INCLUDE_DIRS_BY_MACHINE: Readonly<Record<string, readonly string[]>> = {
  amd64: ["contrib/libfdt"],
  arm: ["contrib/libfdt", "contrib/device-tree/include", "dts/include"],
  arm64: ["contrib/libfdt", "contrib/device-tree/include", "dts/include"],
  riscv: ["contrib/libfdt", "contrib/device-tree/include", "dts/include"],
  powerpc: ["contrib/libfdt"],
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The directory links of the build directory: name → real directory. */
export function directoryAliases(sysDir: string, target: TargetDescription): Map<string, string> {
  const aliases = new Map<string, string>([["machine", join(sysDir, target.machine, "include")]]);
  if (target.hasX86Headers) aliases.set("x86", join(sysDir, "x86", "include"));
  return aliases;
}

/**
 * The build directory for `spec`: links, option headers and other generated headers.
 * Kernel mode without a configuration still has an opt_global.h (empty), because the
 * compile line force-includes it.
 */
export function buildDirectory(spec: KernelBuildSpec): BuildDirectory {
  const files = new LazyTexts();
  copyTexts(files, spec.generatedHeaders ?? new Map());
  copyTexts(files, spec.optionHeaders ?? new Map());
  const emptyOptHeaders = spec.optionHeaders === undefined;
  if (spec.mode === "kernel" && emptyOptHeaders) files.set("opt_global.h", "");
  return {
    files: sortedCopy(files),
    aliases: directoryAliases(spec.sysDir, spec.target),
    emptyOptHeaders,
  };
}

/** The real directories searched after the build directory, in order; missing ones are left out. */
export function treeIncludeDirs(
  sysDir: string,
  target: TargetDescription,
  mode: BuildMode,
): string[] {
  const relative = [...TREE_INCLUDE_DIRS];
  if (mode === "kernel") relative.push(...(KERNEL_INCLUDE_DIRS_BY_MACHINE[target.machine] ?? []));
  return [sysDir, ...relative.map((dir) => join(sysDir, dir)).filter(isDirectory)];
}

/** Whether `name` is a kernel option header (`opt_*.h`), which a module build creates on demand. */
export function isOptionHeaderName(name: string): boolean {
  return /^opt_[A-Za-z0-9_.-]+\.h$/.test(name);
}

export function treeExists(sysDir: string): boolean {
  return existsSync(join(sysDir, "sys", "param.h"));
}
