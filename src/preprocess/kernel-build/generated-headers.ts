// The headers a kernel build generates into its build directory besides the opt headers:
// `<name>_if.h` for every kobj interface of the tree and the `vnode_if*.h` family.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generateKobjHeaders, generateVnodeHeaders, vnodeOpsSource } from "../../kobj/index.js";

/**
 * Name → content, sorted by name. A kernel build generates every interface the
 * configuration compiles; serving all of them is a superset that only adds files a header
 * may include. A tree without kern/vnode_if.src simply has no vnode_if*.h.
 */
export function generatedBuildHeaders(sysDir: string): Map<string, string> {
  const headers = new Map<string, string>(generateKobjHeaders(sysDir));
  if (existsSync(join(sysDir, vnodeOpsSource))) {
    for (const [name, text] of generateVnodeHeaders(sysDir)) headers.set(name, text);
  }
  return new Map([...headers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
