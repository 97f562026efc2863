// C spelling of a CType, in the form clang prints types (`int (*)(void *)`, `char *const`,
// `unsigned long[4]`), for diagnostics, dumps and comparisons with the compiler.
import type { CType, Qualifiers, RecordDecl } from "../ir/index.js";

function qualifierWords(q: Qualifiers): string[] {
  const w: string[] = [];
  if (q.const) w.push("const");
  if (q.volatile) w.push("volatile");
  if (q.restrict) w.push("restrict");
  return w;
}

const NULLABILITY_SPELLING = {
  nonnull: "_Nonnull",
  nullable: "_Nullable",
  unspecified: "_Null_unspecified",
} as const;

function nullabilitySuffix(q: Qualifiers): string {
  return q.nullability ? ` ${NULLABILITY_SPELLING[q.nullability]}` : "";
}

/** How a record or enum id is spelled: its tag, or a placeholder for anonymous ones. */
export type TagNamer = (kind: "struct" | "union" | "enum", id: string) => string;

export const defaultTagNamer: TagNamer = (kind, id) => {
  const prefix = `${kind} `;
  if (id.startsWith(prefix) && !id.includes("<") && !id.includes("::")) return id;
  return `${kind} <anonymous>`;
};

function withInner(base: string, inner: string): string {
  if (inner === "") return base;
  return inner.startsWith("[") ? base + inner : `${base} ${inner}`;
}

function spell(type: CType, inner: string, namer: TagNamer): string {
  const quals = qualifierWords(type);
  switch (type.kind) {
    case "builtin":
    case "typedef":
    case "record":
    case "enum": {
      let name: string;
      if (type.kind === "builtin")
        name = type.name.endsWith(" _Complex") ? `_Complex ${type.name.slice(0, -9)}` : type.name;
      else if (type.kind === "typedef") name = type.name;
      else if (type.kind === "record") name = namer(type.recordKind, type.id);
      else name = namer("enum", type.id);
      if (type.atomic) name = `_Atomic(${name})`;
      return withInner([...quals, name].join(" "), inner);
    }
    case "pointer": {
      const q = quals.join(" ") + nullabilitySuffix(type);
      let p =
        "*" + q + (inner !== "" ? (q !== "" && !inner.startsWith("[") ? " " : "") + inner : "");
      if (type.pointee.kind === "array" || type.pointee.kind === "function") p = `(${p})`;
      return spell(type.pointee, p, namer);
    }
    case "array":
      return spell(type.element, `${inner}[${type.length ?? ""}]`, namer);
    case "function": {
      const params = type.params.map((p) => spell(p.type, "", namer));
      if (type.variadic) params.push("...");
      const list = params.length > 0 ? params.join(", ") : type.prototyped ? "void" : "";
      return spell(type.returnType, `${inner}(${list})`, namer);
    }
  }
}

export function spellType(type: CType, namer: TagNamer = defaultTagNamer): string {
  return spell(type, "", namer);
}

/** A namer that spells records by tag, falling back to the default for anonymous ones. */
export function recordNamer(records: ReadonlyMap<string, RecordDecl>): TagNamer {
  return (kind, id) => {
    const r = records.get(id);
    return r?.tag ? `${kind} ${r.tag}` : defaultTagNamer(kind, id);
  };
}
