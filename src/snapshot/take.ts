// Taking a snapshot: the front end on one configuration, then the pure conversion.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fail, type Diagnostic } from "../diagnostics/index.js";
import { runFrontEnd } from "../pipeline/index.js";
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
  header: string;
}

export interface TakenSnapshot {
  snapshot: Snapshot;
  /** Warnings from the front end. */
  diagnostics: Diagnostic[];
}

export function takeSnapshot(request: SnapshotRequest): TakenSnapshot {
  const sysDir = resolve(request.sys);
  if (!existsSync(sysDir) || !statSync(sysDir).isDirectory())
    fail(`kernel source tree not found: ${request.sys}`);
  const header = resolve(request.header);
  if (!existsSync(header) || !statSync(header).isFile())
    fail(`header not found: ${request.header}`);
  const front = runFrontEnd({
    sysDir,
    target: getTarget(parseTargetName(request.arch)),
    mode: request.mode,
    kernconf: request.kernconf,
    header,
  });
  const snapshot = buildSnapshot({
    front,
    kernconf: request.kernconf ?? null,
    tool: toolVersion(),
  });
  return { snapshot, diagnostics: front.diagnostics };
}
