// Header generation. Expected bytes are worked out by hand from config(8)'s algorithm: no
// config(8) runs here to act as an oracle (see fixtures/kernconf/README.md).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  collectKernelConfig,
  loadKernelConfig,
  readOptionTables,
  resolveKernelConfig,
} from "../../src/kernconf/index.js";
import { fixtureExpected, fixtureSys, memoryTree } from "./support.js";

const SYS = "/src/sys";

/** Resolves configuration `conf` against tables `options` (and options.amd64 `arch`). */
function resolveWith(conf: string, options: string, arch = "HAMMER opt_cpu.h\n", compat?: string) {
  const files: Record<string, string> = {
    "amd64/conf/K": `machine amd64\ncpu HAMMER\nident K\n${conf}`,
    "conf/options": `MAXUSERS\n${options}`,
    "conf/options.amd64": arch,
  };
  if (compat) files["conf/options-compat"] = compat;
  const reader = memoryTree(SYS, files);
  const collected = collectKernelConfig({
    sysDir: SYS,
    kernconf: `${SYS}/amd64/conf/K`,
    arch: "amd64",
    reader,
  });
  const tables = readOptionTables({
    sysDir: SYS,
    confDir: `${SYS}/amd64/conf`,
    machine: "amd64",
    reader,
  });
  return resolveKernelConfig(collected.config, tables.tables);
}
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("no error");
};

describe("option headers", () => {
  it("writes every known option's header, empty when the option is not set", () => {
    const { config } = resolveWith("options INET\n", "INET opt_inet.h\nINET6 opt_inet6.h\n");
    expect(config.headers).toEqual({
      "opt_cpu.h": "#define HAMMER 1\n",
      "opt_inet.h": "#define INET 1\n",
      "opt_inet6.h": "",
      "opt_maxusers.h": "#define MAXUSERS 0\n",
    });
  });

  it("orders a shared header as config(8)'s re-read-and-prepend leaves it", () => {
    // Table order A, B, C is walked C, B, A: C alone; B pushes C then itself: B C;
    // A re-reads B C, pushing each on the head (C B), then itself: A C B.
    const { config } = resolveWith("options A, B, C\n", "A opt_x.h\nB opt_x.h\nC opt_x.h\n");
    expect(config.headers["opt_x.h"]).toBe("#define A 1\n#define C 1\n#define B 1\n");
    // Four options: D alone; C D; B D C; A C D B.
    const four = resolveWith(
      "options A, B, C, D\n",
      "A opt_x.h\nB opt_x.h\nC opt_x.h\nD opt_x.h\n",
    ).config;
    expect(four.headers["opt_x.h"]).toBe("#define A 1\n#define C 1\n#define D 1\n#define B 1\n");
  });

  it("leaves a shared header untouched for an option that is not set", () => {
    // C; B unset (file untouched); A re-reads C and prepends itself: A C.
    const { config } = resolveWith("options A, C\n", "A opt_x.h\nB opt_x.h\nC opt_x.h\n");
    expect(config.headers["opt_x.h"]).toBe("#define A 1\n#define C 1\n");
  });

  it("uses the last setting of a repeated option and warns when the value changes", () => {
    const { config, diagnostics } = resolveWith(
      "options A=1\noptions A=2\noptions B\noptions B\n",
      "A\nB\n",
    );
    expect(config.headers["opt_a.h"]).toBe("#define A 2\n");
    expect(config.headers["opt_b.h"]).toBe("#define B 1\n");
    expect(diagnostics.map((d) => d.message)).toEqual(['option "A" redefined from 1 to 2']);
    expect(config.options.find((o) => o.name === "A")?.where?.line).toBe(5);
  });

  it("writes an empty header for an option removed by nooptions", () => {
    expect(resolveWith("options A=1\nnooptions A\n", "A\n").config.headers["opt_a.h"]).toBe("");
  });

  it("defines DEV_ options of devices the tables list and accepts the others", () => {
    const { config } = resolveWith("device atpic, pci\n", "DEV_ATPIC opt_atpic.h\n");
    expect(config.headers["opt_atpic.h"]).toBe("#define DEV_ATPIC 1\n");
    expect(config.options.map((o) => o.name)).not.toContain("DEV_PCI");
  });

  it("makes cpu types, MAXUSERS and the MACHINE_ARCH option into options", () => {
    const { config } = resolveWith("maxusers 64\n", "", "HAMMER opt_cpu.h\nAmd64 opt_global.h\n");
    expect(config.headers).toEqual({
      "opt_cpu.h": "#define HAMMER 1\n",
      "opt_global.h": "#define Amd64 1\n",
      "opt_maxusers.h": "#define MAXUSERS 64\n",
    });
    expect(config.options.map((o) => `${o.name}:${o.origin}`)).toEqual([
      "Amd64:machine-arch",
      "HAMMER:cpu",
      "MAXUSERS:maxusers",
    ]);
  });

  it("raises maxusers below 2 to 2, with a warning", () => {
    const { config, diagnostics } = resolveWith("maxusers 1\n", "");
    expect(config.headers["opt_maxusers.h"]).toBe("#define MAXUSERS 2\n");
    expect(diagnostics[0].message).toBe("maxusers 1 is below the minimum; 2 assumed");
  });

  it("warns about maxusers above 512 but keeps it", () => {
    const { config, diagnostics } = resolveWith("maxusers 1024\n", "");
    expect(config.headers["opt_maxusers.h"]).toBe("#define MAXUSERS 1024\n");
    expect(diagnostics[0].message).toBe("maxusers 1024 is above 512");
  });

  it("reports every unknown option at once", () => {
    const msg = errorOf(() => resolveWith("options NOPE1\noptions NOPE2\n", ""));
    expect(msg.split("\n")).toEqual([
      'amd64/conf/K:5:9: error: unknown option "NOPE2": no options table lists it',
      'amd64/conf/K:4:9: error: unknown option "NOPE1": no options table lists it',
    ]);
  });

  it("maps an options-compat alias to its new name, with a warning", () => {
    const { config, diagnostics } = resolveWith(
      "options OLD=3\n",
      "OLD opt_new.h\nNEW opt_new.h\n",
      undefined,
      "OLD NEW\n",
    );
    expect(config.headers["opt_new.h"]).toBe("#define NEW 3\n");
    expect(config.options.find((o) => o.name === "NEW")?.renamedFrom).toBe("OLD");
    expect(diagnostics.map((d) => d.message)).toEqual([
      "option OLD is an old name: mapping it to NEW",
    ]);
  });

  it("rejects an option no table lists, naming where it was set", () => {
    expect(
      errorOf(() => resolveWith("options INET\noptions NOPE\noptions DEV_OK\n", "INET\n")),
    ).toBe('amd64/conf/K:5:9: error: unknown option "NOPE": no options table lists it');
  });

  it("keeps only the first word of a blank-containing value when it re-reads a shared header", () => {
    const { config, diagnostics } = resolveWith('options S="a b", T\n', "T opt_g.h\nS opt_g.h\n");
    expect(config.headers["opt_g.h"]).toBe("#define T 1\n#define S a\n");
    expect(diagnostics.map((d) => d.message)[0]).toMatch(/value of option "S" contains blanks/);
  });

  it("reproduces the FULL fixture's headers byte for byte", () => {
    const { resolved, diagnostics } = loadKernelConfig({
      sysDir: fixtureSys,
      kernconf: "FULL",
      arch: "amd64",
    });
    const dir = join(fixtureExpected, "FULL");
    const expected = Object.fromEntries(
      readdirSync(dir)
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
    );
    expect(resolved.headers).toEqual(expected);
    expect(Object.keys(resolved.headers)).toEqual(Object.keys(expected));
    expect(diagnostics.map((d) => `${d.location?.line ?? "-"}: ${d.message}`)).toEqual([
      "36: duplicate option 'DEV_UART' ignored",
      "36: duplicate device 'uart' ignored",
      "29: option OLD_NAME is an old name: mapping it to NEW_NAME",
      '31: option "SCSI_DELAY" redefined from 5000 to 6000',
      '26: value of option "SPACED" contains blanks; config(8) re-reads headers word by word, so a header it shares can keep only part of it',
    ]);
  });

  it("gives the same result on every run", () => {
    const a = loadKernelConfig({ sysDir: fixtureSys, kernconf: "FULL", arch: "amd64" });
    const b = loadKernelConfig({ sysDir: fixtureSys, kernconf: "FULL", arch: "amd64" });
    expect(JSON.stringify(b.resolved)).toBe(JSON.stringify(a.resolved));
  });
});
