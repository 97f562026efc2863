// `kpi-bindgen config`: resolve a kernel configuration as config(8) does, show it, and
// optionally write its opt_*.h headers.
import { DiagnosticError, error, warning } from "../../diagnostics/index.js";
import type { ResolvedKernelConfig } from "../../ir/kernconf.js";
import {
  collectKernelConfig,
  locateKernelConfig,
  mainOptionTablePath,
  optionTablesPresent,
  readOptionTables,
  resolveKernelConfig,
  resolveSysDir,
} from "../../kernconf/index.js";
import { configToJson, configToText } from "../../kernconf/present.js";
import { writeOptionHeaders } from "../../kernconf/write-headers.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

interface ConfigArgs extends SessionArgs {
  sys?: string;
  kernconf: string;
  arch?: string;
  json: boolean;
  "write-opt-headers"?: string;
  exitCode?: number;
}

export const configCommand: CommandDefinition<ConfigArgs> = {
  builder: (y) =>
    y
      .option("sys", {
        type: "string",
        describe: "Kernel source tree (default: $FREEBSD_SRC/sys, then /usr/src/sys)",
      })
      .option("kernconf", {
        type: "string",
        demandOption: true,
        describe: "Configuration name (looked up in <sys>/<arch>/conf) or a path",
      })
      .option("arch", {
        type: "string",
        describe: "Architecture directory (default: from the configuration)",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "Print deterministic JSON instead of tables",
      })
      .option("write-opt-headers", {
        type: "string",
        describe: "Directory to (re)create holding exactly the generated opt_*.h headers",
      }) as never,
  handler: (argv) => {
    const sysDir = resolveSysDir(argv.sys);
    argv.session.addSourceRoot(sysDir);
    const printDiagnostics = argv.session.report.bind(argv.session);
    const located = locateKernelConfig(sysDir, argv.kernconf, argv.arch);
    const collected = collectKernelConfig(located);
    printDiagnostics(collected.diagnostics);
    const config = collected.config;

    let resolved: ResolvedKernelConfig | undefined;
    const tablePath = mainOptionTablePath(sysDir);
    if (optionTablesPresent(sysDir)) {
      const tables = readOptionTables({
        sysDir,
        confDir: config.confDir,
        machine: config.machine,
        machineWhere: config.machineWhere,
      });
      printDiagnostics(tables.diagnostics);
      const result = resolveKernelConfig(config, tables.tables);
      printDiagnostics(result.diagnostics);
      resolved = result.config;
    } else if (!argv["write-opt-headers"]) {
      printDiagnostics([
        warning(`missing options file ${tablePath}: options are shown without their headers`),
      ]);
    }

    process.stdout.write(
      argv.json ? configToJson(config, resolved) : configToText(config, resolved),
    );

    const target = argv["write-opt-headers"];
    if (target !== undefined) {
      if (!resolved) {
        throw new DiagnosticError(
          error(
            `cannot write option headers: missing options file ${tablePath} (the option-to-header table)`,
          ),
        );
      }
      writeOptionHeaders(target, resolved.headers);
    }
  },
};
