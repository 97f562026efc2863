// Integer, character and string literal spellings to values.
import { SIMPLE_ESCAPES } from "../preprocess/index.js";

export interface IntegerLiteral {
  value: bigint;
  decimal: boolean;
  suffix: string;
}

/** Parses an integer pp-number; null for floating literals and malformed numbers. */
export function parseIntegerLiteral(text: string): IntegerLiteral | null {
  // Most literals are plain decimal digits: no pattern needed for those.
  if (isPlainDecimal(text)) return { value: BigInt(text), decimal: true, suffix: "" };
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  const suffix = m[2]!;
  if (!/^(u?(l|ll|L|LL)?|(l|ll|L|LL)u?)$/i.test(suffix) || /lL|Ll/.test(suffix)) return null;
  let value: bigint;
  if (/^0[xX]/.test(digits) || /^0[bB]/.test(digits)) value = BigInt(digits);
  else if (digits.length > 1 && digits.startsWith("0")) value = BigInt("0o" + digits.slice(1));
  else value = BigInt(digits);
  return { value, decimal: /^[1-9]/.test(digits), suffix };
}

/** Digits only, the first of them 1-9. */
function isPlainDecimal(text: string): boolean {
  const first = text.charCodeAt(0);
  if (!(first >= 49 && first <= 57)) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Decodes the body of a literal into code units. */
function decodeBody(body: string): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      const cp = body.codePointAt(i)!;
      if (cp > 0x7f) {
        for (const b of Buffer.from(String.fromCodePoint(cp), "utf8")) out.push(b);
        if (cp > 0xffff) i++;
      } else out.push(cp);
      continue;
    }
    const n = body[++i];
    if (n === undefined) return null;
    if (n in SIMPLE_ESCAPES) out.push(SIMPLE_ESCAPES[n]!);
    else if (n === "x") {
      const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 1));
      if (!m) return null;
      out.push(parseInt(m[0], 16));
      i += m[0].length;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))!;
      out.push(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else return null;
  }
  return out;
}

/** Value of a plain character constant (type int); null for prefixed or multi-char ones. */
export function decodeCharConstant(text: string, charIsSigned: boolean): bigint | null {
  if (!text.startsWith("'") || !text.endsWith("'")) return null;
  const units = decodeBody(text.slice(1, -1));
  if (!units || units.length !== 1) return null;
  const u = units[0]! & 0xff;
  return BigInt(charIsSigned && u > 127 ? u - 256 : u);
}

/** The string a plain literal denotes (escapes resolved; bytes above 0x7f kept as code units). */
export function decodeStringLiteral(text: string): string {
  const body = text.slice(text.indexOf('"') + 1, -1);
  const units = decodeBody(body) ?? [];
  return Buffer.from(units).toString("latin1");
}
