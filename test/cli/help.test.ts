import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
});
