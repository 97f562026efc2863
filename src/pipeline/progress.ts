// Progress of a long run as plain events: stages report them, the CLI decides whether and how
// to show them (a status line on a terminal, nothing when piped or --quiet, timings with
// --verbose).

export type PipelineStage =
  | "kernconf"
  | "preprocess"
  | "parse"
  | "layout"
  | "emit"
  | "format"
  | "cache"
  | "write";

export interface ProgressEvent {
  /** "start" and "end" bracket a stage; "tick" reports headway inside one. */
  phase: "start" | "end" | "tick";
  stage: PipelineStage;
  /** Target name, for the stages that run once per target. */
  target?: string;
  /** Headers read so far in this target's preprocessing. */
  headers?: number;
  /** On "end": milliseconds the stage took. */
  ms?: number;
  /** On "end" of "cache": whether the result came from the cache. */
  hit?: boolean;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** The listener that ignores everything, for callers that do not show progress. */
export const ignoreProgress: ProgressListener = () => {};
