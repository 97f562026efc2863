// One target's share of `generate`: the front end, the Rust module and its C wrappers, as
// plain data that can cross a worker boundary and be stored in the cache.
import { join } from "node:path";
import { warning, type Diagnostic } from "../diagnostics/index.js";
import {
  emitArchModule,
  formatChunks,
  kobjMethodTypeNames,
  moduleHeader,
  provenanceLines,
  renderChunks,
  type ItemPatterns,
} from "../emit/rust/index.js";
import { listInterfaceFiles, vnodeOpsSource } from "../kobj/index.js";
import {
  ignoreProgress,
  runFrontEnd,
  type FrontEndSpec,
  type ParsedFrontEnd,
  type ProgressListener,
} from "../pipeline/index.js";
import type { BuildMode, UserFlags } from "../preprocess/kernel-build/index.js";
import { getTarget, type TargetName } from "../targets/index.js";

/** The name under which the crate's C files include the wrapper header. */
export const WRAPPER_FILE = "kpi_wrapper.h";

/**
 * How rustfmt is used: the emitter writes every item in rustfmt's shape itself, so by
 * default rustfmt only sees an item the emitter could not shape ("unshaped"); "all" runs it
 * over everything, "none" never.
 */
export type RustfmtUse = "none" | "unshaped" | "all";

export interface TargetJob {
  sysDir: string;
  target: TargetName;
  mode: BuildMode;
  kernconf?: string;
  /** Absolute path of the header the front end reads. */
  header: string;
  user?: UserFlags;
  /** Directories of the headers the wrapper includes by absolute path. */
  includeRoots?: string[];
  patterns: ItemPatterns;
  format: RustfmtUse;
}

export interface TargetOutput {
  name: string;
  rustTargetArch: string;
  endian: "little" | "big";
  pointerWidth: number;
  provenance: string[];
  /** The module file, header included (see moduleHeader). */
  rust: string;
  wrappersC: string;
  counts: Record<string, number>;
  diagnostics: Diagnostic[];
  /** Every file the output was computed from (absolute paths). */
  dependencies: string[];
  /** Milliseconds per stage, keyed `<target>:<stage>`. */
  timings: Record<string, number>;
}

/** The files the kobj stage reads: interface descriptions and the scripts whose dialect it follows. */
function kobjInputs(sysDir: string): string[] {
  const files = listInterfaceFiles(sysDir).map((f) => join(sysDir, f));
  for (const f of [vnodeOpsSource, "tools/makeobjops.awk", "tools/vnode_if.awk"]) {
    files.push(join(sysDir, f));
  }
  return files;
}

/** What the front end of `job` is run with. */
export function frontEndSpecOf(job: TargetJob, onProgress: ProgressListener): FrontEndSpec {
  return {
    sysDir: job.sysDir,
    target: getTarget(job.target),
    mode: job.mode,
    kernconf: job.kernconf,
    header: job.header,
    user: job.user,
    includeRoots: job.includeRoots,
    onProgress,
  };
}

export function buildTarget(
  job: TargetJob,
  onProgress: ProgressListener = ignoreProgress,
): TargetOutput {
  const start = performance.now();
  const front = runFrontEnd(frontEndSpecOf(job, onProgress));
  return emitTarget(job, front, performance.now() - start, onProgress);
}

/** The rest of a target once its front end ran (in `frontEndMs`): the Rust module and C wrappers. */
export function emitTarget(
  job: TargetJob,
  front: ParsedFrontEnd,
  frontEndMs: number,
  onProgress: ProgressListener = ignoreProgress,
): TargetOutput {
  const target = front.spec.target;
  const frontDone = performance.now();
  onProgress({ phase: "start", stage: "emit", target: target.name });
  const kobj = kobjMethodTypeNames(job.sysDir, target.machine);
  const module = emitArchModule(front.unit, front.layouts, job.patterns, WRAPPER_FILE, kobj);
  const emitDone = performance.now();
  onProgress({ phase: "end", stage: "emit", target: target.name, ms: emitDone - frontDone });
  onProgress({ phase: "start", stage: "format", target: target.name });
  if (job.format !== "none") formatChunks(module.chunks, job.format === "all");
  const formatDone = performance.now();
  onProgress({ phase: "end", stage: "format", target: target.name, ms: formatDone - emitDone });

  // A record without a layout is only usable behind pointers: say which and why.
  const diagnostics: Diagnostic[] = [
    ...front.diagnostics,
    ...module.layoutDiagnostics.map((d) => ({ ...d, severity: "warning" as const })),
  ];
  if (module.unlaidOut.length) {
    diagnostics.push(
      warning(
        `${target.name}: ${module.unlaidOut.length} record(s) could not be laid out and are emitted as zero-sized placeholders: ${module.unlaidOut.join(", ")}`,
      ),
    );
  }
  const provenance = provenanceLines(front, job.kernconf);
  return {
    name: target.name,
    rustTargetArch: target.rustTargetArch,
    endian: target.abi.endian,
    pointerWidth: target.abi.scalars.pointer.size * 8,
    provenance,
    rust: renderChunks(module.chunks, moduleHeader(target.name, provenance)),
    wrappersC: module.wrappersC,
    counts: module.counts,
    diagnostics,
    dependencies: [
      // The release comes from sys/param.h whether or not the wrapper includes it.
      join(job.sysDir, "sys", "param.h"),
      ...front.dependencies,
      // A header created earlier on the include path than the one read would shadow it.
      ...front.missing,
      ...(front.kernelOptions?.filesRead ?? []),
      ...kobjInputs(job.sysDir),
    ],
    timings: {
      [`${target.name}:front-end`]: frontEndMs,
      [`${target.name}:emit`]: emitDone - frontDone,
      [`${target.name}:rustfmt`]: formatDone - emitDone,
    },
  };
}
