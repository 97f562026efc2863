// Without the tree reader addon (not built, or KPI_BINDGEN_TREE_READER=binding) the front end
// reads tree-sitter's tree through the binding: the crate and the messages must be the
// same, for good input and for a syntax error. A module preloaded into every thread notes
// each load of the binding, which shows which reader a run used.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import {
  describeWith,
  kpiWrapper,
  needTree,
  needTreeReader,
  repoRoot,
  sysTree,
} from "../support/environment.js";
import { makeTinyTree, readCrate } from "./tiny-tree.js";

const tree = makeTinyTree("tree-reader-fallback");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));
const bindingLoads = join(tree.root, "binding-loads");
const probe = join(tree.root, "probe.cjs");
writeFileSync(
  probe,
  `const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "tree-sitter") require("node:fs").appendFileSync(${JSON.stringify(bindingLoads)}, "x");
  return load.call(this, request, ...rest);
};
`,
);

function generate(args: string[], reader: "addon" | "binding") {
  const out = join(tree.root, `crate-${reader}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(bindingLoads, { force: true });
  const env = {
    ...process.env,
    KPI_BINDGEN_TREE_READER: reader === "binding" ? "binding" : "",
    NODE_OPTIONS: `--require "${probe}"`,
  };
  const r = spawnSync(
    join(repoRoot, "bin", "kpi-bindgen"),
    ["generate", ...args, "--out", out, "--no-cache", "--no-rustfmt"],
    { encoding: "utf8", env },
  );
  let files: Record<string, string> | null = null;
  try {
    files = readCrate(out);
  } catch {
    files = null;
  }
  const loads = existsSync(bindingLoads) ? readFileSync(bindingLoads, "utf8").length : 0;
  expect(loads > 0, `tree-sitter binding loaded with the ${reader}`).toBe(reader === "binding");
  return { status: r.status, stderr: r.stderr, files };
}

describeWith(
  [needTreeReader(), needTree("13.0")],
  "the tree-sitter binding in place of the tree reader",
  () => {
    it("gives the same crate for the KPI wrapper on two arches", () => {
      const args = ["--sys", sysTree("13.0"), "--arch", "amd64,arm64", "--header", kpiWrapper];
      const addon = generate(args, "addon");
      expect(addon.status, addon.stderr).toBe(0);
      expect(generate(args, "binding")).toEqual(addon);
    });

    it("gives the same messages for a syntax error", () => {
      tree.write("sys/broken.h", "struct s { int a; };\nint x = (1 +;\nint y;\n");
      const args = ["--sys", tree.sys, "--header", join(tree.sys, "sys/broken.h")];
      const addon = generate(args, "addon");
      expect(addon.status).toBe(1);
      expect(addon.stderr).toMatch(/broken\.h:2:\d+: error: /);
      expect(generate(args, "binding")).toEqual(addon);
    });
  },
);
