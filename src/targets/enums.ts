// The integer type the compiler gives an enum, from its enumerator values.
import { integerType, type IntegerType } from "./integer-types.js";
import type { TargetAbi } from "./types.js";

function fits(t: IntegerType, min: bigint, max: bigint): boolean {
  const lo = t.signed ? -(1n << BigInt(t.width - 1)) : 0n;
  const hi = (1n << BigInt(t.signed ? t.width - 1 : t.width)) - 1n;
  return min >= lo && max <= hi;
}

/**
 * The enum's underlying type, as clang decides it for C: without negative enumerators the
 * first of unsigned int, unsigned long, unsigned long long that holds every value; with
 * negative ones int, long, long long. A packed enum (`__attribute__((packed))`) or a
 * short-enum target starts the search at char. The
 * enumerator constants themselves stay `int` when they fit; only the enum type changes.
 * An empty value list means an enum with no enumerators: clang treats it as holding 0.
 */
export function enumUnderlyingType(
  abi: TargetAbi,
  values: readonly bigint[],
  packed = false,
): IntegerType {
  const all = values.length > 0 ? values : [0n];
  const min = all.reduce((a, b) => (b < a ? b : a));
  const max = all.reduce((a, b) => (b > a ? b : a));
  const negative = min < 0n;
  const signedNames = ["int", "long int", "long long int"];
  const unsignedNames = ["unsigned int", "long unsigned int", "long long unsigned int"];
  const names = negative ? signedNames : unsignedNames;
  const short = negative ? ["signed char", "short"] : ["unsigned char", "unsigned short"];
  for (const name of packed || abi.shortEnums ? [...short, ...names] : names) {
    const t = integerType(abi, name);
    if (fits(t, min, max)) return t;
  }
  throw new Error(`enumerator values ${min}..${max} fit no integer type`);
}
