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

/** `<interface>_<method>_t` for every method of the interfaces a build for `machine` has. */
export function kobjMethodTypeNames(sysDir: string, machine: string): Set<string> {
  const key = `${sysDir}\0${machine}`;
  const known = cache.get(key);
  if (known) return known;
  const dialect = kobjDialectFor(sysDir);
  const names = new Set<string>();
  for (const file of listInterfaceFiles(sysDir, { machine })) {
    for (const entry of readInterfaceFile(sysDir, file, { dialect }).file.entries) {
      if (entry.kind === "method") names.add(kobjMethodSymbols(entry).functionType);
    }
  }
  cache.set(key, names);
  return names;
}

/**
 * Takes names computed on another thread for `sysDir` and `machine` (see
 * kobjMethodTypeNames), so that this thread need not read the interfaces again.
 */
export function rememberKobjMethodTypeNames(
  sysDir: string,
  machine: string,
  names: Set<string>,
): void {
  cache.set(`${sysDir}\0${machine}`, names);
}
