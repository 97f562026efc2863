// `kpi-bindgen kobj` end to end: the files it writes are the API's, and bad input gives a
// compiler-style diagnostic, exit 1 and no output.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  generateKobjHeaders,
  generateKobjSources,
  generateVnodeHeaders,
  generateVnodeSource,
} from "../../src/kobj/index.js";
import { describeWith, needTree, repoRoot, sysTree } from "../support/environment.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");
const work = mkdtempSync(join(tmpdir(), "kobj-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const kpi = (...args: string[]) => spawnSync(bin, args, { encoding: "utf8" });

describeWith([needTree("13.0")], "kpi-bindgen kobj on the 13.0 tree", () => {
  it("writes exactly the generated headers and sources", () => {
    const sys = sysTree("13.0");
    const out = join(work, "generated");
    const run = kpi("kobj", "--sys", sys, "--out", out, "--sources", "--source-root", "../../..");
    expect(run.status, run.stderr).toBe(0);
    const expected = new Map([
      ...generateKobjHeaders(sys, undefined, { sourceRoot: "../../.." }),
      ...generateKobjSources(sys, undefined, { sourceRoot: "../../.." }),
      ...generateVnodeHeaders(sys),
      ...generateVnodeSource(sys),
    ]);
    expect(readdirSync(out).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected)
      expect(readFileSync(join(out, name), "utf8"), name).toBe(text);
    expect(run.stdout.split("\n")).toContain(join(out, "device_if.h"));
  });
});

describe("kpi-bindgen kobj on bad input", () => {
  const sys = join(work, "sys");
  mkdirSync(join(sys, "kern"), { recursive: true });
  const broken = join(sys, "kern", "broken_if.m");
  copyFileSync(join(repoRoot, "fixtures", "kobj", "errors", "unknown-keyword.m"), broken);

  it("reports file:line:col, exits 1 and writes nothing", () => {
    const out = join(work, "not-created");
    const run = kpi("kobj", "--sys", sys, "--out", out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${broken}:5:1: error: unknown keyword 'FUNCTION'`));
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it("leaves an existing output directory as it was", () => {
    const out = join(work, "existing");
    mkdirSync(out);
    writeFileSync(join(out, "device_if.h"), "previous\n");
    expect(kpi("kobj", "--sys", sys, "--out", out).status).toBe(1);
    expect(readdirSync(out)).toEqual(["device_if.h"]);
    expect(readFileSync(join(out, "device_if.h"), "utf8")).toBe("previous\n");
  });

  it("reports a missing tree", () => {
    const run = kpi("kobj", "--sys", join(work, "nowhere"), "--out", join(work, "x"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: kernel source tree not found/);
  });
});
