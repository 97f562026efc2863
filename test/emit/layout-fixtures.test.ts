// The layout fixtures (packed, aligned, pragma pack, bitfields, flexible arrays, anonymous
// members, ...) hold the shapes a repr(C) struct finds hardest. Their layouts are checked
// against clang by the layout suite; here each is emitted for amd64 and arm64 (both LP64
// like the host) and the crate must build with every assertion and pass its bitfield tests.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  emitArchModule,
  NO_PATTERNS,
  renderChunks,
  SUPPORT_ITEMS,
} from "../../src/emit/rust/index.js";
import { LayoutEngine } from "../../src/layout/index.js";
import { clangTriple, getTarget, type TargetName } from "../../src/targets/index.js";
import { loadCSource } from "../../src/verify/index.js";
import {
  clangCommand,
  describeWith,
  needClang,
  needCommand,
  repoRoot,
} from "../support/environment.js";
import { cargo, useScratch, writeCrate } from "./support/crate.js";

const fixtureDir = join(repoRoot, "fixtures", "layout");
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith(".c"))
  .sort();
const hostLike: TargetName[] = ["amd64", "arm64"];

describeWith(
  [needClang(), needCommand("cargo", "install Rust (rustup) with cargo")],
  "layout fixtures as Rust",
  () => {
    const scratch = useScratch("emit-fixtures");

    it("build with every layout assertion and pass their bitfield tests", async () => {
      expect(fixtures.length).toBeGreaterThanOrEqual(9);
      const files = new Map<string, string>();
      const modules: string[] = [];
      let asserted = 0;
      const opaque = new Set<string>();
      for (const fixture of fixtures) {
        for (const name of hostLike) {
          const target = getTarget(name);
          const compilerArgs = [
            `--target=${clangTriple(target, { major: 13, minor: 0 })}`,
            "-ffreestanding",
            "-nostdinc",
            "-std=gnu99",
          ];
          const { unit } = await loadCSource({
            file: join(fixtureDir, fixture),
            target,
            compiler: clangCommand,
            compilerArgs,
          });
          const module = emitArchModule(unit, new LayoutEngine(unit, target), NO_PATTERNS, fixture);
          const rust = renderChunks(module.chunks);
          asserted += module.counts.asserted;
          for (const m of rust.matchAll(
            /pub (?:struct|union) (\w+) \{\n {4}pub _bindgen_opaque_blob/g,
          )) {
            opaque.add(`${fixture}: ${m[1]}`);
          }
          const mod = `${fixture.replace(/\W/g, "_")}_${name}`;
          modules.push(mod);
          files.set(`src/${mod}.rs`, `use crate::support::*;\n\n${rust}`);
        }
      }
      files.set(
        "Cargo.toml",
        '[package]\nname = "layout-fixtures"\nversion = "0.1.0"\nedition = "2021"\n',
      );
      files.set("src/support.rs", SUPPORT_ITEMS);
      files.set(
        "src/lib.rs",
        "#![no_std]\n#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code, improper_ctypes, unused_imports)]\n" +
          "mod support;\n" +
          modules.map((m) => `mod ${m};\n`).join(""),
      );
      const crate = writeCrate(files, join(scratch(), "crate"));
      expect(asserted).toBeGreaterThan(50);
      // Only records that are packed below the alignment C still gives them fall back to a
      // sized, aligned blob: Rust cannot put packed and align on one type.
      expect([...opaque].sort()).toEqual([
        "packed.c: packed_aligned",
        "packed.c: packed_field",
        "packed.c: packed_with_aligned_field",
        "packed.c: trailing_packed_aligned",
        "pragma-pack.c: pack_with_record_aligned",
        "typedef-attributes.c: packed_with_aligned_typedef",
      ]);
      const test = cargo(["test"], crate);
      expect(test.status, test.stderr.slice(0, 6000) + test.stdout.slice(-3000)).toBe(0);
      expect(test.stderr).not.toMatch(/warning/);
      expect(test.stdout).toMatch(/test result: ok\. [1-9]\d* passed; 0 failed/);
    }, 600_000);
  },
);
