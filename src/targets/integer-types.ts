// Facts about the C integer type names as clang spells them: width,
// signedness, printf length modifier and literal suffix, derived from the target's ABI.
import type { ScalarKind, TargetAbi } from "./types.js";

export interface IntegerType {
  /** Spelled as clang prints it, e.g. "long unsigned int". */
  name: string;
  kind: ScalarKind;
  signed: boolean;
  /** Width in bits. */
  width: number;
  /** printf length modifier: "hh", "h", "", "l", "ll". */
  lengthModifier: string;
  /** Integer literal suffix: "", "U", "L", "UL", "LL", "ULL". */
  literalSuffix: string;
}

interface Spelling {
  kind: ScalarKind;
  signed: boolean;
  lengthModifier: string;
}

const spellings: Record<string, Spelling> = {
  "signed char": { kind: "char", signed: true, lengthModifier: "hh" },
  "unsigned char": { kind: "char", signed: false, lengthModifier: "hh" },
  short: { kind: "short", signed: true, lengthModifier: "h" },
  "unsigned short": { kind: "short", signed: false, lengthModifier: "h" },
  int: { kind: "int", signed: true, lengthModifier: "" },
  "unsigned int": { kind: "int", signed: false, lengthModifier: "" },
  "long int": { kind: "long", signed: true, lengthModifier: "l" },
  "long unsigned int": { kind: "long", signed: false, lengthModifier: "l" },
  "long long int": { kind: "long long", signed: true, lengthModifier: "ll" },
  "long long unsigned int": { kind: "long long", signed: false, lengthModifier: "ll" },
};

/** Literal suffixes exist only for int and wider; narrower types promote to int. */
function literalSuffix(kind: ScalarKind, signed: boolean): string {
  const u = signed ? "" : "U";
  switch (kind) {
    case "int":
      return u;
    case "long":
      return `${u}L`;
    case "long long":
      return `${u}LL`;
    default:
      return "";
  }
}

export function integerType(abi: TargetAbi, name: string): IntegerType {
  const s = spellings[name];
  if (!s) throw new Error(`not an integer type spelling: '${name}'`);
  return {
    name,
    kind: s.kind,
    signed: s.signed,
    width: abi.scalars[s.kind].size * 8,
    lengthModifier: s.lengthModifier,
    literalSuffix: literalSuffix(s.kind, s.signed),
  };
}

const unsignedSpelling: Record<string, string> = {
  "signed char": "unsigned char",
  short: "unsigned short",
  int: "unsigned int",
  "long int": "long unsigned int",
  "long long int": "long long unsigned int",
};

/** The unsigned type of the same rank, spelled as clang does ("long int" -> "long unsigned int"). */
export function unsignedOf(abi: TargetAbi, t: IntegerType): IntegerType {
  return t.signed ? integerType(abi, unsignedSpelling[t.name]!) : t;
}

/** The type's maximum as clang writes it, e.g. 9223372036854775807L or 65535. */
export function maxLiteral(t: IntegerType): string {
  const max = (1n << BigInt(t.signed ? t.width - 1 : t.width)) - 1n;
  return `${max}${t.literalSuffix}`;
}

/** The exact-width signed type for 8/16/32/64 bits. */
export function exactWidthType(abi: TargetAbi, width: 8 | 16 | 32 | 64): IntegerType {
  const names = { 8: "signed char", 16: "short", 32: "int", 64: abi.standardTypes.int64Type };
  const t = integerType(abi, names[width]);
  if (t.width !== width) throw new Error(`no ${width}-bit integer type`);
  return t;
}
