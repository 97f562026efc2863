// Interface files from the build's own lists: kmod.mk's MFILES for a module, conf/files and
// conf/files.<machine> for a kernel, read as make and config(8) read them; the tree is
// walked only when it has no such list. A listed file that is missing, and a list that
// cannot be read, are located diagnostics.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticError, type Diagnostic } from "../../src/diagnostics/index.js";
import { listInterfaceFiles, listInterfaces } from "../../src/kobj/index.js";

const scratch = mkdtempSync(join(tmpdir(), "kobj-lists-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let trees = 0;
/** A fresh tree holding `files` (path → text; interface files get a stub text). */
function tree(files: Record<string, string | null>): string {
  const sys = join(scratch, `t${trees++}`, "sys");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(sys, path)), { recursive: true });
    writeFileSync(join(sys, path), text ?? "INTERFACE stub;\n");
  }
  return sys;
}

/** The one diagnostic `run` fails with. */
function failure(run: () => unknown): Diagnostic {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DiagnosticError);
    return (e as DiagnosticError).diagnostics[0]!;
  }
  throw new Error("expected a diagnostic");
}

const kmod = (mfiles: string) =>
  `# kmod.mk of an older tree\nAWK?=\tawk\n\nMFILES?= ${mfiles}\n\n.for _srcsrc in \${MFILES}\n.endfor\n`;

describe("module mode: conf/kmod.mk's MFILES", () => {
  const sys = tree({
    "conf/kmod.mk": kmod(
      "kern/bus_if.m kern/device_if.m \\\n\tdev/pci/pci_if.m \\\n" +
        "\t# dev/old/old_if.m is commented out \\\n\tdev/too/too_if.m\n" +
        "MFILES+=\tisa/isa_if.m # appended\n",
    ),
    "kern/bus_if.m": null,
    "kern/device_if.m": null,
    "dev/pci/pci_if.m": null,
    "dev/old/old_if.m": null,
    "isa/isa_if.m": null,
    // Not listed: a module build never generates it, and it would clash with kern's.
    "dev/decoy/device_if.m": null,
    "dev/unlisted/unlisted_if.m": null,
  });

  it("takes exactly the listed files, across continuation lines and up to a comment", () => {
    const listing = listInterfaces(sys, { mode: "module", machine: "amd64" });
    expect(listing.files).toEqual([
      "dev/pci/pci_if.m",
      "isa/isa_if.m",
      "kern/bus_if.m",
      "kern/device_if.m",
    ]);
    expect(listing.lists).toEqual(["conf/kmod.mk"]);
    expect(listing.missing).toEqual([]);
  });

  it("the decoy makes the walk fail, so the list is what is read", () => {
    expect(() => listInterfaceFiles(sys, { machine: "amd64" })).toThrow(
      /both dev\/decoy\/device_if\.m and kern\/device_if\.m generate device_if\.h/,
    );
  });

  it("a listed file the tree lacks generates nothing (a module naming it fails to build)", () => {
    const partial = tree({
      "conf/kmod.mk": kmod("kern/bus_if.m pc98/pc98/canbus_if.m"),
      "kern/bus_if.m": null,
    });
    const listing = listInterfaces(partial, { mode: "module", machine: "amd64" });
    expect(listing.files).toEqual(["kern/bus_if.m"]);
    expect(listing.missing).toEqual(["pc98/pc98/canbus_if.m"]);
  });

  it("of two entries with one base name the first listed is built, as in kmod.mk", () => {
    const twice = tree({
      "conf/kmod.mk": kmod("powerpc/powerpc/pic_if.m kern/pic_if.m"),
      "kern/pic_if.m": null,
      "powerpc/powerpc/pic_if.m": null,
    });
    expect(listInterfaceFiles(twice, { mode: "module", machine: "amd64" })).toEqual([
      "powerpc/powerpc/pic_if.m",
    ]);
  });

  it("a newer kmod.mk, which finds every *_if.m itself, means the walk", () => {
    const newer = tree({
      "conf/kmod.mk": "__MPATH!=find ${SYSDIR:tA}/ -name \\*_if.m\n_MPATH=${__MPATH:H:O:u}\n",
      "kern/bus_if.m": null,
      "arm64/arm64/mmu_if.m": null,
    });
    const listing = listInterfaces(newer, { mode: "module", machine: "amd64" });
    expect(listing.files).toEqual(["kern/bus_if.m"]);
    expect(listing.lists).toEqual(["conf/kmod.mk"]);
  });

  it("an entry that is not a literal interface path is a located error", () => {
    const cases: [string, RegExp, number, number][] = [
      ["kern/bus_if.m \\\n\t${EXTRA}/x_if.m", /names a variable/, 5, 2],
      ["kern/bus_if.m kern/bus_if.h", /kern\/bus_if\.h is not an interface file/, 4, 24],
      ["../outside_if.m", /not a path inside the kernel tree/, 4, 10],
    ];
    for (const [mfiles, message, line, column] of cases) {
      const bad = tree({ "conf/kmod.mk": kmod(mfiles), "kern/bus_if.m": null });
      const d = failure(() => listInterfaceFiles(bad, { mode: "module" }));
      expect(d.message).toMatch(message);
      expect(d.location).toEqual({ file: join(bad, "conf/kmod.mk"), line, column });
    }
    const shell = tree({ "conf/kmod.mk": "MFILES!= ls */*.m\n" });
    const d = failure(() => listInterfaceFiles(shell, { mode: "module" }));
    expect(d.message).toMatch(/shell command/);
    expect(d.location).toMatchObject({ line: 1, column: 7 });
  });
});

const confFiles = `# conf/files of a fixture tree
#
kern/bus_if.m			standard
kern/device_if.m		standard
kern/kern_bus.c			standard
kern/pic_if.m			optional intrng
dev/pci/pci_if.m		optional pci
dev/pci/pci.c			optional pci \\
	compile-with	"\${NORMAL_C} -DFOO='a b'"
dev/usb/usb_if.m		optional usb | \\
	uhci
dev/nodep/nodep_if.m		optional nodep no-depend
#dev/old/old_if.m		standard
kern/bus_if.m			optional pci
`;

const confFilesAmd64 = `# conf/files.amd64
amd64/amd64/pic_if.m		standard
x86/x86/msi_if.m		optional	pci ! xen
`;

describe("kernel mode: conf/files and conf/files.<machine>", () => {
  const sys = tree({
    "conf/files": confFiles,
    "conf/files.amd64": confFilesAmd64,
    "conf/files.arm64": "arm64/arm64/mmu_if.m\tstandard\n",
    "kern/bus_if.m": null,
    "kern/device_if.m": null,
    "kern/pic_if.m": null,
    "dev/pci/pci_if.m": null,
    "dev/usb/usb_if.m": null,
    "dev/nodep/nodep_if.m": null,
    "dev/old/old_if.m": null,
    "amd64/amd64/pic_if.m": null,
    "x86/x86/msi_if.m": null,
    "arm64/arm64/mmu_if.m": null,
    "dev/decoy/decoy_if.m": null,
  });

  it("takes every .m entry, standard or optional, of the machine-independent and the machine's list", () => {
    const listing = listInterfaces(sys, { mode: "kernel", machine: "amd64" });
    expect(listing.files).toEqual([
      "amd64/amd64/pic_if.m",
      "dev/pci/pci_if.m",
      "dev/usb/usb_if.m",
      "kern/bus_if.m",
      "kern/device_if.m",
      "x86/x86/msi_if.m",
    ]);
    expect(listing.lists).toEqual(["conf/files", "conf/files.amd64"]);
    expect(listInterfaceFiles(sys, { mode: "kernel", machine: "arm64" })).toEqual([
      "arm64/arm64/mmu_if.m",
      "dev/pci/pci_if.m",
      "dev/usb/usb_if.m",
      "kern/bus_if.m",
      "kern/device_if.m",
      "kern/pic_if.m",
    ]);
  });

  it("follows an include of another list", () => {
    const including = tree({
      "conf/files": 'include "conf/files.extra"\nkern/bus_if.m standard\n',
      "conf/files.extra": "dev/extra/extra_if.m optional extra\n",
      "conf/files.amd64": "",
      "kern/bus_if.m": null,
      "dev/extra/extra_if.m": null,
    });
    const listing = listInterfaces(including, { mode: "kernel", machine: "amd64" });
    expect(listing.files).toEqual(["dev/extra/extra_if.m", "kern/bus_if.m"]);
    expect(listing.lists).toEqual(["conf/files", "conf/files.extra", "conf/files.amd64"]);
  });

  it("a missing standard entry fails every build: a located error", () => {
    const lacking = tree({
      "conf/files": confFiles,
      "conf/files.amd64": confFilesAmd64,
      "kern/bus_if.m": null,
      "kern/device_if.m": null,
    });
    const d = failure(() => listInterfaceFiles(lacking, { mode: "kernel", machine: "amd64" }));
    expect(d.message).toMatch(/interface file amd64\/amd64\/pic_if\.m not found/);
    expect(d.location).toEqual({ file: join(lacking, "conf/files.amd64"), line: 2, column: 1 });
  });

  it("a missing optional entry generates nothing", () => {
    const partial = tree({
      "conf/files": "kern/bus_if.m standard\ndev/gone/gone_if.m optional gone\n",
      "conf/files.amd64": "",
      "kern/bus_if.m": null,
    });
    const listing = listInterfaces(partial, { mode: "kernel", machine: "amd64" });
    expect(listing.files).toEqual(["kern/bus_if.m"]);
    expect(listing.missing).toEqual(["dev/gone/gone_if.m"]);
  });

  it("a list config(8) rejects is a located error", () => {
    const cases: [string, RegExp, number, number][] = [
      [
        "kern/bus_if.m\tsometimes pci\n",
        /"sometimes": kern\/bus_if\.m must be optional or standard/,
        1,
        15,
      ],
      ["kern/bus_if.m\n", /no type for kern\/bus_if\.m/, 1, 1],
      ["# ok\nkern/bus_if.m optional\n", /what is kern\/bus_if\.m optional on\?/, 2, 1],
      [
        "kern/bus_if.m standard pci\n",
        /standard entry kern\/bus_if\.m has optional inclusion specifier pci/,
        1,
        24,
      ],
      ['kern/x.c optional pci \\\n  compile-with "cc -c\n', /missing closing quote/, 2, 16],
      ["kern/x.c optional pci compile-with\n", /compile-with needs a quoted argument/, 1, 23],
      ["kern/bus_if.m optional | pci\n", /syntax error describing kern\/bus_if\.m/, 1, 24],
      ['include "conf/nowhere"\n', /no such file: conf\/nowhere/, 1, 9],
    ];
    for (const [text, message, line, column] of cases) {
      const bad = tree({ "conf/files": text, "conf/files.amd64": "", "kern/bus_if.m": null });
      const d = failure(() => listInterfaceFiles(bad, { mode: "kernel", machine: "amd64" }));
      expect(d.message).toMatch(message);
      expect(d.location).toEqual({ file: join(bad, "conf/files"), line, column });
    }
  });

  it("config(8) stops without the machine's list, and so does the listing", () => {
    const d = failure(() => listInterfaceFiles(sys, { mode: "kernel", machine: "i386" }));
    expect(d.message).toMatch(/no conf\/files\.i386/);
    expect(d.location).toMatchObject({ file: join(sys, "conf/files"), line: 1 });
    expect(() => listInterfaceFiles(sys, { mode: "kernel" })).toThrow(/depend on the machine/);
  });
});

describe("a tree without the lists", () => {
  const sys = tree({
    "kern/bus_if.m": null,
    "dev/pci/pci_if.m": null,
    "arm64/arm64/mmu_if.m": null,
  });

  it("is walked in either mode, with the machine's architecture directories", () => {
    for (const mode of ["kernel", "module"] as const) {
      const listing = listInterfaces(sys, { mode, machine: "amd64" });
      expect(listing.files).toEqual(["dev/pci/pci_if.m", "kern/bus_if.m"]);
      // A list created later changes the result, so it is a dependency though absent.
      expect(listing.lists).toEqual([mode === "kernel" ? "conf/files" : "conf/kmod.mk"]);
    }
    expect(listInterfaceFiles(sys)).toEqual([
      "arm64/arm64/mmu_if.m",
      "dev/pci/pci_if.m",
      "kern/bus_if.m",
    ]);
  });
});
