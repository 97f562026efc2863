// Benchmark: a cold `kpi-bindgen generate` of the KPI wrapper (13.0, amd64, GENERIC, module
// mode) beside Debian's bindgen on the same header and clang flags, with and without its
// rustfmt step, and `clang-19 -fsyntax-only` as the floor; then three arches in one run, and
// a regenerate with nothing changed from a filled cache. Every run is a fresh process,
// timed and measured for peak RSS with /usr/bin/time. Measures and prints; never asserts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadKernelOptions } from "../pipeline/index.js";
import { planKernelBuild, generatedBuildHeaders } from "../preprocess/kernel-build/index.js";
import { getTarget } from "../targets/index.js";
import { scanRustItems } from "./rust-items.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface Measured {
  label: string;
  medianMs: number;
  peakRssMiB: number;
}

interface Command {
  label: string;
  argv: string[];
  env?: Record<string, string>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `command` `runs` times under /usr/bin/time: median wall time, largest peak RSS. */
function measure(command: Command, runs: number): Measured {
  const times: number[] = [];
  let peakKiB = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync("/usr/bin/time", ["-f", "KPI_BENCH %e %M", ...command.argv], {
      encoding: "utf8",
      env: { ...process.env, ...command.env },
      maxBuffer: 1 << 28,
    });
    const line = /KPI_BENCH ([\d.]+) (\d+)/.exec(r.stderr ?? "");
    if (r.status !== 0 || !line) {
      throw new Error(`${command.label} failed (${r.status}): ${(r.stderr ?? "").slice(-400)}`);
    }
    // Timed here rather than by time(1), whose 10 ms resolution is too coarse for a cached run.
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    peakKiB = Math.max(peakKiB, Number(line[2]));
  }
  return { label: command.label, medianMs: median(times), peakRssMiB: peakKiB / 1024 };
}

/** How many of the items bindgen emitted our crate has under the same name. */
function coverage(bindgenOutput: string, ourModule: string): string {
  const theirs = scanRustItems(readFileSync(bindgenOutput, "utf8"));
  const ours = new Set(scanRustItems(readFileSync(ourModule, "utf8")).map((i) => i.name));
  const present = theirs.filter((i) => ours.has(i.name)).length;
  return (
    `  bindgen items present by name in ours: ${present} of ${theirs.length} ` +
    `(${((100 * present) / theirs.length).toFixed(2)}%)  [>= 99%]`
  );
}

/**
 * What the measured kpi-bindgen ran with: the tree reader addon or tree-sitter's binding,
 * and the code caches its unmeasured first runs left beside the bundles.
 */
function buildState(): string {
  const reader = existsSync(join(repoRoot, "build", "Release", "kpi_flat_tree.node"))
    ? "the tree reader addon"
    : "tree-sitter's binding (the addon is not built)";
  const bundles = join(repoRoot, "dist", "bundle");
  const caches = existsSync(bundles)
    ? readdirSync(bundles).filter((f) => f.endsWith(".v8cache")).length
    : 0;
  return `  kpi-bindgen ran with ${reader} and ${caches} code cache files`;
}

export async function benchGenerate(): Promise<string> {
  const shared = resolve(process.env.KPI_SHARED_DIR ?? join(repoRoot, "../shared"));
  const sysDir = join(shared, "freebsd/13.0/sys");
  const wrapper = join(shared, "bench/kpi_wrapper.h");
  for (const path of [sysDir, wrapper, "/usr/bin/time"]) {
    if (!existsSync(path)) throw new Error(`benchmark input missing: ${path}`);
  }
  const runs = Number(process.env.KPI_BENCH_RUNS ?? 5);
  const scratch = mkdtempSync(join(tmpdir(), "kpi-bench-generate-"));
  // The same build our generate sees: GENERIC's option headers when the tree can resolve them.
  const plan = planKernelBuild({
    sysDir,
    target: getTarget("amd64"),
    mode: "module",
    optionHeaders: loadKernelOptions(sysDir, "GENERIC", "amd64").headers,
    generatedHeaders: generatedBuildHeaders(sysDir, { machine: "amd64", mode: "module" }),
    user: { macros: [], includeDirs: [] },
  });
  const layout = plan.createClangLayout();
  try {
    const bindgenEnv = { LIBCLANG_PATH: process.env.LIBCLANG_PATH ?? "/usr/lib/llvm-14/lib" };
    const bindgen = ["bindgen", "--use-core", "--ctypes-prefix", "::core::ffi", wrapper];
    const ours = (arches: string, cache = ["--no-cache"], label = ""): Command => ({
      label: `kpi-bindgen generate (${arches})${label}`,
      // Run as users run it, through the launcher (which sets Node's flags, and replays an
      // unchanged run without starting Node).
      argv: [
        join(repoRoot, "bin/kpi-bindgen"),
        "generate",
        "--sys",
        sysDir,
        "--kernconf",
        "GENERIC",
        "--arch",
        arches,
        "--mode",
        "module",
        "--header",
        wrapper,
        "--out",
        join(scratch, `crate-${arches.replace(/,/g, "-")}`),
        ...cache,
      ],
    });
    // The unmeasured first run fills the cache; every measured run is then a regenerate
    // with nothing changed.
    const regenerate = ours("amd64", ["--cache-dir", join(scratch, "cache")], ", cached");
    const commands: Command[] = [
      {
        label: "clang-19 -fsyntax-only",
        argv: ["clang-19", ...layout.args, "-fsyntax-only", wrapper],
      },
      {
        label: "bindgen (default, rustfmt)",
        argv: [...bindgen, "-o", join(scratch, "a.rs"), "--", ...layout.args],
        env: bindgenEnv,
      },
      {
        label: "bindgen --no-rustfmt-bindings",
        argv: [
          ...bindgen,
          "--no-rustfmt-bindings",
          "-o",
          join(scratch, "b.rs"),
          "--",
          ...layout.args,
        ],
        env: bindgenEnv,
      },
      ours("amd64"),
      ours("amd64,i386,arm64"),
      regenerate,
    ];
    // One unmeasured run each, so no command pays for first-time disk reads.
    for (const c of commands) measure(c, 1);
    const results = commands.map((c) => measure(c, runs));
    const byLabel = new Map(results.map((r) => [r.label, r]));
    const bindgenDefault = byLabel.get("bindgen (default, rustfmt)")!;
    const bindgenRaw = byLabel.get("bindgen --no-rustfmt-bindings")!;
    const lines = [
      `generate kpi_wrapper.h (FreeBSD 13.0, GENERIC, module mode), median of ${runs} cold runs`,
      ...results.map(
        (r) =>
          `  ${r.label.padEnd(42)} ${r.medianMs.toFixed(0).padStart(6)} ms  ` +
          `${r.peakRssMiB.toFixed(0).padStart(5)} MiB peak`,
      ),
      "  ratios (target in brackets):",
    ];
    const single = byLabel.get("kpi-bindgen generate (amd64)")!;
    const triple = byLabel.get("kpi-bindgen generate (amd64,i386,arm64)")!;
    const cached = byLabel.get(regenerate.label)!;
    const ratio = (a: Measured, b: Measured) => (a.medianMs / b.medianMs).toFixed(2);
    lines.push(
      `    generate / bindgen default            ${ratio(single, bindgenDefault)}x  [<= 0.5]`,
      `    generate / bindgen without rustfmt    ${ratio(single, bindgenRaw)}x  [<= 1.0]`,
      `    3-arch generate / bindgen default     ${ratio(triple, bindgenDefault)}x  [<= 1.0]`,
      `    peak RSS / bindgen's                  ${(single.peakRssMiB / bindgenDefault.peakRssMiB).toFixed(2)}x  [<= 1.0]`,
      `    cold generate / cached regenerate     ${ratio(single, cached)}x  [>= 10]`,
    );
    lines.push(coverage(join(scratch, "a.rs"), join(scratch, "crate-amd64", "src", "amd64.rs")));
    lines.push(buildState());
    return lines.join("\n");
  } finally {
    layout.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}
