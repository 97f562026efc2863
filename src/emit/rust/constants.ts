// Macro constants as Rust consts, typed the way bindgen types them: u32 for values that
// fit, i32 for negatives that fit, else u64/i64; strings as NUL-terminated byte arrays.
import type { MacroConstant } from "../../ir/index.js";
import { rustIdent } from "./keywords.js";
import type { Selection } from "./selection.js";
import type { LineShaper } from "./shaped-lines.js";

const U32_MAX = 0xffffffffn;
const I32_MIN = -0x80000000n;

export function integerConstantType(value: bigint): string {
  if (value >= 0n) return value <= U32_MAX ? "u32" : "u64";
  return value >= I32_MIN ? "i32" : "i64";
}

function byteString(value: string): { literal: string; length: number } {
  const bytes = Buffer.from(value, "latin1");
  let literal = "";
  for (const b of bytes) {
    if (b === 0x22) literal += '\\"';
    else if (b === 0x5c) literal += "\\\\";
    else if (b >= 0x20 && b < 0x7f) literal += String.fromCharCode(b);
    else literal += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return { literal: `b"${literal}\\0"`, length: bytes.length + 1 };
}

/** u32 or i32 for a decimal of at most nine digits (most constants), without BigInt. */
function smallIntegerType(value: string): string | null {
  const negative = value.charCodeAt(0) === 45; // '-'
  const digits = value.length - (negative ? 1 : 0);
  if (digits < 1 || digits > 9) return null;
  for (let i = negative ? 1 : 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return negative && /[1-9]/.test(value) ? "i32" : "u32";
}

/** The type of any other value; null when even 64 bits cannot hold it. */
function wideIntegerType(value: bigint): string | null {
  const type = integerConstantType(value);
  if (type === "u64" && value > 0xffffffffffffffffn) return null;
  if (type === "i64" && value < -(1n << 63n)) return null;
  return type;
}

/**
 * The selected constants whose names are still free in `values` (which records them), in
 * name order.
 */
export function emitConstants(
  constants: readonly MacroConstant[],
  selection: Pick<Selection, "constant">,
  values: Set<string>,
  shaper: LineShaper,
): { lines: string[]; count: number } {
  const sorted = byName(constants);
  const lines: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    const name = rustIdent(c.name);
    if (!IDENTIFIER.test(c.name) || !selection.constant(name) || values.has(name)) continue;
    values.add(name);
    if (c.kind === "integer") {
      const type = smallIntegerType(c.value) ?? wideIntegerType(BigInt(c.value));
      if (type === null) continue;
      lines.push(`${shaper.constant(`pub const ${name}: ${type} =`, c.value)}\n`);
    } else {
      const s = byteString(c.value);
      lines.push(`${shaper.constant(`pub const ${name}: &[u8; ${s.length}usize] =`, s.literal)}\n`);
    }
  }
  return { lines, count: lines.length };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The constants sorted by name (stably). The macro summary lists them in name order
 * already, which a plain loop confirms for much less than a sort's comparator calls.
 */
function byName(constants: readonly MacroConstant[]): readonly MacroConstant[] {
  for (let i = 1; i < constants.length; i++) {
    if (constants[i - 1]!.name > constants[i]!.name) {
      return constants.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
  }
  return constants;
}
