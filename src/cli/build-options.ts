// The options every command that builds the KPI takes, declared and read in one place so
// they mean the same everywhere: --sys, --arch (default amd64), --mode (default module),
// --kernconf, --release, -D/-U/-I in command-line order, and --header.
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Argv } from "yargs";
import { fail } from "../diagnostics/index.js";
import {
  parseDefineArgument,
  parseUndefineArgument,
  type BuildMode,
  type MacroFlag,
  type UserFlags,
} from "../preprocess/kernel-build/index.js";
import {
  getTarget,
  parseRelease,
  parseTargetName,
  type FreeBSDRelease,
  type TargetDescription,
} from "../targets/index.js";

export interface BuildOptionArgs {
  sys?: string;
  arch: string;
  mode: string;
  /** A configuration name or path; false for --no-kernconf. */
  kernconf?: string | false;
  release?: string;
  header?: string | string[];
  /** -D, -U and -I as given, in order (see compilerFlagArguments). */
  "cpp-flag"?: string | string[];
}

export interface BuildOptionSpec {
  /** Whether the command cannot run without a tree. */
  sysRequired: boolean;
  /** --arch takes a comma-separated list (generate). */
  multipleTargets?: boolean;
  /** The command passes -D/-U/-I to the build. */
  compilerFlags?: boolean;
  /** --header: one file, a repeatable list, or not an option (the file is positional). */
  header: "one" | "many" | "none";
  /** --release: not every stage can take one yet. */
  release?: boolean;
  /** --help text of --header, when the command reads it in its own way. */
  headerHelp?: string;
}

const HIDDEN_FLAG_OPTION = "cpp-flag";

/**
 * yargs would read `-DFOO=1` as the single-letter flags D, F, O, O and keep -D and -U in
 * separate lists, losing the order the compiler applies them in. Before yargs sees the
 * command line, each -D/-U/-I (attached or with its value as the next word) becomes one
 * `--cpp-flag=-DFOO=1` word, and the list of those keeps the order.
 */
export function compilerFlagArguments(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^-([DUI])(.*)$/s.exec(arg);
    if (!m) {
      out.push(arg);
      continue;
    }
    // A missing value is left for flagsOf to report with the flag's name.
    const value = m[2] !== "" ? m[2] : i + 1 < argv.length ? argv[++i]! : "";
    out.push(`--${HIDDEN_FLAG_OPTION}=-${m[1]}${value}`);
  }
  return out;
}

const list = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** Declares the build options on a command, as `spec` says it takes them. */
export function buildOptions<T>(yargs: Argv<T>, spec: BuildOptionSpec): Argv<T & BuildOptionArgs> {
  let y = yargs
    .option("sys", {
      type: "string",
      demandOption: spec.sysRequired,
      describe: spec.sysRequired
        ? "Kernel source tree (the sys directory)"
        : "Kernel source tree: build the input inside a kernel or module build",
    })
    .option("arch", {
      type: "string",
      default: "amd64",
      describe: spec.multipleTargets
        ? "Targets, comma-separated (amd64, i386, arm64, armv7, riscv64, powerpc, powerpc64, powerpc64le)"
        : "Target (amd64, i386, arm64, armv7, riscv64, powerpc, powerpc64, powerpc64le)",
    })
    .option("mode", {
      choices: ["kernel", "module"],
      default: "module",
      describe: "Build as part of the kernel or as a module",
    })
    .option("kernconf", {
      type: "string",
      describe:
        "Kernel configuration whose opt_*.h headers to use: a name under <sys>/<machine>/conf " +
        "or a path (default: empty opt headers; without the tree's conf/options tables, a warning)",
    });
  if (spec.release !== false) {
    y = y.option("release", {
      type: "string",
      describe: "FreeBSD release for the target triple (default: the tree's sys/param.h)",
    });
  }
  if (spec.header !== "none") {
    y = y.option("header", {
      type: "string",
      array: spec.header === "many",
      describe:
        spec.headerHelp ??
        (spec.header === "many"
          ? "Header to bind (repeatable; default: the built-in KPI wrapper)"
          : "Header to read"),
    });
  }
  if (spec.compilerFlags) {
    // Declared for --help only; compilerFlagArguments turns them into --cpp-flag words.
    y = y
      .option("D", {
        type: "string",
        describe: "Define a macro: NAME, NAME=VALUE, NAME(params)=VALUE",
      })
      .option("U", {
        type: "string",
        describe: "Undefine a macro (after the build's own, in order)",
      })
      .option("I", { type: "string", describe: "Add an include directory, after the build's own" })
      .option(HIDDEN_FLAG_OPTION, { type: "string", hidden: true });
  }
  return y as unknown as Argv<T & BuildOptionArgs>;
}

/** -D/-U as the build applies them (in order) and -I as absolute directories. */
export function userFlags(args: BuildOptionArgs): UserFlags {
  const macros: MacroFlag[] = [];
  const includeDirs: string[] = [];
  for (const word of list(args[HIDDEN_FLAG_OPTION])) {
    const kind = word[1];
    const value = word.slice(2);
    if (value === "") fail(`-${kind} needs a value`);
    if (kind === "D") {
      macros.push(
        parseDefineArgument(value) ??
          fail(`invalid -D '${value}': expected NAME, NAME=VALUE or NAME(params)=VALUE`),
      );
    } else if (kind === "U") {
      macros.push(
        parseUndefineArgument(value) ?? fail(`invalid -U '${value}': expected a macro name`),
      );
    } else {
      includeDirs.push(resolve(value));
    }
  }
  return { macros, includeDirs };
}

/** The targets --arch names; one unless the command builds several. */
export function buildTargets(args: BuildOptionArgs, multiple = false): TargetDescription[] {
  const names = args.arch
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "")
    .map((a) => parseTargetName(a));
  if (names.length === 0) fail("--arch names no target");
  if (!multiple && names.length > 1) fail(`--arch takes one target here, not '${args.arch}'`);
  return [...new Set(names)].map(getTarget);
}

export function buildTarget(args: BuildOptionArgs): TargetDescription {
  return buildTargets(args)[0]!;
}

export function buildMode(args: BuildOptionArgs): BuildMode {
  return args.mode === "kernel" ? "kernel" : "module";
}

export function buildRelease(args: BuildOptionArgs): FreeBSDRelease | undefined {
  return args.release === undefined ? undefined : parseRelease(args.release);
}

/** The configuration to build with; absent for none (or --no-kernconf). */
export function buildKernconf(args: BuildOptionArgs): string | undefined {
  return typeof args.kernconf === "string" ? args.kernconf : undefined;
}

/** The kernel tree --sys names, as an absolute path; a located error when it is not one. */
export function kernelTree(args: BuildOptionArgs): string {
  if (args.sys === undefined) return fail("--sys is needed: the kernel tree to build in");
  const sysDir = resolve(args.sys);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${args.sys} (--sys)`);
  if (!existsSync(join(sysDir, "sys", "param.h")))
    fail(`${args.sys} is not a kernel source tree (no sys/param.h)`);
  return sysDir;
}

/** The --header files given (absolute); empty when none. */
export function headerFiles(args: BuildOptionArgs): string[] {
  return list(args.header).map((h) => resolve(h));
}
