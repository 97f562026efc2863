// `kpi-bindgen targets` (runs the built CLI, like the other CLI tests: `npx tsc -p .` first).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clangTriple, getTarget, predefinedMacros, targetNames } from "../../src/targets/index.js";
import { repoRoot } from "../support/environment.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");
const run = (...args: string[]) => spawnSync(bin, ["targets", ...args], { encoding: "utf8" });

describe("kpi-bindgen targets", () => {
  it("lists every target with its triple for the release", () => {
    const r = run("--release", "14.1");
    expect(r.status).toBe(0);
    for (const name of targetNames) {
      expect(r.stdout).toMatch(
        new RegExp(`^${name} +${clangTriple(getTarget(name), { major: 14, minor: 1 })} `, "m"),
      );
    }
  });

  it("prints one target's predefined macros as #define lines, deterministically", () => {
    const r = run("--target", "aarch64", "--macros", "--kernel-flags", "--std", "gnu99");
    expect(r.status).toBe(0);
    const expected = predefinedMacros(getTarget("arm64"), {
      release: { major: 13, minor: 0 },
      std: "gnu99",
      kernelFlags: true,
    }).map((m) => (m.value === "" ? `#define ${m.name}` : `#define ${m.name} ${m.value}`));
    expect(r.stdout).toBe(expected.join("\n") + "\n");
    expect(run("--target", "aarch64", "--macros", "--kernel-flags", "--std", "gnu99").stdout).toBe(
      r.stdout,
    );
  });

  it("prints a description as JSON with its triple", () => {
    const r = run("--target", "armv7");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { name: string; clangTriple: string };
    expect(json.name).toBe("armv7");
    expect(json.clangTriple).toBe("armv7-unknown-freebsd13.0-gnueabihf");
  });

  it.each([
    [["--target", "x86"], /^error: ambiguous target 'x86': did you mean amd64 or i386\?/],
    [["--target", "sparc64"], /^error: unknown target 'sparc64' \(valid targets: amd64, /],
    [["--release", "thirteen"], /^error: invalid FreeBSD release 'thirteen'/],
    [["--target", "amd64", "--macros", "--std", "c23"], /^error: unsupported -std 'c23'/],
    [["--macros"], /^error: --macros and --json describe one target/],
  ])("rejects %j with a diagnostic, exit 1 and no output", (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});
