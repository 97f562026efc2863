// Finding the inputs: the kernel tree, the configuration file and the architecture whose
// `conf/` directory config(8) runs in.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fail } from "../diagnostics/index.js";
import { fileSystemReader } from "./fs-reader.js";
import { parseConfigFile } from "./parser.js";
import { displayPath } from "./paths.js";

export interface LocatedConfig {
  sysDir: string;
  kernconf: string;
  arch: string;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `--sys`, else `$FREEBSD_SRC/sys`, else `/usr/src/sys`. */
export function resolveSysDir(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const candidate = given ?? (env.FREEBSD_SRC ? resolve(env.FREEBSD_SRC, "sys") : "/usr/src/sys");
  const dir = resolve(candidate);
  if (!isDirectory(dir)) {
    const how = given ? "--sys" : env.FREEBSD_SRC ? "$FREEBSD_SRC/sys" : "the default /usr/src/sys";
    fail(`kernel source tree not found: ${dir} (from ${how}; pass --sys DIR or set FREEBSD_SRC)`);
  }
  return dir;
}

/** A kernconf containing a slash is a path; otherwise a name under `<sys>/<arch>/conf`. */
export function locateKernelConfig(sysDir: string, kernconf: string, arch?: string): LocatedConfig {
  if (arch !== undefined && !isDirectory(resolve(sysDir, arch))) {
    fail(`architecture directory ${resolve(sysDir, arch)} not found (check --arch)`);
  }
  if (!kernconf.includes("/")) {
    if (arch !== undefined) {
      const path = resolve(sysDir, arch, "conf", kernconf);
      if (!isFile(path)) fail(`kernel configuration ${kernconf} not found: ${path} does not exist`);
      return { sysDir, kernconf: path, arch };
    }
    const archs = readdirSync(sysDir)
      .filter((d) => isFile(resolve(sysDir, d, "conf", kernconf)))
      .sort();
    if (archs.length === 0)
      fail(`kernel configuration ${kernconf} not found in any ${sysDir}/<arch>/conf`);
    if (archs.length > 1) {
      fail(
        `kernel configuration ${kernconf} exists for several architectures (${archs.join(", ")}): pass --arch`,
      );
    }
    return { sysDir, kernconf: resolve(sysDir, archs[0], "conf", kernconf), arch: archs[0] };
  }
  const path = resolve(kernconf);
  if (!isFile(path)) fail(`kernel configuration ${kernconf} not found`);
  if (arch !== undefined) return { sysDir, kernconf: path, arch };
  const fromMachineLine = machineLineOf(path, sysDir);
  if (fromMachineLine && isDirectory(resolve(sysDir, fromMachineLine))) {
    return { sysDir, kernconf: path, arch: fromMachineLine };
  }
  // The usual layout, `<arch>/conf/NAME`, names the architecture (GENERIC's machine line is in DEFAULTS).
  const confDir = dirname(path);
  const layoutArch = basename(dirname(confDir));
  if (basename(confDir) === "conf" && existsSync(resolve(sysDir, layoutArch, "conf"))) {
    return { sysDir, kernconf: path, arch: layoutArch };
  }
  return fail(
    `cannot tell which architecture ${displayPath(sysDir, path)} is for: it has no machine line and is not in <sys>/<arch>/conf; pass --arch`,
  );
}

function machineLineOf(path: string, sysDir: string): string | undefined {
  const text = fileSystemReader.read(path);
  if (text === undefined) return undefined;
  const statement = parseConfigFile(text, displayPath(sysDir, path)).find(
    (s) => s.kind === "machine",
  );
  return statement?.kind === "machine" ? statement.machine : undefined;
}
