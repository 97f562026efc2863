// `kpi-bindgen layout`: how each record of a header is laid out for a target, member by
// member, with holes and padding marked (or as JSON).
import { resolve } from "node:path";
import type { Argv } from "yargs";
import { DiagnosticError, error } from "../../diagnostics/index.js";
import {
  LayoutEngine,
  layoutsToJson,
  recordSpellings,
  renderRecordText,
  type RecordLayout,
} from "../../layout/index.js";
import { openConfiguration, type ConfigurationRequest } from "../../verify/index.js";
import {
  buildMode,
  buildOptions,
  buildTarget,
  userFlags,
  type BuildOptionArgs,
} from "../build-options.js";
import { progressOptions, type ProgressArgs } from "../progress.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

export interface LayoutInputArgs extends BuildOptionArgs, ProgressArgs, SessionArgs {
  file: string;
  cc: string;
}

interface LayoutArgs extends LayoutInputArgs {
  type?: string[];
  json: boolean;
  exitCode?: number;
}

const asList = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/** The options `layout` and `verify` share: which file, for which target and build. */
export function configurationOptions<T>(yargs: Argv<T>): Argv<T> {
  const withFile = yargs.positional("file", {
    type: "string",
    demandOption: true,
    describe: "Header or C file (a .i file is read as preprocessed)",
  });
  return progressOptions(
    buildOptions(withFile, { sysRequired: false, compilerFlags: true, header: "none" }),
  ).option("cc", {
    type: "string",
    default: "clang-19",
    describe: "C compiler (preprocesses plain C files; verify compiles the probe with it)",
  }) as unknown as Argv<T>;
}

/** The request for openConfiguration; progress goes to the session's display. */
export function configurationRequest(args: LayoutInputArgs): ConfigurationRequest {
  const user = userFlags(args);
  if (args.sys !== undefined) args.session.addSourceRoot(resolve(args.sys));
  return {
    file: args.file,
    arch: buildTarget(args).name,
    sys: args.sys,
    kernconf: typeof args.kernconf === "string" ? args.kernconf : undefined,
    mode: buildMode(args),
    release: args.release,
    defines: [],
    undefines: [],
    macros: user.macros,
    includeDirs: user.includeDirs,
    compiler: args.cc,
    onProgress: args.session.startProgress(args),
  };
}

function selectRecords(
  layouts: RecordLayout[],
  names: Map<string, string>,
  wanted: string[],
): RecordLayout[] {
  if (wanted.length === 0) return layouts.filter((l) => names.has(l.id));
  const missing: string[] = [];
  const chosen = wanted.flatMap((w) => {
    const hits = layouts.filter((l) => {
      const name = names.get(l.id);
      return (
        l.id === w ||
        name === w ||
        (name !== undefined && name.replace(/^(struct|union) /, "") === w)
      );
    });
    if (hits.length === 0) missing.push(w);
    return hits;
  });
  if (missing.length) {
    throw new DiagnosticError(
      missing.map((m) => error(`no complete struct or union named '${m}' in the input`)),
    );
  }
  return chosen;
}

/** Exit status: 1 when some record could not be laid out (its diagnostic is printed). */
async function run(args: LayoutArgs): Promise<number> {
  const config = await openConfiguration(configurationRequest(args));
  try {
    const engine = new LayoutEngine(config.unit, config.target);
    const { layouts, diagnostics } = engine.layoutAll();
    args.session.report([...(config.diagnostics ?? []), ...diagnostics]);
    const names = recordSpellings(config.unit);
    const chosen = selectRecords(layouts, names, asList(args.type));
    if (args.json) {
      process.stdout.write(layoutsToJson(config.target.name, chosen, names));
      return diagnostics.length ? 1 : 0;
    }
    const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
    const options = { cacheLine: config.target.macros.cacheLineSize, color };
    const text = chosen
      .map((l) => renderRecordText(l, names.get(l.id) ?? l.id, engine, options))
      .join("\n");
    process.stdout.write(text);
    return diagnostics.length ? 1 : 0;
  } finally {
    config.dispose();
  }
}

export const layoutCommand: CommandDefinition<LayoutArgs> = {
  builder: (yargs: Argv<object>) =>
    configurationOptions(yargs)
      .option("type", {
        type: "string",
        array: true,
        describe: "Only these records (tag, 'struct tag' or typedef name)",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "Print JSON instead of the annotated view",
      }) as unknown as Argv<LayoutArgs>,
  handler: async (args) => {
    args.exitCode = await run(args);
  },
};
