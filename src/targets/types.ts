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
  /** sizeof, in bytes. */
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
  /** An unnamed zero-width bitfield raises the record's alignment to its type's (AAPCS). */
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
}

export interface TargetAbi {
  endian: "little" | "big";
  charIsSigned: boolean;
  scalars: Record<ScalarKind, ScalarLayout>;
  /** __BIGGEST_ALIGNMENT__. */
  maxAlign: number;
  bitfields: BitfieldRules;
  standardTypes: StandardTypes;
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
  /** Code-generation flags the kernel build (kern.mk) adds for this arch. */
  kernelCFlags: string[];
  /** Rust's `target_arch` value for cfg() in the emitted crate. */
  rustTargetArch: string;
  abi: TargetAbi;
}

/** A FreeBSD release as the triple names it: `<arch>-unknown-freebsd<major>.<minor>`. */
export interface FreeBSDRelease {
  major: number;
  minor: number;
}
