// offset.inc: kernel-mode compiles of trees with sys/kpilite.h include it for the offsets of
// struct thread's exported members. The kernel build makes it from a GENOFFSET compile of
// sys/proc.h; the pipeline does the same with our own preprocessor, parser and layout.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { hasErrors, DiagnosticError } from "../diagnostics/index.js";
import {
  LayoutEngine,
  recordLayoutProvider,
  renderOffsetInclude,
  threadLiteMembers,
} from "../layout/index.js";
import { parseTranslationUnitLenient } from "../parse/index.js";
import {
  BUILD_DIR,
  copyTexts,
  LazyTexts,
  planKernelBuild,
  preprocessInBuild,
  type KernelBuildSpec,
} from "../preprocess/kernel-build/index.js";

/** offset.inc and the real files its GENOFFSET compile read. */
export interface OffsetInclude {
  text: string;
  dependencies: string[];
}

const GENOFFSET_SOURCE = "kpi_genoffset.c";

/** Whether kernel-mode compiles of this tree read a generated offset.inc. */
export function needsOffsetInclude(sysDir: string, spec: Pick<KernelBuildSpec, "mode">): boolean {
  return spec.mode === "kernel" && existsSync(join(sysDir, "sys", "kpilite.h"));
}

/** offset.inc for a build: struct thread laid out by a GENOFFSET compile of sys/proc.h. */
export function generateOffsetInclude(spec: KernelBuildSpec): OffsetInclude {
  const files = new LazyTexts();
  copyTexts(files, spec.generatedHeaders ?? new Map());
  files.set(GENOFFSET_SOURCE, "#include <sys/param.h>\n#include <sys/proc.h>\n");
  const genoffset = planKernelBuild({
    ...spec,
    generatedHeaders: files,
    user: {
      ...spec.user,
      macros: [...spec.user.macros, { kind: "define", name: "GENOFFSET", value: "1" }],
    },
  });
  const { text, dependencies } = preprocessInBuild(genoffset, `${BUILD_DIR}/${GENOFFSET_SOURCE}`);
  const parsed = parseTranslationUnitLenient(text, {
    target: spec.target.name,
    abi: spec.target.abi,
    recordLayout: recordLayoutProvider(spec.target),
  });
  if (hasErrors(parsed.diagnostics)) {
    throw new DiagnosticError(parsed.diagnostics.filter((d) => d.severity === "error"));
  }
  const engine = new LayoutEngine(parsed.unit, spec.target);
  const present = new Set(engine.layoutOf("struct thread").fields.map((f) => f.name));
  const members = threadLiteMembers.filter((m) => present.has(m));
  return { text: renderOffsetInclude(engine, "thread", members), dependencies };
}

/**
 * The spec with offset.inc added to its generated headers when the build needs one. It is
 * made only if a translation unit reads it (a GENOFFSET compile is a whole front-end run);
 * `onDependencies` then receives the files that compile read.
 */
export function withOffsetInclude(
  spec: KernelBuildSpec,
  onDependencies: (paths: string[]) => void = () => {},
): KernelBuildSpec {
  if (!needsOffsetInclude(spec.sysDir, spec)) return spec;
  const headers = new LazyTexts();
  copyTexts(headers, spec.generatedHeaders ?? new Map());
  headers.setLazy("offset.inc", () => {
    const made = generateOffsetInclude(spec);
    onDependencies(made.dependencies);
    return made.text;
  });
  return { ...spec, generatedHeaders: headers };
}
