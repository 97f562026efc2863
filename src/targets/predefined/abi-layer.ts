// The predefined macros that follow from a target's ABI facts alone: sizes, widths,
// limits, the standard typedefs and their printf formats, byte order, data model,
// floating characteristics and lock-free atomics.
import type { MacroDefinition, TargetAbi } from "../types.js";
import { floatMacros } from "./float-formats.js";
import {
  exactWidthType,
  integerType,
  maxLiteral,
  unsignedOf,
  type IntegerType,
} from "../integer-types.js";

const def = (name: string, value: string | number): MacroDefinition => ({
  name,
  value: String(value),
});
const quoted = (s: string): string => `"${s}"`;

function signedFormats(prefix: string, t: IntegerType): MacroDefinition[] {
  return [
    def(`__${prefix}_FMTd__`, quoted(`${t.lengthModifier}d`)),
    def(`__${prefix}_FMTi__`, quoted(`${t.lengthModifier}i`)),
  ];
}

function unsignedFormats(prefix: string, t: IntegerType): MacroDefinition[] {
  return ["o", "u", "x", "X"].map((c) =>
    def(`__${prefix}_FMT${c}__`, quoted(`${t.lengthModifier}${c}`)),
  );
}

function sizeMacros(abi: TargetAbi): MacroDefinition[] {
  const s = abi.scalars;
  const typeSize = (name: string): number => integerType(abi, name).width / 8;
  const out = [
    def("__CHAR_BIT__", 8),
    def("__SIZEOF_SHORT__", s.short.size),
    def("__SIZEOF_INT__", s.int.size),
    def("__SIZEOF_LONG__", s.long.size),
    def("__SIZEOF_LONG_LONG__", s["long long"].size),
    def("__SIZEOF_POINTER__", s.pointer.size),
    def("__SIZEOF_FLOAT__", s.float.size),
    def("__SIZEOF_DOUBLE__", s.double.size),
    def("__SIZEOF_LONG_DOUBLE__", s["long double"].size),
    def("__SIZEOF_SIZE_T__", typeSize(abi.standardTypes.sizeType)),
    def("__SIZEOF_PTRDIFF_T__", typeSize(abi.standardTypes.ptrdiffType)),
    def("__SIZEOF_WCHAR_T__", typeSize(abi.standardTypes.wcharType)),
    def("__SIZEOF_WINT_T__", typeSize(abi.standardTypes.wintType)),
  ];
  if (s.__int128.size > 0) out.push(def("__SIZEOF_INT128__", s.__int128.size));
  return out;
}

function basicLimits(abi: TargetAbi): MacroDefinition[] {
  const t = (name: string): IntegerType => integerType(abi, name);
  return [
    def("__BOOL_WIDTH__", abi.scalars._Bool.size * 8),
    def("__SCHAR_MAX__", maxLiteral(t("signed char"))),
    def("__SHRT_MAX__", maxLiteral(t("short"))),
    def("__SHRT_WIDTH__", t("short").width),
    def("__INT_MAX__", maxLiteral(t("int"))),
    def("__INT_WIDTH__", t("int").width),
    def("__LONG_MAX__", maxLiteral(t("long int"))),
    def("__LONG_WIDTH__", t("long int").width),
    def("__LONG_LONG_MAX__", maxLiteral(t("long long int"))),
    def("__LLONG_WIDTH__", t("long long int").width),
    def("__POINTER_WIDTH__", abi.scalars.pointer.size * 8),
    // sig_atomic_t is int on every target.
    def("__SIG_ATOMIC_MAX__", maxLiteral(t("int"))),
    def("__SIG_ATOMIC_WIDTH__", t("int").width),
  ];
}

/** size_t, ptrdiff_t, intmax_t, intptr_t, wchar_t, wint_t and their unsigned partners. */
function standardTypedefs(abi: TargetAbi): MacroDefinition[] {
  const st = abi.standardTypes;
  const size = integerType(abi, st.sizeType);
  const ptrdiff = integerType(abi, st.ptrdiffType);
  const intmax = integerType(abi, st.intmaxType);
  const uintmax = integerType(abi, st.uintmaxType);
  const intptr = integerType(abi, st.intptrType);
  const uintptr = unsignedOf(abi, intptr);
  const wchar = integerType(abi, st.wcharType);
  const wint = integerType(abi, st.wintType);
  const out: MacroDefinition[] = [
    def("__SIZE_TYPE__", size.name),
    def("__SIZE_MAX__", maxLiteral(size)),
    def("__SIZE_WIDTH__", size.width),
    ...unsignedFormats("SIZE", size),
    def("__PTRDIFF_TYPE__", ptrdiff.name),
    def("__PTRDIFF_MAX__", maxLiteral(ptrdiff)),
    def("__PTRDIFF_WIDTH__", ptrdiff.width),
    ...signedFormats("PTRDIFF", ptrdiff),
    def("__INTMAX_TYPE__", intmax.name),
    def("__INTMAX_MAX__", maxLiteral(intmax)),
    def("__INTMAX_WIDTH__", intmax.width),
    def("__INTMAX_C_SUFFIX__", intmax.literalSuffix),
    ...signedFormats("INTMAX", intmax),
    def("__UINTMAX_TYPE__", uintmax.name),
    def("__UINTMAX_MAX__", maxLiteral(uintmax)),
    def("__UINTMAX_WIDTH__", uintmax.width),
    def("__UINTMAX_C_SUFFIX__", uintmax.literalSuffix),
    ...unsignedFormats("UINTMAX", uintmax),
    def("__INTPTR_TYPE__", intptr.name),
    def("__INTPTR_MAX__", maxLiteral(intptr)),
    def("__INTPTR_WIDTH__", intptr.width),
    ...signedFormats("INTPTR", intptr),
    def("__UINTPTR_TYPE__", uintptr.name),
    def("__UINTPTR_MAX__", maxLiteral(uintptr)),
    def("__UINTPTR_WIDTH__", uintptr.width),
    ...unsignedFormats("UINTPTR", uintptr),
    def("__WCHAR_TYPE__", wchar.name),
    def("__WCHAR_MAX__", maxLiteral(wchar)),
    def("__WCHAR_WIDTH__", wchar.width),
    def("__WINT_TYPE__", wint.name),
    def("__WINT_MAX__", maxLiteral(wint)),
    def("__WINT_WIDTH__", wint.width),
    def("__CHAR16_TYPE__", "unsigned short"),
    def("__CHAR32_TYPE__", "unsigned int"),
  ];
  if (!wchar.signed) out.push(def("__WCHAR_UNSIGNED__", 1));
  if (!wint.signed) out.push(def("__WINT_UNSIGNED__", 1));
  return out;
}

/** int8_t .. int64_t with their least/fast variants (clang makes those the exact types). */
function fixedWidthTypes(abi: TargetAbi): MacroDefinition[] {
  const out: MacroDefinition[] = [];
  for (const width of [8, 16, 32, 64] as const) {
    const s = exactWidthType(abi, width);
    const u = unsignedOf(abi, s);
    out.push(
      def(`__INT${width}_TYPE__`, s.name),
      def(`__INT${width}_MAX__`, maxLiteral(s)),
      def(`__INT${width}_C_SUFFIX__`, s.literalSuffix),
      ...signedFormats(`INT${width}`, s),
      def(`__UINT${width}_TYPE__`, u.name),
      def(`__UINT${width}_MAX__`, maxLiteral(u)),
      def(`__UINT${width}_C_SUFFIX__`, u.literalSuffix),
      ...unsignedFormats(`UINT${width}`, u),
    );
    for (const variant of ["LEAST", "FAST"]) {
      out.push(
        def(`__INT_${variant}${width}_TYPE__`, s.name),
        def(`__INT_${variant}${width}_MAX__`, maxLiteral(s)),
        def(`__INT_${variant}${width}_WIDTH__`, s.width),
        ...signedFormats(`INT_${variant}${width}`, s),
        def(`__UINT_${variant}${width}_TYPE__`, u.name),
        def(`__UINT_${variant}${width}_MAX__`, maxLiteral(u)),
        ...unsignedFormats(`UINT_${variant}${width}`, u),
      );
    }
  }
  return out;
}

function byteOrderAndModel(abi: TargetAbi): MacroDefinition[] {
  const little = abi.endian === "little";
  const lp64 = abi.scalars.long.size === 8 && abi.scalars.pointer.size === 8;
  const ilp32 =
    abi.scalars.int.size === 4 && abi.scalars.long.size === 4 && abi.scalars.pointer.size === 4;
  const out = [
    def("__ORDER_LITTLE_ENDIAN__", 1234),
    def("__ORDER_BIG_ENDIAN__", 4321),
    def("__ORDER_PDP_ENDIAN__", 3412),
    def("__BYTE_ORDER__", little ? "__ORDER_LITTLE_ENDIAN__" : "__ORDER_BIG_ENDIAN__"),
    def(little ? "__LITTLE_ENDIAN__" : "__BIG_ENDIAN__", 1),
    def("__BIGGEST_ALIGNMENT__", abi.maxAlign),
  ];
  if (lp64) out.push(def("_LP64", 1), def("__LP64__", 1));
  if (ilp32) out.push(def("_ILP32", 1), def("__ILP32__", 1));
  if (!abi.charIsSigned) out.push(def("__CHAR_UNSIGNED__", 1));
  return out;
}

function floating(abi: TargetAbi): MacroDefinition[] {
  return [
    def("__FLT_RADIX__", 2),
    def("__DECIMAL_DIG__", "__LDBL_DECIMAL_DIG__"),
    ...floatMacros("ieee-single", "FLT", "F"),
    ...floatMacros("ieee-double", "DBL", ""),
    ...floatMacros(abi.longDoubleFormat, "LDBL", "L"),
  ];
}

/** An object of `bytes` is lock-free when it fits the widest inline atomic. */
function atomics(abi: TargetAbi): MacroDefinition[] {
  const s = abi.scalars;
  const wchar = integerType(abi, abi.standardTypes.wcharType).width / 8;
  const objects: [string, number][] = [
    ["BOOL", s._Bool.size],
    ["CHAR", s.char.size],
    ["CHAR16_T", 2],
    ["CHAR32_T", 4],
    ["WCHAR_T", wchar],
    ["SHORT", s.short.size],
    ["INT", s.int.size],
    ["LONG", s.long.size],
    ["LLONG", s["long long"].size],
    ["POINTER", s.pointer.size],
  ];
  const lockFree = (bytes: number): number => (bytes * 8 <= abi.maxAtomicInlineWidth ? 2 : 1);
  const out: MacroDefinition[] = [];
  for (const [name, bytes] of objects) {
    out.push(def(`__GCC_ATOMIC_${name}_LOCK_FREE`, lockFree(bytes)));
    out.push(def(`__CLANG_ATOMIC_${name}_LOCK_FREE`, lockFree(bytes)));
  }
  for (const bytes of [1, 2, 4, 8, 16]) {
    if (bytes * 8 <= abi.maxAtomicInlineWidth)
      out.push(def(`__GCC_HAVE_SYNC_COMPARE_AND_SWAP_${bytes}`, 1));
  }
  out.push(def("__GCC_ATOMIC_TEST_AND_SET_TRUEVAL", 1));
  return out;
}

export function abiMacros(abi: TargetAbi): MacroDefinition[] {
  return [
    ...sizeMacros(abi),
    ...basicLimits(abi),
    ...standardTypedefs(abi),
    ...fixedWidthTypes(abi),
    ...byteOrderAndModel(abi),
    ...floating(abi),
    ...atomics(abi),
  ];
}
