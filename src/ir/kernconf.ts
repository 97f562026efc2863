// Plain data describing a kernel configuration, as the kernconf stage produces it and later
// stages (the preprocessor's kernel build layout, the CLI) read it. No behaviour lives here.
import type { SourceLocation } from "../diagnostics/index.js";

/** One `options NAME[=VALUE]` statement (or the DEV_ option a `device` line implies). */
export interface OptionSetting {
  name: string;
  /** The value as written; null for a bare `options NAME` (config(8) then writes 1). */
  value: string | null;
  /** Where the statement named the option. */
  where: SourceLocation;
  /** "device" for the DEV_<NAME> option a `device` line adds. */
  origin: "options" | "device";
  /** Position among all statements read, for presenting in declaration order. */
  sequence: number;
}

export interface NamedEntry {
  name: string;
  where: SourceLocation;
}

export interface MakeOptionSetting {
  name: string;
  /** The value config(8) puts in the Makefile: the first value, then each `+=` value, space-separated. */
  value: string;
  where: SourceLocation;
}

export interface EnvironmentEntry {
  /** "file" for `env FILE`, "variable" for `envvar NAME=VALUE`. */
  kind: "file" | "variable";
  text: string;
  where: SourceLocation;
}

/**
 * What a configuration says, without the option tables: everything the grammar, DEFAULTS and
 * includes produce. Lists are in declaration order unless a field says otherwise.
 */
export interface CollectedKernelConfig {
  /** The configuration file named on the command line (absolute). */
  kernconf: string;
  /** The kernel source tree (`sys/`, absolute). */
  sysDir: string;
  /** The directory config(8) runs in: `<sys>/<arch>/conf`. DEFAULTS is read from here. */
  confDir: string;
  /** MACHINE from the `machine` line. */
  machine: string;
  /** MACHINE_ARCH: the `machine` line's second word, else MACHINE. */
  machineArch: string;
  machineWhere: SourceLocation;
  ident: string;
  identWhere: SourceLocation;
  cpus: NamedEntry[];
  /** 0 when no `maxusers` line (the kernel then sizes itself). */
  maxusers: number;
  /** The `maxusers` line that set it, when there is one. */
  maxusersWhere?: SourceLocation;
  profile: number;
  /**
   * Every option statement that survived `nooptions`/`nodevice`, in the order config(8) keeps
   * its option list (new names at the head, repeated names appended at the tail); the header
   * generator depends on that order. Use `sequence` for declaration order.
   */
  options: OptionSetting[];
  devices: NamedEntry[];
  makeoptions: MakeOptionSetting[];
  hints: NamedEntry[];
  environment: EnvironmentEntry[];
  files: NamedEntry[];
  /** Every configuration file read, in reading order (DEFAULTS first when present). */
  sourceFiles: string[];
}

/** One line of `conf/options*`: an option and the header it lives in. */
export interface OptionTableEntry {
  name: string;
  /** Header file name, e.g. `opt_inet.h`; for an alias, the option's new name. */
  header: string;
  /** Set when `conf/options-compat` renames this option: the new option name. */
  aliasOf?: string;
  where: SourceLocation;
}

/**
 * The option tables, in the order config(8) walks them: the reverse of reading order
 * (it pushes each line onto the head of a list), which fixes the order of #define lines.
 */
export interface OptionTables {
  entries: OptionTableEntry[];
  /** The table files that were read, in reading order. */
  files: string[];
}

/** An option that ends up defined in a header. */
export interface ResolvedOption {
  name: string;
  /** The value written after `#define NAME`. */
  value: string;
  header: string;
  /** Where the winning setting came from; absent for options config(8) invents. */
  where?: SourceLocation;
  origin: "options" | "device" | "cpu" | "maxusers" | "machine-arch";
  /** The name the configuration used when options-compat renamed it. */
  renamedFrom?: string;
}

/** A configuration resolved against the option tables: what a kernel build directory holds. */
export interface ResolvedKernelConfig extends Omit<CollectedKernelConfig, "options"> {
  /** The options as written (same order and meaning as in CollectedKernelConfig). */
  settings: OptionSetting[];
  /** Every defined option, sorted by name. */
  options: ResolvedOption[];
  /** Header file name → exact bytes config(8) writes into an empty build directory; keys sorted. */
  headers: Record<string, string>;
  optionTableFiles: string[];
}
