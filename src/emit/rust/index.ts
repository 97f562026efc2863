// The Rust emitter: IR and layouts of one target in, the items of its module out, plus the
// crate's files around the modules (src/generate runs it for each target and assembles).
export { DEFAULT_WRAPPER } from "./default-wrapper.js";
export { NO_PATTERNS, type ItemPatterns } from "./selection.js";
export { integerConstantType } from "./constants.js";
export { crateFiles, moduleHeader, type CrateSpec, type CrateTarget } from "./crate.js";
export { kobjMethodTypeNames } from "./kobj-methods.js";
export { provenanceLines } from "./provenance.js";
export { parseConfigFile, mergePatterns, checkPattern } from "./config-file.js";
export {
  emitArchDeclarations,
  emitArchModule,
  type ArchModule,
  type DeclaredModule,
} from "./arch-module.js";
export { renderChunks } from "./chunks.js";
export { formatChunks } from "./rustfmt.js";
export { SUPPORT_ITEMS } from "./support-items.js";
