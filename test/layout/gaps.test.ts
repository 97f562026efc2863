// Holes and tail padding account for every bit: in a struct, members, holes and tail
// padding add up to the size; the view renders every record of a large generated unit.
import { describe, expect, it } from "vitest";
import { getTarget, targetNames } from "../../src/targets/index.js";
import { LayoutEngine, recordSpellings, renderRecordText } from "../../src/layout/index.js";
import { randomUnit } from "./support/random-unit.js";

describe("holes and padding", () => {
  const unit = randomUnit(7, 400);

  for (const name of targetNames) {
    it(`every bit of every struct is a member, a hole or padding (${name})`, () => {
      const engine = new LayoutEngine({ ...unit, target: name }, getTarget(name));
      const { layouts, diagnostics } = engine.layoutAll();
      expect(diagnostics).toEqual([]);
      expect(layouts.length).toBe(unit.records.length);
      for (const l of layouts) {
        const occupied = l.fields.reduce((sum, f) => sum + (f.bitWidth ?? f.size * 8), 0);
        const widest = Math.max(
          0,
          ...l.fields.map((f) => f.bitOffset + (f.bitWidth ?? f.size * 8)),
        );
        const holes = l.holes.reduce((sum, h) => sum + h.bits, 0);
        if (l.kind === "struct") {
          expect(occupied + holes + l.tailPaddingBits, l.id).toBe(l.size * 8);
        } else {
          expect(l.holes, l.id).toEqual([]);
          expect(widest + l.tailPaddingBits, l.id).toBe(l.size * 8);
        }
        for (const h of l.holes) expect(h.bits, l.id).toBeGreaterThan(0);
      }
    });
  }

  it("renders every record with aligned columns and no colour unless asked", () => {
    const target = getTarget("amd64");
    const engine = new LayoutEngine({ ...unit, target: "amd64" }, target);
    const names = recordSpellings(unit);
    for (const l of engine.layoutAll().layouts) {
      const name = names.get(l.id);
      if (!name) continue;
      const text = renderRecordText(l, name, engine, { cacheLine: 64, color: false });
      expect(text).not.toMatch(/undefined|NaN|\x1b\[/);
      const columns = text.split("\n").filter((line) => /\S\s+\/\* +\S+ +\S+ \*\/$/.test(line));
      expect(new Set(columns.map((line) => line.lastIndexOf("/*"))).size, name).toBe(1);
      expect(text).toMatch(
        new RegExp(`/\\* size ${l.size}, align ${l.align}, members ${l.fields.length},`),
      );
      const coloured = renderRecordText(l, name, engine, { cacheLine: 64, color: true });
      expect(coloured).toContain("\x1b[");
    }
  });
});
