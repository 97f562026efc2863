// `kpi-bindgen verify`: checks our layouts of every record against a C compiler's with one
// probe compile; each mismatch names the record, member, header and both values.
import type { Argv } from "yargs";
import {
  formatVerifyReport,
  openConfiguration,
  verifyLayouts,
  verifyPassed,
} from "../../verify/index.js";
import { configurationOptions, configurationRequest, type LayoutInputArgs } from "./layout.js";
import type { CommandDefinition } from "./index.js";

interface VerifyArgs extends LayoutInputArgs {
  json: boolean;
  exitCode?: number;
}

async function run(args: VerifyArgs): Promise<number> {
  const config = await openConfiguration(configurationRequest(args));
  try {
    args.session.report(config.diagnostics ?? []);
    const report = await verifyLayouts({
      unit: config.unit,
      target: config.target,
      compiler: args.cc,
      compilerArgs: config.compilerArgs,
      source: config.source,
    });
    args.session.stopProgressLine();
    if (args.json) {
      const { recordsChecked, fieldsChecked, mismatches, layoutFailures, unchecked } = report;
      const body = {
        target: config.target.name,
        recordsChecked,
        fieldsChecked,
        mismatches,
        layoutFailures,
        unchecked,
      };
      process.stdout.write(JSON.stringify(body, null, 2) + "\n");
      return verifyPassed(report) ? 0 : 1;
    }
    const text = formatVerifyReport(report, `verify ${config.target.name}`);
    const lines = text.trimEnd().split("\n");
    const summary = lines.pop()!;
    for (const line of lines) args.session.message(line);
    process.stdout.write(summary + "\n");
    return verifyPassed(report) ? 0 : 1;
  } finally {
    config.dispose();
  }
}

export const verifyCommand: CommandDefinition<VerifyArgs> = {
  builder: (yargs: Argv<object>) =>
    configurationOptions(yargs).option("json", {
      type: "boolean",
      default: false,
      describe: "Print the report (totals and every mismatch) as JSON",
    }) as unknown as Argv<VerifyArgs>,
  handler: async (args) => {
    args.exitCode = await run(args);
  },
};
