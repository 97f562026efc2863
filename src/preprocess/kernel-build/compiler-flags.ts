// The compiler flags of a FreeBSD kernel or module build, as kern.pre.mk, kmod.mk and
// kern.mk assemble them for clang. Only what changes the front end is kept: warnings,
// -pipe and linker flags do not alter a translation unit's tokens or declarations.
import { clangTriple } from "../../targets/index.js";
import type { FreeBSDRelease } from "../../targets/types.js";
import type { BuildFlags, BuildMode, KernelBuildSpec, MacroFlag } from "./types.js";

/**
 * kern.mk sets CSTD=c99, which it passes as -std=iso9899:1999: strict C99, so clang
 * defines __STRICT_ANSI__ and none of the GNU-only names like `unix`.
 */
export const KERNEL_C_STANDARD = { flag: "iso9899:1999", dialect: "c99", year: 1999 } as const;

/**
 * Flags every kernel and module compile gets: COPTFLAGS (-O2 -fno-strict-aliasing) and
 * kern.mk's -ffreestanding, -fwrapv, -fstack-protector (SSP is on by default for the
 * kernel) and -fno-common.
 */
const COMMON_CODEGEN = [
  "-O2",
  "-fno-strict-aliasing",
  "-ffreestanding",
  "-fwrapv",
  "-fstack-protector",
  "-fno-common",
];

/**
 * kern.mk's FORMAT_EXTENSIONS for clang: the kernel's printf(9) format checking renames
 * the __printf__ format archetype. It is a -D, so it reaches every header.
 */
const FORMAT_EXTENSIONS: MacroFlag = {
  kind: "define",
  name: "__printf__",
  value: "__freebsd_kprintf__",
};

/** Extra code-generation flags kmod.mk adds for modules, by MACHINE_CPUARCH. */
const MODULE_CODEGEN_BY_CPUARCH: Readonly<Record<string, readonly string[]>> = {
  amd64: ["-fno-omit-frame-pointer", "-mno-omit-leaf-frame-pointer"],
  aarch64: ["-fPIC"],
  riscv: ["-fPIC"],
  arm: ["-mno-movt", "-mfpu=none", "-funwind-tables"],
  powerpc: ["-mlongcall", "-fno-omit-frame-pointer"],
};

/** Whether the compile includes the kernel configuration's opt_global.h. */
export function usesKernelOptionHeaders(mode: BuildMode, hasOptionHeaders: boolean): boolean {
  // The kernel build always does (kern.pre.mk); a module only when built against a kernel
  // build directory (kmod.mk with KERNBUILDDIR).
  return mode === "kernel" || hasOptionHeaders;
}

function define(name: string, value = "1"): MacroFlag {
  return { kind: "define", name, value };
}

/** The build's flags for `spec`, user -D/-U/-I last as CONF_CFLAGS would be. */
export function buildFlags(spec: KernelBuildSpec, release: FreeBSDRelease): BuildFlags {
  const kernelOptions = usesKernelOptionHeaders(spec.mode, spec.optionHeaders !== undefined);
  const macros: MacroFlag[] = [define("_KERNEL")];
  if (spec.mode === "module") macros.push(define("KLD_MODULE"));
  if (kernelOptions) macros.push(define("HAVE_KERNEL_OPTION_HEADERS"));
  macros.push(FORMAT_EXTENSIONS, ...spec.user.macros);

  const codegen = [...COMMON_CODEGEN, ...spec.target.kernelCFlags];
  if (spec.mode === "module")
    codegen.push(...(MODULE_CODEGEN_BY_CPUARCH[spec.target.machineCpuArch] ?? []));

  return {
    triple: clangTriple(spec.target, release),
    cStandard: KERNEL_C_STANDARD.flag,
    dialect: KERNEL_C_STANDARD.dialect,
    standardYear: KERNEL_C_STANDARD.year,
    codegen,
    macros,
    forcedIncludes: kernelOptions ? ["opt_global.h"] : [],
    userIncludeDirs: [...spec.user.includeDirs],
  };
}

/** `-DNAME=VALUE` / `-UNAME` spelling of a macro flag, as a compiler takes it. */
export function macroFlagArgument(flag: MacroFlag): string {
  return flag.kind === "define" ? `-D${flag.name}=${flag.value}` : `-U${flag.name}`;
}

/** The `#define`/`#undef` line the flag stands for, as clang writes it into <command line>. */
export function macroFlagDirective(flag: MacroFlag): string {
  return flag.kind === "define" ? `#define ${flag.name} ${flag.value}` : `#undef ${flag.name}`;
}

/**
 * Parses a user's `-D` argument (`NAME`, `NAME=VALUE`, `NAME(args)=body`). A bare name
 * means `1`, as in every C compiler.
 */
export function parseDefineArgument(text: string): MacroFlag | undefined {
  const eq = text.indexOf("=");
  const name = eq < 0 ? text : text.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\([A-Za-z0-9_, .]*\))?$/.test(name)) return undefined;
  return { kind: "define", name, value: eq < 0 ? "1" : text.slice(eq + 1) };
}

export function parseUndefineArgument(text: string): MacroFlag | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? { kind: "undefine", name: text } : undefined;
}
