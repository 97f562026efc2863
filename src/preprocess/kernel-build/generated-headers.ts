// The headers a kernel build generates into its build directory besides the opt headers:
// `<name>_if.h` for every kobj interface of the tree and the `vnode_if*.h` family.
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  generateVnodeHeaders,
  kobjHeaderGenerators,
  vnodeHeaderNames,
  type InterfaceSelection,
  vnodeOpsSource,
} from "../../kobj/index.js";
import { LazyTexts, sortedCopy } from "./lazy-texts.js";

/**
 * Name → content, sorted by name. The interface files are the ones the build of `selection`
 * (mode and machine) lists (see listInterfaceFiles): a kernel build generates every
 * interface the configuration compiles, and all of conf/files' are served, optional or
 * not, a superset that only adds files a header may include. A tree without
 * kern/vnode_if.src simply has no vnode_if*.h. Each header is generated when first read (a
 * translation unit includes a few of the ~100), so the interface files are only listed here.
 */
export function generatedBuildHeaders(
  sysDir: string,
  selection: InterfaceSelection = {},
): LazyTexts {
  const headers = new LazyTexts();
  for (const [name, make] of kobjHeaderGenerators(sysDir, selection)) headers.setLazy(name, make);
  if (existsSync(join(sysDir, vnodeOpsSource))) {
    let vnodeHeaders: Map<string, string> | undefined;
    for (const name of vnodeHeaderNames) {
      headers.setLazy(name, () => (vnodeHeaders ??= generateVnodeHeaders(sysDir)).get(name)!);
    }
  }
  return sortedCopy(headers);
}
