// A file compiled inside a FreeBSD kernel or module build: the whole front end (our
// preprocessor in the build's layout, parser, layout) and the compiler arguments that give
// clang the same build, including the generated headers (opt_*.h, *_if.h, offset.inc).
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fail } from "../diagnostics/index.js";
import { runFrontEnd } from "../pipeline/index.js";
import type { MacroFlag } from "../preprocess/kernel-build/index.js";
import { parseRelease } from "../targets/index.js";
import type { TargetDescription } from "../targets/types.js";
import type { Configuration, ConfigurationRequest } from "./configuration.js";

export async function kernelConfiguration(
  request: ConfigurationRequest,
  target: TargetDescription,
  file: string,
  macros: MacroFlag[],
): Promise<Configuration> {
  const sysDir = resolve(request.sys!);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${request.sys} (--sys)`);
  const front = runFrontEnd({
    sysDir,
    target,
    mode: request.mode,
    kernconf: request.kernconf,
    header: file,
    release: request.release === undefined ? undefined : parseRelease(request.release),
    user: { macros, includeDirs: request.includeDirs.map((d) => resolve(d)) },
    onProgress: request.onProgress,
  });
  const layout = front.plan.createClangLayout();
  return {
    unit: front.unit,
    target,
    compilerArgs: layout.args,
    source: { includePath: file },
    diagnostics: front.diagnostics,
    dispose: layout.dispose,
  };
}
