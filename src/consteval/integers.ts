// C integer types on a target: widths, signedness, conversions, promotions and the usual
// arithmetic conversions. Values are bigints held in the range of their type.
import type { IntegerKind } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";

export interface IntValue {
  value: bigint;
  type: IntegerKind;
}

const RANK: Record<IntegerKind, number> = {
  _Bool: 0,
  char: 1,
  "signed char": 1,
  "unsigned char": 1,
  short: 2,
  "unsigned short": 2,
  int: 3,
  "unsigned int": 3,
  long: 4,
  "unsigned long": 4,
  "long long": 5,
  "unsigned long long": 5,
  __int128: 6,
  "unsigned __int128": 6,
};

const UNSIGNED_OF: Partial<Record<IntegerKind, IntegerKind>> = {
  char: "unsigned char",
  "signed char": "unsigned char",
  short: "unsigned short",
  int: "unsigned int",
  long: "unsigned long",
  "long long": "unsigned long long",
  __int128: "unsigned __int128",
};

export function isIntegerKind(name: string): name is IntegerKind {
  return Object.hasOwn(RANK, name);
}

export function integerBits(abi: TargetAbi, kind: IntegerKind): number {
  switch (kind) {
    case "_Bool":
      return 8 * abi.scalars._Bool.size;
    case "char":
    case "signed char":
    case "unsigned char":
      return 8 * abi.scalars.char.size;
    case "short":
    case "unsigned short":
      return 8 * abi.scalars.short.size;
    case "int":
    case "unsigned int":
      return 8 * abi.scalars.int.size;
    case "long":
    case "unsigned long":
      return 8 * abi.scalars.long.size;
    case "long long":
    case "unsigned long long":
      return 8 * abi.scalars["long long"].size;
    case "__int128":
    case "unsigned __int128":
      return 128;
  }
}

export function isSigned(abi: TargetAbi, kind: IntegerKind): boolean {
  if (kind === "char") return abi.charIsSigned;
  if (kind === "_Bool") return false;
  return !kind.startsWith("unsigned");
}

export function unsignedOf(kind: IntegerKind): IntegerKind {
  return UNSIGNED_OF[kind] ?? kind;
}

interface Bounds {
  min: bigint;
  max: bigint;
}

// Every literal and conversion asks for bounds; bigint shifts are slow, so each target
// computes them once per kind.
const boundsByAbi = new WeakMap<TargetAbi, Map<IntegerKind, Bounds>>();

function boundsOf(abi: TargetAbi, kind: IntegerKind): Bounds {
  let table = boundsByAbi.get(abi);
  if (!table) {
    table = new Map();
    boundsByAbi.set(abi, table);
  }
  let b = table.get(kind);
  if (!b) {
    const bits = BigInt(integerBits(abi, kind));
    b = isSigned(abi, kind)
      ? { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n }
      : { min: 0n, max: (1n << bits) - 1n };
    table.set(kind, b);
  }
  return b;
}

export function minOf(abi: TargetAbi, kind: IntegerKind): bigint {
  return boundsOf(abi, kind).min;
}

export function maxOf(abi: TargetAbi, kind: IntegerKind): bigint {
  return boundsOf(abi, kind).max;
}

export function fits(abi: TargetAbi, kind: IntegerKind, value: bigint): boolean {
  const b = boundsOf(abi, kind);
  return value >= b.min && value <= b.max;
}

/** Conversion to `kind` as C does it: _Bool tests for zero, others wrap modulo 2^N. */
export function convert(abi: TargetAbi, value: bigint, kind: IntegerKind): IntValue {
  if (kind === "_Bool") return { value: value === 0n ? 0n : 1n, type: kind };
  const bits = integerBits(abi, kind);
  const wrapped = isSigned(abi, kind) ? BigInt.asIntN(bits, value) : BigInt.asUintN(bits, value);
  return { value: wrapped, type: kind };
}

/** Integer promotion: anything ranked below int becomes int (every such value fits). */
export function promote(v: IntValue): IntValue {
  if (RANK[v.type] >= RANK.int) return v;
  return { value: v.value, type: "int" };
}

/** The common type of the usual arithmetic conversions for two promoted operands. */
export function commonType(abi: TargetAbi, a: IntegerKind, b: IntegerKind): IntegerKind {
  if (a === b) return a;
  const sa = isSigned(abi, a);
  const sb = isSigned(abi, b);
  if (sa === sb) return RANK[a] >= RANK[b] ? a : b;
  const [s, u] = sa ? [a, b] : [b, a];
  if (RANK[u] >= RANK[s]) return u;
  if (integerBits(abi, s) > integerBits(abi, u)) return s;
  return unsignedOf(s);
}

/** The type of an integer literal from its digits' base and its suffix. */
export function literalType(
  abi: TargetAbi,
  value: bigint,
  decimal: boolean,
  suffix: string,
): IntegerKind | null {
  const s = suffix.toLowerCase();
  const unsigned = s.includes("u");
  const longs = s.includes("ll") ? 2 : s.includes("l") ? 1 : 0;
  const ladder: IntegerKind[] = [];
  const signedSteps: IntegerKind[] = ["int", "long", "long long"].slice(longs) as IntegerKind[];
  for (const k of signedSteps) {
    if (!unsigned) ladder.push(k);
    if (unsigned || !decimal) ladder.push(unsignedOf(k));
  }
  for (const k of ladder) if (fits(abi, k, value)) return k;
  return null;
}
