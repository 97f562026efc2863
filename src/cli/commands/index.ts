// The subcommands, in the order --help lists them (pipeline order). Only what the top-level
// --help shows is here; what a command takes and does is in its own module, which main loads
// only for a command line naming it, so a run compiles and evaluates the code of one command
// and loads only the Node modules that one needs.
import type { Argv } from "yargs";

/** What a command module exports: its options and its work. */
export interface CommandDefinition<A> {
  builder: (yargs: Argv<object>) => Argv<A>;
  /** Runs once the command line is parsed and valid; may set `exitCode` on its arguments. */
  handler: (args: A) => void | Promise<void>;
}

export interface CommandEntry {
  /** yargs' command spec: the name, then any positionals ("verify <file>"). */
  command: string;
  describe: string;
  // Each command has its own argument type; the list holds them side by side.
  load: () => Promise<CommandDefinition<any>>;
  /**
   * Work that may start as soon as the command is known, before its line is parsed: a
   * guess from the raw words, whose result the command may use or ignore.
   */
  prepare?: (argv: readonly string[]) => void;
}

export const commands: readonly CommandEntry[] = [
  {
    command: "config",
    describe: "Resolve a kernel configuration (config(8) rules) and its opt_*.h headers",
    load: async () => (await import("./config.js")).configCommand,
  },
  {
    command: "kobj",
    describe: "Generate the kernel build's *_if.h and vnode_if*.h headers from a kernel tree",
    load: async () => (await import("./kobj.js")).kobjCommand,
  },
  {
    command: "preprocess [args..]",
    describe: "Preprocess a header as a FreeBSD kernel or module build would (like clang -E)",
    load: async () => (await import("./preprocess.js")).preprocessCommand,
  },
  {
    command: "targets",
    describe: "List the supported targets, or show one target's facts and predefined macros",
    load: async () => (await import("./targets.js")).targetsCommand,
  },
  {
    command: "dump",
    describe: "Print the declaration IR of a preprocessed translation unit",
    load: async () => (await import("./dump.js")).dumpCommand,
  },
  {
    command: "layout <file>",
    describe:
      "Show the layout of every struct and union: offsets, sizes, bitfields, holes, padding",
    load: async () => (await import("./layout.js")).layoutCommand,
  },
  {
    command: "verify <file>",
    describe:
      "Check every record layout against the C compiler (one probe compile); exit 1 on any mismatch",
    load: async () => (await import("./verify.js")).verifyCommand,
  },
  {
    command: "generate",
    describe: "Write the freebsd-kpi Rust crate: bindings with compile-time layout checks",
    load: async () => (await import("./generate.js")).generateCommand,
    // The worker threads the build will use start loading now.
    prepare: (argv) => {
      const arches = lastValue(argv, ["--arch"]);
      const jobs = Number(lastValue(argv, ["--jobs", "-j"]) ?? NaN);
      const targets = new Set((arches ?? "amd64").split(",")).size;
      void import("../../generate/threads.js").then((m) =>
        m.prestartWorkers(targets, Number.isInteger(jobs) && jobs >= 1 ? jobs : undefined),
      );
    },
  },
  {
    command: "snapshot",
    describe: "Save the KPI of one tree, configuration, target and mode as a snapshot for diff",
    load: async () => (await import("./snapshot.js")).snapshotCommand,
  },
  {
    command: "diff [old] [new]",
    describe:
      "Report API and ABI changes between two snapshots, trees, configurations, targets or modes",
    load: async () => (await import("./diff.js")).diffCommand,
  },
];

/** The name a command line uses for the command: its spec's first word. */
export function commandName(entry: CommandEntry): string {
  return entry.command.split(/\s+/)[0]!;
}

/** Commands that take -D/-U/-I, which main rewrites before yargs reads them (build-options). */
export const commandsTakingCompilerFlags: readonly string[] = [
  "preprocess",
  "layout",
  "verify",
  "dump",
  "generate",
];

/** The value of option `name` (`--name v` or `--name=v`) the line gives last, if any. */
function lastValue(argv: readonly string[], names: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    for (const name of names) {
      if (word === name && i + 1 < argv.length) value = argv[i + 1];
      else if (word.startsWith(`${name}=`)) value = word.slice(name.length + 1);
    }
  }
  return value;
}
