// `kpi-bindgen dump`: the declaration IR of one translation unit, as deterministic JSON
// (--json) or as a one-line-per-declaration summary. The unit is either a preprocessed file
// (--preprocessed) or a header run through the whole front end inside a kernel or module
// build (--sys with --header).
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { fail, formatDiagnostic } from "../../diagnostics/index.js";
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
import { runFrontEnd } from "../../pipeline/index.js";
import {
  getTarget,
  parseRelease,
  parseTargetName,
  type TargetDescription,
} from "../../targets/index.js";

interface DumpArgs {
  preprocessed?: string;
  header?: string;
  mode: string;
  kernconf?: string;
  release?: string;
  arch: string;
  macros?: string;
  sys?: string;
  include?: string[];
  json: boolean;
  output?: string;
  timings: boolean;
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

function reportTimings(args: DumpArgs, timings: Record<string, number>): void {
  if (!args.timings) return;
  const parts = Object.entries(timings).map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`);
  process.stderr.write(`timings: ${parts.join(", ")}\n`);
}

function unitFromPreprocessed(args: DumpArgs, target: TargetDescription): TranslationUnit {
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
  const result = parseTranslationUnit(text, {
    target: target.name,
    abi: target.abi,
    resolvePath,
    macros,
  });
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  reportTimings(args, result.timings);
  return result.unit;
}

/** The whole front end: kernel build, our preprocessor, the parser, record layout. */
function unitFromHeader(args: DumpArgs, target: TargetDescription): TranslationUnit {
  if (args.preprocessed !== undefined) fail("give either --preprocessed or --header, not both");
  if (args.sys === undefined) fail("--header needs --sys (the kernel tree to build it in)");
  const sysDir = resolve(args.sys);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel tree not found: ${args.sys}`);
  const result = runFrontEnd({
    sysDir,
    target,
    mode: args.mode === "kernel" ? "kernel" : "module",
    kernconf: args.kernconf,
    header: resolve(readInputPath(args.header!, "header")),
    release: args.release === undefined ? undefined : parseRelease(args.release),
  });
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  reportTimings(args, result.timings);
  return result.unit;
}

export const dumpCommand: CommandModule<object, DumpArgs> = {
  command: "dump",
  describe: "Print the declaration IR of a preprocessed translation unit",
  builder: (y: Argv) =>
    y
      .option("preprocessed", {
        type: "string",
        describe: "preprocessed C (clang -E output, with line markers)",
      })
      .option("header", {
        type: "string",
        describe: "with --sys: a header to preprocess and parse inside a kernel or module build",
      })
      .option("mode", {
        choices: ["kernel", "module"],
        default: "module",
        describe: "with --header: build the header as part of the kernel or as a module",
      })
      .option("kernconf", { type: "string", describe: "with --header: kernel configuration" })
      .option("release", { type: "string", describe: "with --header: FreeBSD release (e.g. 13.0)" })
      .option("arch", {
        type: "string",
        demandOption: true,
        describe: "target (amd64, i386, arm64, ...)",
      })
      .option("macros", {
        type: "string",
        describe: "macro table in #define form (clang -dM -E output)",
      })
      .option("sys", {
        type: "string",
        describe: "kernel sys/ directory, for kernel-relative locations",
      })
      .option("include", {
        type: "string",
        array: true,
        describe: "include directories used, for header spellings",
      })
      .option("json", { type: "boolean", default: false, describe: "print the IR as JSON" })
      .option("output", {
        alias: "o",
        type: "string",
        describe: "write to this file instead of stdout",
      })
      .option("timings", {
        type: "boolean",
        default: false,
        describe: "report phase times on stderr",
      }) as unknown as Argv<DumpArgs>,
  handler: (args) => {
    const target = getTarget(parseTargetName(args.arch));
    const unit =
      args.header !== undefined ? unitFromHeader(args, target) : unitFromPreprocessed(args, target);
    const out = args.json ? unitToJson(unit) : summary(unit);
    if (args.output !== undefined) writeFileAtomic(resolve(args.output), out);
    else process.stdout.write(out);
  },
};
