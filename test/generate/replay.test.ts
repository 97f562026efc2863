// `kpi-bindgen generate` run again with the same command line and unchanged inputs is
// replayed from the cache before the CLI loads: same files, same messages. A changed input
// or a damaged record sends it down the full path.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/environment.js";
import { makeTinyTree, readCrate } from "./tiny-tree.js";

const tree = makeTinyTree("replay");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));
const out = join(tree.root, "crate");
const cacheDir = join(tree.root, "cache");
const argv = ["generate", "--sys", tree.sys, "--arch", "amd64,i386", "--header", tree.wrapper];
const args = [...argv, "--out", out, "--cache-dir", cacheDir, "--no-rustfmt", "--timings"];
const run = () => spawnSync(join(repoRoot, "bin", "kpi-bindgen"), args, { encoding: "utf8" });
const REPLAYED = /generate: replayed from the cache/;

const crate = () => readCrate(out);

describe("generate replays an unchanged command from the cache", () => {
  it("the second identical run is replayed with the same files and summary", () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(REPLAYED);
    const files = crate();
    rmSync(out, { recursive: true });
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(REPLAYED);
    expect(crate()).toEqual(files);
    const summary = (s: string) => s.split("\n").filter((l) => /^(amd64|i386): /.test(l));
    expect(summary(second.stderr)).toEqual(summary(first.stderr));
  });

  it("an intact crate is left as it is; an edited one is restored", () => {
    const lib = join(out, "src", "lib.rs");
    const before = statSync(lib);
    expect(run().stderr).toMatch(REPLAYED);
    // Not rewritten: the same file, not a new one with the same text.
    expect(statSync(lib).ino).toBe(before.ino);
    const files = crate();
    writeFileSync(lib, "// edited by hand\n");
    expect(run().stderr).toMatch(REPLAYED);
    expect(crate()).toEqual(files);
    writeFileSync(join(out, "stray.rs"), "");
    expect(run().stderr).toMatch(REPLAYED);
    expect(crate()).toEqual(files);
  });

  it("a changed header is not replayed, and the crate follows it", () => {
    writeFileSync(tree.wrapper, readFileSync(tree.wrapper, "utf8") + "int tiny_added(void);\n");
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(REPLAYED);
    expect(crate()["src/amd64.rs"]).toContain("tiny_added");
    expect(run().stderr).toMatch(REPLAYED);
  });

  it("a damaged record is not trusted", () => {
    // The launcher's fast file, a record of its own with its own checksum, is left out of
    // this (fast-replay.test.ts damages it), so that Node reads the damaged record.
    rmSync(join(cacheDir, "fast"), { recursive: true });
    const records = join(cacheDir, "invocation");
    for (const dir of readdirSync(records)) {
      for (const f of readdirSync(join(records, dir))) {
        const path = join(records, dir, f);
        // A changed digit in the body: still valid JSON, so only the checksum can tell.
        const text = readFileSync(path, "utf8");
        const at = text.indexOf('"stamp":"') + 9;
        writeFileSync(
          path,
          text.slice(0, at) + (text[at] === "1" ? "2" : "1") + text.slice(at + 1),
        );
      }
    }
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(REPLAYED);
    expect(run().stderr).toMatch(REPLAYED);
  });
});
