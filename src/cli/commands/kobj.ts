// `kpi-bindgen kobj`: write the headers a kernel build generates from the tree's kobj
// interfaces and vnode operation list, as the build would, into a directory of their own.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fail } from "../../diagnostics/index.js";
import { writeDirAtomic } from "../../io/atomic-output.js";
import {
  generateVnodeHeaders,
  generateVnodeSource,
  kobjDialectFor,
  listInterfaceFiles,
  readInterfaceFile,
  checkDistinctOutputs,
  emitInterfaceHeader,
  emitInterfaceSource,
  outputNames,
} from "../../kobj/index.js";
import type { SessionArgs } from "../session.js";
import type { CommandDefinition } from "./index.js";

interface KobjArgs extends SessionArgs {
  sys: string;
  out: string;
  "source-root"?: string;
  sources: boolean;
  files?: string[];
  machine?: string;
  mode?: "kernel" | "module";
}

export const kobjCommand: CommandDefinition<KobjArgs> = {
  builder: (y) =>
    y
      .option("sys", {
        type: "string",
        demandOption: true,
        describe: "Kernel source tree (the sys directory)",
      })
      .option("out", {
        type: "string",
        demandOption: true,
        describe: "Directory to (re)create holding exactly the generated files",
      })
      .option("source-root", {
        type: "string",
        describe:
          "How the build names the tree in the embedded source paths (a kernel build uses ../../..)",
      })
      .option("machine", {
        type: "string",
        describe: "MACHINE (amd64, arm64, ...): skip other architectures' interface files",
      })
      .option("mode", {
        choices: ["kernel", "module"] as const,
        describe:
          "Follow that build's list of interface files: module (conf/kmod.mk's MFILES) or " +
          "kernel (conf/files and conf/files.<machine>; needs --machine); a tree without " +
          "the list is walked",
      })
      .option("sources", {
        type: "boolean",
        default: false,
        describe: "Also write the generated .c files",
      })
      .option("files", {
        type: "array",
        string: true,
        describe:
          "Interface files relative to the tree (default: the --mode build's list, or every *.m in it)",
      }) as never,
  handler: (argv) => {
    argv.session.addSourceRoot(resolve(argv.sys));
    const dialect = kobjDialectFor(argv.sys);
    const outputs = new Map<string, string>();
    if (argv.files) checkDistinctOutputs(argv.files);
    if (argv.mode === "kernel" && argv.machine === undefined && argv.files === undefined)
      fail("--mode kernel needs --machine: a kernel build reads conf/files.<machine>");
    const selection = { machine: argv.machine, mode: argv.mode };
    for (const file of argv.files ?? listInterfaceFiles(argv.sys, selection)) {
      const parsed = readInterfaceFile(argv.sys, file, {
        sourceRoot: argv["source-root"],
        dialect,
      });
      argv.session.report(parsed.warnings);
      const names = outputNames(parsed.file.path);
      outputs.set(names.header, emitInterfaceHeader(parsed.file, dialect));
      if (argv.sources) outputs.set(names.source, emitInterfaceSource(parsed.file, dialect));
    }
    for (const [name, text] of generateVnodeHeaders(argv.sys)) outputs.set(name, text);
    if (argv.sources)
      for (const [name, text] of generateVnodeSource(argv.sys)) outputs.set(name, text);

    // Everything is generated before anything is written: bad input leaves no output behind.
    writeDirAtomic(argv.out, (dir) => {
      for (const [name, text] of outputs) writeFileSync(join(dir, name), text);
    });
    const names = [...outputs.keys()].sort();
    process.stdout.write(names.map((n) => `${join(argv.out, n)}\n`).join(""));
  },
};
