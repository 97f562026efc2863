// Snapshots: the KPI of one configuration as deterministic, versioned JSON (docs/diff.md).
export type * from "./format.js";
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, canonicalOf } from "./format.js";
export { buildSnapshot, type SnapshotInputs } from "./build.js";
export { parseSnapshot, snapshotToJson } from "./serialize.js";
export {
  takeSnapshot,
  BUILT_IN_WRAPPER,
  type SnapshotRequest,
  type TakenSnapshot,
} from "./take.js";
export { toolVersion } from "./tool-version.js";
