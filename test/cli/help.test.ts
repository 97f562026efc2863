import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { skipHelpCaching } from "../../src/cli/main.js";
import { repoRoot } from "../support/environment.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");

describe("kpi-bindgen CLI shell", () => {
  it("prints usage with --help and exits 0", () => {
    const out = execFileSync(bin, ["--help"], { encoding: "utf8" });
    expect(out).toMatch(/^kpi-bindgen <command> \[options\]/);
  });

  it("rejects an unknown command with exit 2 and a message on stderr", () => {
    const r = spawnSync(bin, ["frobnicate"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/kpi-bindgen: error: /);
    expect(r.stdout).toBe("");
  });

  it("finds the yargs hook that renders a command's help on every run, to skip it", () => {
    // Without it every run still works, but renders the whole --help of its command.
    expect(skipHelpCaching(yargs([]))).toBe(true);
  });
});
