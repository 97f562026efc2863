// kobj interfaces (`*.m`): the function types of their methods. The generated `*_if.h`
// headers typedef each as a C function type; the crate spells those as plain (non-null)
// `unsafe extern "C" fn` types, so a driver's method is checked against the interface by
// a simple `let f: device_probe_t = my_probe;` before it goes into a method table.
import {
  kobjDialectFor,
  kobjMethodSymbols,
  listInterfaceFiles,
  readInterfaceFile,
} from "../../kobj/index.js";

const cache = new Map<string, Set<string>>();

/**
 * `<interface>_<method>_t` for every method of the interfaces a build for `machine` has (in
 * `mode`, whose list of interface files counts when the tree has one).
 */
export function kobjMethodTypeNames(
  sysDir: string,
  machine: string,
  mode?: "kernel" | "module",
): Set<string> {
  const key = `${sysDir}\0${machine}\0${mode ?? ""}`;
  const known = cache.get(key);
  if (known) return known;
  const dialect = kobjDialectFor(sysDir);
  const names = new Set<string>();
  for (const file of listInterfaceFiles(sysDir, { machine, mode })) {
    for (const entry of readInterfaceFile(sysDir, file, { dialect }).file.entries) {
      if (entry.kind === "method") names.add(kobjMethodSymbols(entry).functionType);
    }
  }
  cache.set(key, names);
  return names;
}
