// Every layout fixture, parsed by the front end and laid out for every target, must match
// clang-19's layout of the same file exactly: sizes, alignments, offsets and bitfield bits.
import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { targetNames } from "../../src/targets/index.js";
import { formatVerifyReport, recordSpellings } from "../../src/verify/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { fixtureDir, runFixture } from "./support/fixture-run.js";

const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith(".c"))
  .sort();

describeWith([needClang()], "layout fixtures match clang-19 on every target", () => {
  it("has fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  for (const fixture of fixtures) {
    for (const name of targetNames) {
      it(`${fixture} on ${name}`, async () => {
        const { unit, report } = await runFixture(fixture, name);
        const nameable = [...recordSpellings(unit).keys()].filter(
          (id) => unit.records.find((r) => r.id === id)?.complete,
        );
        expect(nameable.length).toBeGreaterThan(0);
        expect(report.recordsChecked).toBeGreaterThanOrEqual(nameable.length);
        expect(report.unchecked).toEqual([]);
        expect(formatVerifyReport(report, name)).toBe(
          `${name}: ${report.recordsChecked} records checked, ${report.fieldsChecked} fields checked, 0 mismatches\n`,
        );
      });
    }
  }
});
