// The characteristics of each binary floating format, and the __FLT_*-style macro family
// clang defines for a type in that format.
import type { FloatFormat, MacroDefinition } from "../types.js";
import { toExactDecimal, toSignificantDigits, type BinaryValue } from "./decimal.js";

export interface FloatFormatFacts {
  /** Significand bits including the implicit one (FLT_MANT_DIG). */
  mantissaDigits: number;
  /** FLT_MIN_EXP: one more than the smallest normal binary exponent. */
  minExponent: number;
  /** FLT_MAX_EXP. */
  maxExponent: number;
  /**
   * How the limits are written: rounded to DECIMAL_DIG significant digits, or (half
   * precision, whose limits are short) as exact decimal expansions.
   */
  rendering: "decimal-dig" | "exact";
}

export const floatFormats: Record<FloatFormat, FloatFormatFacts> = {
  "ieee-half": { mantissaDigits: 11, minExponent: -13, maxExponent: 16, rendering: "exact" },
  "ieee-single": {
    mantissaDigits: 24,
    minExponent: -125,
    maxExponent: 128,
    rendering: "decimal-dig",
  },
  "ieee-double": {
    mantissaDigits: 53,
    minExponent: -1021,
    maxExponent: 1024,
    rendering: "decimal-dig",
  },
  "x87-extended": {
    mantissaDigits: 64,
    minExponent: -16381,
    maxExponent: 16384,
    rendering: "decimal-dig",
  },
  "ieee-quad": {
    mantissaDigits: 113,
    minExponent: -16381,
    maxExponent: 16384,
    rendering: "decimal-dig",
  },
};

const log10of2 = Math.log10(2);

/** FLT_DIG: decimal digits that survive a round trip through the format. */
export function decimalDigits(f: FloatFormatFacts): number {
  return Math.floor((f.mantissaDigits - 1) * log10of2);
}

/** FLT_DECIMAL_DIG: decimal digits needed to round-trip any value of the format. */
export function decimalDigForRoundTrip(f: FloatFormatFacts): number {
  return Math.ceil(1 + f.mantissaDigits * log10of2);
}

function negative(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

/**
 * The macro family for one floating type, e.g. prefix "FLT" and literal suffix "F" give
 * __FLT_MANT_DIG__, __FLT_MAX__ 3.40282347e+38F, ...
 */
export function floatMacros(
  format: FloatFormat,
  prefix: string,
  suffix: string,
): MacroDefinition[] {
  const f = floatFormats[format];
  const p = f.mantissaDigits;
  const denormMin: BinaryValue = { mantissa: 1n, exp2: f.minExponent - p };
  const epsilon: BinaryValue = { mantissa: 1n, exp2: 1 - p };
  const max: BinaryValue = { mantissa: (1n << BigInt(p)) - 1n, exp2: f.maxExponent - p };
  const minNormal: BinaryValue = { mantissa: 1n, exp2: f.minExponent - 1 };
  const decimalDig = decimalDigForRoundTrip(f);
  const write = (v: BinaryValue): string =>
    (f.rendering === "exact" ? toExactDecimal(v) : toSignificantDigits(v, decimalDig)) + suffix;
  const m = (name: string, value: string | number): MacroDefinition => ({
    name: `__${prefix}_${name}__`,
    value: String(value),
  });
  return [
    m("DENORM_MIN", write(denormMin)),
    m("NORM_MAX", write(max)),
    m("HAS_DENORM", 1),
    m("DIG", decimalDigits(f)),
    m("DECIMAL_DIG", decimalDig),
    m("EPSILON", write(epsilon)),
    m("HAS_INFINITY", 1),
    m("HAS_QUIET_NAN", 1),
    m("MANT_DIG", p),
    m("MAX_10_EXP", Math.floor(f.maxExponent * log10of2)),
    m("MAX_EXP", f.maxExponent),
    m("MAX", write(max)),
    m("MIN_10_EXP", negative(Math.ceil((f.minExponent - 1) * log10of2))),
    m("MIN_EXP", negative(f.minExponent)),
    m("MIN", write(minNormal)),
  ];
}
