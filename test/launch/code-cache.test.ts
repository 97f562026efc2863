// The launcher loads the bundles with V8's code cache (src/launch/bundle-loader.cts): the
// first successful run of a command writes each thread's cache beside its bundle, later runs
// use it without rewriting it, a cache that is damaged or made by another build is never
// used (it is rewritten), a failed run writes none, and the crate is the same either way.
// A cache V8 rejected would be rewritten too, so an unchanged file shows it was used.
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyBuiltTool } from "../support/private-tool.js";
import { makeTinyTree, readCrate } from "../generate/tiny-tree.js";

const tree = makeTinyTree("code cache");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));
const tool = join(tree.root, "tool");
const bundleDir = join(tool, "dist", "bundle");
const out = join(tree.root, "crate");

const generate = (arch: string, header = tree.wrapper) =>
  spawnSync(
    join(tool, "bin", "kpi-bindgen"),
    // Without the results cache, so that every run is a whole run in Node, never a replay.
    ["generate", "--sys", tree.sys, "--arch", arch, "--header", header, "--out", out, "--no-cache"],
    { encoding: "utf8", cwd: tree.root },
  );

const caches = () => readdirSync(bundleDir).filter((f) => f.endsWith(".v8cache"));
const removeCaches = () => caches().forEach((f) => rmSync(join(bundleDir, f)));
/** Each cache file's inode, modification time and content. */
const cacheStates = () =>
  Object.fromEntries(
    caches().map((f) => {
      const path = join(bundleDir, f);
      const { ino, mtimeMs } = statSync(path);
      return [f, { ino, mtimeMs, content: readFileSync(path).toString("base64") }];
    }),
  );

beforeAll(() => {
  // A private copy of the built tool, so that its caches start empty and other suites'
  // rebuilds of dist/ do not touch it.
  copyBuiltTool(tool);
  removeCaches();
});

describe("the code cache of the compiled bundles", () => {
  let oneArch: Record<string, string> = {};
  let twoArches: Record<string, string> = {};

  it("a first successful run writes a cache for each thread's bundle", () => {
    const single = generate("amd64");
    expect(single.status, single.stderr).toBe(0);
    oneArch = readCrate(out);
    // One target: the main thread preprocesses, a back-end worker parses and emits.
    expect(caches().sort()).toEqual([
      "back-end-worker.cjs.worker.v8cache",
      "main.cjs.generate.v8cache",
      "replay.cjs.generate.v8cache",
    ]);
    const both = generate("amd64,i386");
    expect(both.status, both.stderr).toBe(0);
    twoArches = readCrate(out);
  });

  it("later runs use the caches without rewriting them, and make the same crates", () => {
    const before = cacheStates();
    expect(generate("amd64").status).toBe(0);
    expect(readCrate(out)).toEqual(oneArch);
    expect(generate("amd64,i386").status).toBe(0);
    expect(readCrate(out)).toEqual(twoArches);
    expect(cacheStates()).toEqual(before);
  });

  const damages: Record<string, (path: string) => void> = {
    "with a byte of V8's data changed": (path) => {
      const data = readFileSync(path);
      data[data.length >> 1] ^= 0x5a;
      writeFileSync(path, data);
    },
    "cut short": (path) => truncateSync(path, statSync(path).size - 4096),
    "made by another build": (path) => {
      const data = readFileSync(path);
      const header = data.toString("latin1", 0, data.indexOf(10));
      const fields = header.trimEnd().split(" ");
      const id = fields[fields.length - 2]!;
      const other = id.replace(/^./, (c) => (c === "0" ? "1" : "0"));
      writeFileSync(path, Buffer.from(data.toString("latin1").replace(id, other), "latin1"));
    },
    "of garbage": (path) => writeFileSync(path, "garbage\n"),
  };

  for (const [damage, apply] of Object.entries(damages)) {
    it(`a cache ${damage} is not used: the run is right and the cache is rewritten`, () => {
      const path = join(bundleDir, "main.cjs.generate.v8cache");
      apply(path);
      const damaged = readFileSync(path);
      const r = generate("amd64");
      expect(r.status, r.stderr).toBe(0);
      expect(readCrate(out)).toEqual(oneArch);
      expect(readFileSync(path).equals(damaged)).toBe(false);
      // The rewritten cache is whole: the next run uses it as it is.
      const rewritten = cacheStates();
      expect(generate("amd64").status).toBe(0);
      expect(cacheStates()).toEqual(rewritten);
    });
  }

  it("a cache that cannot be written leaves the run as it is, and no temporary file", () => {
    removeCaches();
    // A directory where the cache file belongs: the write's rename fails, as on a
    // read-only installation (which the tests, run as root, cannot make).
    const path = join(bundleDir, "main.cjs.generate.v8cache");
    mkdirSync(path);
    try {
      const r = generate("amd64");
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/v8cache|EISDIR/);
      expect(readCrate(out)).toEqual(oneArch);
      expect(statSync(path).isDirectory()).toBe(true);
      expect(readdirSync(bundleDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      rmSync(path, { recursive: true });
    }
  });

  it("a failed run writes no cache", () => {
    removeCaches();
    const r = generate("amd64", join(tree.root, "no such header.h"));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/error:/);
    expect(caches()).toEqual([]);
  });
});
