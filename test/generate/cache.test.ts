// The per-target cache of `generate`: a regenerate with nothing changed comes from it
// byte for byte, a changed header invalidates exactly the targets that read it, and a
// corrupt entry is detected and rebuilt rather than trusted.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NO_PATTERNS } from "../../src/emit/rust/index.js";
import { generateCrate, type TargetCacheEvent } from "../../src/generate/index.js";
import { makeTinyTree, VERSION } from "./tiny-tree.js";

const tree = makeTinyTree("cache");
const cacheDir = join(tree.root, "cache");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

async function generate(cache: string | undefined) {
  const events: TargetCacheEvent[] = [];
  const result = await generateCrate({
    sysDir: tree.sys,
    targets: ["amd64", "i386"],
    mode: "module",
    wrapperHeader: readFileSync(tree.wrapper, "utf8"),
    patterns: NO_PATTERNS,
    format: "none",
    cacheDir: cache,
    onCache: (e) => events.push(e),
  });
  const outcome = Object.fromEntries(
    events.filter((e) => e.kind !== "corrupt").map((e) => [e.target, e.kind]),
  );
  return { files: result.files, outcome, events };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe("generate's cache", () => {
  it("reuses every target when nothing changed, byte for byte", async () => {
    const first = await generate(cacheDir);
    expect(first.outcome).toEqual({ amd64: "miss", i386: "miss" });
    const second = await generate(cacheDir);
    expect(second.outcome).toEqual({ amd64: "hit", i386: "hit" });
    expect(second.files).toEqual(first.files);
  });

  it("rebuilds exactly the target whose header changed", async () => {
    tree.write("amd64/include/param.h", "struct amd64_only { int x; char added; };\n");
    const after = await generate(cacheDir);
    expect(after.outcome).toEqual({ amd64: "miss", i386: "hit" });
    expect(after.files.get("src/amd64.rs")).toContain("added");
    // What the cache gave equals what a run without it computes.
    expect(after.files).toEqual((await generate(undefined)).files);
  });

  it("rebuilds both targets when the header they share changes", async () => {
    tree.write(
      "sys/param.h",
      `${VERSION}#include <machine/param.h>\nstruct common { int a; short c; };\n`,
    );
    const after = await generate(cacheDir);
    expect(after.outcome).toEqual({ amd64: "miss", i386: "miss" });
    expect(after.files).toEqual((await generate(undefined)).files);
  });

  it("rebuilds when a header appears earlier on the include path than the one read", async () => {
    // "common.h" is looked for beside sys/param.h first, then found at the tree's top.
    tree.write("common.h", "struct found_at_top { int a; };\n");
    tree.write("sys/param.h", `${VERSION}#include <machine/param.h>\n#include "common.h"\n`);
    expect((await generate(cacheDir)).outcome).toEqual({ amd64: "miss", i386: "miss" });
    expect((await generate(cacheDir)).outcome).toEqual({ amd64: "hit", i386: "hit" });
    tree.write("sys/common.h", "struct found_beside { int b; };\n");
    const after = await generate(cacheDir);
    expect(after.outcome).toEqual({ amd64: "miss", i386: "miss" });
    expect(after.files.get("src/amd64.rs")).toContain("found_beside");
    expect(after.files.get("src/amd64.rs")).not.toContain("found_at_top");
  });

  it("detects corrupt entries, rebuilds them and never trusts them", async () => {
    const good = (await generate(cacheDir)).files;
    const entries = allFiles(cacheDir).filter((f) => f.endsWith(".json"));
    expect(entries.length).toBeGreaterThan(0);
    for (const [i, entry] of entries.entries()) {
      const text = readFileSync(entry, "utf8");
      // Alternately a torn write and a changed digit that leaves the body valid JSON.
      const changed = text.replace(
        /(\n[^]*?)(\d)/,
        (_, before: string, d: string) => before + ((Number(d) + 1) % 10),
      );
      writeFileSync(entry, i % 2 ? text.slice(0, text.length >> 1) : changed);
    }
    const after = await generate(cacheDir);
    expect(after.events.some((e) => e.kind === "corrupt")).toBe(true);
    expect(after.outcome).toEqual({ amd64: "miss", i386: "miss" });
    expect(after.files).toEqual(good);
    expect((await generate(cacheDir)).outcome).toEqual({ amd64: "hit", i386: "hit" });
  });
});
