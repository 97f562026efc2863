// The diff stage: two snapshots in, classified API/ABI changes out, in four formats.
export type * from "./model.js";
export { CATEGORIES, SEVERITIES, changeSubject } from "./model.js";
export { diffSnapshots, summarize, type DiffOptions } from "./diff.js";
export {
  exitStatus,
  FAIL_ON_LEVELS,
  EXIT_ERROR,
  EXIT_USAGE,
  EXIT_GATE,
  EXIT_API_BREAK,
  EXIT_ABI_BREAK,
  type FailOn,
} from "./exit-status.js";
export * from "./render/index.js";
