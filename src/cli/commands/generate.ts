// `kpi-bindgen generate`: the freebsd-kpi crate for a kernel tree, configuration and set of
// targets, written atomically so a failed run leaves the previous crate in place.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { fail, renderDiagnostic } from "../../diagnostics/index.js";
import { defaultCacheDirectory } from "../../cache/index.js";
import { generateCrate } from "../../generate/index.js";
import { recordGenerate } from "../../generate/replay.js";
import { invocationArguments } from "../invocation.js";
import {
  DEFAULT_WRAPPER,
  NO_PATTERNS,
  checkPattern,
  mergePatterns,
  parseConfigFile,
  type ItemPatterns,
} from "../../emit/rust/index.js";
import { writeDirAtomic } from "../../io/atomic-output.js";
import { parseTargetName } from "../../targets/index.js";

interface GenerateArgs {
  sys: string;
  kernconf?: string;
  arch: string;
  mode: string;
  header?: string[];
  "extra-header"?: string[];
  out: string;
  config?: string;
  "allowlist-type"?: string[];
  "allowlist-function"?: string[];
  "allowlist-var"?: string[];
  "allowlist-const"?: string[];
  "blocklist-type"?: string[];
  "blocklist-function"?: string[];
  "blocklist-var"?: string[];
  "blocklist-const"?: string[];
  "opaque-type"?: string[];
  rustfmt: boolean;
  "crate-name": string;
  timings: boolean;
  cache: boolean;
  "cache-dir"?: string;
}

const PATTERN_OPTIONS: [keyof GenerateArgs, keyof ItemPatterns, string][] = [
  ["allowlist-type", "allowTypes", "Emit only matching types (plus what allowed items need)"],
  ["allowlist-function", "allowFunctions", "Emit only matching functions"],
  ["allowlist-var", "allowVars", "Emit only matching statics"],
  ["allowlist-const", "allowConstants", "Emit only matching macro constants"],
  ["blocklist-type", "blockTypes", "Never emit matching types"],
  ["blocklist-function", "blockFunctions", "Never emit matching functions"],
  ["blocklist-var", "blockVars", "Never emit matching statics"],
  ["blocklist-const", "blockConstants", "Never emit matching macro constants"],
  ["opaque-type", "opaqueTypes", "Emit matching records as sized, aligned byte blobs"],
];

const list = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

function readHeader(path: string): string {
  if (!existsSync(path) || !statSync(path).isFile()) fail(`no such header: ${path}`);
  const text = readFileSync(path, "latin1");
  return text.endsWith("\n") ? text : `${text}\n`;
}

/**
 * The wrapper the crate binds (the built-in one or the given headers, then the extras), as
 * the joined text copied into the crate and as `#include`s of the files for the front end.
 */
function wrapperInput(args: GenerateArgs): { text: string; frontEnd: string; inputs: string[] } {
  const headers = list(args.header).map((h) => resolve(h));
  const extras = list(args["extra-header"]).map((h) => resolve(h));
  const base = headers.length ? "" : DEFAULT_WRAPPER;
  const files = [...headers, ...extras];
  const text = base + files.map((f) => `/* ${basename(f)} */\n${readHeader(f)}`).join("");
  const frontEnd = base + files.map((f) => `#include "${f}"\n`).join("");
  return { text, frontEnd, inputs: files };
}

function patternsFrom(args: GenerateArgs): ItemPatterns {
  let patterns: ItemPatterns = NO_PATTERNS;
  if (args.config !== undefined) {
    if (!existsSync(args.config)) fail(`no such configuration file: ${args.config}`);
    patterns = parseConfigFile(args.config, readFileSync(args.config, "utf8"));
  }
  const fromCli = structuredClone(NO_PATTERNS);
  for (const [option, field] of PATTERN_OPTIONS) {
    fromCli[field] = list(args[option]);
    for (const p of fromCli[field]) checkPattern(p, { file: `--${option}`, line: 1, column: 0 });
  }
  return mergePatterns(patterns, fromCli);
}

async function run(args: GenerateArgs): Promise<void> {
  const sysDir = resolve(args.sys);
  if (!existsSync(join(sysDir, "sys", "param.h")))
    fail(`${args.sys} is not a kernel source tree (no sys/param.h)`);
  const names = args.arch
    .split(",")
    .filter((a) => a.trim() !== "")
    .map((a) => parseTargetName(a));
  if (names.length === 0) fail("--arch names no target");
  const targets = [...new Set(names)];
  const wrapper = wrapperInput(args);
  const result = await generateCrate({
    sysDir,
    targets,
    mode: args.mode === "kernel" ? "kernel" : "module",
    kernconf: args.kernconf,
    wrapperHeader: wrapper.text,
    frontEndWrapper: wrapper.frontEnd,
    patterns: patternsFrom(args),
    crateName: args["crate-name"],
    format: args.rustfmt,
    cacheDir: args.cache ? resolve(args["cache-dir"] ?? defaultCacheDirectory()) : undefined,
  });
  const warnings = result.diagnostics.map((d) => `${renderDiagnostic(d)}\n`).join("");
  process.stderr.write(warnings);
  const summary = [
    ...Object.entries(result.counts).map(
      ([arch, counts]) =>
        `${arch}: ${Object.entries(counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}`,
    ),
  ]
    .map((line) => `${line}\n`)
    .join("");
  writeDirAtomic(resolve(args.out), (dir) => {
    for (const [path, text] of [...result.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  });
  process.stderr.write(summary);
  if (args.cache) {
    recordGenerate({
      argv: invocationArguments(),
      outDir: args.out,
      files: result.files,
      stderr: warnings + summary,
      dependencies: [
        ...result.dependencies,
        ...wrapper.inputs,
        ...(args.config ? [resolve(args.config)] : []),
      ],
    });
  }
  if (args.timings) {
    for (const [stage, ms] of Object.entries(result.timings))
      process.stderr.write(`${stage}: ${ms.toFixed(0)} ms\n`);
  }
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: "generate",
  describe: "Write the freebsd-kpi Rust crate: bindings with compile-time layout checks",
  builder: (yargs: Argv<object>) => {
    let y = yargs
      .option("sys", {
        type: "string",
        demandOption: true,
        describe: "Kernel source tree (the sys directory)",
      })
      .option("kernconf", {
        type: "string",
        describe: "Kernel configuration (name under <sys>/<machine>/conf, or a path)",
      })
      .option("arch", {
        type: "string",
        default: "amd64",
        describe: "Targets, comma-separated (amd64,i386,arm64,...)",
      })
      .option("mode", {
        choices: ["kernel", "module"],
        default: "module",
        describe: "Bind as part of the kernel or as a module",
      })
      .option("header", {
        type: "string",
        array: true,
        describe: "Header to bind instead of the built-in wrapper (repeatable)",
      })
      .option("extra-header", {
        type: "string",
        array: true,
        describe: "Header to bind in addition (repeatable)",
      })
      .option("out", {
        type: "string",
        demandOption: true,
        describe: "Crate directory to (re)create",
      })
      .option("config", {
        type: "string",
        describe: "kpi-bindgen.json with allowlist, blocklist and opaqueTypes",
      })
      .option("rustfmt", {
        type: "boolean",
        default: true,
        describe: "Format the Rust files with rustfmt when installed",
      })
      .option("crate-name", {
        type: "string",
        default: "freebsd-kpi",
        describe: "Package name in Cargo.toml",
      })
      .option("cache", {
        type: "boolean",
        default: true,
        describe: "Reuse per-target results whose inputs are unchanged (--no-cache: rebuild all)",
      })
      .option("cache-dir", {
        type: "string",
        describe:
          "Cache directory (default: $KPI_BINDGEN_CACHE_DIR, $XDG_CACHE_HOME/kpi-bindgen or ~/.cache/kpi-bindgen)",
      })
      .option("timings", {
        type: "boolean",
        default: false,
        describe: "Print the time each stage took",
      });
    for (const [option, , describe] of PATTERN_OPTIONS) {
      y = y.option(option, { type: "string", array: true, describe });
    }
    return y as never;
  },
  handler: (argv) => run(argv),
};
