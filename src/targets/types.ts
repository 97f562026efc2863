// The shape of a target description. Every target is one data module implementing
// TargetDescription; stages read these facts instead of branching on the arch name.

export type TargetName =
  | "amd64"
  | "i386"
  | "arm64"
  | "armv7"
  | "riscv64"
  | "powerpc"
  | "powerpc64"
  | "powerpc64le";

/** C scalar types whose size and alignment differ between targets. */
export type ScalarKind =
  | "_Bool"
  | "char"
  | "short"
  | "int"
  | "long"
  | "long long"
  | "__int128"
  | "float"
  | "double"
  | "long double"
  | "pointer";

export interface ScalarLayout {
  /** sizeof, in bytes; 0 (with align 0) when the target lacks the type (__int128 on 32-bit targets). */
  size: number;
  /** Alignment as a struct member and for _Alignof (clang's ABI alignment). */
  align: number;
  /** __alignof__ / preferred alignment where it differs from `align` (e.g. double on i386). */
  preferredAlign?: number;
}

/** How the target allocates bitfields: the switches clang's record layout consults. */
export interface BitfieldRules {
  /** A bitfield's declared type contributes its alignment to the record. */
  useBitfieldTypeAlignment: boolean;
  /**
   * The AAPCS/AAPCS64 rule: an unnamed bitfield's declared type counts toward the record's
   * alignment (a zero-width one even in a packed record). Elsewhere unnamed bitfields only
   * move the next field (zero-width: to the type's alignment) and leave the alignment alone.
   */
  useZeroLengthBitfieldAlignment: boolean;
  /** When set, zero-width bitfields align to this many bits instead of their type. */
  zeroLengthBitfieldBoundary?: number;
}

/** The C types the compiler uses for size_t, ptrdiff_t and the like. */
export interface StandardTypes {
  sizeType: string;
  ptrdiffType: string;
  intmaxType: string;
  uintmaxType: string;
  intptrType: string;
  wcharType: string;
  /** wint_t: `unsigned int` on riscv64, `int` elsewhere. */
  wintType: string;
  /** int64_t: `long int` on LP64 targets, `long long int` on ILP32. */
  int64Type: string;
}

/** Binary formats of the floating types; drives the __FLT_*, __DBL_*, __LDBL_* families. */
export type FloatFormat =
  | "ieee-half"
  | "ieee-single"
  | "ieee-double"
  | "x87-extended"
  | "ieee-quad";

export interface TargetAbi {
  endian: "little" | "big";
  charIsSigned: boolean;
  scalars: Record<ScalarKind, ScalarLayout>;
  /** __BIGGEST_ALIGNMENT__. */
  maxAlign: number;
  bitfields: BitfieldRules;
  standardTypes: StandardTypes;
  /** Format of `long double` (`float` is always ieee-single, `double` ieee-double). */
  longDoubleFormat: FloatFormat;
  /**
   * Whether enums shrink to the smallest integer type that fits (-fshort-enums). No FreeBSD
   * target does; `enumUnderlyingType()` in enums.ts holds the full rule.
   */
  shortEnums: boolean;
  /** Widest atomic operation done inline (lock-free), in bits. */
  maxAtomicInlineWidth: number;
  /**
   * `_Atomic T` with sizeof(T) up to this many bits is padded to the next power of two and
   * aligned to that size.
   */
  maxAtomicPromoteWidth: number;
  /** sizeof and _Alignof of `__builtin_va_list`. */
  vaList: ScalarLayout;
}

export interface MacroDefinition {
  name: string;
  /** The replacement text exactly as `-dM -E` prints it ("" for an empty definition). */
  value: string;
}

/**
 * Predefined macros that are specific to the arch rather than derived from the ABI facts,
 * and what the kernel code-generation flags change about them.
 */
export interface ArchMacros {
  /** CPU and ABI macros for the default CPU of the triple (e.g. `__x86_64__`, `__ARM_ARCH`). */
  base: MacroDefinition[];
  /** Macros outside the reserved namespace, defined only in GNU modes (e.g. `i386`). */
  gnuOnly: MacroDefinition[];
  /** Whether `_Float16` is available, which brings the __FLT16_* family. */
  hasFloat16: boolean;
  /** Cache line size used for __GCC_CONSTRUCTIVE_SIZE / __GCC_DESTRUCTIVE_SIZE. */
  cacheLineSize: number;
  /** __BITINT_MAXWIDTH__. */
  bitIntMaxWidth: number;
  /** Whether __REGISTER_PREFIX__ is defined (as empty). */
  hasRegisterPrefix: boolean;
  /**
   * Changes clang makes for releases before `beforeMajor` (the triple carries the release:
   * powerpc64 was ELFv1 before FreeBSD 13), applied after `base`.
   */
  olderReleases?: { beforeMajor: number; remove: string[]; define: MacroDefinition[] }[];
  /** What `kernelCFlags` change: names removed, then definitions added or replaced. */
  kernel: {
    remove: string[];
    define: MacroDefinition[];
    /** Whether _Float16 survives the kernel flags (soft-float x86 loses it). */
    hasFloat16: boolean;
  };
}

export interface TargetDescription {
  name: TargetName;
  /** The arch component of the clang triple, e.g. "x86_64", "armv7", "powerpc64le". */
  clangArch: string;
  /** Extra triple environment, e.g. "gnueabihf" for armv7 hard float; empty when none. */
  tripleEnvironment: string;
  /** MACHINE as the kernel build knows it: the `<machine>/include` directory name. */
  machine: string;
  /** MACHINE_ARCH. */
  machineArch: string;
  /** MACHINE_CPUARCH (e.g. "arm" for armv7, "riscv" for riscv64). */
  machineCpuArch: string;
  /** Whether the build maps `x86/` to `x86/include` (amd64 and i386). */
  hasX86Headers: boolean;
  /**
   * Code-generation flags the FreeBSD 13 kernel build adds for this arch (kern.mk, plus
   * Makefile.<arch> where kern.mk has none), as clang receives them.
   */
  kernelCFlags: string[];
  /** Rust's `target_arch` value for cfg() in the emitted crate. */
  rustTargetArch: string;
  /** The Rust target triple for FreeBSD on this arch, e.g. "riscv64gc-unknown-freebsd". */
  rustTarget: string;
  abi: TargetAbi;
  macros: ArchMacros;
}

/** A FreeBSD release as the triple names it: `<arch>-unknown-freebsd<major>.<minor>`. */
export interface FreeBSDRelease {
  major: number;
  minor: number;
}
