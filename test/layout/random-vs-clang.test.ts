// Eight hundred generated records, laid out by the engine for every target and checked
// against clang-19's own layout of the same C (size, alignment, every offset and bit).
import { expect, it } from "vitest";
import { clangTriple, getTarget, targetNames } from "../../src/targets/index.js";
import { formatVerifyReport, verifyLayouts } from "../../src/verify/index.js";
import { clangCommand, describeWith, needClang } from "../support/environment.js";
import { CWriter } from "./support/c-from-ir.js";
import { randomUnit } from "./support/random-unit.js";

const release = { major: 13, minor: 0 };

describeWith([needClang()], "generated records match clang on every target", () => {
  const unit = randomUnit(20261121, 800);
  const text = new CWriter(unit).unitText();

  for (const name of targetNames) {
    it(name, async () => {
      const target = getTarget(name);
      const report = await verifyLayouts({
        unit: { ...unit, target: name },
        target,
        compiler: clangCommand,
        compilerArgs: [
          `--target=${clangTriple(target, release)}`,
          "-ffreestanding",
          "-nostdinc",
          "-std=gnu11",
        ],
        source: { text },
      });
      expect(report.recordsChecked).toBe(unit.records.filter((r) => r.parent === null).length);
      expect(report.fieldsChecked).toBeGreaterThan(1000);
      expect(formatVerifyReport(report, name)).toBe(
        `${name}: ${report.recordsChecked} records checked, ${report.fieldsChecked} fields checked, 0 mismatches\n`,
      );
    });
  }
});
