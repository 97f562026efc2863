// Which kobj interface files a build generates headers for. Every `*_if.m` lands in one
// build directory under its base name, so two files with the same base name cannot both be
// built.
//
// Given the build mode, the list is the one that build reads (interface-lists.ts): kmod.mk's
// MFILES for a module, conf/files and conf/files.<MACHINE> for a kernel. A tree without
// that list (a reduced tree, or a newer kmod.mk, which finds every `*_if.m` itself) is
// walked: a machine's build skips other architectures' directories, and where a machine-
// dependent interface shares its name with a machine-independent one, the machine's wins.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fail } from "../diagnostics/index.js";
import { outputNames } from "./interface-emitter.js";
import { readConfigFiles, readKmodMfiles, type ListedInterface } from "./interface-lists.js";

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
  /**
   * The build whose list of interface files counts: `module` (conf/kmod.mk's MFILES) or
   * `kernel` (conf/files and conf/files.<machine>; needs the machine). Absent, or when the
   * tree has no such list: every `*.m` of the tree.
   */
  mode?: "kernel" | "module";
}

/** What a build's interface files are and what deciding them read. */
export interface InterfaceListing {
  /** The interface files, relative to the tree, in code-unit order. */
  files: string[];
  /**
   * The build's list files looked for, relative to the tree, found or not: a list created
   * or edited changes the result.
   */
  lists: string[];
  /**
   * Listed interface files the tree lacks, which generate nothing. A module build fails
   * only when a module's SRCS names the header, and a kernel build only when the
   * configuration compiles the optional entry, so the header is simply not there.
   */
  missing: string[];
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
// manifest): the tree is walked (and a list read) once per process, as it does not change
// during a run.
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
  return listInterfaces(sys, selection).files;
}

const listed = new Map<string, InterfaceListing>();

/** listInterfaceFiles with the lists it was decided from; computed once per process. */
export function listInterfaces(sys: string, selection: InterfaceSelection = {}): InterfaceListing {
  const key = `${sys}\0${selection.mode ?? ""}\0${selection.machine ?? ""}`;
  let listing = listed.get(key);
  if (listing === undefined) {
    listing = computeListing(sys, selection);
    listed.set(key, listing);
  }
  return { files: [...listing.files], lists: [...listing.lists], missing: [...listing.missing] };
}

function computeListing(sys: string, selection: InterfaceSelection): InterfaceListing {
  const { machine, mode } = selection;
  if (mode === "module") {
    const kmod = "conf/kmod.mk";
    const entries = isFile(join(sys, kmod)) ? readKmodMfiles(sys, kmod) : undefined;
    if (entries !== undefined) return { ...fromModuleList(sys, entries), lists: [kmod] };
    return { files: walkedFiles(sys, machine), lists: [kmod], missing: [] };
  }
  if (mode === "kernel") {
    if (machine === undefined) fail("a kernel build's interface files depend on the machine");
    const files = "conf/files";
    const machineFiles = `conf/files.${machine}`;
    if (!isFile(join(sys, files))) {
      return { files: walkedFiles(sys, machine), lists: [files], missing: [] };
    }
    // config(8) reads both and stops when either is missing.
    if (!isFile(join(sys, machineFiles))) {
      fail(`no ${machineFiles}: a kernel build for ${machine} reads it after ${files}`, {
        file: join(sys, files),
        line: 1,
        column: 0,
      });
    }
    const read: string[] = [];
    const entries = [
      ...readConfigFiles(sys, files, read),
      ...readConfigFiles(sys, machineFiles, read),
    ];
    return { ...fromKernelList(sys, entries, machine), lists: read };
  }
  return { files: walkedFiles(sys, machine), lists: [], missing: [] };
}

/**
 * kmod.mk defines a rule for a header only when it has none yet, so of two entries with one
 * base name the first listed is the one built.
 */
function fromModuleList(sys: string, entries: ListedInterface[]) {
  const byOutput = new Map<string, ListedInterface>();
  for (const entry of entries) {
    const name = outputNames(entry.path).header;
    if (!byOutput.has(name)) byOutput.set(name, entry);
  }
  return present(sys, [...byOutput.values()], () => false);
}

/**
 * config(8) takes an entry once (the first time it names a file). A listed file that shares
 * its header's name with another follows the walk's rule: the machine's own wins.
 */
function fromKernelList(sys: string, entries: ListedInterface[], machine: string) {
  const byPath = new Map<string, ListedInterface>();
  for (const entry of entries) {
    const seen = byPath.get(entry.path);
    if (seen === undefined) byPath.set(entry.path, entry);
    else if (entry.standard && !seen.standard) byPath.set(entry.path, { ...seen, standard: true });
  }
  const byOutput = new Map<string, ListedInterface>();
  for (const entry of byPath.values()) {
    const name = outputNames(entry.path).header;
    const other = byOutput.get(name);
    if (other === undefined) {
      byOutput.set(name, entry);
      continue;
    }
    const dependent = [other, entry].filter((e) =>
      architectureDirectories.has(topDirectory(e.path)),
    );
    if (dependent.length === 1) {
      byOutput.set(name, dependent[0]!);
      continue;
    }
    fail(`both ${other.path} and ${entry.path} generate ${name} for ${machine}`, entry.at);
  }
  // Every kernel object depends on every generated header: a standard entry that is missing
  // fails any configuration's build.
  return present(sys, [...byOutput.values()], (e) => e.standard);
}

function present(
  sys: string,
  entries: ListedInterface[],
  required: (entry: ListedInterface) => boolean,
): Omit<InterfaceListing, "lists"> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    if (isFile(join(sys, entry.path))) files.push(entry.path);
    else if (required(entry)) fail(`interface file ${entry.path} not found in ${sys}`, entry.at);
    else missing.push(entry.path);
  }
  return { files: files.sort(byCodeUnits), missing: missing.sort(byCodeUnits) };
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The walk's selection: the machine's directories; a name clash resolved for the machine. */
function walkedFiles(sys: string, machine: string | undefined): string[] {
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
