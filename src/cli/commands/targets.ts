// `kpi-bindgen targets`: the supported targets, one target's description, or the macros
// clang-19 predefines for it, so users can see exactly what the tool assumes.
import type { Argv } from "yargs";
import { fail } from "../../diagnostics/index.js";
import {
  cStandards,
  clangTriple,
  getTarget,
  parseRelease,
  parseTargetName,
  predefinedMacros,
  targetNames,
  type CStandard,
  type FreeBSDRelease,
} from "../../targets/index.js";
import type { CommandDefinition } from "./index.js";

interface TargetsArgs {
  target?: string;
  release: string;
  std?: string;
  kernelFlags: boolean;
  macros: boolean;
  json: boolean;
}

function listing(release: FreeBSDRelease): string {
  const rows = [["target", "clang triple", "MACHINE", "MACHINE_ARCH", "rust target"]];
  for (const name of targetNames) {
    const t = getTarget(name);
    rows.push([name, clangTriple(t, release), t.machine, t.machineArch, t.rustTarget]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

function parseStd(text: string | undefined): CStandard | undefined {
  if (text === undefined) return undefined;
  if (!(cStandards as readonly string[]).includes(text)) {
    fail(`unsupported -std '${text}' (supported: ${cStandards.join(", ")})`);
  }
  return text as CStandard;
}

function render(args: TargetsArgs): string {
  const release = parseRelease(args.release);
  if (args.target === undefined) {
    if (args.macros || args.json)
      fail("--macros and --json describe one target: add --target NAME");
    return listing(release);
  }
  const target = getTarget(parseTargetName(args.target));
  if (args.macros) {
    const macros = predefinedMacros(target, {
      release,
      std: parseStd(args.std),
      kernelFlags: args.kernelFlags,
    });
    return (
      macros.map((m) => `#define ${m.name}${m.value === "" ? "" : ` ${m.value}`}`).join("\n") + "\n"
    );
  }
  const description = { ...target, clangTriple: clangTriple(target, release) };
  return JSON.stringify(description, null, 2) + "\n";
}

export const targetsCommand: CommandDefinition<TargetsArgs> = {
  builder: (yargs: Argv<object>) =>
    yargs
      .option("target", {
        type: "string",
        describe: "A target (amd64, i386, arm64, armv7, riscv64, powerpc, ...)",
      })
      .option("release", {
        type: "string",
        default: "13.0",
        describe: "FreeBSD release for the triple",
      })
      .option("std", {
        type: "string",
        describe: "C dialect for --macros (default: clang's, gnu17)",
      })
      .option("kernel-flags", {
        type: "boolean",
        default: false,
        describe: "With --macros: include the arch's kernel code-generation flags",
      })
      .option("macros", {
        type: "boolean",
        default: false,
        describe: "Print the predefined macros as #define lines",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "Print the target description as JSON (the default with --target)",
      }) as unknown as Argv<TargetsArgs>,
  handler: (args) => {
    process.stdout.write(render(args));
  },
};
