// The kernconf stage: config(5) files in, a resolved configuration and its opt_*.h headers out.
// collectKernelConfig needs only the configuration; resolveKernelConfig adds the option tables.
import type { Diagnostic } from "../diagnostics/index.js";
import type { CollectedKernelConfig, ResolvedKernelConfig } from "../ir/kernconf.js";
import { collectKernelConfig } from "./collect.js";
import { locateKernelConfig } from "./locate.js";
import { resolveKernelConfig } from "./mkoptions.js";
import { readOptionTables } from "./option-tables.js";
import type { TextReader } from "./paths.js";

export { collectKernelConfig, deviceOption } from "./collect.js";
export type { CollectInput, CollectResult } from "./collect.js";
export { locateKernelConfig, resolveSysDir } from "./locate.js";
export { resolveKernelConfig } from "./mkoptions.js";
export type { ResolveResult } from "./mkoptions.js";
export {
  mainOptionTablePath,
  optionTablesPresent,
  parseTable,
  readOptionTables,
} from "./option-tables.js";
export { parseConfigFile } from "./parser.js";
export type { Statement } from "./parser.js";
export { tokenize } from "./lexer.js";
export type { TextReader } from "./paths.js";
export { fileSystemReader } from "./fs-reader.js";

export interface LoadInput {
  sysDir: string;
  /** A name under `<sys>/<arch>/conf` or a path. */
  kernconf: string;
  arch?: string;
  reader?: TextReader;
}

export interface LoadResult {
  collected: CollectedKernelConfig;
  resolved: ResolvedKernelConfig;
  diagnostics: Diagnostic[];
}

/** Locates, collects and resolves in one call, for stages that need the headers. */
export function loadKernelConfig(input: LoadInput): LoadResult {
  const located = locateKernelConfig(input.sysDir, input.kernconf, input.arch);
  const collected = collectKernelConfig({ ...located, reader: input.reader });
  const tables = readOptionTables({
    sysDir: located.sysDir,
    confDir: collected.config.confDir,
    machine: collected.config.machine,
    machineWhere: collected.config.machineWhere,
    reader: input.reader,
  });
  const resolved = resolveKernelConfig(collected.config, tables.tables);
  return {
    collected: collected.config,
    resolved: resolved.config,
    diagnostics: [...collected.diagnostics, ...tables.diagnostics, ...resolved.diagnostics],
  };
}
