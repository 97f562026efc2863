// Builtin type specifier words (`unsigned long int`, `char`, `__int128`) to one BuiltinKind.
import type { BuiltinKind } from "../ir/index.js";

export const BUILTIN_TYPE_WORDS = new Set([
  "void",
  "char",
  "short",
  "int",
  "long",
  "float",
  "double",
  "signed",
  "unsigned",
  "_Bool",
  "__int128",
  "__int128_t",
  "__uint128_t",
  "__builtin_va_list",
  "_Complex",
]);

/** Combines specifier words in any order; null when the combination is not a C type. */
export function builtinFromWords(words: readonly string[]): BuiltinKind | null {
  let longs = 0;
  let signedness: "signed" | "unsigned" | null = null;
  let base: string | null = null;
  let complex = false;
  let short = false;
  for (const w of words) {
    switch (w) {
      case "long":
        longs++;
        break;
      case "short":
        short = true;
        break;
      case "signed":
      case "unsigned":
        signedness = w;
        break;
      case "_Complex":
        complex = true;
        break;
      case "__int128_t":
        base = "__int128";
        break;
      case "__uint128_t":
        base = "__int128";
        signedness = "unsigned";
        break;
      default:
        if (base !== null && !(base === "int" && w === "int")) return null;
        base = w;
    }
  }
  if (base === "void" || base === "_Bool" || base === "__builtin_va_list") {
    return longs === 0 && !short && signedness === null && !complex ? base : null;
  }
  if (base === "float" || base === "double") {
    const f = base === "double" && longs === 1 ? "long double" : base;
    if (short || signedness !== null || (base === "float" && longs > 0) || longs > 1) return null;
    return complex ? (`${f} _Complex` as BuiltinKind) : f;
  }
  if (complex) return base === null && longs === 0 && !short ? "double _Complex" : null;
  const u = signedness === "unsigned" ? "unsigned " : "";
  if (base === "char") {
    if (short || longs > 0) return null;
    return signedness === null ? "char" : signedness === "signed" ? "signed char" : "unsigned char";
  }
  if (base === "__int128") return short || longs > 0 ? null : (`${u}__int128` as BuiltinKind);
  if (base !== null && base !== "int") return null;
  if (short) return longs > 0 ? null : (`${u}short` as BuiltinKind);
  if (longs === 1) return `${u}long` as BuiltinKind;
  if (longs === 2) return `${u}long long` as BuiltinKind;
  if (longs > 2) return null;
  return `${u}int` as BuiltinKind;
}
