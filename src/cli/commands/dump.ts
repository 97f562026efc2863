// `kpi-bindgen dump`: the declaration IR of one translation unit, as deterministic JSON
// (--json) or as a one-line-per-declaration summary. The unit is either a preprocessed file
// (--preprocessed) or a header run through the whole front end inside a kernel or module
// build (--sys with --header).
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Argv } from "yargs";
import { fail } from "../../diagnostics/index.js";
import type { TranslationUnit } from "../../ir/index.js";
import { writeFileAtomic } from "../../io/atomic-output.js";
import {
  defaultPathResolver,
  makePathResolver,
  parseMacroTable,
  parseTranslationUnit,
  recordNamer,
  spellType,
  unitToJson,
} from "../../parse/index.js";
import { runFrontEnd, type ProgressListener } from "../../pipeline/index.js";
import type { TargetDescription } from "../../targets/index.js";
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
import { progressOptions, type ProgressArgs } from "../progress.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

interface DumpArgs extends BuildOptionArgs, ProgressArgs, SessionArgs {
  preprocessed?: string;
  header?: string;
  macros?: string;
  include?: string[];
  json: boolean;
  output?: string;
}

function readInputPath(path: string, what: string): string {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) fail(`${what} not found: ${path}`);
  return abs;
}

function readInput(path: string, what: string): string {
  return readFileSync(readInputPath(path, what), "utf8");
}

function summary(unit: TranslationUnit): string {
  const namer = recordNamer(new Map(unit.records.map((r) => [r.id, r])));
  const at = (l: { file: string; line: number }) => `${l.file}:${l.line}`;
  const lines: string[] = [];
  for (const r of unit.records) {
    lines.push(
      `${r.id}${r.complete ? ` { ${r.fields.length} fields }` : " (incomplete)"}  ${at(r.location)}`,
    );
  }
  for (const e of unit.enums)
    lines.push(`${e.id} : ${e.underlying} { ${e.enumerators.length} values }  ${at(e.location)}`);
  for (const t of unit.typedefs)
    lines.push(`typedef ${t.name} = ${spellType(t.type, namer)}  ${at(t.location)}`);
  for (const f of unit.functions)
    lines.push(`function ${f.name}: ${spellType(f.type, namer)}  ${at(f.location)}`);
  for (const v of unit.variables)
    lines.push(`variable ${v.name}: ${spellType(v.type, namer)}  ${at(v.location)}`);
  for (const c of unit.macros.constants)
    lines.push(
      `macro ${c.name} = ${c.kind === "integer" ? `${c.value} (${c.type})` : JSON.stringify(c.value)}`,
    );
  return lines.join("\n") + "\n";
}

function unitFromPreprocessed(
  args: DumpArgs,
  target: TargetDescription,
  progress: ProgressListener,
): TranslationUnit {
  if (args.preprocessed === undefined)
    fail("give --preprocessed FILE, or --sys DIR with --header FILE");
  const text = readInput(args.preprocessed, "preprocessed file");
  const macros =
    args.macros !== undefined
      ? parseMacroTable(readInput(args.macros, "macro table"), args.macros)
      : undefined;
  const resolvePath =
    args.sys !== undefined
      ? makePathResolver(
          resolve(args.sys),
          (args.include ?? []).map((d) => resolve(d)),
        )
      : defaultPathResolver;
  if (args.sys !== undefined) args.session.addSourceRoot(resolve(args.sys));
  const start = performance.now();
  progress({ phase: "start", stage: "parse", target: target.name });
  const result = parseTranslationUnit(text, {
    target: target.name,
    abi: target.abi,
    resolvePath,
    macros,
  });
  const ms = performance.now() - start;
  progress({ phase: "end", stage: "parse", target: target.name, ms });
  args.session.report(result.diagnostics);
  return result.unit;
}

/** The whole front end: kernel build, our preprocessor, the parser, record layout. */
function unitFromHeader(
  args: DumpArgs,
  target: TargetDescription,
  progress: ProgressListener,
): TranslationUnit {
  if (args.preprocessed !== undefined) fail("give either --preprocessed or --header, not both");
  if (args.sys === undefined) fail("--header needs --sys (the kernel tree to build it in)");
  const sysDir = kernelTree(args);
  args.session.addSourceRoot(sysDir);
  const result = runFrontEnd({
    sysDir,
    target,
    mode: buildMode(args),
    kernconf: buildKernconf(args),
    header: resolve(readInputPath(args.header!, "header")),
    release: buildRelease(args),
    user: userFlags(args),
    onProgress: progress,
  });
  args.session.report(result.diagnostics);
  return result.unit;
}

export const dumpCommand: CommandDefinition<DumpArgs> = {
  builder: (y: Argv) =>
    progressOptions(
      buildOptions(y, {
        sysRequired: false,
        compilerFlags: true,
        header: "one",
        headerHelp: "with --sys: a header to preprocess and parse inside a kernel or module build",
      })
        .option("preprocessed", {
          type: "string",
          describe: "preprocessed C (clang -E output, with line markers)",
        })
        .option("macros", {
          type: "string",
          describe: "with --preprocessed: macro table in #define form (clang -dM -E output)",
        })
        .option("include", {
          type: "string",
          array: true,
          describe: "with --preprocessed: include directories used, for header spellings",
        })
        .option("json", { type: "boolean", default: false, describe: "print the IR as JSON" })
        .option("output", {
          alias: "o",
          type: "string",
          describe: "write to this file instead of stdout",
        }),
    ).alias("verbose", "timings") as unknown as Argv<DumpArgs>,
  handler: (args) => {
    const target = buildTarget(args);
    const progress = args.session.startProgress(args);
    const unit =
      args.header !== undefined
        ? unitFromHeader(args, target, progress)
        : unitFromPreprocessed(args, target, progress);
    const out = args.json ? unitToJson(unit) : summary(unit);
    if (args.output !== undefined) writeFileAtomic(resolve(args.output), out);
    else process.stdout.write(out);
  },
};
