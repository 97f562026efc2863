// The integer type clang gives a C enum from its values.
import type { IntegerKind } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";
import { fits } from "./integers.js";

/**
 * Non-packed: int when some value is negative (widening to long, long long as needed),
 * otherwise unsigned int (widening to unsigned long, unsigned long long). Packed: the
 * smallest type of the same family that holds every value, starting from char.
 */
export function enumIntegerType(
  abi: TargetAbi,
  values: readonly bigint[],
  packed: boolean,
): IntegerKind {
  const negative = values.some((v) => v < 0n);
  const signedLadder: IntegerKind[] = [
    "signed char",
    "short",
    "int",
    "long",
    "long long",
    "__int128",
  ];
  const unsignedLadder: IntegerKind[] = [
    "unsigned char",
    "unsigned short",
    "unsigned int",
    "unsigned long",
    "unsigned long long",
    "unsigned __int128",
  ];
  const ladder = (negative ? signedLadder : unsignedLadder).slice(packed ? 0 : 2);
  for (const k of ladder) if (values.every((v) => fits(abi, k, v))) return k;
  return negative ? "long long" : "unsigned long long";
}
