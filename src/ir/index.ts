// The front end's published model: plain types only, documented in docs/ir.md.
export type * from "./types.js";
export type * from "./decls.js";
export type * from "./macros.js";
export type * from "./unit.js";
export type * from "./layout-query.js";
