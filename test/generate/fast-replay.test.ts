// The launcher (bin/kpi-bindgen, a POSIX shell script) replays an unchanged `generate` by
// itself, without starting Node, from the fast file the recorded run left in the cache; any
// difference it can see (an input's or an output's stamp, the command line, the working
// directory, the environment, the tool's build, a damaged fast file) hands the run to Node,
// which decides by content and brings the fast file up to date.
//
// The launcher runs from a private copy of the built tool, in a directory whose name has a
// space, as do the tree, the crate and the cache; a `node` placed first on PATH notes each
// start, which is how a test tells whether Node ran.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  lstatSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fastInvocationText, posixCksum } from "../../src/generate/fast-replay.js";
import { copyBuiltTool } from "../support/private-tool.js";
import { makeTinyTree, readCrate } from "./tiny-tree.js";

const tree = makeTinyTree("fast replay");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));
const tool = join(tree.root, "the tool");
const bin = join(tool, "bin", "kpi-bindgen");
const out = join(tree.root, "crate dir");
const cacheDir = join(tree.root, "cache dir");
const fastDir = join(cacheDir, "fast");
const nodeLog = join(tree.root, "node starts");
const fakeBin = join(tree.root, "fake bin");
const argv = ["generate", "--sys", tree.sys, "--arch", "amd64,i386", "--header", tree.wrapper];
const args = [...argv, "--out", out, "--cache-dir", cacheDir, "--no-rustfmt", "--timings"];
const REPLAYED = /generate: replayed from the cache/;

beforeAll(() => {
  // A private copy of the build, so that its build id can change and a rebuild of the
  // shared dist/ by another suite cannot change it under these tests.
  copyBuiltTool(tool);
  mkdirSync(fakeBin);
  writeFileSync(
    join(fakeBin, "node"),
    `#!/bin/sh\necho started >> '${nodeLog}'\nexec '${process.execPath}' "$@"\n`,
  );
  chmodSync(join(fakeBin, "node"), 0o755);
});

interface Run {
  status: number | null;
  stderr: string;
  /** Whether Node was started. */
  node: boolean;
}

function run(
  runArgs: string[] = args,
  options: { cwd?: string; env?: Record<string, string>; launcher?: string } = {},
): Run {
  const starts = () => (existsSync(nodeLog) ? readFileSync(nodeLog, "utf8").length : 0);
  const before = starts();
  const r = spawnSync(options.launcher ?? bin, runArgs, {
    encoding: "utf8",
    cwd: options.cwd ?? tree.root,
    env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, ...options.env },
  });
  return { status: r.status, stderr: r.stderr, node: starts() > before };
}

const crate = () => readCrate(out);

const fastFiles = () => (existsSync(fastDir) ? readdirSync(fastDir) : []);

/** Asserts a run that Node replayed, after which the launcher replays by itself again. */
function expectNodeReplayThenFast(r: Run): void {
  expect(r.status, r.stderr).toBe(0);
  expect(r.node).toBe(true);
  expect(r.stderr).toMatch(REPLAYED);
  const again = run();
  expect(again.node).toBe(false);
  expect(again.stderr).toBe(r.stderr);
}

describe("the launcher replays an unchanged generate without Node", () => {
  let nodeReplay = "";
  let files: Record<string, string> = {};

  it("an unchanged run is replayed by the launcher: same messages, crate untouched", () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.node).toBe(true);
    expect(first.stderr).not.toMatch(REPLAYED);
    expect(fastFiles()).toHaveLength(1);
    files = crate();
    // What Node's own replay prints, with the fast file out of the way.
    rmSync(fastDir, { recursive: true });
    const byNode = run();
    expect(byNode.node).toBe(true);
    expect(byNode.stderr).toMatch(REPLAYED);
    nodeReplay = byNode.stderr;
    expect(fastFiles()).toHaveLength(1);
    const lib = join(out, "src", "lib.rs");
    const ino = statSync(lib).ino;
    const fast = run();
    expect(fast.status, fast.stderr).toBe(0);
    expect(fast.node).toBe(false);
    expect(fast.stderr).toBe(nodeReplay);
    expect(crate()).toEqual(files);
    expect(statSync(lib).ino).toBe(ino);
  });

  it("through a symlink to the launcher too", () => {
    const link = join(tree.root, "link dir");
    mkdirSync(link);
    symlinkSync(bin, join(link, "kpi-bindgen"));
    const r = run(args, { launcher: join(link, "kpi-bindgen") });
    expect(r.node).toBe(false);
    expect(r.stderr).toBe(nodeReplay);
  });

  it("a dependency with new content goes to Node, which regenerates", () => {
    const header = join(tree.sys, "amd64/include/param.h");
    const text = readFileSync(header, "utf8");
    writeFileSync(header, text + "int amd64_added(void);\n");
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.node).toBe(true);
    expect(r.stderr).not.toMatch(REPLAYED);
    expect(crate()["src/amd64.rs"]).toContain("amd64_added");
    expect(run().node).toBe(false);
    // And back: Node again, and the crate as it was.
    writeFileSync(header, text);
    expect(run().node).toBe(true);
    expect(crate()).toEqual(files);
    expect(run().node).toBe(false);
  });

  it("a file created where the run found none goes to Node", () => {
    // The fast file's absent paths: its sixth field counts them, and they follow.
    const fields = readFileSync(join(fastDir, fastFiles()[0]!), "utf8").split("\x1f");
    const absent = fields.slice(6, 6 + Number(fields[5]));
    const shadow = absent.find((p) => p.startsWith(tree.sys));
    expect(shadow).toBeDefined();
    mkdirSync(dirname(shadow!), { recursive: true });
    writeFileSync(shadow!, "\n");
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.node).toBe(true);
    expect(r.stderr).not.toMatch(REPLAYED);
    rmSync(shadow!);
    expect(run().node).toBe(true);
    expect(run().node).toBe(false);
    expect(crate()).toEqual(files);
  });

  it("a dependency touched with the same content: Node replays and refreshes the stamps", () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(tree.sys, "sys/param.h"), later, later);
    const lib = join(out, "src", "lib.rs");
    const ino = statSync(lib).ino;
    expectNodeReplayThenFast(run());
    expect(statSync(lib).ino).toBe(ino);
  });

  it("an output file edited, deleted or added goes to Node, which restores the crate", () => {
    const lib = join(out, "src", "lib.rs");
    writeFileSync(lib, readFileSync(lib, "utf8") + "// edited\n");
    expectNodeReplayThenFast(run());
    expect(crate()).toEqual(files);
    // The same size, and the same modification time as recorded: the inode tells.
    const { mtime } = statSync(lib);
    rmSync(lib);
    writeFileSync(lib, files["src/lib.rs"]!.replace(/^./, "#"));
    utimesSync(lib, mtime, mtime);
    expectNodeReplayThenFast(run());
    expect(crate()).toEqual(files);
    rmSync(join(out, "src", "amd64.rs"));
    expectNodeReplayThenFast(run());
    expect(crate()).toEqual(files);
    for (const extra of ["stray.rs", "src/.hidden", "src/..dots"]) {
      writeFileSync(join(out, extra), "");
      expectNodeReplayThenFast(run());
      expect(crate()).toEqual(files);
    }
    // The same files, same inodes, reached through a symlink: not the crate as written.
    const moved = join(tree.root, "moved src");
    renameSync(join(out, "src"), moved);
    symlinkSync(moved, join(out, "src"));
    expectNodeReplayThenFast(run());
    expect(lstatSync(join(out, "src")).isDirectory()).toBe(true);
    expect(crate()).toEqual(files);
  });

  it("a truncated or corrupted fast file goes to Node, which rewrites it", () => {
    expect(fastFiles()).toHaveLength(1);
    const path = join(fastDir, fastFiles()[0]!);
    const good = readFileSync(path, "utf8");
    for (const damage of ["truncate", "flip", "empty"] as const) {
      if (damage === "truncate") truncateSync(path, good.length - 3);
      if (damage === "empty") writeFileSync(path, "");
      if (damage === "flip") {
        // One changed character in the recorded messages, which nothing else checks.
        const at = good.indexOf("amd64: ");
        writeFileSync(path, good.slice(0, at) + "x" + good.slice(at + 1));
      }
      const r = run();
      expect(r.node, damage).toBe(true);
      expect(r.stderr).toBe(nodeReplay);
      expect(readFileSync(path, "utf8")).toBe(good);
      expect(run().node).toBe(false);
    }
  });

  it("a different command line, working directory or environment goes to Node", () => {
    // The same words split differently: one argument with a space is not two arguments.
    const split = [...argv, "--out", join(tree.root, "crate"), "dir", ...args.slice(-4)];
    expect(split.join(" ")).toBe(args.join(" "));
    const splitRun = run(split);
    expect(splitRun.node).toBe(true);
    expect(splitRun.stderr).not.toMatch(REPLAYED);
    expect(crate()).toEqual(files);
    // Also from the launcher's side, text for text.
    const text = (words: string[]) =>
      fastInvocationText({ buildId: "ab", cwd: "/", argv: words, env: [], stderrIsTTY: false });
    expect(text(["a b"])).not.toBe(text(["a", "b"]));

    expect(run([...args.slice(0, -2), "--timings", "--no-rustfmt"]).node).toBe(true);

    const elsewhere = join(tree.root, "another dir");
    mkdirSync(elsewhere);
    const moved = run(args, { cwd: elsewhere });
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.node).toBe(true);
    expect(run(args, { cwd: elsewhere }).node).toBe(false);

    const colourless = run(args, { env: { NO_COLOR: "1" } });
    expect(colourless.node).toBe(true);
    expect(run(args, { env: { NO_COLOR: "1" } }).node).toBe(false);
    // Set but empty is not unset.
    expect(run(args, { env: { NO_COLOR: "" } }).node).toBe(true);

    // Those runs wrote the crate again: Node sees new stamps and replays once.
    expectNodeReplayThenFast(run());
    expect(crate()).toEqual(files);
  });

  it("another build of the tool goes to Node, which generates", () => {
    const buildId = join(tool, "dist", "build-id");
    const id = readFileSync(buildId, "utf8");
    writeFileSync(
      buildId,
      id.replace(/^./, (c) => (c === "0" ? "1" : "0")),
    );
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.node).toBe(true);
    expect(r.stderr).not.toMatch(REPLAYED);
    expect(run().node).toBe(false);
    expect(crate()).toEqual(files);
  });
});

describe("the launcher spells an invocation exactly as Node records it", () => {
  it("with a newline, quotes, a backslash, a dollar and non-ASCII bytes in a word", () => {
    const odd = join(tree.root, `crate\nwith 'single' "double" \\ $HOME é`);
    const oddCache = join(tree.root, "odd cache");
    const oddArgs = [...argv, "--out", odd, "--cache-dir", oddCache, "--no-rustfmt"];
    const first = run(oddArgs);
    expect(first.status, first.stderr).toBe(0);
    expect(first.node).toBe(true);
    expect(existsSync(join(odd, "src", "lib.rs"))).toBe(true);
    const second = run(oddArgs);
    expect(second.node).toBe(false);
    expect(second.stderr).toBe(first.stderr);
  });
});

describe("the fast file's checksum is what cksum(1) prints", () => {
  it("for texts of every length class", () => {
    const has = spawnSync("cksum", [], { input: "" });
    if (has.error) return;
    for (const text of ["", "a", "kpi-bindgen\n", "é\x1f\n".repeat(100), "x".repeat(70_000)]) {
      const r = spawnSync("cksum", [], { input: text, encoding: "utf8" });
      expect(posixCksum(Buffer.from(text))).toBe(r.stdout.trim());
    }
  });
});
