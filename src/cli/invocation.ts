// The command line the CLI was started with, as given: `generate` keys its replay record by
// it (src/generate/replay.ts), which yargs' parsed arguments cannot reproduce.
let current: readonly string[] = [];

export function setInvocation(argv: readonly string[]): void {
  current = [...argv];
}

export function invocationArguments(): readonly string[] {
  return current;
}
