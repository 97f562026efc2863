// The layout stage: record sizes, alignments, field offsets, bitfield positions and gaps,
// computed per target the way the C compiler lays records out.
export type * from "./types.js";
export { LayoutEngine, recordLayoutProvider } from "./engine.js";
export { flattenMembers, type FlattenSource } from "./flatten.js";
export {
  placeRecord,
  type FieldInput,
  type RecordInput,
  type RecordPlacement,
} from "./record-builder.js";
export { measureType, type TypeMetrics } from "./type-metrics.js";
export { spellType } from "./type-spelling.js";
export { recordSpellings } from "./record-names.js";
export { renderRecordText, type RenderOptions } from "./render-text.js";
export { layoutsToJson } from "./render-json.js";
export { renderOffsetInclude, threadLiteMembers } from "./offset-include.js";
