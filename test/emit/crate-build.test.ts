// The crate for the KPI wrapper compiles and tests clean on the host (x86_64, whose layouts
// are FreeBSD amd64's), with a compile-time assertion for every laid-out record; a wrong
// number in one assertion breaks the build; output is byte-identical across runs.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { DEFAULT_WRAPPER } from "../../src/emit/rust/index.js";
import type { GenerateResult } from "../../src/generate/index.js";
import { runFrontEnd } from "../../src/pipeline/index.js";
import { getTarget, type TargetName } from "../../src/targets/index.js";
import {
  clangCommand,
  describeWith,
  freebsdVersions,
  kpiWrapper,
  type FreeBSDRelease,
  needClang,
  needCommand,
  needFile,
  needTree,
  sysTree,
} from "../support/environment.js";
import { cargo, generateFor, run, useScratch, writeCrate } from "./support/crate.js";

const needCargo = needCommand("cargo", "install Rust (rustup) with cargo");

for (const release of freebsdVersions) {
  describeWith(
    [needCargo, needTree(release), needFile(kpiWrapper, "kpi_wrapper.h")],
    `freebsd-kpi crate for kpi_wrapper.h (${release}, amd64, module)`,
    () => {
      const scratch = useScratch(`crate-${release}`);
      let generated: GenerateResult;
      let crate: string;
      beforeAll(async () => {
        const started = performance.now();
        generated = await generateFor({ release });
        process.stderr.write(
          `${release}: generate ${(performance.now() - started).toFixed(0)} ms\n`,
        );
        crate = writeCrate(generated.files, join(scratch(), "freebsd-kpi"));
      });

      it("builds and tests with no errors and no warnings", () => {
        const build = cargo(["build"], crate);
        expect(build.status, build.stderr).toBe(0);
        expect(build.stderr).not.toMatch(/warning|error/);
        const test = cargo(["test"], crate);
        expect(test.status, test.stderr).toBe(0);
        expect(test.stderr).not.toMatch(/warning|error/);
        // The crate's own tests: a round trip through every record's bitfield accessors.
        expect(test.stdout).toMatch(/test result: ok\. [1-9]\d* passed; 0 failed/);
        process.stderr.write(
          `${release}: cargo build ${build.ms.toFixed(0)} ms, cargo test ${test.ms.toFixed(0)} ms\n`,
        );
      }, 600_000);

      it("asserts the size, alignment and field offsets of every record it lays out", () => {
        const rust = generated.files.get("src/amd64.rs") ?? "";
        const { records, asserted, placeholders } = generated.counts.amd64;
        const blocks = rust.match(/^const _: \(\) = \{$/gm) ?? [];
        const sized = rust.match(/size_of::<\s*\w+,?\s*>\(\)\s*==/g) ?? [];
        expect(asserted).toBeGreaterThan(500);
        expect(asserted + placeholders).toBe(records);
        expect(blocks.length).toBe(asserted);
        expect(sized.length).toBe(asserted);
        expect(rust).toMatch(/offset_of!\(proc_, p_ucred\) == \d+usize/);
      });

      it("fails to build when one assertion's number is wrong", () => {
        const broken = writeCrate(generated.files, join(scratch(), "broken"));
        const path = join(broken, "src/amd64.rs");
        const text = readFileSync(path, "utf8");
        const corrupted = text.replace(
          /(offset_of!\(proc_, p_ucred\) == )(\d+)usize/,
          (_, head: string, n: string) => `${head}${Number(n) + 8}usize`,
        );
        expect(corrupted).not.toBe(text);
        writeFileSync(path, corrupted);
        const build = cargo(["build"], broken);
        expect(build.status).not.toBe(0);
        expect(build.stderr).toMatch(/evaluation of constant value failed|assertion failed/);
      }, 600_000);

      it("is formatted as rustfmt formats it", () => {
        let rustfmt = true;
        try {
          execFileSync("rustfmt", ["--version"], { stdio: "ignore" });
        } catch {
          rustfmt = false;
        }
        if (!rustfmt) return;
        const check = run("rustfmt", ["--check", "--edition", "2021", "src/lib.rs"], crate);
        expect(check.status, check.stdout.slice(0, 2000)).toBe(0);
      });
    },
  );
}

describeWith(
  [needClang(), needTree("13.0"), needFile(kpiWrapper, "kpi_wrapper.h")],
  "static inline wrappers and determinism (13.0, amd64)",
  () => {
    const scratch = useScratch("wrappers");

    it("the C wrappers compile with clang in the same build, one external symbol each", async () => {
      const generated = await generateFor({ release: "13.0" });
      const crate = writeCrate(generated.files, join(scratch(), "crate"));
      const front = runFrontEnd({
        sysDir: sysTree("13.0"),
        target: getTarget("amd64"),
        mode: "module",
        kernconf: "GENERIC",
        header: kpiWrapper,
      });
      const layout = front.plan.createClangLayout();
      try {
        const object = join(scratch(), "wrappers.o");
        const compile = run(
          clangCommand,
          [
            ...layout.args,
            "-Werror",
            "-I",
            join(crate, "c"),
            "-c",
            join(crate, "c/amd64_static_wrappers.c"),
            "-o",
            object,
          ],
          scratch(),
        );
        expect(compile.status, compile.stderr.slice(0, 4000)).toBe(0);
        const symbols = run("llvm-nm-19", ["--defined-only", "-g", object], scratch());
        const nm =
          symbols.status === 0 ? symbols : run("nm", ["--defined-only", "-g", object], scratch());
        const defined = nm.stdout.split("\n").filter((l) => / T \w+__extern$/.test(l)).length;
        expect(defined).toBe(generated.counts.amd64.wrappers);
        expect(defined).toBeGreaterThan(100);
        // Rust calls each wrapper by its C name under the wrapper's symbol.
        expect(generated.files.get("src/amd64.rs")).toMatch(
          /#\[link_name = "__curthread__extern"\]\s+pub fn __curthread\(\)/,
        );
      } finally {
        layout.dispose();
      }
    }, 300_000);

    it("generating twice gives byte-identical files", async () => {
      const first = await generateFor({ release: "13.0" });
      const second = await generateFor({ release: "13.0" });
      expect([...second.files.keys()]).toEqual([...first.files.keys()]);
      for (const [path, text] of first.files)
        expect(second.files.get(path) === text, path).toBe(true);
    }, 300_000);
  },
);

// arm64 is LP64 like the host and every Rust type the crate spells has the same size and
// alignment on aarch64 and x86_64, so the arm64 module, layout assertions included, can be
// compiled on the host: a real check of the arm64 numbers without an aarch64 toolchain.
describeWith(
  [needCargo, needTree("13.0"), needFile(kpiWrapper, "kpi_wrapper.h")],
  "the arm64 module of the crate compiles on the LP64 host (13.0, kpi_wrapper.h)",
  () => {
    const scratch = useScratch("arm64-on-host");

    it("builds with every layout assertion and no warnings", async () => {
      const generated = await generateFor({ release: "13.0", arches: ["arm64"] });
      const files = new Map<string, string>([
        ["Cargo.toml", '[package]\nname = "arm64-on-host"\nversion = "0.1.0"\nedition = "2021"\n'],
        ["src/lib.rs", "#![no_std]\nmod support;\nmod arm64;\npub use arm64::*;\n"],
        ["src/support.rs", generated.files.get("src/support.rs") ?? ""],
        ["src/arm64.rs", generated.files.get("src/arm64.rs") ?? ""],
      ]);
      const crate = writeCrate(files, join(scratch(), "crate"));
      expect(generated.counts.arm64.asserted).toBeGreaterThan(500);
      const build = cargo(["build"], crate);
      expect(build.status, build.stderr).toBe(0);
      expect(build.stderr).not.toMatch(/warning|error/);
    }, 600_000);
  },
);

// The emitter lays every item out in rustfmt's shape itself: with rustfmt not run at all,
// every file of the crate passes `rustfmt --check`, on every target and both releases.
const needRustfmt = needCommand("rustfmt", "install Rust (rustup) with rustfmt");
interface LayoutCase {
  release: FreeBSDRelease;
  mode: "module" | "kernel";
  arches: TargetName[];
  /** The built-in wrapper (kobj interfaces and all) instead of kpi_wrapper.h. */
  builtIn?: true;
}
const layoutCases: LayoutCase[] = [
  { release: "13.0", mode: "module", arches: ["amd64", "i386", "arm64"] },
  { release: "11.0", mode: "module", arches: ["amd64", "i386", "arm64"] },
  { release: "13.0", mode: "kernel", arches: ["amd64"] },
  { release: "13.0", mode: "module", arches: ["amd64"], builtIn: true },
];
for (const { release, mode, arches, builtIn } of layoutCases) {
  const header = builtIn ? "built-in wrapper" : "kpi_wrapper.h";
  describeWith(
    [needRustfmt, needTree(release), needFile(kpiWrapper, "kpi_wrapper.h")],
    `the crate is in rustfmt's shape without rustfmt (${release}, ${arches.join(",")}, ${mode}, ${header})`,
    () => {
      const scratch = useScratch(`layout-${release}-${mode}`);

      it("passes rustfmt --check on every Rust file", async () => {
        const wrapper = builtIn ? DEFAULT_WRAPPER : undefined;
        const generated = await generateFor({ release, arches, mode, wrapper, format: "none" });
        const crate = writeCrate(generated.files, join(scratch(), "crate"));
        const rustFiles = [...generated.files.keys()].filter((path) => path.endsWith(".rs"));
        expect(rustFiles.length).toBe(arches.length + 2);
        const check = run("rustfmt", ["--check", "--edition", "2021", ...rustFiles], crate);
        expect(check.status, check.stdout.slice(0, 4000)).toBe(0);
      }, 600_000);
    },
  );
}
