// Taking a snapshot: the front end on one configuration, then the pure conversion.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fail, type Diagnostic } from "../diagnostics/index.js";
import { DEFAULT_WRAPPER } from "../emit/rust/index.js";
import { runFrontEnd, type ProgressListener } from "../pipeline/index.js";
import type { BuildMode } from "../preprocess/kernel-build/index.js";
import { getTarget, parseTargetName } from "../targets/index.js";
import { buildSnapshot } from "./build.js";
import type { Snapshot } from "./format.js";
import { toolVersion } from "./tool-version.js";

export interface SnapshotRequest {
  sys: string;
  arch: string;
  mode: BuildMode;
  kernconf?: string;
  /** The header to bind; the built-in core-KPI wrapper when absent. */
  header?: string;
  onProgress?: ProgressListener;
}

export interface TakenSnapshot {
  snapshot: Snapshot;
  /** Warnings from the front end. */
  diagnostics: Diagnostic[];
}

/** What provenance records for the built-in wrapper (its temporary path would vary). */
export const BUILT_IN_WRAPPER = "<built-in wrapper>";

function withHeader<T>(header: string | undefined, body: (path: string) => T): T {
  if (header !== undefined) {
    const path = resolve(header);
    if (!existsSync(path) || !statSync(path).isFile()) fail(`header not found: ${header}`);
    return body(path);
  }
  const dir = mkdtempSync(join(tmpdir(), "kpi-snapshot-"));
  try {
    const path = join(dir, "kpi_wrapper.h");
    writeFileSync(path, DEFAULT_WRAPPER);
    return body(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function takeSnapshot(request: SnapshotRequest): TakenSnapshot {
  const sysDir = resolve(request.sys);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${request.sys}`);
  const target = getTarget(parseTargetName(request.arch));
  return withHeader(request.header, (header) => {
    const front = runFrontEnd({
      sysDir,
      target,
      mode: request.mode,
      kernconf: request.kernconf,
      header,
      onProgress: request.onProgress,
    });
    const snapshot = buildSnapshot({
      front,
      kernconf: request.kernconf ?? null,
      tool: toolVersion(),
    });
    if (request.header === undefined) snapshot.provenance.header = BUILT_IN_WRAPPER;
    return { snapshot, diagnostics: front.diagnostics };
  });
}
