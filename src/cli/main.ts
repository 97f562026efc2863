// Entry point: yargs wiring only. Each subcommand lives in its own file under commands/.
import yargs, { type Argv } from "yargs";
import { setInvocation } from "./invocation.js";
import { compilerFlagArguments } from "./build-options.js";
import {
  commandName,
  commands,
  commandsTakingCompilerFlags,
  type CommandDefinition,
  type CommandEntry,
} from "./commands/index.js";
import { EXIT_USAGE_ERROR, reportFailure } from "./report.js";
import {
  CliSession,
  ERROR_FORMATS,
  errorFormatIn,
  stderrSessionOptions,
  type SessionOptions,
} from "./session.js";

/**
 * yargs renders the running command's whole --help as soon as it has started the command's
 * handler (its usage instance's cacheHelpMessage), so that a handler calling showHelp() would
 * print that command's help rather than the top level's. No handler here asks for help, and
 * the rendering is some 30 ms of every run; this parser leaves it out. --help itself renders
 * as before. yargs has no setting for it; false when the hook is gone (a new yargs), which
 * test/cli/help.test.ts reports.
 */
export function skipHelpCaching(parser: Argv): boolean {
  const internals = (parser as unknown as YargsInternals).getInternalMethods?.();
  const usage = internals?.getUsageInstance();
  if (typeof usage?.cacheHelpMessage !== "function") return false;
  usage.cacheHelpMessage = () => {};
  return true;
}

interface YargsInternals {
  getInternalMethods?(): { getUsageInstance(): { cacheHelpMessage?: () => void } };
}

/** A command line yargs rejected: wrong or missing options. Exit status 2, as for usage errors. */
class UsageError extends Error {}

/** `sessionOptions` replaces stderr (tests); by default the run writes to process.stderr. */
export async function main(argv: string[], sessionOptions?: SessionOptions): Promise<number> {
  setInvocation(argv);
  const session = new CliSession(sessionOptions ?? stderrSessionOptions(errorFormatIn(argv)));
  const first = argv[0];
  const known = commands.map(commandName);
  if (first !== undefined && !first.startsWith("-") && !known.includes(first)) {
    session.usageError(
      `unknown command '${first}'` + (known.length ? ` (commands: ${known.join(", ")})` : ""),
    );
    return EXIT_USAGE_ERROR;
  }
  // The command is the first word, as a command line almost always has it; only then is it
  // certain which command yargs will run before yargs has parsed the line (a global option
  // may come first). Otherwise every command is loaded.
  const named = commands.find((c) => commandName(c) === first);
  named?.prepare?.(argv);
  const definitions = new Map<CommandEntry, CommandDefinition<any>>(
    await Promise.all((named ? [named] : commands).map(async (c) => [c, await c.load()] as const)),
  );
  const words =
    first !== undefined && commandsTakingCompilerFlags.includes(first)
      ? compilerFlagArguments(argv)
      : argv;
  let exitCode = 0;
  const parser = yargs(words)
    .scriptName("kpi-bindgen")
    .usage(
      "$0 <command> [options]\n\n" +
        "Rust FFI bindings for the FreeBSD kernel KPI, resolved for a real kernel\n" +
        "configuration, with every struct layout checked against the C compiler.",
    )
    .option("error-format", {
      choices: ERROR_FORMATS,
      default: "text",
      global: true,
      describe: "Diagnostics on stderr as compiler text or as one JSON object per line",
    })
    .strict()
    .strictCommands()
    .demandCommand(1, "Name a command; see the list above.")
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue("Each command has its own --help. Documentation: README.md and docs/.")
    // Runs after validation, so the session is not mistaken for an unknown option.
    .middleware((args) => {
      args.session = session;
    })
    .fail((msg, err) => {
      // Throwing (rather than printing here) keeps yargs from running the handler after a
      // usage error.
      throw err ?? new UsageError(msg);
    });
  for (const entry of commands) {
    // A command not loaded is one the command line does not run: yargs calls neither.
    const definition = definitions.get(entry);
    parser.command(entry.command, entry.describe, definition?.builder, definition?.handler);
  }
  skipHelpCaching(parser);
  try {
    const result = await parser.parseAsync();
    const code = (result as { exitCode?: number }).exitCode;
    if (typeof code === "number" && exitCode === 0) exitCode = code;
  } catch (e) {
    if (e instanceof UsageError) {
      session.usageError(e.message);
      return EXIT_USAGE_ERROR;
    }
    exitCode = reportFailure(e, session);
  }
  session.finish();
  return exitCode;
}
