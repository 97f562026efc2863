// Every item bindgen emits for the KPI wrapper (same header, same clang flags) must exist
// under the same name in our crate, unless fixtures/emit/bindgen-differences.json lists it
// with the reason it differs on purpose.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runFrontEnd } from "../../src/pipeline/index.js";
import { getTarget } from "../../src/targets/index.js";
import {
  describeWith,
  kpiWrapper,
  needClang,
  needCommand,
  needFile,
  needTree,
  repoRoot,
  sysTree,
} from "../support/environment.js";
import { bindgenEnv, generateFor, run, useScratch } from "./support/crate.js";
import { scanRustItems, type RustItem } from "../../src/bench/rust-items.js";

interface Differences {
  items: { kind: string; name: string; reason: string }[];
  /** Constants whose Rust type differs from bindgen's on purpose. */
  constantTypes: { name: string; bindgen: string; ours: string; reason: string }[];
}

const differences: Differences = JSON.parse(
  readFileSync(join(repoRoot, "fixtures/emit/bindgen-differences.json"), "utf8"),
);
const key = (i: { kind: string; name: string }) => `${i.kind} ${i.name}`;

describeWith(
  [
    needClang(),
    needTree("13.0"),
    needFile(kpiWrapper, "kpi_wrapper.h"),
    needCommand("bindgen", "apt-get install -y bindgen"),
  ],
  "items bindgen emits are in the crate",
  () => {
    const scratch = useScratch("bindgen");

    it("covers at least 99% of bindgen's items by name, the rest listed with a reason", async () => {
      const front = runFrontEnd({
        sysDir: sysTree("13.0"),
        target: getTarget("amd64"),
        mode: "module",
        kernconf: "GENERIC",
        header: kpiWrapper,
      });
      const layout = front.plan.createClangLayout();
      let theirs: RustItem[];
      try {
        const out = join(scratch(), "bindgen.rs");
        const started = performance.now();
        const r = run(
          "bindgen",
          [
            "--use-core",
            "--ctypes-prefix",
            "::core::ffi",
            kpiWrapper,
            "-o",
            out,
            "--",
            ...layout.args,
          ],
          scratch(),
          bindgenEnv(),
        );
        expect(r.status, r.stderr).toBe(0);
        process.stderr.write(`bindgen: ${(performance.now() - started).toFixed(0)} ms\n`);
        theirs = scanRustItems(readFileSync(out, "utf8"));
      } finally {
        layout.dispose();
      }
      const started = performance.now();
      const ours = await generateFor({ release: "13.0" });
      process.stderr.write(
        `kpi-bindgen generate: ${(performance.now() - started).toFixed(0)} ms\n`,
      );
      const ourItems = scanRustItems(ours.files.get("src/amd64.rs") ?? "");
      const ourNames = new Set(ourItems.map((i) => i.name));
      const listed = new Set(differences.items.map(key));

      expect(theirs.length).toBeGreaterThan(1000);
      const missing = theirs.filter((i) => !ourNames.has(i.name));
      const unexplained = missing.filter((i) => !listed.has(key(i)));
      const present = theirs.length - missing.length;
      const percent = (100 * present) / theirs.length;
      process.stderr.write(
        `bindgen items: ${theirs.length}; present by name in ours: ${present} (${percent.toFixed(2)}%); ` +
          `listed as deliberate: ${missing.length - unexplained.length}; unexplained: ${unexplained.length}\n`,
      );
      if (process.env.KPI_WRITE_MISSING)
        writeFileSync(process.env.KPI_WRITE_MISSING, JSON.stringify(missing, null, 1));
      expect(unexplained.map(key)).toEqual([]);
      expect(percent).toBeGreaterThanOrEqual(99);
      // Constants have the Rust type bindgen gives them (u32 / i32 / u64 / i64 / byte strings).
      const ourConstTypes = new Map(ourItems.filter((i) => i.type).map((i) => [i.name, i.type]));
      const compared = theirs.filter((i) => i.type !== undefined && ourConstTypes.has(i.name));
      const listedTypes = new Map(differences.constantTypes.map((c) => [c.name, c]));
      const typeMismatches = compared
        .filter((i) => ourConstTypes.get(i.name) !== i.type)
        .filter((i) => {
          const entry = listedTypes.get(i.name);
          return !(entry && entry.bindgen === i.type && entry.ours === ourConstTypes.get(i.name));
        })
        .map((i) => `${i.name}: bindgen ${i.type}, ours ${ourConstTypes.get(i.name)}`);
      process.stderr.write(
        `constant types compared: ${compared.length}; listed as deliberate: ${listedTypes.size}; ` +
          `unexplained: ${typeMismatches.length}\n`,
      );
      expect(compared.length).toBeGreaterThan(4000);
      expect(typeMismatches).toEqual([]);
      // A listed difference that no longer differs is stale: keep the list honest.
      const stale = differences.items.filter(
        (i) => ourNames.has(i.name) || !theirs.some((t) => key(t) === key(i)),
      );
      expect(stale.map(key)).toEqual([]);
    }, 300_000);
  },
);
