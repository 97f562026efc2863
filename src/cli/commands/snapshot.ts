// `kpi-bindgen snapshot`: the KPI of one configuration as a deterministic JSON file that
// `kpi-bindgen diff` compares (format in docs/diff.md).
import { resolve } from "node:path";
import type { Argv } from "yargs";
import { writeFileAtomic } from "../../io/atomic-output.js";
import { snapshotToJson, takeSnapshot } from "../../snapshot/index.js";
import {
  buildKernconf,
  buildMode,
  buildOptions,
  buildTarget,
  kernelTree,
  type BuildOptionArgs,
} from "../build-options.js";
import { progressOptions, type ProgressArgs } from "../progress.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

interface SnapshotArgs extends BuildOptionArgs, ProgressArgs, SessionArgs {
  header?: string;
  output: string;
}

export const snapshotCommand: CommandDefinition<SnapshotArgs> = {
  builder: (y: Argv) =>
    progressOptions(
      buildOptions(y, {
        sysRequired: true,
        header: "one",
        release: false,
        headerHelp: "Header to snapshot (default: the built-in core-KPI wrapper)",
      }).option("output", {
        alias: "o",
        type: "string",
        demandOption: true,
        describe: "Snapshot file to write",
      }),
    ) as unknown as Argv<SnapshotArgs>,
  handler: (args) => {
    const sysDir = kernelTree(args);
    args.session.addSourceRoot(sysDir);
    const { snapshot, diagnostics } = takeSnapshot({
      sys: sysDir,
      arch: buildTarget(args).name,
      mode: buildMode(args),
      kernconf: buildKernconf(args),
      header: args.header,
      onProgress: args.session.startProgress(args),
    });
    args.session.report(diagnostics);
    writeFileAtomic(resolve(args.output), snapshotToJson(snapshot));
  },
};
