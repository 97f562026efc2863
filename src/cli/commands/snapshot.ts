// `kpi-bindgen snapshot`: the KPI of one configuration as a deterministic JSON file that
// `kpi-bindgen diff` compares (format in docs/diff.md).
import { resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { formatDiagnostic } from "../../diagnostics/index.js";
import { writeFileAtomic } from "../../io/atomic-output.js";
import { snapshotToJson, takeSnapshot } from "../../snapshot/index.js";

interface SnapshotArgs {
  sys: string;
  arch: string;
  mode: "kernel" | "module";
  kernconf?: string;
  header?: string;
  output: string;
}

export const snapshotCommand: CommandModule<object, SnapshotArgs> = {
  command: "snapshot",
  describe: "Save the KPI of one tree, configuration, target and mode as a snapshot for diff",
  builder: (y: Argv) =>
    y
      .option("sys", { type: "string", demandOption: true, describe: "kernel sys/ directory" })
      .option("arch", {
        type: "string",
        demandOption: true,
        describe: "target (amd64, i386, arm64, ...)",
      })
      .option("mode", {
        choices: ["kernel", "module"],
        default: "module",
        describe: "build as part of the kernel or as a module",
      })
      .option("kernconf", {
        type: "string",
        describe: "kernel configuration (name under <sys>/<arch>/conf, or a path)",
      })
      .option("header", {
        type: "string",
        describe: "header to snapshot (default: the built-in core-KPI wrapper)",
      })
      .option("output", {
        alias: "o",
        type: "string",
        demandOption: true,
        describe: "snapshot file to write",
      }) as unknown as Argv<SnapshotArgs>,
  handler: (args) => {
    const { snapshot, diagnostics } = takeSnapshot({
      sys: args.sys,
      arch: args.arch,
      mode: args.mode,
      kernconf: args.kernconf,
      header: args.header,
    });
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    writeFileAtomic(resolve(args.output), snapshotToJson(snapshot));
  },
};
