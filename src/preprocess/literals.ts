// Values of integer and character constants in #if, with clang's diagnostics for the
// literals it rejects there (floating constants, bad digits or suffixes, overflow).
import { fail, type SourceLocation } from "../diagnostics/index.js";

const MAX_SIGNED = (1n << 63n) - 1n;
const MAX_UNSIGNED = (1n << 64n) - 1n;

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return 99;
}

const VALID_SUFFIXES = new Set(["", "u", "l", "ul", "lu", "ll", "ull", "llu"]);

export function integerValue(
  text: string,
  at: SourceLocation,
): { value: bigint; unsigned: boolean } {
  // Most #if numbers are short decimals without a suffix (`defined` gives 0 or 1): their
  // value fits a double exactly and needs no suffix checks.
  const n = text.length;
  if (n > 0 && n <= 15 && (n === 1 || text.charCodeAt(0) !== 48)) {
    let v = 0;
    let k = 0;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (k === n) return { value: BigInt(v), unsigned: false };
  }
  let radix = 10;
  let i = 0;
  const lower = text.toLowerCase();
  if (lower.startsWith("0x")) {
    radix = 16;
    i = 2;
  } else if (lower.startsWith("0b")) {
    radix = 2;
    i = 2;
  } else if (text.startsWith("0")) radix = 8;
  let end = i;
  while (end < text.length && digitValue(text.charCodeAt(end)) < (radix === 8 ? 10 : radix)) end++;
  const suffix = lower.slice(end);
  const rest = lower.slice(end);
  const isFloat =
    radix === 16
      ? /[.p]/.test(lower.slice(2))
      : radix !== 2 && (rest.startsWith(".") || rest.startsWith("e"));
  if (isFloat) fail("floating point literal in preprocessor expression", at);
  const atChar = (k: number): SourceLocation => ({ ...at, column: at.column + k });
  if (end === i && radix !== 8)
    fail(`invalid suffix '${text.slice(end)}' on integer constant`, atChar(end));
  // Suffix letters must match in case within a pair (lL is invalid); clang also accepts none of z, wb in C17.
  const spelledSuffix = text.slice(end);
  if (!VALID_SUFFIXES.has(suffix) || /lL|Ll/.test(spelledSuffix)) {
    fail(`invalid suffix '${spelledSuffix}' on integer constant`, atChar(end));
  }
  let value = 0n;
  const big = BigInt(radix);
  for (let k = i; k < end; k++) {
    const d = digitValue(text.charCodeAt(k));
    if (radix === 8 && d >= 8) fail(`invalid digit '${text[k]}' in octal constant`, atChar(k));
    value = value * big + BigInt(d);
  }
  if (value > MAX_UNSIGNED)
    fail("integer literal is too large to be represented in any integer type", at);
  const unsigned = suffix.includes("u") || value > MAX_SIGNED;
  return { value, unsigned };
}

/** C's single-character escapes (with GNU \e and \E) and the code unit each stands for. */
export const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  e: 27,
  E: 27,
  "\\": 92,
  "'": 39,
  '"': 34,
  "?": 63,
};

/** Code units of a character constant's body (escapes decoded; plain chars as UTF-8 bytes). */
function decodeUnits(body: string, wide: boolean, at: SourceLocation): number[] {
  const units: number[] = [];
  for (let i = 0; i < body.length; ) {
    const ch = body[i]!;
    if (ch !== "\\") {
      const cp = body.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (wide || cp < 0x80) units.push(cp);
      else for (const b of Buffer.from(String.fromCodePoint(cp), "utf8")) units.push(b);
      continue;
    }
    const e = body[i + 1] ?? "";
    if (e in SIMPLE_ESCAPES) {
      units.push(SIMPLE_ESCAPES[e]!);
      i += 2;
    } else if (e >= "0" && e <= "7") {
      let j = i + 1;
      let v = 0;
      while (j < body.length && j < i + 4 && body[j]! >= "0" && body[j]! <= "7")
        v = v * 8 + (body.charCodeAt(j++) - 48);
      units.push(v);
      i = j;
    } else if (e === "x") {
      let j = i + 2;
      let v = 0n;
      while (j < body.length && digitValue(body.charCodeAt(j)) < 16)
        v = v * 16n + BigInt(digitValue(body.charCodeAt(j++)));
      if (j === i + 2) fail("\\x used with no following hex digits", at);
      units.push(Number(BigInt.asUintN(32, v)));
      i = j;
    } else if (e === "u" || e === "U") {
      const n = e === "u" ? 4 : 8;
      const cp = parseInt(body.slice(i + 2, i + 2 + n), 16);
      i += 2 + n;
      if (wide) units.push(cp);
      else for (const b of Buffer.from(String.fromCodePoint(cp), "utf8")) units.push(b);
    } else {
      units.push(e.charCodeAt(0));
      i += 2;
    }
  }
  return units;
}

export function characterValue(
  text: string,
  charIsSigned: boolean,
  at: SourceLocation,
): { value: bigint; unsigned: boolean } {
  const quote = text.indexOf("'");
  const prefix = text.slice(0, quote);
  const body = text.slice(quote + 1, -1);
  if (body.length === 0) fail("empty character constant", at);
  if (prefix === "") {
    const units = decodeUnits(body, false, at);
    if (units.length === 1) {
      const byte = units[0]! & 0xff;
      return {
        value: BigInt(charIsSigned && byte > 127 ? byte - 256 : byte),
        unsigned: !charIsSigned,
      };
    }
    // A multi-character constant is an int built from the bytes, most significant first.
    let v = 0;
    for (const u of units) v = ((v << 8) | (u & 0xff)) >>> 0;
    return { value: BigInt(v | 0), unsigned: !charIsSigned };
  }
  const units = decodeUnits(body, true, at);
  const last = units[units.length - 1]!;
  // char16_t and char32_t constants are unsigned in #if, as clang evaluates them.
  if (prefix === "u") return { value: BigInt(last & 0xffff), unsigned: true };
  if (prefix === "U") return { value: BigInt(last >>> 0), unsigned: true };
  return { value: BigInt(last | 0), unsigned: false };
}
