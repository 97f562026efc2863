// Spelling C types as Rust types, in the shapes bindgen emits: core::ffi integers, raw
// pointers (`*const` when the pointee is const), sized arrays, nullable function pointers.
import type { BuiltinKind, CType, FunctionType } from "../../ir/index.js";
import type { TypeNames } from "./naming.js";
import { rustIdent } from "./keywords.js";

const FFI = "::core::ffi::";

const BUILTINS: Partial<Record<BuiltinKind, string>> = {
  void: `${FFI}c_void`,
  _Bool: "bool",
  char: `${FFI}c_char`,
  "signed char": `${FFI}c_schar`,
  "unsigned char": `${FFI}c_uchar`,
  short: `${FFI}c_short`,
  "unsigned short": `${FFI}c_ushort`,
  int: `${FFI}c_int`,
  "unsigned int": `${FFI}c_uint`,
  long: `${FFI}c_long`,
  "unsigned long": `${FFI}c_ulong`,
  "long long": `${FFI}c_longlong`,
  "unsigned long long": `${FFI}c_ulonglong`,
  __int128: "i128",
  "unsigned __int128": "u128",
  float: "f32",
  double: "f64",
};

/** Builtins with no Rust counterpart; they become blobs of the right size and alignment. */
export const OPAQUE_BUILTINS = new Set<BuiltinKind>([
  "long double",
  "float _Complex",
  "double _Complex",
  "long double _Complex",
  "__builtin_va_list",
]);

/** va_list's layout is target-specific and only passed along: an opaque alias of that name. */
export const VA_LIST = "__builtin_va_list";

/** A field-free stand-in of `size` bytes aligned to `align`: an array of unsigned integers. */
export function blobType(size: number, align: number): string {
  const unit = Math.min(Math.max(align, 1), 16);
  const count = Math.ceil(size / unit);
  const element = unit === 1 ? "u8" : `u${unit * 8}`;
  return `[${element}; ${count}usize]`;
}

export interface TypeSpeller {
  rust(type: CType): string;
  /** `fn(...) -> T` signature text (without `unsafe extern "C"`). */
  signature(fn: FunctionType, paramNames?: (string | null)[]): string;
  /** Each parameter as `name: Type` (and `...` for a variadic function). */
  params(fn: FunctionType, paramNames?: (string | null)[]): string[];
  /** The return type, null for `void`. */
  returnType(fn: FunctionType): string | null;
}

export function typeSpeller(
  names: TypeNames,
  measure: (type: CType) => { size: number; align: number },
  resolve: (type: CType) => CType,
  vaListParameter?: string,
  plainFnTypedefs: Set<string> = new Set(),
): TypeSpeller {
  const rust = (type: CType): string => {
    switch (type.kind) {
      case "builtin": {
        const known = BUILTINS[type.name];
        if (known) return known;
        if (type.name === "__builtin_va_list") return VA_LIST;
        const m = measure(type);
        return blobType(m.size, m.align);
      }
      case "record":
      case "enum":
        return names.ofTag(type.id);
      case "typedef":
        return names.ofTypedef(type.name);
      case "pointer": {
        const pointee = type.pointee;
        if (pointee.kind === "function") return `::core::option::Option<${fnPointer(pointee)}>`;
        // A pointer to a function typedef is the typedef itself, already a nullable pointer.
        if (pointee.kind === "typedef" && resolve(pointee).kind === "function") {
          const named = rust(pointee);
          return plainFnTypedefs.has(pointee.name) ? `::core::option::Option<${named}>` : named;
        }
        const mutability = pointee.const ? "*const" : "*mut";
        return `${mutability} ${rust(pointee)}`;
      }
      case "array":
        return `[${rust(type.element)}; ${type.length ?? 0}usize]`;
      case "function":
        // A bare function type only appears behind a typedef; Rust has no unsized fn type,
        // so it is spelled as a nullable function pointer, as bindgen does.
        return `::core::option::Option<${fnPointer(type)}>`;
    }
  };

  const returnType = (fn: FunctionType): string | null => {
    const ret = fn.returnType;
    return ret.kind === "builtin" && ret.name === "void" ? null : rust(ret);
  };

  const params = (fn: FunctionType, paramNames?: (string | null)[]): string[] => {
    const list: string[] = [];
    let index = 0;
    const fnParams = fn.params;
    for (let i = 0; i < fnParams.length; i++) {
      const p = fnParams[i]!;
      if (p.type.kind === "builtin" && p.type.name === "void") continue;
      const given = paramNames ? paramNames[index] : p.name;
      const name = given ? rustIdent(given) : `arg${index + 1}`;
      index++;
      const resolved = p.type.kind === "typedef" ? resolve(p.type) : p.type;
      const isVaList = resolved.kind === "builtin" && resolved.name === "__builtin_va_list";
      list.push(`${name}: ${isVaList && vaListParameter ? vaListParameter : rust(decay(p.type))}`);
    }
    if (fn.variadic) list.push("...");
    return list;
  };

  const signature = (fn: FunctionType, paramNames?: (string | null)[]): string => {
    const ret = returnType(fn);
    return `(${params(fn, paramNames).join(", ")})${ret === null ? "" : ` -> ${ret}`}`;
  };

  const fnPointer = (fn: FunctionType): string => {
    return `unsafe extern "C" fn${signature(fn)}`;
  };

  return { rust, signature, params, returnType };
}

/** Array and function parameters are pointers in C. */
function decay(type: CType): CType {
  if (type.kind === "array") return { kind: "pointer", pointee: type.element, const: type.const };
  if (type.kind === "function") return { kind: "pointer", pointee: type };
  return type;
}
