// `kpi-bindgen generate`: the freebsd-kpi crate for a kernel tree, configuration and set of
// targets, written atomically so a failed run leaves the previous crate in place.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Argv } from "yargs";
import { fail } from "../../diagnostics/index.js";
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
import {
  buildKernconf,
  buildMode,
  buildOptions,
  buildTargets,
  headerFiles,
  kernelTree,
  userFlags,
  type BuildOptionArgs,
} from "../build-options.js";
import { progressOptions, type ProgressArgs } from "../progress.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

interface GenerateArgs extends BuildOptionArgs, ProgressArgs, SessionArgs {
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
  rustfmt?: boolean;
  "crate-name": string;
  cache: boolean;
  "cache-dir"?: string;
  jobs?: number;
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
  const headers = headerFiles(args);
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
  const { session } = args;
  const sysDir = kernelTree(args);
  session.addSourceRoot(sysDir);
  const targets = buildTargets(args, true).map((t) => t.name);
  const user = userFlags(args);
  const wrapper = wrapperInput(args);
  const result = await generateCrate({
    sysDir,
    targets,
    mode: buildMode(args),
    kernconf: buildKernconf(args),
    user,
    wrapperHeader: wrapper.text,
    frontEndWrapper: wrapper.frontEnd,
    includeRoots: [...new Set(wrapper.inputs.map((f) => dirname(f)))],
    patterns: patternsFrom(args),
    crateName: args["crate-name"],
    format: args.rustfmt === undefined ? "unshaped" : args.rustfmt ? "all" : "none",
    cacheDir: args.cache ? resolve(args["cache-dir"] ?? defaultCacheDirectory()) : undefined,
    threads: args.jobs,
    onProgress: session.startProgress(args),
  });
  session.stopProgressLine();
  session.report(result.diagnostics);
  session.flushDiagnostics();
  writeDirAtomic(resolve(args.out), (dir) => {
    for (const [path, text] of [...result.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  });
  for (const [arch, counts] of Object.entries(result.counts)) {
    const parts = Object.entries(counts).map(([k, v]) => `${v} ${k}`);
    session.info(`${arch}: ${parts.join(", ")}`);
  }
  if (args.cache) {
    recordGenerate({
      argv: invocationArguments(),
      outDir: args.out,
      files: result.files,
      stderr: session.lastingOutput(),
      dependencies: [
        ...result.dependencies,
        ...wrapper.inputs,
        ...(args.config ? [resolve(args.config)] : []),
      ],
    });
  }
}

export const generateCommand: CommandDefinition<GenerateArgs> = {
  builder: (yargs: Argv<object>) => {
    let y = progressOptions(
      buildOptions(yargs, {
        sysRequired: true,
        multipleTargets: true,
        compilerFlags: true,
        header: "many",
        release: false,
        headerHelp: "Header to bind instead of the built-in wrapper (repeatable)",
      }),
    )
      .alias("verbose", "timings")
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
        describe:
          "Run rustfmt over every item (--no-rustfmt: never). By default the items come out in " +
          "rustfmt's shape and rustfmt sees only one the emitter could not shape",
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
      .option("jobs", {
        alias: "j",
        type: "number",
        describe:
          "Most threads to use (default: one per core). One target takes two: preprocessing " +
          "beside parsing; several share them",
      })
      .check((a) => {
        if (a.jobs !== undefined && !(Number.isInteger(a.jobs) && a.jobs >= 1))
          throw new Error(`--jobs takes a whole number of at least 1, not '${a.jobs}'`);
        return true;
      });

    for (const [option, , describe] of PATTERN_OPTIONS) {
      y = y.option(option, { type: "string", array: true, describe });
    }
    return y as never;
  },
  handler: (argv) => run(argv),
};
