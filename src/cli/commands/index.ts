// The subcommands, in the order --help lists them (pipeline order).
import type { CommandModule } from "yargs";
import { configCommand } from "./config.js";
import { kobjCommand } from "./kobj.js";
import { preprocessCommand } from "./preprocess.js";
import { targetsCommand } from "./targets.js";
import { dumpCommand } from "./dump.js";
import { layoutCommand } from "./layout.js";
import { verifyCommand } from "./verify.js";
import { generateCommand } from "./generate.js";
import { snapshotCommand } from "./snapshot.js";
import { diffCommand } from "./diff.js";

// Each command has its own argument type; the list holds them side by side.
export const commands: CommandModule<any, any>[] = [
  configCommand,
  kobjCommand,
  preprocessCommand,
  targetsCommand,
  dumpCommand,
  layoutCommand,
  verifyCommand,
  generateCommand,
  snapshotCommand,
  diffCommand,
];

/** Commands that take -D/-U/-I, which main rewrites before yargs reads them (build-options). */
export const commandsTakingCompilerFlags: readonly string[] = [
  "preprocess",
  "layout",
  "verify",
  "dump",
  "generate",
];
