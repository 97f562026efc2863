// When generate runs rustfmt: never with "none", only for items the emitter could not shape
// by default (none in a plain header), over everything with "all", which changes nothing
// because the emitter already writes rustfmt's shape.
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { NO_PATTERNS } from "../../src/emit/rust/index.js";
import { generateCrate, type RustfmtUse } from "../../src/generate/index.js";
import { describeWith, needCommand } from "../support/environment.js";
import { makeTinyTree } from "./tiny-tree.js";

const tree = makeTinyTree("rustfmt-use");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

// A rustfmt that logs each start, then runs the real one.
const log = join(tree.root, "rustfmt.log");
const logging = join(tree.root, "logging-rustfmt");
writeFileSync(logging, `#!/bin/sh\necho run >> '${log}'\nexec rustfmt "$@"\n`);
chmodSync(logging, 0o755);

async function generate(format: RustfmtUse) {
  writeFileSync(log, "");
  const saved = process.env.RUSTFMT;
  process.env.RUSTFMT = logging;
  try {
    const result = await generateCrate({
      sysDir: tree.sys,
      targets: ["amd64"],
      mode: "module",
      wrapperHeader: readFileSync(tree.wrapper, "utf8"),
      patterns: NO_PATTERNS,
      format,
    });
    return { files: result.files, runs: readFileSync(log, "utf8").split("\n").length - 1 };
  } finally {
    if (saved === undefined) delete process.env.RUSTFMT;
    else process.env.RUSTFMT = saved;
  }
}

describeWith(
  [needCommand("rustfmt", "rustup component add rustfmt")],
  "generate and rustfmt",
  () => {
    it("none and the default never start rustfmt here; all does, and changes nothing", async () => {
      const none = await generate("none");
      const unshaped = await generate("unshaped");
      const all = await generate("all");
      expect([none.runs, unshaped.runs, all.runs]).toEqual([0, 0, 1]);
      expect(unshaped.files).toEqual(none.files);
      expect(all.files).toEqual(none.files);
    });
  },
);
