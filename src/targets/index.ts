// The registry of target descriptions, and how a target is named on the command line.
import { fail, type SourceLocation } from "../diagnostics/index.js";
import { amd64 } from "./amd64.js";
import { arm64 } from "./arm64.js";
import { armv7 } from "./armv7.js";
import { i386 } from "./i386.js";
import { powerpc } from "./powerpc.js";
import { powerpc64 } from "./powerpc64.js";
import { powerpc64le } from "./powerpc64le.js";
import { riscv64 } from "./riscv64.js";
import type { FreeBSDRelease, TargetDescription, TargetName } from "./types.js";

export type * from "./types.js";
export { builtinTypeLayout } from "./builtin-types.js";
export { enumUnderlyingType } from "./enums.js";
export { integerType, unsignedOf, maxLiteral, type IntegerType } from "./integer-types.js";
export {
  predefinedMacros,
  cStandards,
  defaultCStandard,
  defaultClangVersion,
  parseClangVersion,
  floatFormats,
  type CStandard,
  type ClangVersion,
  type FloatFormatFacts,
  type PredefinedOptions,
} from "./predefined/index.js";

const registry: Record<TargetName, TargetDescription> = {
  amd64,
  i386,
  arm64,
  armv7,
  riscv64,
  powerpc,
  powerpc64,
  powerpc64le,
};

/** Every supported target, in a fixed order. */
export const targetNames: readonly TargetName[] = Object.keys(registry) as TargetName[];

/** Other spellings users reach for; only the unambiguous ones. */
const aliases: Record<string, TargetName> = {
  x86_64: "amd64",
  "x86-64": "amd64",
  x64: "amd64",
  i486: "i386",
  i586: "i386",
  i686: "i386",
  aarch64: "arm64",
  arm: "armv7",
  arm32: "armv7",
  armv7a: "armv7",
  armhf: "armv7",
  armv7hf: "armv7",
  riscv: "riscv64",
  rv64: "riscv64",
  ppc: "powerpc",
  ppc32: "powerpc",
  ppc64: "powerpc64",
  ppc64le: "powerpc64le",
  powerpc64el: "powerpc64le",
  ppc64el: "powerpc64le",
  powerpc64be: "powerpc64",
};

/** Names that could mean more than one target, with the choices to offer. */
const ambiguous: Record<string, TargetName[]> = {
  x86: ["amd64", "i386"],
};

export function isTargetName(name: string): name is TargetName {
  return Object.prototype.hasOwnProperty.call(registry, name);
}

export function getTarget(name: TargetName): TargetDescription {
  const target = isTargetName(name) ? registry[name] : undefined;
  if (!target) fail(`unknown target '${name}' (valid targets: ${targetNames.join(", ")})`);
  return target;
}

/**
 * Resolves a target as a user typed it (a canonical name or an alias, any case). A bad name
 * gets a diagnostic listing the valid ones, located where the name was written.
 */
export function parseTargetName(input: string, location?: SourceLocation): TargetName {
  const key = input.trim().toLowerCase();
  if (isTargetName(key)) return key;
  const alias = aliases[key];
  if (alias !== undefined) return alias;
  const valid = `valid targets: ${targetNames.join(", ")}`;
  const choices = ambiguous[key];
  if (choices) {
    fail(`ambiguous target '${input}': did you mean ${choices.join(" or ")}? (${valid})`, location);
  }
  fail(`unknown target '${input}' (${valid})`, location);
}

/** The clang triple for a target and release, e.g. `armv7-unknown-freebsd13.0-gnueabihf`. */
export function clangTriple(target: TargetDescription, release: FreeBSDRelease): string {
  const base = `${target.clangArch}-unknown-freebsd${release.major}.${release.minor}`;
  return target.tripleEnvironment === "" ? base : `${base}-${target.tripleEnvironment}`;
}

/** Parses "13.0" (or "13") into a release; a bad string gets a located diagnostic. */
export function parseRelease(text: string, location?: SourceLocation): FreeBSDRelease {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) fail(`invalid FreeBSD release '${text}' (expected MAJOR.MINOR, e.g. 13.0)`, location);
  const major = Number(match[1]);
  const minor = Number(match[2] ?? "0");
  if (major < 1)
    fail(`invalid FreeBSD release '${text}' (the major version starts at 1)`, location);
  return { major, minor };
}
