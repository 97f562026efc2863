// Building ChangeSide values from snapshot items.
import type { Place } from "../snapshot/index.js";
import type { ChangeSide } from "./model.js";

export function sideAt(place: Place, extra: Omit<ChangeSide, "file" | "line"> = {}): ChangeSide {
  return { file: place.file, line: place.line, ...extra };
}

/** "byte 12" or "byte 12 bit 3" for a bit offset. */
export function describeOffset(bitOffset: number): string {
  const byte = Math.floor(bitOffset / 8);
  const bit = bitOffset % 8;
  return bit === 0 ? `offset ${byte}` : `offset ${byte} bit ${bit}`;
}

/** "old → new", or what both mean when the spelling did not change (a typedef did). */
export function meaning(
  oldType: string,
  oldCanonical: string,
  newType: string,
  newCanonical: string,
): string {
  return oldType === newType
    ? `${oldType} now means ${newCanonical} (was ${oldCanonical})`
    : `${oldType} → ${newType}`;
}
