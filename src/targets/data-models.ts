// The two C data models of FreeBSD's targets. Each target description starts from its
// model and states only where its arch departs from it (long double, i386's 4-byte
// alignment of 8-byte members, wchar_t's signedness), so each table shows what is
// particular to its arch.
import type { ScalarKind, ScalarLayout, StandardTypes } from "./types.js";

/** LP64: 64-bit long and pointers, __int128 available. */
export const LP64_SCALARS: Readonly<Record<ScalarKind, ScalarLayout>> = {
  _Bool: { size: 1, align: 1 },
  char: { size: 1, align: 1 },
  short: { size: 2, align: 2 },
  int: { size: 4, align: 4 },
  long: { size: 8, align: 8 },
  "long long": { size: 8, align: 8 },
  __int128: { size: 16, align: 16 },
  float: { size: 4, align: 4 },
  double: { size: 8, align: 8 },
  "long double": { size: 16, align: 16 },
  pointer: { size: 8, align: 8 },
};

/** ILP32: 32-bit int, long and pointers; no __int128 (size 0). */
export const ILP32_SCALARS: Readonly<Record<ScalarKind, ScalarLayout>> = {
  ...LP64_SCALARS,
  long: { size: 4, align: 4 },
  __int128: { size: 0, align: 0 },
  "long double": { size: 8, align: 8 },
  pointer: { size: 4, align: 4 },
};

export const LP64_TYPES: Readonly<StandardTypes> = {
  sizeType: "long unsigned int",
  ptrdiffType: "long int",
  intmaxType: "long int",
  uintmaxType: "long unsigned int",
  intptrType: "long int",
  wcharType: "int",
  wintType: "int",
  int64Type: "long int",
};

export const ILP32_TYPES: Readonly<StandardTypes> = {
  sizeType: "unsigned int",
  ptrdiffType: "int",
  intmaxType: "long long int",
  uintmaxType: "long long unsigned int",
  intptrType: "int",
  wcharType: "int",
  wintType: "int",
  int64Type: "long long int",
};
