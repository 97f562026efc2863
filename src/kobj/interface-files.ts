// Which kobj interface files a build generates headers for. Every `*_if.m` lands in one
// build directory under its base name, so two files with the same base name cannot both be
// built: a machine's build skips other architectures' directories, and where a machine-
// dependent interface shares its name with a machine-independent one, the machine's wins.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fail } from "../diagnostics/index.js";
import { outputNames } from "./interface-emitter.js";

/** Top-level directories of a kernel tree that belong to particular architectures. */
const architectureDirectories: ReadonlySet<string> = new Set([
  "amd64",
  "arm",
  "arm64",
  "i386",
  "ia64",
  "mips",
  "pc98",
  "powerpc",
  "riscv",
  "sparc64",
  "x86",
]);

/** Architecture directories a machine's build uses besides its own. */
const sharedArchitectureDirectories: Readonly<Record<string, readonly string[]>> = {
  amd64: ["x86"],
  i386: ["x86"],
};

export interface InterfaceSelection {
  /** MACHINE (`amd64`, `arm64`, `powerpc`, ...): only its architecture directories count. */
  machine?: string;
}

function topDirectory(path: string): string {
  return path.split("/")[0]!;
}

function belongsToMachine(path: string, machine: string): boolean {
  const top = topDirectory(path);
  if (!architectureDirectories.has(top)) return true;
  return top === machine || (sharedArchitectureDirectories[machine] ?? []).includes(top);
}

// A full kernel tree has tens of thousands of files, and one run asks for its interface
// files several times per target (generated headers, kobj method types, generate's cache
// manifest): the tree is walked once per process, as it does not change during a run.
const walked = new Map<string, readonly string[]>();

/** Every `*.m` under the tree, relative to it, in code-unit order. */
function allInterfaceFiles(sys: string): readonly string[] {
  let files = walked.get(sys);
  if (files === undefined) {
    files = walkInterfaceFiles(sys);
    walked.set(sys, files);
  }
  return files;
}

function walkInterfaceFiles(sys: string): string[] {
  if (!existsSync(sys)) fail(`kernel source tree not found: ${sys}`);
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(sys, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith(".m")) found.push(path);
    }
  };
  walk("");
  return found.sort(byCodeUnits);
}

/** The interface files a build of the tree (for `machine`, when given) generates from. */
export function listInterfaceFiles(sys: string, selection: InterfaceSelection = {}): string[] {
  const { machine } = selection;
  const files = allInterfaceFiles(sys).filter(
    (f) => machine === undefined || belongsToMachine(f, machine),
  );
  const byOutput = new Map<string, string>();
  for (const file of files) {
    const name = outputNames(file).header;
    const other = byOutput.get(name);
    if (other === undefined) {
      byOutput.set(name, file);
      continue;
    }
    const dependent = [other, file].filter((f) => architectureDirectories.has(topDirectory(f)));
    if (machine !== undefined && dependent.length === 1) {
      byOutput.set(name, dependent[0]!);
      continue;
    }
    fail(
      `both ${other} and ${file} generate ${name}` +
        (machine === undefined ? "; name the machine to choose between architectures" : ""),
      { file: join(sys, file), line: 1, column: 0 },
    );
  }
  return [...byOutput.values()].sort(byCodeUnits);
}

/** Fails when two of the given files would generate the same output file. */
export function checkDistinctOutputs(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = outputNames(file).header;
    const other = seen.get(name);
    if (other !== undefined && other !== file) fail(`both ${other} and ${file} generate ${name}`);
    seen.set(name, file);
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
