// The fixtures really exercise the target-dependent rules: the same record gets different
// layouts where the ABIs differ (and fixtures-vs-clang shows each one matches clang).
import { expect, it } from "vitest";
import type { TargetName } from "../../src/targets/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { runFixture } from "./support/fixture-run.js";

async function layoutOf(fixture: string, target: TargetName, id: string) {
  const { engine } = await runFixture(fixture, target);
  return engine.layoutOf(id);
}

describeWith([needClang()], "fixtures exercise target-dependent layout rules", () => {
  it("long long and double members align to 4 on i386 only", async () => {
    const i386 = await layoutOf("i386-alignment.c", "i386", "struct ll_member");
    const amd64 = await layoutOf("i386-alignment.c", "amd64", "struct ll_member");
    const armv7 = await layoutOf("i386-alignment.c", "armv7", "struct ll_member");
    expect(i386.fields[1].offset).toBeLessThan(amd64.fields[1].offset);
    expect(i386.align).toBeLessThan(armv7.align);
  });

  it("zero-width bitfields raise record alignment on AAPCS and AArch64 only", async () => {
    for (const id of ["struct zlb_int", "struct unnamed_nonzero"]) {
      const arm64 = await layoutOf("zero-length-bitfield.c", "arm64", id);
      const armv7 = await layoutOf("zero-length-bitfield.c", "armv7", id);
      const amd64 = await layoutOf("zero-length-bitfield.c", "amd64", id);
      expect(arm64.align).toBeGreaterThan(amd64.align);
      expect(armv7.align).toBeGreaterThan(amd64.align);
    }
  });

  it("pragma pack and packed remove holes that the unpacked record has", async () => {
    const packed = await layoutOf("pragma-pack.c", "amd64", "struct pack1");
    const unpacked = await layoutOf("pragma-pack.c", "amd64", "struct unpacked_after_pop");
    expect(packed.holes).toEqual([]);
    expect(unpacked.holes.length).toBeGreaterThan(0);
    const packedRecord = await layoutOf("packed.c", "amd64", "struct packed_record");
    expect(packedRecord.align).toBe(1);
  });

  it("records with holes and tail padding report them", async () => {
    const holes = await layoutOf("basic.c", "amd64", "struct holes");
    expect(holes.holes.map((h) => h.bits / 8)).toEqual([3, 6]);
    expect(holes.tailPaddingBits).toBe(7 * 8);
  });
});
