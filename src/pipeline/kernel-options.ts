// The option headers a pipeline run builds with: none (a standalone module build), or the
// ones a kernel configuration resolves to. Until a tree ships its conf/options tables a
// configuration cannot be resolved; the run then proceeds as without one, with a warning
// that names the missing table, so the rest of the pipeline stays usable.
import { DiagnosticError, hasErrors, warning, type Diagnostic } from "../diagnostics/index.js";
import type { CollectedKernelConfig, ResolvedKernelConfig } from "../ir/kernconf.js";
import {
  collectKernelConfig,
  locateKernelConfig,
  mainOptionTablePath,
  optionTablesPresent,
  readOptionTables,
  resolveKernelConfig,
} from "../kernconf/index.js";

export interface KernelOptions {
  collected: CollectedKernelConfig;
  /** Absent when the tree has no option tables. */
  resolved?: ResolvedKernelConfig;
  /** opt_*.h name → content; absent when the configuration could not be resolved. */
  headers?: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Reads and resolves `kernconf` (a name under `<sys>/<machine>/conf` or a path). */
export function loadKernelOptions(
  sysDir: string,
  kernconf: string,
  machine: string,
): KernelOptions {
  const located = locateKernelConfig(sysDir, kernconf, machine);
  const collected = collectKernelConfig(located);
  if (hasErrors(collected.diagnostics)) throw new DiagnosticError(collected.diagnostics);
  const diagnostics = [...collected.diagnostics];
  if (!optionTablesPresent(located.sysDir)) {
    diagnostics.push(
      warning(
        `${mainOptionTablePath(located.sysDir)} is missing: options of ${collected.config.ident} are not resolved; ` +
          "building with empty option headers",
      ),
    );
    return { collected: collected.config, diagnostics };
  }
  const tables = readOptionTables({
    sysDir: located.sysDir,
    confDir: collected.config.confDir,
    machine: collected.config.machine,
  });
  const resolved = resolveKernelConfig(collected.config, tables.tables);
  diagnostics.push(...tables.diagnostics, ...resolved.diagnostics);
  if (hasErrors(diagnostics)) throw new DiagnosticError(diagnostics);
  return {
    collected: collected.config,
    resolved: resolved.config,
    headers: new Map(Object.entries(resolved.config.headers)),
    diagnostics,
  };
}
