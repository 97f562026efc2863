// The commands end to end, in process: `snapshot` writes a file `diff` reads, each side can
// be a snapshot or a tree (another target, another mode), report formats go to -o
// atomically, and the exit status follows --fail-on. Bad input gets a located diagnostic.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { describeWith, needTree, repoRoot, sysTree } from "../support/environment.js";

const fixtures = join(repoRoot, "fixtures", "diff");
const scratch = mkdtempSync(join(tmpdir(), "kpi-diff-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI, capturing stderr (reports go to files with -o). */
async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe("kpi-bindgen diff on snapshot files", () => {
  const old = join(fixtures, "old.json");
  const now = join(fixtures, "new.json");

  it("exits with the documented bits for each --fail-on", async () => {
    const out = join(scratch, "r.txt");
    expect((await run(["diff", old, now, "-o", out])).code).toBe(4 | 8 | 16);
    expect((await run(["diff", old, now, "-o", out, "--fail-on", "none"])).code).toBe(0);
    expect(
      (
        await run([
          "diff",
          old,
          now,
          "-o",
          out,
          "--only",
          "macros",
          "--allow",
          "^macro M[124]$",
          "--fail-on",
          "any",
        ])
      ).code,
    ).toBe(4);
    expect((await run(["diff", now, now, "-o", out, "--fail-on", "any"])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("No changes.");
  });

  it("writes each format", async () => {
    for (const format of ["text", "markdown", "json", "html"]) {
      const out = join(scratch, `r.${format}`);
      await run(["diff", old, now, "--format", format, "-o", out, "--fail-on", "none"]);
      const text = readFileSync(out, "utf8");
      expect(text, format).toContain("struct a");
    }
    expect(JSON.parse(readFileSync(join(scratch, "r.json"), "utf8")).summary.total.abi).toBe(16);
    expect(readFileSync(join(scratch, "r.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("reports bad input as a diagnostic, exit 1, and writes no output", async () => {
    const out = join(scratch, "never.txt");
    const bad = await run(["diff", join(fixtures, "bad-field.json"), now, "-o", out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-field\.json:3:1: error: records\[0\]\.size: expected number/);
    const missing = await run(["diff", join(scratch, "nope.json"), now, "-o", out]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain("snapshot not found");
    const regex = await run(["diff", old, now, "--allow", "(", "-o", out]);
    expect(regex.code).toBe(1);
    expect(regex.stderr).toContain("invalid --allow pattern '('");
    const mixed = await run(["diff", old, now, "--old-arch", "i386", "-o", out]);
    expect(mixed.stderr).toContain(
      "--old-arch does not apply when the old side is a snapshot file",
    );
    const noTree = await run([
      "diff",
      "--sys",
      join(scratch, "no-such-tree"),
      "--arch",
      "amd64",
      "-o",
      out,
    ]);
    expect(noTree.stderr).toMatch(/error: kernel source tree not found: .*no-such-tree/);
    const noSide = await run(["diff", "--arch", "amd64", "-o", out]);
    expect(noSide).toMatchObject({ code: 1 });
    expect(noSide.stderr).toContain("give the old side as a snapshot file, or as a tree");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(scratch).filter((f) => f.startsWith("never"))).toEqual([]);
  });

  it("rejects a bad --fail-on as a usage error (exit 2)", async () => {
    expect((await run(["diff", old, now, "--fail-on", "sometimes"])).code).toBe(2);
  });
});

describe("kpi-bindgen diff of two kernel configurations (fixture tree)", () => {
  // fixtures/diff/tree: BIG turns on WIDE_COUNTERS (opt_counters.h) and EXTRA_FIELD
  // (opt_global.h), which kpi/stats.h reads; SMALL turns on neither.
  const sys = join(fixtures, "tree", "sys");
  const header = join(fixtures, "wrapper.h");

  it("reports what the options change, classified, with the path to a holding record", async () => {
    const out = join(scratch, "config.json");
    const r = await run([
      "diff",
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "kernel",
      "--header",
      header,
      "--old-kernconf",
      "SMALL",
      "--new-kernconf",
      "BIG",
      "--format",
      "json",
      "-o",
      out,
    ]);
    expect(r.code).toBe(4 | 16);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.old.kernconf).toBe("SMALL");
    expect(report.new.options).toEqual(["EXTRA_FIELD", "WIDE_COUNTERS"]);
    const brief = report.changes.map(
      (c: { severity: string; entity: string; kind: string; member: string }) =>
        `${c.severity} ${c.entity} ${c.kind} ${c.member}`.trim(),
    );
    expect(brief).toEqual(
      expect.arrayContaining([
        "abi struct stats size",
        "abi struct stats member-retyped st_packets",
        "compatible struct stats member-added st_extra",
        "abi struct stats member-moved st_bytes",
        "abi struct holder affected h_stats",
        "abi function stats_add param-type param 2",
        "abi typedef counter_t type",
        "abi macro COUNTER_BITS value",
      ]),
    );
    const param = report.changes.find((c: { entity: string }) => c.entity === "function stats_add");
    expect(param.message).toBe("param 2 (n): counter_t now means unsigned long (was unsigned int)");
  });
});

describeWith([needTree("13.0")], "kpi-bindgen snapshot and diff on a tree", () => {
  const sys = sysTree("13.0");

  it("snapshots twice to identical files, which diff to nothing", async () => {
    const a = join(scratch, "a.json");
    const b = join(scratch, "b.json");
    expect((await run(["snapshot", "--sys", sys, "--arch", "amd64", "-o", a])).code).toBe(0);
    expect((await run(["snapshot", "--sys", sys, "--arch", "amd64", "-o", b])).code).toBe(0);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    const snapshot = JSON.parse(readFileSync(a, "utf8"));
    expect(snapshot.provenance).toMatchObject({
      arch: "amd64",
      mode: "module",
      header: "<built-in wrapper>",
      freebsdVersion: "1300139",
    });
    expect(
      (await run(["diff", a, b, "--fail-on", "any", "-o", join(scratch, "same.txt")])).code,
    ).toBe(0);
    // A saved baseline against the live tree: the same configuration, so nothing changed.
    const live = await run([
      "diff",
      a,
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--fail-on",
      "any",
      "-o",
      join(scratch, "live.txt"),
    ]);
    expect(live.code).toBe(0);
    expect(readFileSync(join(scratch, "live.txt"), "utf8")).toContain("No changes.");
  });

  it("diffs two targets of one tree: pointers shrink, so struct layouts change", async () => {
    const out = join(scratch, "arch.json");
    const r = await run([
      "diff",
      "--sys",
      sys,
      "--old-arch",
      "amd64",
      "--new-arch",
      "i386",
      "--only",
      "records",
      "--format",
      "json",
      "-o",
      out,
    ]);
    expect(r.code).toBe(4 | 16 | 8);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.old.arch).toBe("amd64");
    expect(report.new.arch).toBe("i386");
    const mtx = report.changes.find(
      (c: { entity: string; kind: string }) =>
        c.entity === "struct lock_object" && c.kind === "size",
    );
    expect(mtx).toMatchObject({ severity: "abi", old: { size: 24 }, new: { size: 16 } });
  });

  it("diffs kernel mode against module mode of one configuration", async () => {
    const out = join(scratch, "mode.json");
    const r = await run([
      "diff",
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--old-mode",
      "kernel",
      "--new-mode",
      "module",
      "--format",
      "json",
      "-o",
      out,
      "--fail-on",
      "none",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.old.mode).toBe("kernel");
    expect(report.new.mode).toBe("module");
    // sys/_lock.h:53-57: LOCK_DEBUG is 1 for modules (KLD_MODULE), 0 for this kernel.
    const lockDebug = report.changes.find(
      (c: { entity: string }) => c.entity === "macro LOCK_DEBUG",
    );
    expect(lockDebug).toMatchObject({
      kind: "value",
      severity: "abi",
      old: { text: "0 (int)" },
      new: { text: "1 (int)" },
    });
    // ...which changes how the lock functions are called: file and line arguments appear.
    const mtx = report.changes.find(
      (c: { entity: string; kind: string }) =>
        c.entity === "function __mtx_lock_sleep" && c.kind === "param-count",
    );
    expect(mtx).toMatchObject({ severity: "abi", message: "2 → 5 parameters" });
  });
});
