// sizeof and alignment of any C type for one target: scalars from the target ABI, records
// from the layouts, typedefs and enums resolved through the translation unit.
import { fail } from "../diagnostics/index.js";
import type { BuiltinKind, CType, DeclLocation, EnumDecl, TypedefDecl } from "../ir/index.js";
import { builtinTypeLayout } from "../targets/builtin-types.js";
import type { ScalarKind, TargetDescription } from "../targets/types.js";

/** Sizes and alignments in bytes. */
export interface TypeMetrics {
  size: number;
  /** ABI alignment: what _Alignof and record layout use. */
  align: number;
  /** __alignof__: the preferred alignment (differs for double and long long on i386). */
  preferredAlign: number;
}

export interface TypeEnvironment {
  target: TargetDescription;
  typedef(name: string): TypedefDecl | undefined;
  enumDecl(id: string): EnumDecl | undefined;
  /** Size and alignment of a complete record; throws a DiagnosticError when it is incomplete. */
  record(id: string, usedAt: DeclLocation | undefined): { size: number; align: number };
  /**
   * Metrics already measured, by builtin and by typedef name: within one environment they
   * never change (the emitter measures the same few hundred typedefs thousands of times).
   * Failed measurements are not kept.
   */
  memo?: { builtins: Map<string, TypeMetrics>; typedefs: Map<string, TypeMetrics> };
}

/** A typedef may carry aligned(N); it replaces the type's alignment (and may lower it). */
type TypedefWithAlignment = TypedefDecl & { aligned?: number };

function where(loc: DeclLocation | undefined) {
  return loc ? { file: loc.file, line: loc.line, column: loc.column } : undefined;
}

function scalarMetrics(env: TypeEnvironment, kind: ScalarKind): TypeMetrics {
  const s = env.target.abi.scalars[kind];
  return { size: s.size, align: s.align, preferredAlign: s.preferredAlign ?? s.align };
}

function builtinMetrics(env: TypeEnvironment, name: BuiltinKind): TypeMetrics {
  const s = builtinTypeLayout(env.target.abi, name);
  if (!s) throw new Error(`no layout for builtin type '${name}'`);
  return { size: s.size, align: s.align, preferredAlign: s.preferredAlign ?? s.align };
}

/** _Atomic rounds small objects up to a power of two and aligns them to their size. */
function atomicMetrics(env: TypeEnvironment, m: TypeMetrics): TypeMetrics {
  if (m.size === 0) return { size: 1, align: m.align, preferredAlign: m.preferredAlign };
  if (m.size * 8 > env.target.abi.maxAtomicPromoteWidth) return m;
  let size = 1;
  while (size < m.size) size *= 2;
  return { size, align: size, preferredAlign: size };
}

function unqualifiedMetrics(env: TypeEnvironment, type: CType, usedAt?: DeclLocation): TypeMetrics {
  switch (type.kind) {
    case "builtin": {
      const memo = env.memo?.builtins;
      if (memo === undefined) return builtinMetrics(env, type.name);
      let m = memo.get(type.name);
      if (m === undefined) memo.set(type.name, (m = builtinMetrics(env, type.name)));
      return m;
    }
    case "pointer":
      return scalarMetrics(env, "pointer");
    case "function":
      // GNU C: sizeof a function type is 1.
      return { size: 1, align: 1, preferredAlign: 1 };
    case "array": {
      const element = measureType(env, type.element, usedAt);
      if (type.length === null) {
        fail("invalid application of sizeof to an incomplete array type", where(usedAt));
      }
      return { ...element, size: element.size * type.length };
    }
    case "record": {
      const r = env.record(type.id, usedAt);
      return { size: r.size, align: r.align, preferredAlign: r.align };
    }
    case "enum": {
      const decl = env.enumDecl(type.id);
      if (!decl || !decl.complete) fail(`incomplete type '${type.id}'`, where(usedAt));
      return builtinMetrics(env, decl.underlying);
    }
    case "typedef": {
      const memo = env.memo?.typedefs;
      const known = memo?.get(type.name);
      if (known !== undefined) return known;
      const decl = env.typedef(type.name) as TypedefWithAlignment | undefined;
      if (!decl) fail(`unknown type name '${type.name}'`, where(usedAt));
      const inner = measureType(env, decl.type, usedAt);
      const aligned = decl.aligned;
      const m = aligned ? { size: inner.size, align: aligned, preferredAlign: aligned } : inner;
      memo?.set(type.name, m);
      return m;
    }
  }
}

/** Measures `type`; incomplete types are a located diagnostic, never a guess. */
export function measureType(env: TypeEnvironment, type: CType, usedAt?: DeclLocation): TypeMetrics {
  const m = unqualifiedMetrics(env, type, usedAt);
  return type.atomic ? atomicMetrics(env, m) : m;
}

/** Follows typedefs (and nothing else) to the type they name. */
export function resolveTypedefs(env: Pick<TypeEnvironment, "typedef">, type: CType): CType {
  let current = type;
  for (let guard = 0; current.kind === "typedef" && guard < 1000; guard++) {
    const decl = env.typedef(current.name);
    if (!decl) return current;
    current = decl.type;
  }
  return current;
}
