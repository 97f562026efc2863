// Entry point: yargs wiring only. Each subcommand lives in its own file under commands/.
import yargs from "yargs";
import { commands } from "./commands/index.js";
import { setInvocation } from "./invocation.js";
import { reportFailure } from "./report.js";

function commandName(command: (typeof commands)[number]): string {
  const spec = Array.isArray(command.command) ? command.command[0] : command.command;
  return String(spec ?? "").split(/\s+/)[0];
}

/** A command line yargs rejected: wrong or missing options. Exit status 2, as for usage errors. */
class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  setInvocation(argv);
  const first = argv[0];
  const known = commands.map(commandName);
  if (first !== undefined && !first.startsWith("-") && !known.includes(first)) {
    process.stderr.write(
      `kpi-bindgen: error: unknown command '${first}'` +
        (known.length ? ` (commands: ${known.join(", ")})` : "") +
        "\nRun 'kpi-bindgen --help' for usage.\n",
    );
    return 2;
  }
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName("kpi-bindgen")
    .usage(
      "$0 <command> [options]\n\n" +
        "Rust FFI bindings for the FreeBSD kernel KPI, resolved for a real kernel\n" +
        "configuration, with every struct layout checked against the C compiler.",
    )
    .strict()
    .strictCommands()
    .demandCommand(1, "Name a command; see the list above.")
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue("Each command has its own --help. Documentation: README.md and docs/.")
    .fail((msg, err) => {
      // Throwing (rather than printing here) keeps yargs from running the handler after a
      // usage error.
      throw err ?? new UsageError(msg);
    });
  for (const command of commands) parser.command(command);
  try {
    const result = await parser.parseAsync();
    const code = (result as { exitCode?: number }).exitCode;
    if (typeof code === "number" && exitCode === 0) exitCode = code;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(
        `kpi-bindgen: error: ${e.message}\nRun 'kpi-bindgen --help' for usage.\n`,
      );
      return 2;
    }
    exitCode = reportFailure(e);
  }
  return exitCode;
}
