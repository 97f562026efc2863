import { describe, expect, it } from "vitest";
import { collectKernelConfig } from "../../src/kernconf/index.js";
import { memoryTree } from "./support.js";

const SYS = "/src/sys";
const collect = (files: Record<string, string>, kernconf = "amd64/conf/K") =>
  collectKernelConfig({
    sysDir: SYS,
    kernconf: `${SYS}/${kernconf}`,
    arch: "amd64",
    reader: memoryTree(SYS, files),
  });
const head = "cpu HAMMER\nident K\n";
const errorOf = (files: Record<string, string>, kernconf?: string): string => {
  try {
    collect(files, kernconf);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("collected without error");
};

describe("collecting a configuration", () => {
  it("reads DEFAULTS from the conf directory first", () => {
    const { config } = collect({
      "amd64/conf/DEFAULTS": "machine amd64\noptions FROM_DEFAULTS\n",
      "amd64/conf/K": head,
    });
    expect(config.machine).toBe("amd64");
    expect(config.machineArch).toBe("amd64");
    expect(config.machineWhere).toEqual({ file: "amd64/conf/DEFAULTS", line: 1, column: 9 });
    expect(config.sourceFiles).toEqual([`${SYS}/amd64/conf/DEFAULTS`, `${SYS}/amd64/conf/K`]);
    expect(config.options.map((o) => o.name)).toEqual(["FROM_DEFAULTS"]);
  });

  it("keeps options as config(8) lists them: new names at the head, repeats at the tail", () => {
    const { config } = collect({
      "amd64/conf/K": `machine amd64\n${head}options A\noptions B=1\noptions A=2\noptions C\noptions B=3\n`,
    });
    expect(config.options.map((o) => `${o.name}=${o.value}`)).toEqual([
      "C=null",
      "B=1",
      "A=null",
      "A=2",
      "B=3",
    ]);
    expect(config.options.map((o) => o.sequence)).toEqual([3, 1, 0, 2, 4]);
  });

  it("drops every setting of an option at nooptions, and a later options starts afresh", () => {
    const { config } = collect({
      "amd64/conf/K": `machine amd64\n${head}options A\noptions B\noptions A=2\nnooptions A\noptions C\noptions A=3\n`,
    });
    expect(config.options.map((o) => `${o.name}=${o.value}`)).toEqual(["A=3", "C=null", "B=null"]);
  });

  it("turns devices into DEV_ options and removes both at nodevice", () => {
    const { config, diagnostics } = collect({
      "amd64/conf/K": `machine amd64\n${head}device pci, uart\ndevice uart\ndevice my-dev\nnodevice pci\n`,
    });
    expect(config.devices.map((d) => d.name)).toEqual(["uart", "my-dev"]);
    expect(config.options.map((o) => `${o.name}=${o.value}:${o.origin}`)).toEqual([
      "DEV_MY-DEV=1:device",
      "DEV_UART=1:device",
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "duplicate option 'DEV_UART' ignored",
      "duplicate device 'uart' ignored",
    ]);
  });

  it("handles cpu and nocpu, ident, maxusers and profile", () => {
    const { config } = collect({
      "amd64/conf/K":
        "machine amd64\ncpu A\ncpu B\ncpu C\nnocpu B\nident ONE\nident TWO\nmaxusers 010\nprofile 2\n",
    });
    expect(config.cpus.map((c) => c.name)).toEqual(["A", "C"]);
    expect(config.ident).toBe("TWO");
    expect(config.maxusers).toBe(8);
    expect(config.profile).toBe(2);
  });

  it("collects makeoptions with +=, duplicates, removal and the config statement", () => {
    const { config, diagnostics } = collect({
      "amd64/conf/K": `machine amd64\n${head}makeoptions A=1\nmakeoptions B+=x\nmakeoptions A+=2\nmakeoptions A+=3\nmakeoptions A=9\nmakeoptions C=1\nnomakeoptions C\nconfig kern\n`,
    });
    expect(config.makeoptions.map((m) => `${m.name}=${m.value}`)).toEqual([
      "A=1 2 3",
      "B=x",
      "KERNEL=kern",
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual(["duplicate makeoption 'A' ignored"]);
  });

  it("collects hints, env, envvar and files in order", () => {
    const { config } = collect({
      "amd64/conf/K": `machine amd64\n${head}hints "K.hints"\nenv "K.env"\nenvvar a.b=c\nfiles "files.k"\n`,
    });
    expect(config.hints.map((h) => h.name)).toEqual(["K.hints"]);
    expect(config.environment.map((e) => `${e.kind}:${e.text}`)).toEqual([
      "file:K.env",
      "variable:a.b=c",
    ]);
    expect(config.files.map((f) => f.name)).toEqual(["files.k"]);
  });

  it("looks for includes in the conf directory, then sys/conf, then the configuration's directory", () => {
    const files = {
      "amd64/conf/K": `machine amd64\n${head}include "BOTH"\ninclude "ONLY_SYS_CONF"\n`,
      "amd64/conf/BOTH": "options FROM_ARCH_CONF\n",
      "conf/BOTH": "options FROM_SYS_CONF\n",
      "conf/ONLY_SYS_CONF": "options ONLY_SYS_CONF\n",
    };
    expect(
      collect(files)
        .config.options.map((o) => o.name)
        .sort(),
    ).toEqual(["FROM_ARCH_CONF", "ONLY_SYS_CONF"]);
    const outside = collect(
      {
        "../../home/me/K": `machine amd64\n${head}include "MINE"\ninclude "BOTH"\n`,
        "../../home/me/MINE": "options MINE\n",
        "amd64/conf/BOTH": "options FROM_ARCH_CONF\n",
      },
      "../../home/me/K",
    ).config;
    expect(outside.options.map((o) => o.name).sort()).toEqual(["FROM_ARCH_CONF", "MINE"]);
    expect(outside.options.find((o) => o.name === "MINE")?.where.file).toBe("/home/me/MINE");
  });

  it("does not look in sys/conf for names starting with '.'", () => {
    expect(
      errorOf({ "amd64/conf/K": `machine amd64\n${head}include ./X\n`, "conf/X": "options X\n" }),
    ).toMatch(
      /^amd64\/conf\/K:4:9: error: cannot open included file '.\/X' \(looked in amd64\/conf\/X\)/,
    );
  });

  it("reports an include cycle", () => {
    const msg = errorOf({
      "amd64/conf/K": `machine amd64\n${head}include "A"\n`,
      "amd64/conf/A": `include "B"\n`,
      "amd64/conf/B": `include "A"\n`,
    });
    expect(msg).toBe(
      "amd64/conf/B:1:9: error: include cycle: amd64/conf/A -> amd64/conf/B -> amd64/conf/A",
    );
  });

  it("ignores includes after options CONFIG_AUTOGENERATED", () => {
    const { config } = collect({
      "amd64/conf/K": `machine amd64\n${head}options CONFIG_AUTOGENERATED\ninclude "MISSING"\n`,
    });
    expect(config.options).toEqual([]);
  });

  it("allows a repeated identical machine line and rejects a different one", () => {
    expect(
      collect({ "amd64/conf/K": `machine amd64\nmachine amd64\n${head}` }).config.machine,
    ).toBe("amd64");
    expect(errorOf({ "amd64/conf/K": `machine amd64\n${head}machine i386\n` })).toBe(
      "amd64/conf/K:4:9: error: only one machine directive is allowed",
    );
  });

  it("warns when the machine differs from the architecture directory", () => {
    const { diagnostics } = collect({ "amd64/conf/K": `machine i386\n${head}` });
    expect(diagnostics.map((d) => d.message)).toEqual([
      "machine 'i386' differs from the architecture directory 'amd64' config runs in",
    ]);
  });

  it("requires machine, ident and cpu", () => {
    expect(errorOf({ "amd64/conf/K": "options A\n" }).split("\n")).toEqual([
      "amd64/conf/K:1: error: no 'machine' line (config(8) needs one; DEFAULTS usually has it)",
      "amd64/conf/K:1: error: no 'ident' line (config(8) needs one)",
      "amd64/conf/K:1: error: no 'cpu' line (config(8) needs at least one)",
    ]);
  });

  it("reports a missing configuration", () => {
    expect(errorOf({})).toBe("error: kernel configuration amd64/conf/K not found");
  });
});
