// `kpi-bindgen dump`: the declaration IR of one preprocessed translation unit, as
// deterministic JSON (--json) or as a one-line-per-declaration summary.
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
import { getTarget, parseTargetName } from "../../targets/index.js";

interface DumpArgs {
  preprocessed: string;
  arch: string;
  macros?: string;
  sys?: string;
  include?: string[];
  json: boolean;
  output?: string;
  timings: boolean;
}

function readInput(path: string, what: string): string {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) fail(`${what} not found: ${path}`);
  return readFileSync(abs, "utf8");
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

export const dumpCommand: CommandModule<object, DumpArgs> = {
  command: "dump",
  describe: "Print the declaration IR of a preprocessed translation unit",
  builder: (y: Argv) =>
    y
      .option("preprocessed", {
        type: "string",
        demandOption: true,
        describe: "preprocessed C (clang -E output, with line markers)",
      })
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
    const target = parseTargetName(args.arch);
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
      target,
      abi: getTarget(target).abi,
      resolvePath,
      macros,
    });
    for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    if (args.timings) {
      const t = result.timings;
      process.stderr.write(
        `timings: scan ${t.scan.toFixed(0)} ms, tree-sitter ${t.treeSitter.toFixed(0)} ms, walk ${t.walk.toFixed(0)} ms, macros ${t.macros.toFixed(0)} ms\n`,
      );
    }
    const out = args.json ? unitToJson(result.unit) : summary(result.unit);
    if (args.output !== undefined) writeFileAtomic(resolve(args.output), out);
    else process.stdout.write(out);
  },
};
