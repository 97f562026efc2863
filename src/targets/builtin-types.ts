// Size and alignment of every builtin C type on a target, the one place that maps C's
// type names onto the ABI's scalar table. Constant evaluation (sizeof of scalars) and the
// layout stage both ask here, so they cannot disagree.
import type { ScalarKind, ScalarLayout, TargetAbi } from "./types.js";

const SCALAR_OF: Readonly<Record<string, ScalarKind>> = {
  _Bool: "_Bool",
  char: "char",
  "signed char": "char",
  "unsigned char": "char",
  short: "short",
  "unsigned short": "short",
  int: "int",
  "unsigned int": "int",
  long: "long",
  "unsigned long": "long",
  "long long": "long long",
  "unsigned long long": "long long",
  __int128: "__int128",
  "unsigned __int128": "__int128",
  float: "float",
  double: "double",
  "long double": "long double",
};

/** Layout of a builtin type by its canonical C name; undefined for a name that is not one. */
export function builtinTypeLayout(abi: TargetAbi, name: string): ScalarLayout | undefined {
  // GNU C gives void a size of 1.
  if (name === "void") return { size: 1, align: 1 };
  if (name === "__builtin_va_list") return abi.vaList;
  if (name.endsWith(" _Complex")) {
    const kind = SCALAR_OF[name.slice(0, -" _Complex".length)];
    if (!kind) return undefined;
    const e = abi.scalars[kind];
    return { size: 2 * e.size, align: e.align, preferredAlign: e.preferredAlign };
  }
  const kind = SCALAR_OF[name];
  return kind ? abi.scalars[kind] : undefined;
}
