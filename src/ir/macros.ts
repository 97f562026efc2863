// Macros: the preprocessor's table as input, and what the front end makes of it.
import type { SourceLocation } from "../diagnostics/index.js";
import type { DeclLocation } from "./decls.js";
import type { IntegerKind } from "./types.js";

/** One entry of the preprocessor's macro table (the state at the end of the unit). */
export interface MacroDefinition {
  name: string;
  /** Parameter names for a function-like macro (`...` spelled as "..."); null if object-like. */
  params: string[] | null;
  /** Replacement list as written, whitespace-normalized. */
  body: string;
  location?: SourceLocation;
  /** False when the table records an #undef. */
  defined: boolean;
}

export interface IntegerMacro {
  kind: "integer";
  name: string;
  /** Decimal string: values can exceed 2^53. */
  value: string;
  type: IntegerKind;
  location: DeclLocation | null;
}

export interface StringMacro {
  kind: "string";
  name: string;
  /** The decoded string (escapes resolved, adjacent literals joined). */
  value: string;
  location: DeclLocation | null;
}

export type MacroConstant = IntegerMacro | StringMacro;

export interface FunctionMacro {
  name: string;
  params: string[];
  body: string;
  location: DeclLocation | null;
}

export interface MacroSummary {
  constants: MacroConstant[];
  functionLike: FunctionMacro[];
  /** Object-like macros that are not constants (types, statements, ...), with the reason. */
  other: { name: string; reason: string }[];
}
