// `kpi-bindgen preprocess`: one header through our preprocessor inside a synthesized FreeBSD
// kernel or module build, printed as `clang -E` would print it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Argv } from "yargs";
import { fail } from "../../diagnostics/index.js";
import { writeFileAtomic } from "../../io/atomic-output.js";
import { loadKernelOptions } from "../../pipeline/index.js";
import {
  formatDepfile,
  generatedBuildHeaders,
  planKernelBuild,
  preprocessInBuild,
  type BuildMode,
} from "../../preprocess/kernel-build/index.js";
import {
  buildKernconf,
  buildMode,
  buildOptions,
  buildRelease,
  buildTarget,
  kernelTree,
  userFlags,
  type BuildOptionArgs,
} from "../build-options.js";
import type { CliSession, SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

interface PreprocessArgs extends BuildOptionArgs, SessionArgs {
  header?: string;
  buildFile?: string | string[];
  /** The header when not given as --header, and any option nobody declared. */
  args?: string[];
  output?: string;
  depfile?: string;
  lineMarkers: boolean;
  allowOutsideRoots: boolean;
}

function inputHeader(args: PreprocessArgs): string {
  const files = args.args ?? [];
  const unknown = files.find((f) => f.startsWith("-") && f !== "-");
  if (unknown !== undefined)
    fail(`unknown option '${unknown}' (see kpi-bindgen preprocess --help)`);
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
function buildDirectoryFiles(
  args: PreprocessArgs,
  sysDir: string,
  selection: { machine: string; mode: BuildMode },
): Map<string, string> {
  const files = generatedBuildHeaders(sysDir, selection);
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

/** The configuration's opt_*.h headers; none (with a warning) when it cannot be resolved. */
function optionHeaders(
  args: PreprocessArgs,
  sysDir: string,
  machine: string,
  session: CliSession,
): Map<string, string> | undefined {
  const kernconf = buildKernconf(args);
  if (kernconf === undefined) return undefined;
  const options = loadKernelOptions(sysDir, kernconf, machine);
  session.report(options.diagnostics);
  return options.headers;
}

function run(args: PreprocessArgs): void {
  const { session } = args;
  const sysDir = kernelTree(args);
  session.addSourceRoot(sysDir);
  const target = buildTarget(args);
  const user = userFlags(args);
  const header = inputHeader(args);
  if (args.depfile !== undefined && args.output === undefined) {
    fail("--depfile needs -o: the dependency rule names the output file as its target");
  }
  const mode = buildMode(args);
  const plan = planKernelBuild({
    sysDir,
    target,
    mode,
    optionHeaders: optionHeaders(args, sysDir, target.machine, session),
    generatedHeaders: buildDirectoryFiles(args, sysDir, { machine: target.machine, mode }),
    release: buildRelease(args),
    user,
  });
  const result = preprocessInBuild(plan, header, {
    lineMarkers: args.lineMarkers,
    allowOutsideRoots: args.allowOutsideRoots,
  });
  session.report(result.result.diagnostics);
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

export const preprocessCommand: CommandDefinition<PreprocessArgs> = {
  builder: (yargs: Argv<object>) =>
    buildOptions(yargs, { sysRequired: true, compilerFlags: true, header: "one" })
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
        describe: "The header (or give it as --header)",
      })
      .option("build-file", {
        type: "string",
        describe:
          "Put FILE in the build directory under its name, e.g. a kernel build's offset.inc (repeatable)",
      })
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
      })
      .option("allow-outside-roots", {
        type: "boolean",
        default: false,
        describe:
          "Read headers found outside the tree, the -I directories and the header's directory (through .. or symlinks)",
      }) as unknown as Argv<PreprocessArgs>,
  handler: (args) => run(args),
};
