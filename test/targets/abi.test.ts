// Every ABI fact of every target, checked by compiling a probe of _Static_asserts generated
// from the description with clang-19, plus the facts only the emitted IR reveals (byte
// order, the long double format).
import { beforeAll, expect, it } from "vitest";
import {
  clangTriple,
  enumUnderlyingType,
  floatFormats,
  getTarget,
  targetNames,
  type ScalarKind,
  type TargetDescription,
  type TargetName,
} from "../../src/targets/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { runClang, type ClangResult } from "./support/clang.js";

const release = { major: 13, minor: 0 };

const cTypeOf: Record<ScalarKind, string> = {
  _Bool: "_Bool",
  char: "char",
  short: "short",
  int: "int",
  long: "long",
  "long long": "long long",
  __int128: "__int128",
  float: "float",
  double: "double",
  "long double": "long double",
  pointer: "void *",
};

/** Enumerator value sets that walk the underlying-type rule through every branch. */
const enumCases: bigint[][] = [
  [],
  [0n, 1n],
  [-1n, 1n],
  [0x7fffffffn],
  [0x80000000n],
  [-1n, 0x7fffffffn],
  [-1n, 0x80000000n],
  [0xffffffffn],
  [0x100000000n],
  [-0x80000000n],
  [-0x80000001n],
  [0x7fffffffffffffffn],
  [0xffffffffffffffffn],
  [0xffn],
  [0x100n],
  [-0x80n],
  [-0x81n],
  [0xffffn],
  [0x10000n],
  [-0x8001n],
];

function scalarAsserts(t: TargetDescription): string[] {
  const out: string[] = [];
  for (const [kind, layout] of Object.entries(t.abi.scalars) as [
    ScalarKind,
    { size: number; align: number; preferredAlign?: number },
  ][]) {
    const c = cTypeOf[kind];
    const id = kind.replace(/\W/g, "_");
    if (layout.size === 0) {
      out.push(
        `#ifdef __SIZEOF_INT128__\n#error "${kind} is available but described as absent"\n#endif`,
      );
      continue;
    }
    out.push(
      `_Static_assert(sizeof(${c}) == ${layout.size}, "sizeof(${kind}) == ${layout.size}");`,
      `_Static_assert(_Alignof(${c}) == ${layout.align}, "_Alignof(${kind}) == ${layout.align}");`,
      `_Static_assert(__alignof__(${c}) == ${layout.preferredAlign ?? layout.align}, "__alignof__(${kind}) == ${layout.preferredAlign ?? layout.align}");`,
      `struct member_${id} { char c; ${c} x; };`,
      `_Static_assert(__builtin_offsetof(struct member_${id}, x) == ${layout.align}, "${kind} aligns to ${layout.align} as a member");`,
    );
  }
  return out;
}

function typeAsserts(t: TargetDescription): string[] {
  const st = t.abi.standardTypes;
  const same = (expr: string, type: string, what: string): string =>
    `_Static_assert(__builtin_types_compatible_p(${expr}, ${type}), "${what} is ${type}");`;
  return [
    same("__typeof__(sizeof 0)", st.sizeType, "size_t"),
    same("__typeof__((char *)0 - (char *)0)", st.ptrdiffType, "ptrdiff_t"),
    same("__typeof__(L'a')", st.wcharType, "wchar_t"),
    same("__INTMAX_TYPE__", st.intmaxType, "intmax_t"),
    same("__UINTMAX_TYPE__", st.uintmaxType, "uintmax_t"),
    same("__INTPTR_TYPE__", st.intptrType, "intptr_t"),
    same("__WINT_TYPE__", st.wintType, "wint_t"),
    same("__INT64_TYPE__", st.int64Type, "int64_t"),
    `_Static_assert(((char)-1 < 0) == ${t.abi.charIsSigned ? 1 : 0}, "char is ${t.abi.charIsSigned ? "signed" : "unsigned"}");`,
    `struct biggest { char c; } __attribute__((aligned));`,
    `_Static_assert(_Alignof(struct biggest) == ${t.abi.maxAlign}, "the biggest alignment is ${t.abi.maxAlign}");`,
    `_Static_assert(sizeof(__builtin_va_list) == ${t.abi.vaList.size}, "sizeof(va_list) == ${t.abi.vaList.size}");`,
    `_Static_assert(_Alignof(__builtin_va_list) == ${t.abi.vaList.align}, "_Alignof(va_list) == ${t.abi.vaList.align}");`,
    `_Static_assert(__LDBL_MANT_DIG__ == ${floatFormats[t.abi.longDoubleFormat].mantissaDigits}, "long double is ${t.abi.longDoubleFormat}");`,
  ];
}

function atomicAsserts(t: TargetDescription): string[] {
  const inline = [1, 2, 4, 8, 16].map((bytes) => {
    const lockFree = bytes * 8 <= t.abi.maxAtomicInlineWidth ? 1 : 0;
    return `_Static_assert(__atomic_always_lock_free(${bytes}, 0) == ${lockFree}, "${bytes}-byte atomics are ${lockFree ? "" : "not "}inline");`;
  });
  // _Atomic pads small objects to a power of two and aligns them to it.
  const promoted = Array.from({ length: 20 }, (_, i) => i + 1).map((bytes) => {
    const promotes = bytes * 8 <= t.abi.maxAtomicPromoteWidth;
    const size = promotes ? 2 ** Math.ceil(Math.log2(bytes)) : bytes;
    const align = promotes ? size : 1;
    return [
      `struct bytes${bytes} { char c[${bytes}]; };`,
      `_Static_assert(sizeof(_Atomic struct bytes${bytes}) == ${size} && _Alignof(_Atomic struct bytes${bytes}) == ${align}, "_Atomic of ${bytes} bytes has size ${size}, alignment ${align}");`,
    ].join("\n");
  });
  return [...inline, ...promoted];
}

function enumAsserts(t: TargetDescription): string[] {
  const out: string[] = [];
  for (const packed of [false, true]) {
    enumCases.forEach((values, i) => {
      const tag = `${packed ? "packed" : "plain"}${i}`;
      const u = enumUnderlyingType(t.abi, values, packed);
      const enumerators =
        values.length === 0
          ? `${tag}_none`
          : values.map((v, j) => `${tag}_${j} = ${v < 0n ? `-${-v}LL` : `${v}ULL`}`).join(", ");
      const attr = packed ? " __attribute__((packed))" : "";
      out.push(
        `enum${attr} ${tag} { ${enumerators} };`,
        `_Static_assert(__builtin_types_compatible_p(enum ${tag}, ${u.name}), "${packed ? "packed " : ""}enum {${values.join(", ")}} has type ${u.name}");`,
      );
    });
  }
  return out;
}

function abiProbe(t: TargetDescription): string {
  return [
    ...scalarAsserts(t),
    ...typeAsserts(t),
    ...atomicAsserts(t),
    ...enumAsserts(t),
    "long double probe_long_double = 1.0L;",
    "",
  ].join("\n");
}

const llvmTypeOf = {
  "ieee-double": "double",
  "x87-extended": "x86_fp80",
  "ieee-quad": "fp128",
  "ieee-half": "half",
  "ieee-single": "float",
};

// The kernel's code-generation flags must not change any fact (the bindings describe the
// kernel's view of the ABI), so every probe runs with and without them.
const variants = targetNames.flatMap((name) => [
  { name, kernelFlags: false, label: name },
  { name, kernelFlags: true, label: `${name} +kernel flags` },
]);

describeWith([needClang()], "ABI facts agree with clang-19", () => {
  const results = new Map<string, ClangResult>();
  const int128Results = new Map<TargetName, ClangResult>();

  beforeAll(async () => {
    await Promise.all(
      variants.map(async ({ name, kernelFlags, label }) => {
        const t = getTarget(name);
        const triple = `--target=${clangTriple(t, release)}`;
        const flags = kernelFlags ? t.kernelCFlags : [];
        const common = [triple, "-ffreestanding", ...flags, "-ferror-limit=0", "-x", "c"];
        results.set(
          label,
          await runClang([...common, "-S", "-emit-llvm", "-o", "-", "-"], abiProbe(t)),
        );
        if (!kernelFlags && t.abi.scalars.__int128.size === 0) {
          int128Results.set(
            name,
            await runClang([...common, "-fsyntax-only", "-"], "__int128 x;\n"),
          );
        }
      }),
    );
  });

  it.each(variants.map((v) => [v.label, v.name] as const))(
    "%s: every static assertion holds",
    (label) => {
      const r = results.get(label)!;
      const failures = r.stderr.split("\n").filter((l) => /error:/.test(l));
      expect(failures).toEqual([]);
      expect(r.code).toBe(0);
    },
  );

  it.each(variants.map((v) => [v.label, v.name] as const))(
    "%s: byte order and long double format in the IR",
    (label, name) => {
      const t = getTarget(name);
      const ir = results.get(label)!.stdout;
      const layout = /target datalayout = "([eE])-/.exec(ir);
      expect(layout?.[1]).toBe(t.abi.endian === "little" ? "e" : "E");
      expect(ir).toMatch(
        new RegExp(`@probe_long_double = [^\\n]*global ${llvmTypeOf[t.abi.longDoubleFormat]} `),
      );
    },
  );

  it.each(targetNames.filter((n) => getTarget(n).abi.scalars.__int128.size === 0).map((n) => [n]))(
    "%s: __int128 is really unavailable",
    (name) => {
      const r = int128Results.get(name)!;
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/__int128 is not supported on this target/);
    },
  );
});
