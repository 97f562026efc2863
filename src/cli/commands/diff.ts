// `kpi-bindgen diff`: API and ABI changes between two snapshots, given as files or taken
// on the spot from two trees, configurations, targets or modes. The exit status is a bit
// mask for CI gates (docs/diff.md).
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Argv } from "yargs";
import { fail } from "../../diagnostics/index.js";
import {
  CATEGORIES,
  diffSnapshots,
  exitStatus,
  FAIL_ON_LEVELS,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderText,
  type Category,
  type FailOn,
} from "../../diff/index.js";
import { writeFileAtomic } from "../../io/atomic-output.js";
import { parseSnapshot, takeSnapshot, type Snapshot } from "../../snapshot/index.js";
import { progressOptions, type ProgressArgs } from "../progress.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

const FORMATS = ["text", "markdown", "json", "html"] as const;
const SIDE_OPTIONS = ["sys", "arch", "mode", "kernconf", "header"] as const;
type SideOption = (typeof SIDE_OPTIONS)[number];

type DiffArgs = {
  old?: string;
  new?: string;
  only?: Category[];
  allow?: string[];
  "fail-on": FailOn;
  format: (typeof FORMATS)[number];
  output?: string;
  color: "auto" | "always" | "never";
  exitCode?: number;
} & ProgressArgs &
  SessionArgs &
  Partial<Record<SideOption | `old-${SideOption}` | `new-${SideOption}`, string>>;

function readSnapshotFile(path: string): Snapshot {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) fail(`snapshot not found: ${path}`);
  return parseSnapshot(readFileSync(abs, "utf8"), path);
}

function sideValue(args: DiffArgs, side: "old" | "new", option: SideOption): string | undefined {
  return args[`${side}-${option}`] ?? args[option];
}

function snapshotSide(args: DiffArgs, side: "old" | "new"): Snapshot {
  const file = args[side];
  if (file !== undefined) {
    const given = SIDE_OPTIONS.filter((o) => args[`${side}-${o}`] !== undefined);
    if (given.length > 0)
      fail(`--${side}-${given[0]} does not apply when the ${side} side is a snapshot file`);
    return readSnapshotFile(file);
  }
  const sys = sideValue(args, side, "sys");
  const arch = sideValue(args, side, "arch");
  if (sys === undefined || arch === undefined)
    fail(
      `give the ${side} side as a snapshot file, or as a tree with --sys/--${side}-sys and --arch/--${side}-arch`,
    );
  const mode = sideValue(args, side, "mode") ?? "module";
  if (mode !== "kernel" && mode !== "module")
    fail(`--${side}-mode must be kernel or module, not '${mode}'`);
  args.session.addSourceRoot(resolve(sys));
  const { snapshot, diagnostics } = takeSnapshot({
    sys,
    arch,
    mode,
    kernconf: sideValue(args, side, "kernconf"),
    header: sideValue(args, side, "header"),
    onProgress: args.session.startProgress(args),
  });
  args.session.report(diagnostics);
  return snapshot;
}

function allowPatterns(patterns: string[]): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(p);
    } catch (e) {
      return fail(`invalid --allow pattern '${p}': ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

function useColor(args: DiffArgs): boolean {
  if (args.color !== "auto") return args.color === "always";
  return args.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;
}

function run(args: DiffArgs): number {
  const allow = allowPatterns(args.allow ?? []);
  const old = snapshotSide(args, "old");
  const now = snapshotSide(args, "new");
  const result = diffSnapshots(old, now, { only: args.only, allow });
  const text =
    args.format === "json"
      ? renderJson(result)
      : args.format === "markdown"
        ? renderMarkdown(result)
        : args.format === "html"
          ? renderHtml(result, old, now)
          : renderText(result, { color: useColor(args) });
  if (args.output !== undefined) writeFileAtomic(resolve(args.output), text);
  else process.stdout.write(text);
  return exitStatus(result, args["fail-on"]);
}

export const diffCommand: CommandDefinition<DiffArgs> = {
  builder: (y: Argv) => {
    let b = y
      .positional("old", {
        type: "string",
        describe: "old snapshot file (from kpi-bindgen snapshot)",
      })
      .positional("new", { type: "string", describe: "new snapshot file" });
    const sideHelp: Record<SideOption, string> = {
      sys: "kernel sys/ directory",
      arch: "target",
      mode: "kernel or module",
      kernconf: "kernel configuration",
      header: "header to compare (default: the built-in wrapper)",
    };
    for (const o of SIDE_OPTIONS) {
      b = b
        .option(o, { type: "string", describe: `both sides: ${sideHelp[o]}` })
        .option(`old-${o}`, { type: "string", describe: `old side: ${sideHelp[o]}` })
        .option(`new-${o}`, { type: "string", describe: `new side: ${sideHelp[o]}` });
    }
    return progressOptions(b)
      .option("only", {
        choices: CATEGORIES,
        array: true,
        describe: "report only these kinds of declaration",
      })
      .option("allow", {
        type: "string",
        array: true,
        describe: "ignore changes whose subject matches this regular expression (repeatable)",
      })
      .option("fail-on", {
        choices: FAIL_ON_LEVELS,
        default: "abi",
        describe: "which changes make the exit status non-zero",
      })
      .option("format", { choices: FORMATS, default: "text", describe: "report format" })
      .option("output", { alias: "o", type: "string", describe: "write the report to this file" })
      .option("color", {
        choices: ["auto", "always", "never"],
        default: "auto",
        describe: "colour the text report",
      })
      .epilogue(
        "Exit status (bits): 1 error, 2 usage error, 4 the --fail-on gate fired, 8 with 4: an API " +
          "break, 16 with 4: an ABI break. 0: the gate passed. See docs/diff.md.",
      ) as unknown as Argv<DiffArgs>;
  },
  handler: (args) => {
    args.exitCode = run(args);
  },
};
