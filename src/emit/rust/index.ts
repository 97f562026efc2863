// The Rust emitter: runs the front end for every requested target and turns the results
// into the files of the freebsd-kpi crate (paths relative to the crate root).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { warning, type Diagnostic } from "../../diagnostics/index.js";
import { ignoreProgress, runFrontEnd, type ProgressListener } from "../../pipeline/index.js";
import type { BuildMode } from "../../preprocess/kernel-build/index.js";
import type { TargetDescription } from "../../targets/index.js";
import { emitArchModule } from "./arch-module.js";
import { crateFiles, type CrateTarget } from "./crate.js";
import { kobjMethodTypeNames } from "./kobj-methods.js";
import { provenanceLines } from "./provenance.js";
import { renderChunks } from "./chunks.js";
import { formatChunks } from "./rustfmt.js";
import type { ItemPatterns } from "./selection.js";

export { DEFAULT_WRAPPER } from "./default-wrapper.js";
export { NO_PATTERNS, type ItemPatterns } from "./selection.js";
export { integerConstantType } from "./constants.js";

export interface GenerateSpec {
  sysDir: string;
  targets: TargetDescription[];
  mode: BuildMode;
  kernconf?: string;
  /** Text of the wrapper header (the built-in one or the user's headers joined). */
  wrapperHeader: string;
  /**
   * What the front end reads instead, when `wrapperHeader` joins the contents of files: the
   * same headers by `#include`, so diagnostics point into them rather than into the copy.
   */
  frontEndWrapper?: string;
  patterns: ItemPatterns;
  crateName?: string;
  /** Run rustfmt over the Rust files when available (default true). */
  format?: boolean;
  onProgress?: ProgressListener;
}

export interface GenerateResult {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
  counts: Record<string, Record<string, number>>;
}

export const WRAPPER_FILE = "kpi_wrapper.h";

export function generateCrate(spec: GenerateSpec): GenerateResult {
  const diagnostics: Diagnostic[] = [];
  const timings: Record<string, number> = {};
  const counts: Record<string, Record<string, number>> = {};
  const scratch = mkdtempSync(join(tmpdir(), "kpi-bindgen-generate-"));
  try {
    const header = join(scratch, WRAPPER_FILE);
    writeFileSync(header, spec.frontEndWrapper ?? spec.wrapperHeader);
    const targets: CrateTarget[] = [];
    const progress = spec.onProgress ?? ignoreProgress;
    for (const target of spec.targets) {
      const start = performance.now();
      const front = runFrontEnd({
        sysDir: spec.sysDir,
        target,
        mode: spec.mode,
        kernconf: spec.kernconf,
        header,
        onProgress: progress,
      });
      diagnostics.push(...front.diagnostics);
      const frontDone = performance.now();
      progress({ phase: "start", stage: "emit", target: target.name });
      const kobj = kobjMethodTypeNames(spec.sysDir, target.machine);
      const module = emitArchModule(front.unit, front.layouts, spec.patterns, WRAPPER_FILE, kobj);
      const emitDone = performance.now();
      progress({ phase: "end", stage: "emit", target: target.name, ms: emitDone - frontDone });
      progress({ phase: "start", stage: "format", target: target.name });
      if (spec.format !== false) formatChunks(module.chunks);
      progress({
        phase: "end",
        stage: "format",
        target: target.name,
        ms: performance.now() - emitDone,
      });
      timings[`${target.name}:front-end`] = frontDone - start;
      timings[`${target.name}:emit`] = emitDone - frontDone;
      timings[`${target.name}:rustfmt`] = performance.now() - emitDone;
      counts[target.name] = module.counts;
      // A record without a layout is only usable behind pointers: say which and why.
      diagnostics.push(
        ...module.layoutDiagnostics.map((d) => ({ ...d, severity: "warning" as const })),
      );
      if (module.unlaidOut.length) {
        diagnostics.push(
          warning(
            `${target.name}: ${module.unlaidOut.length} record(s) could not be laid out and are emitted as zero-sized placeholders: ${module.unlaidOut.join(", ")}`,
          ),
        );
      }
      targets.push({
        name: target.name,
        rustTargetArch: target.rustTargetArch,
        endian: target.abi.endian,
        pointerWidth: target.abi.scalars.pointer.size * 8,
        provenance: provenanceLines(front, spec.kernconf),
        module,
        rust: renderChunks(module.chunks),
      });
    }
    const files = crateFiles({
      crateName: spec.crateName ?? "freebsd-kpi",
      version: "0.1.0",
      targets,
      wrapperHeader: spec.wrapperHeader,
    });
    return { files, diagnostics, timings, counts };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
export { parseConfigFile, mergePatterns, checkPattern } from "./config-file.js";
export { emitArchModule, type ArchModule } from "./arch-module.js";
export { renderChunks } from "./chunks.js";
export { formatChunks } from "./rustfmt.js";
export { SUPPORT_ITEMS } from "./support-items.js";
