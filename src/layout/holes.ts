// The gaps of a laid-out record: bits between fields that no field occupies, and the
// padding after the last one.
import type { Hole } from "./types.js";

export interface OccupiedSpan {
  bitOffset: number;
  /** Bits the field covers: its width for bitfields, its size otherwise. */
  bits: number;
}

export interface Gaps {
  holes: Hole[];
  tailPaddingBits: number;
}

export function findGaps(kind: "struct" | "union", fields: OccupiedSpan[], sizeBits: number): Gaps {
  const holes: Hole[] = [];
  let end = 0;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    // Zero-width bitfields occupy nothing; they only move the next field.
    if (field.bits === 0) continue;
    if (kind === "struct" && field.bitOffset > end) {
      holes.push({ bitOffset: end, bits: field.bitOffset - end, beforeField: index });
    }
    end = Math.max(end, field.bitOffset + field.bits);
  }
  return { holes, tailPaddingBits: Math.max(0, sizeBits - end) };
}
