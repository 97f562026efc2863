// The parsed descriptions carry what a later emitter needs (method signatures, defaults,
// static methods, argument directions, lock specs, hooks), checked on the real interface files.
// Expected values are read from the source files themselves (no tool computes them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { kobjDialectOf, vnodeDialectOf } from "../../src/kobj/dialect.js";
import type { MethodDescription } from "../../src/kobj/model.js";
import {
  generateKobjHeaders,
  kobjMethodSymbols,
  readInterfaceFile,
  readVnodeOps,
} from "../../src/kobj/index.js";
import { describeWith, needTree, sysTree } from "../support/environment.js";

const script = (release: "13.0" | "11.0", name: string) =>
  readFileSync(join(sysTree(release), "tools", name), "utf8");

describeWith(
  [needTree("13.0"), needTree("11.0")],
  "output conventions read from each tree's scripts",
  () => {
    it("makeobjops.awk", () => {
      expect(kobjDialectOf(script("13.0", "makeobjops.awk"))).toEqual({
        generatedWord: "@generated",
        prologEpilog: true,
        singleton: true,
      });
      expect(kobjDialectOf(script("11.0", "makeobjops.awk"))).toEqual({
        generatedWord: "produced",
        prologEpilog: false,
        singleton: false,
      });
    });
    it("vnode_if.awk", () => {
      expect(vnodeDialectOf(script("13.0", "vnode_if.awk"))).toEqual({
        generatedWord: "@generated",
        sourceId: "$FreeBSD$",
        debugHooks: true,
        inlineFastPath: true,
        registeredVectors: true,
      });
      expect(vnodeDialectOf(script("11.0", "vnode_if.awk"))).toEqual({
        generatedWord: "produced",
        sourceId: "$FreeBSD$",
        debugHooks: false,
        inlineFastPath: false,
        registeredVectors: false,
      });
    });
  },
);

describeWith([needTree("13.0")], "parsed kern/device_if.m (13.0)", () => {
  const sys = sysTree("13.0");
  const methods = () =>
    readInterfaceFile(sys, "kern/device_if.m").file.entries.filter(
      (e): e is MethodDescription => e.kind === "method",
    );

  it("names the interface and its methods in order", () => {
    const parsed = readInterfaceFile(sys, "kern/device_if.m");
    expect(parsed.file.name).toBe("device");
    expect(parsed.warnings).toEqual([]);
    expect(methods().map((m) => m.name)).toEqual([
      "probe",
      "identify",
      "attach",
      "detach",
      "shutdown",
      "suspend",
      "resume",
      "quiesce",
      "register",
    ]);
  });

  it("describes a static method's typed parameters", () => {
    const identify = methods().find((m) => m.name === "identify")!;
    expect(identify.isStatic).toBe(true);
    expect(identify.returnType).toBe("void");
    expect(identify.params.map((p) => [p.type, p.identifier])).toEqual([
      ["driver_t *", "driver"],
      ["device_t", "parent"],
    ]);
  });

  it("keeps defaults, pointer returns, hooks and doc comments", () => {
    const byName = new Map(methods().map((m) => [m.name, m]));
    expect(byName.get("probe")!.defaultImplementation).toBeUndefined();
    expect(byName.get("shutdown")!.defaultImplementation).toBe("null_shutdown");
    expect(byName.get("register")!.returnType).toBe("void *");
    expect(byName.get("probe")!.prolog).toContain("TSENTER2(device_get_name(dev));");
    expect(byName.get("probe")!.epilog).toContain("TSEXIT2(device_get_name(dev));");
    expect(byName.get("detach")!.prolog).toBe("");
    expect(byName.get("probe")!.doc).toMatch(/^\/\*\*[\s\S]*@retval ENXIO[\s\S]*\*\/\n$/);
  });
});

describeWith([needTree("13.0")], "kobj method symbols", () => {
  it("name what the generated header declares, for every method of every interface", () => {
    const sys = sysTree("13.0");
    const headers = generateKobjHeaders(sys, ["kern/device_if.m", "kern/bus_if.m"]);
    expect(kobjMethodSymbols({ interfaceName: "device", name: "probe" })).toEqual({
      descriptor: "device_probe_desc",
      functionType: "device_probe_t",
      wrapper: "DEVICE_PROBE",
    });
    for (const file of ["kern/device_if.m", "kern/bus_if.m"]) {
      const parsed = readInterfaceFile(sys, file).file;
      const header = headers.get(file.replace(/^kern\/(.*)\.m$/, "$1.h"))!;
      for (const entry of parsed.entries) {
        if (entry.kind !== "method") continue;
        const symbols = kobjMethodSymbols(entry);
        expect(header).toContain(`extern struct kobjop_desc ${symbols.descriptor};`);
        expect(header).toMatch(new RegExp(`typedef [^;]* ${symbols.functionType}\\(`));
        expect(header).toMatch(new RegExp(`static __inline [^(]* ${symbols.wrapper}\\(`));
      }
    }
  });
});

describeWith([needTree("13.0")], "parsed kern/vnode_if.src (13.0)", () => {
  const ops = () => readVnodeOps(sysTree("13.0")).ops;

  it("describes arguments with directions and release flags", () => {
    const rename = ops().find((o) => o.name === "vop_rename")!;
    expect(rename.args.slice(0, 3)).toEqual([
      { direction: "IN", willRelease: true, type: "struct vnode *", name: "fdvp" },
      { direction: "IN", willRelease: true, type: "struct vnode *", name: "fvp" },
      { direction: "IN", willRelease: false, type: "struct componentname *", name: "fcnp" },
    ]);
    expect(rename.hooks).toEqual({ pre: "vop_rename_pre", post: "vop_rename_post" });
  });

  it("attaches lock specs to the operation they precede", () => {
    const lookup = ops().find((o) => o.name === "vop_lookup")!;
    expect(lookup.args.map((a) => `${a.direction} ${a.type}${a.name}`)).toEqual([
      "IN struct vnode *dvp",
      "INOUT struct vnode **vpp",
      "IN struct componentname *cnp",
    ]);
    expect(lookup.locks).toEqual({
      dvp: { entry: "L", ok: "L", error: "L" },
      vpp: { entry: "-", ok: "L", error: "-" },
    });
  });

  it("keeps debug hooks", () => {
    const lock = ops().find((o) => o.name === "vop_lock1")!;
    expect(lock.hooks).toEqual({ debugpre: "vop_lock_debugpre", debugpost: "vop_lock_debugpost" });
  });
});
