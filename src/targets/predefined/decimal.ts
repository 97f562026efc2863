// Exact decimal rendering of binary floating values (m * 2^e) with BigInt, so the float
// characteristic macros are computed from the format rather than copied as strings.

/** A value m * 2^exp2 with m > 0. */
export interface BinaryValue {
  mantissa: bigint;
  exp2: number;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** value * 10^scale as a fraction num/den. */
function scaled(v: BinaryValue, scale: number): { num: bigint; den: bigint } {
  let num = v.mantissa;
  let den = 1n;
  if (v.exp2 >= 0) num <<= BigInt(v.exp2);
  else den <<= BigInt(-v.exp2);
  if (scale >= 0) num *= pow10(scale);
  else den *= pow10(-scale);
  return { num, den };
}

/** floor(log10(value)), exactly. */
function decimalExponent(v: BinaryValue): number {
  const estimate = Math.floor(Math.log10(Number(v.mantissa)) + v.exp2 * Math.log10(2));
  for (let k = estimate - 2; k <= estimate + 2; k++) {
    // value < 10^(k+1)  <=>  value * 10^-(k+1) < 1
    const { num, den } = scaled(v, -(k + 1));
    if (num < den) return k;
  }
  throw new Error("decimal exponent estimate out of range");
}

function render(digits: string, exponent: number): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mantissa}e${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
}

/** The value rounded to `significant` digits (nearest, ties away), e.g. "1.19209290e-7". */
export function toSignificantDigits(v: BinaryValue, significant: number): string {
  let k = decimalExponent(v);
  const { num, den } = scaled(v, significant - 1 - k);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  if (q >= pow10(significant)) {
    q /= 10n;
    k += 1;
  }
  return render(q.toString(), k);
}

/** The exact decimal expansion, shortest form, e.g. "5.9604644775390625e-8". */
export function toExactDecimal(v: BinaryValue): string {
  const k = decimalExponent(v);
  // A binary fraction with 2^-n terminates after n decimal places.
  const places = Math.max(0, -v.exp2) + Math.max(0, -k) + 1;
  const { num, den } = scaled(v, places);
  if (num % den !== 0n) throw new Error("value does not terminate");
  const digits = (num / den).toString().replace(/0+$/, "");
  return render(digits === "" ? "0" : digits, k);
}
