// What a kernel build looks like to the preprocessor: the inputs a user names (tree,
// target, mode, option headers, flags) and the include layout they turn into.
import type { CStandard } from "../../targets/predefined/index.js";
import type { FreeBSDRelease, TargetDescription } from "../../targets/types.js";

/**
 * `kernel`: a file compiled as part of the kernel (kern.pre.mk).
 * `module`: a file compiled into a loadable module (kmod.mk).
 */
export type BuildMode = "kernel" | "module";

/** One `-D` or `-U` from the command line; their relative order matters. */
export type MacroFlag =
  | { kind: "define"; name: string; value: string }
  | { kind: "undefine"; name: string };

export interface UserFlags {
  macros: MacroFlag[];
  /** `-I` directories, searched after the build's own. */
  includeDirs: string[];
}

export interface KernelBuildSpec {
  /** Absolute path of the kernel tree (the `sys` directory). */
  sysDir: string;
  target: TargetDescription;
  mode: BuildMode;
  /**
   * opt_*.h name → content, as config(8) writes them into a kernel build directory.
   * Absent: no kernel configuration. In kernel mode every opt header is then served empty
   * (the build without conf/options tables); in module mode the build is a standalone
   * module build, which kmod.mk gives empty opt headers and no opt_global.h.
   */
  optionHeaders?: ReadonlyMap<string, string>;
  /** Other generated headers of the build directory: `*_if.h`, `vnode_if*.h`. */
  generatedHeaders?: ReadonlyMap<string, string>;
  /** Overrides the release read from the tree's sys/param.h. */
  release?: FreeBSDRelease;
  user: UserFlags;
}

/** The build directory (`.` of the kernel build) as the tool synthesizes it. */
export interface BuildDirectory {
  /** Generated files by name (`opt_global.h`, `device_if.h`). */
  files: ReadonlyMap<string, string>;
  /** Directory aliases: `machine` → `<sys>/amd64/include`, `x86` → `<sys>/x86/include`. */
  aliases: ReadonlyMap<string, string>;
  /**
   * Whether an `opt_*.h` that is not in `files` exists as an empty file. True when no
   * option headers were given: a module's Makefile lists in SRCS every opt header its
   * sources need and kmod.mk creates each one empty, so a header-level tool serves any
   * requested opt header that way. False with a configuration: config(8) writes every
   * opt header the options tables name, so one it did not write does not exist.
   */
  emptyOptHeaders: boolean;
}

/** The compiler command line of the build, in the order the makefiles assemble it. */
export interface BuildFlags {
  /** The clang triple, e.g. `x86_64-unknown-freebsd13.0`. */
  triple: string;
  /** `-std=` value as the build spells it (kern.mk's CSTD). */
  cStandard: string;
  /** The same standard as the predefined-macro tables name it. */
  dialect: CStandard;
  /** The standard's year, which decides what __has_feature and friends answer. */
  standardYear: number;
  /** Flags that change code generation or predefined macros (no -D/-U/-I/-include). */
  codegen: string[];
  /** Build and user `-D`/`-U`, in command-line order. */
  macros: MacroFlag[];
  /** `-include` files, looked up like `#include "name"` from the build directory. */
  forcedIncludes: string[];
  /** User include directories, searched after the build's own. */
  userIncludeDirs: string[];
}
