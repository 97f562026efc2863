// The declarations clang sees at file scope, reduced to names and type spellings, and the
// same view of our TranslationUnit, so a test can list every difference.
import type { CType, TranslationUnit } from "../../../src/ir/index.js";
import {
  adjustFunctionTypesWithin,
  recordNamer,
  spellType,
  type TagNamer,
} from "../../../src/parse/index.js";
import type { ClangNode } from "./kernel-clang.js";

export type ClangNodeLike = ClangNode;

export interface FieldView {
  name: string;
  type: string;
  width: number | null;
  /** Layout attributes: "packed", "aligned=N" (largest of several), comma-separated. */
  attrs: string;
}

export interface DeclView {
  records: Map<string, { complete: boolean; attrs: string; fields: FieldView[] }>;
  /** Functions declared noreturn, and those with a format attribute. */
  noreturn: Set<string>;
  formatted: Set<string>;
  enums: Set<string>;
  typedefs: Map<string, string>;
  functions: Map<string, string>;
  variables: Map<string, string>;
  /** Functions defined (with a body) in the unit: the static inline KPI. */
  definitions: Set<string>;
  staticAsserts: number;
}

/** clang spells anonymous tags with their path and appends type attributes; we do neither. */
export function normalizeClangType(s: string): string {
  return (
    s
      .replace(
        /(?:\w+::)*\((?:unnamed|anonymous)(?: (?:struct|union|enum))? at [^)]*\)/g,
        "<anonymous>",
      )
      .replace(/\s*__attribute__\(\(.*\)\)\s*$/, "")
      // The compiler's own typedefs for the 128-bit integers; the IR names the builtin type.
      .replace(/\b__uint128_t\b/g, "unsigned __int128")
      .replace(/\b__int128_t\b/g, "__int128")
      .trim()
  );
}

function emptyView(): DeclView {
  return {
    records: new Map(),
    enums: new Set(),
    typedefs: new Map(),
    functions: new Map(),
    variables: new Map(),
    definitions: new Set(),
    staticAsserts: 0,
    noreturn: new Set(),
    formatted: new Set(),
  };
}

function bitWidth(field: ClangNode): number | null {
  if (!field.isBitfield) return null;
  const c = field.inner?.find((n) => n.kind === "ConstantExpr");
  return c?.value !== undefined ? Number(c.value) : null;
}

function layoutAttrs(packed: boolean, aligned: number | undefined): string {
  return [
    ...(packed ? ["packed"] : []),
    ...(aligned !== undefined ? [`aligned=${aligned}`] : []),
  ].join(",");
}

/** PackedAttr / AlignedAttr children; a bare aligned is the target's largest alignment. */
function clangLayoutAttrs(node: ClangNode, maxAlign: number): string {
  let packed = false;
  let aligned: number | undefined;
  let pragmaPack = false;
  for (const a of node.inner ?? []) {
    if (a.kind === "PackedAttr") packed = true;
    if (a.kind === "MaxFieldAlignmentAttr") pragmaPack = true;
    if (a.kind === "AlignedAttr") {
      const c = a.inner?.find((n) => n.kind === "ConstantExpr");
      const v = c?.value !== undefined ? Number(c.value) : maxAlign;
      aligned = Math.max(aligned ?? 0, v);
    }
  }
  return layoutAttrs(packed, aligned, pragmaPack);
}

function addRecord(view: DeclView, node: ClangNode, maxAlign: number): void {
  for (const inner of node.inner ?? []) {
    if (inner.kind === "RecordDecl" || inner.kind === "EnumDecl") addTag(view, inner, maxAlign);
    if (inner.kind === "StaticAssertDecl") view.staticAsserts++;
  }
  if (!node.name) return;
  const key = `${node.tagUsed} ${node.name}`;
  const prev = view.records.get(key);
  if (!node.completeDefinition) {
    if (!prev) view.records.set(key, { complete: false, attrs: "", fields: [] });
    return;
  }
  const fields = (node.inner ?? [])
    .filter((n) => n.kind === "FieldDecl")
    .map((f) => ({
      name: f.name ?? "",
      type: normalizeClangType(f.type!.qualType),
      width: bitWidth(f),
      attrs: clangLayoutAttrs(f, maxAlign),
    }));
  view.records.set(key, { complete: true, attrs: clangLayoutAttrs(node, maxAlign), fields });
}

function addTag(view: DeclView, node: ClangNode, maxAlign: number): void {
  if (node.kind === "RecordDecl") addRecord(view, node, maxAlign);
  else if (node.kind === "EnumDecl" && node.name) view.enums.add(`enum ${node.name}`);
}

/** The IR resolves typeof to the type it names; clang keeps it as sugar on top. */
function spelledOrResolvedTypeof(node: ClangNode): string {
  const t = node.type!;
  return /^(__)?typeof/.test(t.qualType) && t.desugaredQualType !== undefined
    ? t.desugaredQualType
    : t.qualType;
}

export function clangView(tu: ClangNode, maxAlign: number): DeclView {
  const view = emptyView();
  for (const node of tu.inner ?? []) {
    if (node.isImplicit) continue;
    switch (node.kind) {
      case "RecordDecl":
      case "EnumDecl":
        addTag(view, node, maxAlign);
        break;
      case "TypedefDecl":
        view.typedefs.set(node.name!, normalizeClangType(spelledOrResolvedTypeof(node)));
        break;
      case "FunctionDecl":
        if (!view.functions.has(node.name!))
          view.functions.set(node.name!, normalizeClangType(node.type!.qualType));
        if (node.inner?.some((n) => n.kind === "CompoundStmt")) view.definitions.add(node.name!);
        if (
          /__attribute__\(\(noreturn\)\)/.test(node.type!.qualType) ||
          node.inner?.some((n) => n.kind === "C11NoReturnAttr")
        ) {
          view.noreturn.add(node.name!);
        }
        if (node.inner?.some((n) => n.kind === "FormatAttr")) view.formatted.add(node.name!);
        break;
      case "StaticAssertDecl":
        view.staticAsserts++;
        break;
      case "VarDecl":
        // A later declaration can complete an array type; the last one is what clang uses.
        view.variables.set(node.name!, normalizeClangType(node.type!.qualType));
        break;
    }
  }
  return view;
}

/**
 * Our view, spelled as clang spells types: an anonymous record or enum named by a typedef
 * prints under that name, and where the target's va_list is an array (x86_64) a va_list
 * parameter prints as the pointer it decays to.
 */
export function ourView(unit: TranslationUnit, vaListIsArray: boolean): DeclView {
  const view = emptyView();
  const records = new Map(unit.records.map((r) => [r.id, r]));
  const typedefs = new Map(unit.typedefs.map((t) => [t.name, t.type]));
  const nameForAnonymous = new Map<string, string>();
  for (const t of unit.typedefs) {
    const ty = t.type;
    if ((ty.kind === "record" || ty.kind === "enum") && !nameForAnonymous.has(ty.id))
      nameForAnonymous.set(ty.id, t.name);
  }
  const byTag = recordNamer(records);
  const namer: TagNamer = (kind, id) => {
    const tagged =
      kind === "enum" ? unit.enums.find((e) => e.id === id)?.tag : records.get(id)?.tag;
    if (!tagged && nameForAnonymous.has(id)) return `${kind} ${nameForAnonymous.get(id)}`;
    return byTag(kind, id);
  };
  const isVaList = (t: CType): boolean => {
    let r = t;
    while (r.kind === "typedef" && typedefs.has(r.name)) r = typedefs.get(r.name)!;
    return r.kind === "builtin" && r.name === "__builtin_va_list";
  };
  const vaDecay = (t: CType): CType => {
    if (t.kind === "pointer") return { ...t, pointee: vaDecay(t.pointee) };
    if (t.kind !== "function") return t;
    return {
      ...t,
      returnType: vaDecay(t.returnType),
      params: t.params.map((p) => ({
        name: p.name,
        type:
          vaListIsArray && isVaList(p.type)
            ? { kind: "pointer", pointee: { kind: "typedef", name: "struct __va_list_tag" } }
            : vaDecay(p.type),
      })),
    };
  };
  const resolve = (n: string) => typedefs.get(n);
  // clang prints every function type with its parameters adjusted.
  const spell = (t: CType) => spellType(vaDecay(adjustFunctionTypesWithin(t, resolve)), namer);
  for (const r of unit.records) {
    if (r.tag === null) continue;
    view.records.set(`${r.kind} ${r.tag}`, {
      complete: r.complete,
      attrs: layoutAttrs(r.attributes.packed === true, r.attributes.aligned, r.pragmaPack !== null),
      fields: r.complete
        ? r.fields.map((f) => ({
            name: f.name ?? "",
            type: spell(f.type),
            width: f.bitWidth,
            attrs: layoutAttrs(f.attributes.packed === true, f.attributes.aligned),
          }))
        : [],
    });
  }
  for (const e of unit.enums) if (e.tag !== null) view.enums.add(`enum ${e.tag}`);
  for (const t of unit.typedefs) view.typedefs.set(t.name, spell(t.type));
  for (const f of unit.functions) {
    view.functions.set(f.name, spell(f.type));
    if (f.body) view.definitions.add(f.name);
    if (f.attributes.noreturn) view.noreturn.add(f.name);
    if (f.attributes.format) view.formatted.add(f.name);
  }
  view.staticAsserts = unit.staticAsserts.length;
  for (const v of unit.variables) view.variables.set(v.name, spell(v.type));
  return view;
}

/** Human-readable differences: missing on either side, or different values. */
export function diffMaps<V>(
  what: string,
  clang: Map<string, V>,
  ours: Map<string, V>,
  show = (v: V) => JSON.stringify(v),
): string[] {
  const out: string[] = [];
  for (const [k, v] of clang) {
    if (!ours.has(k)) out.push(`${what} ${k}: missing (clang: ${show(v)})`);
    else if (show(ours.get(k)!) !== show(v))
      out.push(`${what} ${k}: ours ${show(ours.get(k)!)} vs clang ${show(v)}`);
  }
  for (const k of ours.keys())
    if (!clang.has(k)) out.push(`${what} ${k}: extra (not declared per clang)`);
  return out;
}

export interface LineLocation {
  file: string;
  line: number;
}

/**
 * clang's JSON omits a location's file and line when they repeat the previous location
 * printed; walking the document in order restores them. For a declaration made by a macro,
 * the expansion location is where the declaration is (the spelling is in the #define).
 */
export function clangDeclLocations(tu: ClangNode): Map<string, LineLocation> {
  let file = "";
  let line = 0;
  const restore = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) restore(v);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    if ("offset" in obj && "col" in obj) {
      if (typeof obj.file === "string") file = obj.file;
      if (typeof obj.line === "number") line = obj.line;
      obj.$file = file;
      obj.$line = line;
    }
    for (const key of Object.keys(obj)) if (key !== "$file" && key !== "$line") restore(obj[key]);
  };
  restore(tu);
  const at = (loc: unknown): LineLocation | null => {
    const l = loc as Record<string, unknown> | undefined;
    if (!l) return null;
    const bare = (l.expansionLoc ?? l) as Record<string, unknown>;
    return typeof bare.$file === "string" ? { file: bare.$file, line: bare.$line as number } : null;
  };
  const out = new Map<string, LineLocation>();
  const visitRecord = (node: ClangNode): void => {
    for (const inner of node.inner ?? []) if (inner.kind === "RecordDecl") visitRecord(inner);
    const loc = at(node.loc);
    if (node.name && node.completeDefinition && loc) out.set(`${node.tagUsed} ${node.name}`, loc);
  };
  for (const node of tu.inner ?? []) {
    if (node.isImplicit) continue;
    const loc = at(node.loc);
    if (!loc) continue;
    if (node.kind === "RecordDecl") visitRecord(node);
    else if ((node.kind === "FunctionDecl" || node.kind === "TypedefDecl") && !out.has(node.name!))
      out.set(node.name!, loc);
  }
  return out;
}
