// `kpi-bindgen preprocess`: one header through our preprocessor inside a synthesized FreeBSD
// kernel or module build, printed as `clang -E` would print it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { DiagnosticError, fail, hasErrors, renderDiagnostic } from "../../diagnostics/index.js";
import { writeFileAtomic } from "../../io/atomic-output.js";
import { loadKernelConfig } from "../../kernconf/index.js";
import {
  formatDepfile,
  generatedBuildHeaders,
  parseDefineArgument,
  parseUndefineArgument,
  planKernelBuild,
  preprocessInBuild,
  type BuildMode,
  type MacroFlag,
} from "../../preprocess/kernel-build/index.js";
import { getTarget, parseRelease, parseTargetName } from "../../targets/index.js";

interface PreprocessArgs {
  sys: string;
  /** A configuration name or path; false for --no-kernconf. */
  kernconf?: string | false;
  arch: string;
  mode: string;
  release?: string;
  header?: string;
  buildFile?: string | string[];
  /** Everything yargs does not parse: -D/-U/-I and the header, in order. */
  args?: string[];
  output?: string;
  depfile?: string;
  lineMarkers: boolean;
}

/** -D/-U/-I and the header, taken from the free arguments in command-line order. */
interface CompilerStyleArgs {
  macros: MacroFlag[];
  includeDirs: string[];
  files: string[];
}

/**
 * Compiler-style arguments (`-DNAME=V`, `-D NAME`, `-UNAME`, `-IDIR`, `-I DIR`, the header)
 * are parsed here rather than by yargs, which would split `-DFOO` into single-letter flags
 * and could not keep -D and -U in their relative order, which decides the result.
 */
export function parseCompilerStyleArgs(args: readonly string[]): CompilerStyleArgs {
  const out: CompilerStyleArgs = { macros: [], includeDirs: [], files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^-([DUI])(.*)$/s.exec(arg);
    if (!m) {
      if (arg.startsWith("-") && arg !== "-")
        fail(`unknown option '${arg}' (see kpi-bindgen preprocess --help)`);
      out.files.push(arg);
      continue;
    }
    let value = m[2];
    if (value === "") {
      if (i + 1 >= args.length) fail(`-${m[1]} needs a value`);
      value = args[++i];
    }
    if (m[1] === "D") {
      out.macros.push(
        parseDefineArgument(value) ??
          fail(`invalid -D '${value}': expected NAME, NAME=VALUE or NAME(params)=VALUE`),
      );
    } else if (m[1] === "U") {
      out.macros.push(
        parseUndefineArgument(value) ?? fail(`invalid -U '${value}': expected a macro name`),
      );
    } else {
      out.includeDirs.push(resolve(value));
    }
  }
  return out;
}

function inputHeader(args: PreprocessArgs, files: string[]): string {
  if (files.length > 1) fail(`one header at a time: got ${files.join(", ")}`);
  if (args.header !== undefined && files.length > 0)
    fail("give the header either as --header or as an argument, not both");
  const given = args.header ?? files[0];
  if (given === undefined) fail("no header to preprocess: pass --header FILE or FILE");
  const path = resolve(given);
  if (!existsSync(path) || !statSync(path).isFile()) fail(`header not found: ${given}`);
  return path;
}

/**
 * Files the build directory holds besides the ones the tool generates: `*_if.h` and
 * `vnode_if*.h` from the tree, then each --build-file under its own name (e.g. a kernel
 * build's offset.inc, which kernel-mode compiles of sys/systm.h need).
 */
function buildDirectoryFiles(args: PreprocessArgs, sysDir: string): Map<string, string> {
  const files = generatedBuildHeaders(sysDir);
  const given =
    args.buildFile === undefined
      ? []
      : Array.isArray(args.buildFile)
        ? args.buildFile
        : [args.buildFile];
  for (const path of given) {
    let text: string;
    try {
      text = readFileSync(resolve(path), "utf8");
    } catch {
      return fail(`cannot read --build-file ${path}`);
    }
    files.set(basename(path), text);
  }
  return files;
}

function optionHeaders(
  args: PreprocessArgs,
  sysDir: string,
  machine: string,
): Map<string, string> | undefined {
  if (args.kernconf === undefined || args.kernconf === false) return undefined;
  const loaded = loadKernelConfig({ sysDir, kernconf: args.kernconf, arch: machine });
  if (hasErrors(loaded.diagnostics)) throw new DiagnosticError(loaded.diagnostics);
  return new Map(Object.entries(loaded.resolved.headers));
}

function run(args: PreprocessArgs): void {
  const sysDir = resolve(args.sys);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${args.sys} (--sys)`);
  const target = getTarget(parseTargetName(args.arch));
  const free = parseCompilerStyleArgs(args.args ?? []);
  const header = inputHeader(args, free.files);
  if (args.depfile !== undefined && args.output === undefined) {
    fail("--depfile needs -o: the dependency rule names the output file as its target");
  }
  const plan = planKernelBuild({
    sysDir,
    target,
    mode: args.mode as BuildMode,
    optionHeaders: optionHeaders(args, sysDir, target.machine),
    generatedHeaders: buildDirectoryFiles(args, sysDir),
    release: args.release === undefined ? undefined : parseRelease(args.release),
    user: { macros: free.macros, includeDirs: free.includeDirs },
  });
  const result = preprocessInBuild(plan, header, { lineMarkers: args.lineMarkers });
  for (const d of result.result.diagnostics) process.stderr.write(renderDiagnostic(d) + "\n");
  if (args.output !== undefined) {
    writeFileAtomic(resolve(args.output), result.text);
    if (args.depfile !== undefined)
      writeFileAtomic(
        resolve(args.depfile),
        formatDepfile(args.output, [header, ...result.dependencies]),
      );
  } else {
    process.stdout.write(result.text);
  }
}

export const preprocessCommand: CommandModule<object, PreprocessArgs> = {
  command: "preprocess [args..]",
  describe: "Preprocess a header as a FreeBSD kernel or module build would (like clang -E)",
  builder: (yargs: Argv<object>) =>
    yargs
      .usage(
        "$0 preprocess --sys DIR --arch A --mode kernel|module [-DNAME[=V]] [-UNAME] [-IDIR] FILE\n\n" +
          "Preprocesses FILE as the FreeBSD kernel build (or a module build) would, printing what\n" +
          "clang -E prints. -D, -U and -I work as in a C compiler and apply after the build's own\n" +
          "flags, in the order given.",
      )
      .parserConfiguration({ "unknown-options-as-args": true })
      .positional("args", {
        type: "string",
        array: true,
        describe: "The header, and -D/-U/-I flags",
      })
      .option("sys", {
        type: "string",
        demandOption: true,
        describe: "FreeBSD kernel tree (the sys directory)",
      })
      .option("kernconf", {
        type: "string",
        describe:
          "Kernel configuration whose opt_*.h headers to use (--no-kernconf, the default: empty opt headers)",
      })
      .option("arch", {
        type: "string",
        demandOption: true,
        describe: "Target architecture (amd64, i386, arm64, ...)",
      })
      .option("mode", {
        choices: ["kernel", "module"],
        demandOption: true,
        describe: "Compile as part of the kernel or as a module",
      })
      .option("release", {
        type: "string",
        describe: "FreeBSD release for the triple (default: the tree's sys/param.h)",
      })
      .option("build-file", {
        type: "string",
        describe:
          "Put FILE in the build directory under its name, e.g. a kernel build's offset.inc (repeatable)",
      })
      .option("header", { type: "string", describe: "Header to preprocess" })
      .option("output", {
        alias: "o",
        type: "string",
        describe: "Write the output here (atomically) instead of stdout",
      })
      .option("depfile", {
        type: "string",
        describe: "Write a make-style dependency file (needs -o)",
      })
      .option("line-markers", {
        type: "boolean",
        default: true,
        describe: 'Print # N "file" line markers (--no-line-markers: like -P)',
      }) as unknown as Argv<PreprocessArgs>,
  handler: (args) => run(args),
};
