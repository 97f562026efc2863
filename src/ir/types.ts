// The C type model every stage after the parser reads. Plain data: a tagged union that
// serializes to JSON as-is and is walked with a switch on `kind`.

/** Integer, floating and special scalar types, spelled as C spells them canonically. */
export type IntegerKind =
  | "_Bool"
  | "char"
  | "signed char"
  | "unsigned char"
  | "short"
  | "unsigned short"
  | "int"
  | "unsigned int"
  | "long"
  | "unsigned long"
  | "long long"
  | "unsigned long long"
  | "__int128"
  | "unsigned __int128";

export type FloatKind = "float" | "double" | "long double";

export type BuiltinKind =
  | "void"
  | IntegerKind
  | FloatKind
  | "float _Complex"
  | "double _Complex"
  | "long double _Complex"
  | "__builtin_va_list";

/** Qualifiers ride on the type they qualify; absent means false. */
export interface Qualifiers {
  const?: true;
  volatile?: true;
  restrict?: true;
  atomic?: true;
  /** Clang nullability on a pointer (`_Nonnull`, `_Nullable`, `_Null_unspecified`). */
  nullability?: "nonnull" | "nullable" | "unspecified";
}

export interface BuiltinType extends Qualifiers {
  kind: "builtin";
  name: BuiltinKind;
}

export interface PointerType extends Qualifiers {
  kind: "pointer";
  pointee: CType;
}

export interface ArrayType extends Qualifiers {
  kind: "array";
  element: CType;
  /** Evaluated element count; null for an incomplete array (`x[]`, flexible member). */
  length: number | null;
  /**
   * Present (with the bound as written) when the bound needs record layout that was not
   * supplied to the parser; `length` is then null although the array is not incomplete.
   */
  unevaluatedLength?: string;
}

export interface FunctionParam {
  /** Null when the declaration names no parameter. */
  name: string | null;
  type: CType;
}

export interface FunctionType extends Qualifiers {
  kind: "function";
  returnType: CType;
  params: FunctionParam[];
  variadic: boolean;
  /** False for an old-style `f()` declaration, which says nothing about parameters. */
  prototyped: boolean;
}

/** A struct or union, by the identity of its RecordDecl (see RecordDecl.id). */
export interface RecordRefType extends Qualifiers {
  kind: "record";
  recordKind: "struct" | "union";
  id: string;
}

export interface EnumRefType extends Qualifiers {
  kind: "enum";
  id: string;
}

/** A use of a typedef name; resolve through TranslationUnit.typedefs. */
export interface TypedefRefType extends Qualifiers {
  kind: "typedef";
  name: string;
}

export type CType =
  | BuiltinType
  | PointerType
  | ArrayType
  | FunctionType
  | RecordRefType
  | EnumRefType
  | TypedefRefType;
