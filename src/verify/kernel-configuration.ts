// A file compiled inside a FreeBSD kernel or module build: our preprocessor in the build's
// layout, and the compiler arguments that give clang the same build. Kernel-mode builds
// of trees with sys/kpilite.h also need the generated offset.inc, made here from our own
// layout of struct thread, as the kernel build makes it from a GENOFFSET compile.
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DiagnosticError, fail, hasErrors } from "../diagnostics/index.js";
import { loadKernelConfig } from "../kernconf/index.js";
import { LayoutEngine, renderOffsetInclude, threadLiteMembers } from "../layout/index.js";
import { makePathResolver } from "../parse/index.js";
import {
  BUILD_DIR,
  generatedBuildHeaders,
  planKernelBuild,
  preprocessInBuild,
  type KernelBuildSpec,
  type MacroFlag,
} from "../preprocess/kernel-build/index.js";
import { parseRelease } from "../targets/index.js";
import type { TargetDescription } from "../targets/types.js";
import { parseForLayout } from "./c-source.js";
import type { Configuration, ConfigurationRequest } from "./configuration.js";

const GENOFFSET_SOURCE = "kpi_genoffset.c";

/** Whether kernel-mode compiles of this tree read a generated offset.inc. */
export function needsOffsetInclude(sysDir: string, spec: Pick<KernelBuildSpec, "mode">): boolean {
  return spec.mode === "kernel" && existsSync(join(sysDir, "sys", "kpilite.h"));
}

/** offset.inc for a build: struct thread laid out by a GENOFFSET compile of sys/proc.h. */
export function generateOffsetInclude(spec: KernelBuildSpec): string {
  const files = new Map(spec.generatedHeaders ?? []);
  files.set(GENOFFSET_SOURCE, "#include <sys/param.h>\n#include <sys/proc.h>\n");
  const genoffset = planKernelBuild({
    ...spec,
    generatedHeaders: files,
    user: {
      ...spec.user,
      macros: [...spec.user.macros, { kind: "define", name: "GENOFFSET", value: "1" }],
    },
  });
  const { text } = preprocessInBuild(genoffset, `${BUILD_DIR}/${GENOFFSET_SOURCE}`);
  const engine = new LayoutEngine(parseForLayout(text, spec.target), spec.target);
  const present = new Set(engine.layoutOf("struct thread").fields.map((f) => f.name));
  const members = threadLiteMembers.filter((m) => present.has(m));
  return renderOffsetInclude(engine, "thread", members);
}

export async function kernelConfiguration(
  request: ConfigurationRequest,
  target: TargetDescription,
  file: string,
  macros: MacroFlag[],
): Promise<Configuration> {
  const sysDir = resolve(request.sys!);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${request.sys} (--sys)`);
  let optionHeaders: Map<string, string> | undefined;
  if (request.kernconf !== undefined) {
    const loaded = loadKernelConfig({ sysDir, kernconf: request.kernconf, arch: target.machine });
    if (hasErrors(loaded.diagnostics)) throw new DiagnosticError(loaded.diagnostics);
    optionHeaders = new Map(Object.entries(loaded.resolved.headers));
  }
  const spec: KernelBuildSpec = {
    sysDir,
    target,
    mode: request.mode,
    optionHeaders,
    generatedHeaders: generatedBuildHeaders(sysDir),
    release: request.release === undefined ? undefined : parseRelease(request.release),
    user: { macros, includeDirs: request.includeDirs.map((d) => resolve(d)) },
  };
  if (needsOffsetInclude(sysDir, spec)) {
    spec.generatedHeaders = new Map([
      ...spec.generatedHeaders!,
      ["offset.inc", generateOffsetInclude(spec)],
    ]);
  }
  const plan = planKernelBuild(spec);
  const { text } = preprocessInBuild(plan, file);
  const layout = plan.createClangLayout();
  try {
    const unit = parseForLayout(text, target, makePathResolver(sysDir, [layout.buildDir, sysDir]));
    return {
      unit,
      target,
      compilerArgs: layout.args,
      source: { includePath: file },
      dispose: layout.dispose,
    };
  } catch (e) {
    layout.dispose();
    throw e;
  }
}
