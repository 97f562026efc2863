// One target's share of `generate`: the front end, the Rust module and its C wrappers, as
// plain data that can cross a worker boundary and be stored in the cache.
import { join } from "node:path";
import { warning, type Diagnostic } from "../diagnostics/index.js";
import type { MacroSummary } from "../ir/index.js";
import {
  emitArchDeclarations,
  type ArchModule,
  formatChunks,
  kobjMethodTypeNames,
  moduleHeader,
  provenanceLines,
  renderChunks,
  type ItemPatterns,
} from "../emit/rust/index.js";
import { listInterfaces, vnodeOpsSource } from "../kobj/index.js";
import {
  ignoreProgress,
  runFrontEnd,
  type FrontEndSpec,
  type ParsedFrontEnd,
  type ProgressListener,
} from "../pipeline/index.js";
import type { BuildMode, RealFileCache, UserFlags } from "../preprocess/kernel-build/index.js";
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

/**
 * The files the kobj stage reads: the build's list of interface files (found or not), the
 * interface descriptions it names (a listed one missing included, as creating it adds a
 * header) and the scripts whose dialect it follows.
 */
function kobjInputs(sysDir: string, machine: string, mode: BuildMode): string[] {
  const { files: interfaces, lists, missing } = listInterfaces(sysDir, { machine, mode });
  const files = [...lists, ...interfaces, ...missing].map((f) => join(sysDir, f));
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

/** Builds one target; targets built with the same `files` read each file of the tree once. */
export function buildTarget(
  job: TargetJob,
  onProgress: ProgressListener = ignoreProgress,
  files?: RealFileCache,
): TargetOutput {
  const start = performance.now();
  const front = runFrontEnd(frontEndSpecOf(job, onProgress), files);
  return emitTarget(job, front, performance.now() - start, onProgress);
}

/** The rest of a target once its front end ran (in `frontEndMs`): the Rust module and C wrappers. */
export function emitTarget(
  job: TargetJob,
  front: ParsedFrontEnd,
  frontEndMs: number,
  onProgress: ProgressListener = ignoreProgress,
): TargetOutput {
  return emitDeclarations(job, front, onProgress).finish(front.unit.macros, frontEndMs);
}

/** A target with every item emitted but its macro constants (see DeclaredModule). */
export interface DeclaredTarget {
  /** Adds the unit's macros and gives the target's output; its front end took `frontEndMs`. */
  finish(macros: MacroSummary, frontEndMs: number): TargetOutput;
}

/**
 * Emits the items of `front`'s declarations, which do not need the macros: a back end can
 * do this while the macro table is still being classified.
 */
export function emitDeclarations(
  job: TargetJob,
  front: ParsedFrontEnd,
  onProgress: ProgressListener = ignoreProgress,
): DeclaredTarget {
  const target = front.spec.target;
  let start = performance.now();
  onProgress({ phase: "start", stage: "emit", target: target.name });
  const kobj = kobjMethodTypeNames(job.sysDir, target.machine, job.mode);
  const declared = emitArchDeclarations(
    front.unit,
    front.layouts,
    job.patterns,
    WRAPPER_FILE,
    kobj,
  );
  const declaredMs = performance.now() - start;
  return {
    finish(macros, frontEndMs) {
      start = performance.now();
      front.unit.macros = macros;
      const module = declared.finish(macros.constants);
      const emitDone = performance.now();
      const emitMs = declaredMs + emitDone - start;
      onProgress({ phase: "end", stage: "emit", target: target.name, ms: emitMs });
      onProgress({ phase: "start", stage: "format", target: target.name });
      if (job.format !== "none") formatChunks(module.chunks, job.format === "all");
      const formatDone = performance.now();
      const formatMs = formatDone - emitDone;
      onProgress({ phase: "end", stage: "format", target: target.name, ms: formatMs });
      return targetOutput(job, front, module, {
        [`${target.name}:front-end`]: frontEndMs,
        [`${target.name}:emit`]: emitMs,
        [`${target.name}:rustfmt`]: formatMs,
      });
    },
  };
}

function targetOutput(
  job: TargetJob,
  front: ParsedFrontEnd,
  module: ArchModule,
  timings: Record<string, number>,
): TargetOutput {
  const target = front.spec.target;
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
      ...kobjInputs(job.sysDir, target.machine, job.mode),
    ],
    timings,
  };
}
