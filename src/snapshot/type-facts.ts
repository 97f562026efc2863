// What a snapshot says about a C type: its spelling as written and with typedefs resolved
// (records named by their snapshot keys), the records it reaches, and how it is passed.
import { DiagnosticError } from "../diagnostics/index.js";
import type { CType } from "../ir/index.js";
import { spellType, type LayoutEngine } from "../layout/index.js";
import type { AbiClass, TypeRefs } from "./format.js";

export interface TypeContext {
  layouts: LayoutEngine;
  /** Snapshot key of a record id; undefined for records with no key of their own. */
  recordKey(id: string): string | undefined;
  /** Display name for a record that has no key (anonymous members): "struct {...}". */
  recordSpelling(id: string): string;
}

function mapRecords(type: CType, rename: (id: string) => string): CType {
  switch (type.kind) {
    case "record":
      return { ...type, id: rename(type.id) };
    case "enum":
      // An anonymous enum's id names where it was defined, which moves between releases.
      return /::anon\d+$|<anonymous /.test(type.id) ? { ...type, id: "enum {...}" } : type;
    case "pointer":
      return { ...type, pointee: mapRecords(type.pointee, rename) };
    case "array":
      return { ...type, element: mapRecords(type.element, rename) };
    case "function":
      return {
        ...type,
        returnType: mapRecords(type.returnType, rename),
        params: type.params.map((p) => ({ ...p, type: mapRecords(p.type, rename) })),
      };
    default:
      return type;
  }
}

/** Every typedef replaced by what it names, all the way down; qualifiers kept. */
function resolveDeep(ctx: TypeContext, type: CType): CType {
  switch (type.kind) {
    case "typedef": {
      const target = ctx.layouts.resolve(type);
      const q = { const: type.const, volatile: type.volatile };
      const merged = { ...target } as CType;
      if (q.const) merged.const = true;
      if (q.volatile) merged.volatile = true;
      return resolveDeep(ctx, merged);
    }
    case "pointer":
      return { ...type, pointee: resolveDeep(ctx, type.pointee) };
    case "array":
      return { ...type, element: resolveDeep(ctx, type.element) };
    case "function":
      return {
        ...type,
        returnType: resolveDeep(ctx, type.returnType),
        params: type.params.map((p) => ({ ...p, type: resolveDeep(ctx, p.type) })),
      };
    default:
      return type;
  }
}

function displayId(ctx: TypeContext, id: string): string {
  return ctx.recordKey(id) ?? ctx.recordSpelling(id);
}

export function spelled(ctx: TypeContext, type: CType): string {
  return spellType(mapRecords(type, (id) => displayId(ctx, id)));
}

export function canonical(ctx: TypeContext, type: CType): string {
  return spellType(mapRecords(resolveDeep(ctx, type), (id) => displayId(ctx, id)));
}

/** Size and alignment, or null when the type is incomplete here. */
/** `{ canonical }` when it differs from the spelling as written, else nothing. */
export function canonicalIfDifferent(
  ctx: TypeContext,
  type: CType,
  written: string,
): { canonical?: string } {
  const c = canonical(ctx, type);
  return c === written ? {} : { canonical: c };
}

export function measured(ctx: TypeContext, type: CType): { size: number; align: number } | null {
  try {
    const m = ctx.layouts.measure(type);
    return { size: m.size, align: m.align };
  } catch (e) {
    if (e instanceof DiagnosticError) return null;
    throw e;
  }
}

/**
 * Records reached through `type`. Anonymous records have no key: their members are part of
 * the enclosing record, so what they reach is reached from here.
 */
export function typeRefs(ctx: TypeContext, type: CType): TypeRefs {
  const byValue = new Set<string>();
  const byPointer = new Set<string>();
  const seenAnonymous = new Set<string>();
  const walk = (t: CType, viaPointer: boolean): void => {
    const r = ctx.layouts.resolve(t);
    switch (r.kind) {
      case "record": {
        const key = ctx.recordKey(r.id);
        if (key !== undefined) {
          (viaPointer ? byPointer : byValue).add(key);
          return;
        }
        if (seenAnonymous.has(r.id)) return;
        seenAnonymous.add(r.id);
        for (const f of ctx.layouts.recordDecl(r.id)?.fields ?? []) walk(f.type, viaPointer);
        return;
      }
      case "pointer":
        return walk(r.pointee, true);
      case "array":
        return walk(r.element, viaPointer);
      case "function":
        walk(r.returnType, true);
        for (const p of r.params) walk(p.type, true);
        return;
      default:
        return;
    }
  };
  walk(type, false);
  const refs: TypeRefs = {};
  if (byValue.size > 0) refs.byValue = [...byValue].sort();
  // A record both embedded and pointed to is affected by value; say it once.
  const pointerOnly = [...byPointer].filter((k) => !byValue.has(k)).sort();
  if (pointerOnly.length > 0) refs.byPointer = pointerOnly;
  return refs;
}

const integerClass: Record<string, string> = {
  _Bool: "u",
  char: "i",
  "signed char": "i",
  "unsigned char": "u",
  short: "i",
  "unsigned short": "u",
  int: "i",
  "unsigned int": "u",
  long: "i",
  "unsigned long": "u",
  "long long": "i",
  "unsigned long long": "u",
  __int128: "i",
  "unsigned __int128": "u",
};

/** How a parameter or return value of this type is passed, as far as a caller can tell. */
export function abiClass(ctx: TypeContext, type: CType): AbiClass {
  const r = ctx.layouts.resolve(type);
  const m = measured(ctx, r);
  switch (r.kind) {
    case "builtin":
      if (r.name === "void") return "void";
      if (r.name === "__builtin_va_list") return `va_list:${m?.size ?? "?"}`;
      if (r.name in integerClass) return `${integerClass[r.name]}${(m?.size ?? 0) * 8}`;
      return `f${(m?.size ?? 0) * 8}`;
    case "enum":
      return `enum${(m?.size ?? 0) * 8}`;
    case "pointer":
    case "array":
    case "function":
      // Arrays and functions decay to pointers as parameters.
      return "ptr";
    case "record":
      return m ? `${r.recordKind}:${m.size}:${m.align}` : `${r.recordKind}:incomplete`;
    default:
      return "?";
  }
}

/**
 * For a function or pointer-to-function type: how a call passes its arguments and result,
 * e.g. "i32(ptr,u64,...)". Undefined for other types.
 */
export function callAbi(ctx: TypeContext, type: CType): AbiClass | undefined {
  let r = ctx.layouts.resolve(type);
  if (r.kind === "pointer") r = ctx.layouts.resolve(r.pointee);
  if (r.kind !== "function") return undefined;
  const params = r.params.map((p) => abiClass(ctx, p.type));
  if (r.variadic) params.push("...");
  return `${abiClass(ctx, r.returnType)}(${params.join(",")})`;
}
