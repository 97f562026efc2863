// Macros that name the compiler (clang 19) and its fixed constants, the same on every target.
import { fail } from "../../diagnostics/index.js";
import type { MacroDefinition } from "../types.js";

export interface ClangVersion {
  major: number;
  minor: number;
  patch: number;
  /** Vendor before "Clang" in __VERSION__, e.g. "Debian " (empty for upstream builds). */
  vendor: string;
  /** Text after the version number, e.g. " (3~deb12u1)". */
  suffix: string;
}

/** The clang-19 this project is tested against. */
export const defaultClangVersion: ClangVersion = {
  major: 19,
  minor: 1,
  patch: 7,
  vendor: "Debian ",
  suffix: " (3~deb12u1)",
};

/** Reads the first line of `clang --version`, e.g. "Debian clang version 19.1.7 (3~deb12u1)". */
export function parseClangVersion(versionOutput: string): ClangVersion {
  const firstLine = versionOutput.split("\n")[0] ?? "";
  const match = /^(.*?)clang version (\d+)\.(\d+)\.(\d+)(.*)$/.exec(firstLine.trim());
  if (!match) fail(`cannot read a clang version from '${firstLine}'`);
  const vendor = match[1]!.replace(/^(\S)/, (c) => c.toUpperCase());
  return {
    major: Number(match[2]),
    minor: Number(match[3]),
    patch: Number(match[4]),
    vendor,
    suffix: match[5]!,
  };
}

const fixed: [string, string][] = [
  ["__llvm__", "1"],
  ["__clang__", "1"],
  // clang presents itself as GCC 4.2.1.
  ["__GNUC__", "4"],
  ["__GNUC_MINOR__", "2"],
  ["__GNUC_PATCHLEVEL__", "1"],
  ["__GXX_ABI_VERSION", "1002"],
  ["__clang_literal_encoding__", '"UTF-8"'],
  ["__clang_wide_literal_encoding__", '"UTF-32"'],
  ["__ATOMIC_RELAXED", "0"],
  ["__ATOMIC_CONSUME", "1"],
  ["__ATOMIC_ACQUIRE", "2"],
  ["__ATOMIC_RELEASE", "3"],
  ["__ATOMIC_ACQ_REL", "4"],
  ["__ATOMIC_SEQ_CST", "5"],
  ["__MEMORY_SCOPE_SYSTEM", "0"],
  ["__MEMORY_SCOPE_DEVICE", "1"],
  ["__MEMORY_SCOPE_WRKGRP", "2"],
  ["__MEMORY_SCOPE_WVFRNT", "3"],
  ["__MEMORY_SCOPE_SINGLE", "4"],
  ["__OPENCL_MEMORY_SCOPE_WORK_ITEM", "0"],
  ["__OPENCL_MEMORY_SCOPE_WORK_GROUP", "1"],
  ["__OPENCL_MEMORY_SCOPE_DEVICE", "2"],
  ["__OPENCL_MEMORY_SCOPE_ALL_SVM_DEVICES", "3"],
  ["__OPENCL_MEMORY_SCOPE_SUB_GROUP", "4"],
  ["__FPCLASS_SNAN", "0x0001"],
  ["__FPCLASS_QNAN", "0x0002"],
  ["__FPCLASS_NEGINF", "0x0004"],
  ["__FPCLASS_NEGNORMAL", "0x0008"],
  ["__FPCLASS_NEGSUBNORMAL", "0x0010"],
  ["__FPCLASS_NEGZERO", "0x0020"],
  ["__FPCLASS_POSZERO", "0x0040"],
  ["__FPCLASS_POSSUBNORMAL", "0x0080"],
  ["__FPCLASS_POSNORMAL", "0x0100"],
  ["__FPCLASS_POSINF", "0x0200"],
  ["__CONSTANT_CFSTRINGS__", "1"],
  ["__OBJC_BOOL_IS_BOOL", "0"],
  ["__PRAGMA_REDEFINE_EXTNAME", "1"],
  ["__FINITE_MATH_ONLY__", "0"],
  // No -O: the preprocessing runs without optimization.
  ["__NO_INLINE__", "1"],
  ["__USER_LABEL_PREFIX__", ""],
];

export function compilerMacros(version: ClangVersion): MacroDefinition[] {
  const number = `${version.major}.${version.minor}.${version.patch}`;
  return [
    ...fixed.map(([name, value]) => ({ name, value })),
    { name: "__clang_major__", value: String(version.major) },
    { name: "__clang_minor__", value: String(version.minor) },
    { name: "__clang_patchlevel__", value: String(version.patch) },
    { name: "__clang_version__", value: `"${number}${version.suffix}"` },
    { name: "__VERSION__", value: `"${version.vendor}Clang ${number}${version.suffix}"` },
  ];
}
