// The CLI end to end on a tiny kernel tree whose files are mutated: `config`, `preprocess`
// and `generate` either succeed or exit 1 with located errors (never 70, an internal error),
// and what they were asked to write is either complete or exactly the previous content.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/environment.js";
import { propertyTimeoutMs } from "./support/budget.js";
import { cliProblem, runCli, type CliRun } from "./support/cli-run.js";
import { applyMutations, mutationsArbitrary } from "./support/mutations.js";
import { checkProperty } from "./support/check-property.js";
import { stopWatchdog, withinBoundAsync } from "./support/watchdog.js";
import { PREPROCESSOR_FRAGMENTS } from "./support/fragments.js";

const FIXTURE_TREE = join(repoRoot, "fixtures", "diff", "tree", "sys");
const FIXTURE_WRAPPER = join(repoRoot, "fixtures", "diff", "wrapper.h");

/** The files a case may mutate, relative to the scratch directory. */
const MUTABLE = ["sys/kpi/stats.h", "sys/amd64/conf/BIG", "sys/conf/options", "wrapper.h"];
const CONFIG_FRAGMENTS = [
  "options ",
  "options WIDE_COUNTERS",
  "include ",
  "ident ",
  "machine ",
  "device ",
];

/** Every file under `dir`, relative path → content: what "unchanged" compares. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${rel}${entry.name}/`);
      else files[`${rel}${entry.name}`] = readFileSync(join(d, entry.name), "utf8");
    }
  };
  walk(dir, "");
  return files;
}

describe("CLI fuzz", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kpi-fuzz-cli-"));
  const sys = join(scratch, "sys");
  const wrapper = join(scratch, "wrapper.h");
  const outputs = join(scratch, "out");
  const originals = new Map<string, string>();
  cpSync(FIXTURE_TREE, sys, { recursive: true });
  writeFileSync(wrapper, readFileSync(FIXTURE_WRAPPER, "utf8"));
  for (const rel of MUTABLE) originals.set(rel, readFileSync(join(scratch, rel), "utf8"));
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await stopWatchdog();
  });

  /** Previous output in place before each command, so a failed run can be compared to it. */
  function previousOutputs(): void {
    rmSync(outputs, { recursive: true, force: true });
    mkdirSync(join(outputs, "opt"), { recursive: true });
    writeFileSync(join(outputs, "opt", "opt_previous.h"), "#define PREVIOUS 1\n");
    writeFileSync(join(outputs, "unit.i"), "previous preprocessed text\n");
    mkdirSync(join(outputs, "crate"));
    writeFileSync(join(outputs, "crate", "marker"), "previous crate\n");
  }

  const commands: { name: string; argv: string[]; output: string }[] = [
    {
      name: "config",
      argv: [
        "config",
        "--sys",
        sys,
        "--kernconf",
        "BIG",
        "--write-opt-headers",
        join(outputs, "opt"),
      ],
      output: join(outputs, "opt"),
    },
    {
      name: "preprocess",
      argv: [
        "preprocess",
        "--sys",
        sys,
        "--arch",
        "amd64",
        "--kernconf",
        "BIG",
        wrapper,
        "-o",
        join(outputs, "unit.i"),
      ],
      output: join(outputs, "unit.i"),
    },
    {
      name: "generate",
      argv: [
        "generate",
        "--sys",
        sys,
        "--arch",
        "amd64",
        "--kernconf",
        "BIG",
        "--header",
        wrapper,
        "--out",
        join(outputs, "crate"),
        "--no-cache",
        "--no-rustfmt",
      ],
      output: join(outputs, "crate"),
    },
  ];

  async function checkCommand(command: (typeof commands)[number], input: string): Promise<CliRun> {
    const before = snapshotOf(command.output);
    const run = await withinBoundAsync(`cli ${command.name}`, input, () => runCli(command.argv));
    const problem = cliProblem(run);
    if (problem) throw new Error(`${command.name}: ${problem}\n${run.stderr}`);
    const after = snapshotOf(command.output);
    if (run.status !== 0)
      expect(after, `${command.name} failed and changed its output`).toEqual(before);
    else
      expect(after, `${command.name} succeeded but left its output as it was`).not.toEqual(before);
    const leftovers = readdirSync(outputs).filter((n) => n.includes(".tmp"));
    expect(leftovers, `${command.name} left temporary files`).toEqual([]);
    return run;
  }

  function snapshotOf(path: string): Record<string, string> | string | undefined {
    if (!existsSync(path)) return undefined;
    return path.endsWith(".i") ? readFileSync(path, "utf8") : snapshot(path);
  }

  it("every command succeeds on the unmutated tree", async () => {
    previousOutputs();
    for (const command of commands) {
      const run = await checkCommand(command, "unmutated");
      expect(run.status, run.stderr).toBe(0);
    }
  });

  it(
    "on a mutated tree every command succeeds, or exits 1 with located errors and its output untouched",
    async () => {
      let failures = 0;
      await checkProperty(
        fc.asyncProperty(
          fc.nat(MUTABLE.length - 1),
          mutationsArbitrary([...PREPROCESSOR_FRAGMENTS, ...CONFIG_FRAGMENTS], 3),
          async (index, list) => {
            const rel = MUTABLE[index]!;
            for (const [file, text] of originals) writeFileSync(join(scratch, file), text);
            const text = applyMutations(originals.get(rel)!, list);
            writeFileSync(join(scratch, rel), text);
            previousOutputs();
            for (const command of commands) {
              const run = await checkCommand(command, JSON.stringify({ file: rel, text }));
              if (run.status !== 0) failures++;
            }
          },
        ),
        { ciRuns: 8, weight: 30 },
      );
      expect(failures).toBeGreaterThan(0);
    },
    propertyTimeoutMs,
  );
});
