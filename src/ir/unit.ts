// A whole translation unit's declarations, in source order within each list.
import type {
  EnumDecl,
  FunctionDecl,
  RecordDecl,
  StaticAssertDecl,
  TypedefDecl,
  VariableDecl,
} from "./decls.js";
import type { MacroSummary } from "./macros.js";

export interface TranslationUnit {
  /** Target name the unit was parsed for (e.g. "amd64"); affects evaluated constants. */
  target: string;
  records: RecordDecl[];
  enums: EnumDecl[];
  typedefs: TypedefDecl[];
  functions: FunctionDecl[];
  variables: VariableDecl[];
  staticAsserts: StaticAssertDecl[];
  macros: MacroSummary;
}
