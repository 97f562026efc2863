// fixtures/emit/shapes.h through both generators, in a 13.0 module build: every item
// bindgen emits is in our output under the same name, constants have bindgen's types, asm
// labels give the same link names, and our output builds with its layout assertions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  emitArchModule,
  NO_PATTERNS,
  renderChunks,
  SUPPORT_ITEMS,
} from "../../src/emit/rust/index.js";
import { runFrontEnd } from "../../src/pipeline/index.js";
import { getTarget } from "../../src/targets/index.js";
import {
  describeWith,
  needClang,
  needCommand,
  needTree,
  repoRoot,
  sysTree,
} from "../support/environment.js";
import { bindgenEnv, cargo, run, useScratch, writeCrate } from "./support/crate.js";
import { scanRustItems } from "../../src/bench/rust-items.js";

const fixture = join(repoRoot, "fixtures/emit/shapes.h");
const linkNames = (rust: string) =>
  [...rust.matchAll(/#\[link_name = "(?:\\u\{1\})?(\w+)"\]\s*pub fn (\w+)/g)]
    .map((m) => `${m[2]} -> ${m[1]}`)
    .sort();

describeWith(
  [
    needClang(),
    needCommand("bindgen", "apt-get install -y bindgen"),
    needCommand("cargo", "install Rust with cargo"),
  ],
  "fixtures/emit/shapes.h against bindgen (amd64)",
  () => {
    const scratch = useScratch("shapes");

    it("names, constant types and link names match bindgen's; the output builds", async () => {
      const front = runFrontEnd({
        sysDir: sysTree("13.0"),
        target: getTarget("amd64"),
        mode: "module",
        header: fixture,
      });
      const layout = front.plan.createClangLayout();
      const out = join(scratch(), "bindgen.rs");
      try {
        const r = run(
          "bindgen",
          [
            "--use-core",
            "--ctypes-prefix",
            "::core::ffi",
            fixture,
            "-o",
            out,
            "--",
            ...layout.args,
          ],
          scratch(),
          bindgenEnv(),
        );
        expect(r.status, r.stderr).toBe(0);
      } finally {
        layout.dispose();
      }
      const theirText = readFileSync(out, "utf8");
      const theirs = scanRustItems(theirText);
      const ourText = renderChunks(
        emitArchModule(front.unit, front.layouts, NO_PATTERNS, "shapes.h").chunks,
      );
      const ours = new Map(scanRustItems(ourText).map((i) => [i.name, i]));

      expect(theirs.length).toBeGreaterThan(30);
      expect(theirs.filter((i) => !ours.has(i.name)).map((i) => `${i.kind} ${i.name}`)).toEqual([]);
      const typeDiffs = theirs
        .filter((i) => i.type !== undefined && ours.get(i.name)?.type !== i.type)
        .map((i) => `${i.name}: bindgen ${i.type}, ours ${ours.get(i.name)?.type}`);
      expect(typeDiffs).toEqual([]);
      expect(linkNames(ourText)).toEqual(linkNames(theirText));
      expect(linkNames(ourText)).toEqual(["renamed_function -> real_symbol"]);

      const crate = writeCrate(
        new Map([
          ["Cargo.toml", '[package]\nname = "shapes"\nversion = "0.1.0"\nedition = "2021"\n'],
          [
            "src/lib.rs",
            "#![no_std]\n#![allow(non_camel_case_types, non_upper_case_globals, dead_code)]\nmod support;\nmod shapes;\n",
          ],
          ["src/support.rs", SUPPORT_ITEMS],
          ["src/shapes.rs", `use crate::support::*;\n\n${ourText}`],
        ]),
        join(scratch(), "crate"),
      );
      const test = cargo(["test"], crate);
      expect(test.status, test.stderr.slice(0, 4000)).toBe(0);
      expect(test.stderr).not.toMatch(/warning/);
      expect(test.stdout).toMatch(/test result: ok\. 1 passed/);
    }, 300_000);
  },
);
