// Which interface files a build generates from: all of them for the reduced trees, only the
// machine's architecture directories when a machine is named, and a diagnostic (never a
// silently dropped file) when two files would generate the same header.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { generateKobjHeaders, listInterfaceFiles } from "../../src/kobj/index.js";
import { describeWith, needTree, sysTree } from "../support/environment.js";

const tree = mkdtempSync(join(tmpdir(), "kobj-tree-"));
afterAll(() => rmSync(tree, { recursive: true, force: true }));
// A tree shaped like a full one: a machine-independent interface that powerpc overrides, and
// interfaces under architecture directories.
for (const file of [
  "kern/device_if.m",
  "kern/pic_if.m",
  "powerpc/powerpc/pic_if.m",
  "arm64/arm64/mmu_if.m",
  "x86/iommu/iommu_if.m",
  "dev/pci/pci_if.m",
  "kern/notes.txt",
]) {
  mkdirSync(dirname(join(tree, file)), { recursive: true });
  writeFileSync(join(tree, file), `INTERFACE ${file.replace(/^.*\/(.*)_if\.m$/, "$1")};\n`);
}

describe("listInterfaceFiles", () => {
  it("keeps each machine's own architecture directories", () => {
    expect(listInterfaceFiles(tree, { machine: "amd64" })).toEqual([
      "dev/pci/pci_if.m",
      "kern/device_if.m",
      "kern/pic_if.m",
      "x86/iommu/iommu_if.m",
    ]);
    expect(listInterfaceFiles(tree, { machine: "arm64" })).toEqual([
      "arm64/arm64/mmu_if.m",
      "dev/pci/pci_if.m",
      "kern/device_if.m",
      "kern/pic_if.m",
    ]);
  });

  it("prefers the machine's interface over a machine-independent one of the same name", () => {
    expect(listInterfaceFiles(tree, { machine: "powerpc" })).toEqual([
      "dev/pci/pci_if.m",
      "kern/device_if.m",
      "powerpc/powerpc/pic_if.m",
    ]);
  });

  it("reports two files generating one header when no machine is named", () => {
    expect(() => listInterfaceFiles(tree)).toThrow(DiagnosticError);
    expect(() => listInterfaceFiles(tree)).toThrow(
      /both kern\/pic_if\.m and powerpc\/powerpc\/pic_if\.m generate pic_if\.h; name the machine/,
    );
  });

  it("reports explicitly listed files that collide", () => {
    expect(() => generateKobjHeaders(tree, ["kern/pic_if.m", "powerpc/powerpc/pic_if.m"])).toThrow(
      /generate pic_if\.h/,
    );
  });
});

describeWith([needTree("13.0")], "interface files of the 13.0 tree", () => {
  it("an amd64 build leaves out the arm64 interfaces", () => {
    const sys = sysTree("13.0");
    const all = listInterfaceFiles(sys);
    const amd64 = listInterfaceFiles(sys, { machine: "amd64" });
    expect(all.filter((f) => f.startsWith("arm64/")).length).toBeGreaterThan(0);
    expect(amd64).toEqual(all.filter((f) => !f.startsWith("arm64/")));
    expect(amd64).toContain("kern/bus_if.m");
  });
});
