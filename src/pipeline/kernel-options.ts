// The option headers a pipeline run builds with: none (a standalone module build), or the
// ones a kernel configuration resolves to. Until a tree ships its conf/options tables a
// configuration cannot be resolved; the run then proceeds as without one, with a warning
// that names the missing table, so the rest of the pipeline stays usable.
import { DiagnosticError, hasErrors, warning, type Diagnostic } from "../diagnostics/index.js";
import type { CollectedKernelConfig, ResolvedKernelConfig } from "../ir/kernconf.js";
import { resolve } from "node:path";
import {
  collectKernelConfig,
  fileSystemReader,
  loadKernelConfig,
  locateKernelConfig,
  mainOptionTablePath,
  optionTablesPresent,
  type TextReader,
} from "../kernconf/index.js";

export interface KernelOptions {
  collected: CollectedKernelConfig;
  /** Absent when the tree has no option tables. */
  resolved?: ResolvedKernelConfig;
  /** opt_*.h name → content; absent when the configuration could not be resolved. */
  headers?: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Every file the stage looked for, found or not: what a cached result depends on. */
  filesRead: string[];
}

/** A reader that remembers every path asked for. */
function recordingReader(): TextReader & { paths: Set<string> } {
  const paths = new Set<string>();
  return {
    paths,
    read(path: string) {
      paths.add(resolve(path));
      return fileSystemReader.read(path);
    },
  };
}

/** Reads and resolves `kernconf` (a name under `<sys>/<machine>/conf` or a path). */
export function loadKernelOptions(
  sysDir: string,
  kernconf: string,
  machine: string,
): KernelOptions {
  const reader = recordingReader();
  if (!optionTablesPresent(resolve(sysDir), reader)) {
    const collected = collectKernelConfig({
      ...locateKernelConfig(sysDir, kernconf, machine),
      reader,
    });
    if (hasErrors(collected.diagnostics)) throw new DiagnosticError(collected.diagnostics);
    const missing = warning(
      `${mainOptionTablePath(resolve(sysDir))} is missing: options of ${collected.config.ident} ` +
        "are not resolved; building with empty option headers",
    );
    return {
      collected: collected.config,
      diagnostics: [...collected.diagnostics, missing],
      filesRead: [...reader.paths],
    };
  }
  const loaded = loadKernelConfig({ sysDir, kernconf, arch: machine, reader });
  if (hasErrors(loaded.diagnostics)) throw new DiagnosticError(loaded.diagnostics);
  return {
    collected: loaded.collected,
    resolved: loaded.resolved,
    headers: new Map(Object.entries(loaded.resolved.headers)),
    diagnostics: loaded.diagnostics,
    filesRead: [...reader.paths],
  };
}
