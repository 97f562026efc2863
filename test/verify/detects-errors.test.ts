// Verification catches a wrong layout: the engine run with deliberately wrong ABI facts
// must be contradicted by the compiler, with the right kind of mismatch.
import { expect, it } from "vitest";
import { clangTriple, getTarget, type TargetDescription } from "../../src/targets/index.js";
import { verifyLayouts } from "../../src/verify/index.js";
import { clangCommand, describeWith, needClang } from "../support/environment.js";
import { CWriter } from "../layout/support/c-from-ir.js";
import { randomUnit } from "../layout/support/random-unit.js";

const amd64 = getTarget("amd64");
const unit = { ...randomUnit(99, 120), target: "amd64" };
const text = new CWriter(unit).unitText();

function verifyWith(target: TargetDescription) {
  return verifyLayouts({
    unit,
    target,
    compiler: clangCommand,
    compilerArgs: [
      `--target=${clangTriple(amd64, { major: 13, minor: 0 })}`,
      "-ffreestanding",
      "-nostdinc",
    ],
    source: { text },
  });
}

describeWith([needClang()], "verify finds layouts that are wrong", () => {
  it("accepts the right ABI", async () => {
    expect((await verifyWith(amd64)).mismatches).toEqual([]);
  });

  it("catches a wrong bitfield rule through the bit positions", async () => {
    const wrong: TargetDescription = {
      ...amd64,
      abi: {
        ...amd64.abi,
        bitfields: { useBitfieldTypeAlignment: false, useZeroLengthBitfieldAlignment: false },
      },
    };
    const report = await verifyWith(wrong);
    const kinds = new Set(report.mismatches.map((m) => m.property));
    expect(kinds.has("bit offset")).toBe(true);
    const bit = report.mismatches.find((m) => m.property === "bit offset")!;
    expect(bit.ours).not.toBe(bit.compiler);
    expect(bit.member).not.toBe("");
  });

  it("catches a wrong scalar alignment through sizes, alignments and offsets", async () => {
    const scalars = { ...amd64.abi.scalars, double: { size: 8, align: 4 } };
    const report = await verifyWith({ ...amd64, abi: { ...amd64.abi, scalars } });
    const kinds = new Set(report.mismatches.map((m) => m.property));
    for (const kind of ["size", "align", "offset"])
      expect(kinds.has(kind as never), kind).toBe(true);
    for (const m of report.mismatches) expect(Number(m.ours)).not.toBe(Number(m.compiler));
  });
});
