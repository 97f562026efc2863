// Pipeline glue shared by the commands that run several stages in a row.
export {
  completeFrontEnd,
  frontEndParseOptions,
  preprocessFrontEnd,
  runFrontEnd,
  type FrontEndResult,
  type FrontEndSpec,
  type ParsedFrontEnd,
  type PreprocessedFrontEnd,
  type TextPieces,
} from "./front-end.js";
export { loadKernelOptions, type KernelOptions } from "./kernel-options.js";
export { headerPathResolver } from "./header-paths.js";
export { generateOffsetInclude, needsOffsetInclude, withOffsetInclude } from "./offset-include.js";
export {
  ignoreProgress,
  type PipelineStage,
  type ProgressEvent,
  type ProgressListener,
} from "./progress.js";
