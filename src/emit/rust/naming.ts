// Rust names of the unit's records and enums, following bindgen's conventions so code
// written against bindgen output keeps compiling: a tag names its type; an anonymous type
// inside a record is `<parent>__bindgen_ty_<k>` and a tagged one `<parent>_<tag>`; a file-scope anonymous type takes the name
// of the first typedef that names it directly, else `_bindgen_ty_<n>`.
import type { CType, EnumDecl, RecordDecl, TranslationUnit } from "../../ir/index.js";
import { rustIdent } from "./keywords.js";

export interface TypeNames {
  /** Rust name of a record or enum by IR id. */
  ofTag(id: string): string;
  /** Typedefs whose name is taken by the anonymous type they name (no alias is emitted). */
  namingTypedefs: Set<string>;
  /** Rust spelling of a typedef name. */
  ofTypedef(name: string): string;
}

const NESTED_ANON = /^(.*)::anon(\d+)$/;

export function assignTypeNames(unit: TranslationUnit): TypeNames {
  const raw = new Map<string, string>();
  const namingTypedefs = new Set<string>();
  const decls = new Map<string, RecordDecl | EnumDecl>();
  for (const r of unit.records) decls.set(r.id, r);
  for (const e of unit.enums) decls.set(e.id, e);

  // Typedefs that directly name an anonymous file-scope type lend it their name.
  for (const t of unit.typedefs) {
    const id = tagId(t.type);
    if (id === undefined || raw.has(id)) continue;
    const decl = decls.get(id);
    if (decl && decl.tag === null && decl.parent === null) {
      raw.set(id, t.name);
      namingTypedefs.add(t.name);
    }
  }

  let counter = 0;
  const anonymousTopLevel = (unit.enums as (EnumDecl | RecordDecl)[])
    .concat(unit.records)
    .filter((d) => d.tag === null && d.parent === null && !raw.has(d.id));
  for (const d of anonymousTopLevel) raw.set(d.id, `_bindgen_ty_${++counter}`);

  const resolve = (id: string): string => {
    const known = raw.get(id);
    if (known !== undefined) return known;
    const decl = decls.get(id);
    let name: string;
    // A tagged type declared inside a record is named after it, as bindgen names it.
    if (decl?.tag) name = decl.parent === null ? decl.tag : `${resolve(decl.parent)}_${decl.tag}`;
    else {
      const nested = NESTED_ANON.exec(id);
      name = nested ? `${resolve(nested[1])}__bindgen_ty_${nested[2]}` : `_bindgen_ty_${++counter}`;
    }
    raw.set(id, name);
    return name;
  };

  // The Rust name by id, as asked for: every type that refers to a record asks again.
  const spelled = new Map<string, string>();
  return {
    ofTag: (id) => {
      let name = spelled.get(id);
      if (name === undefined) {
        name = rustIdent(resolve(id));
        spelled.set(id, name);
      }
      return name;
    },
    namingTypedefs,
    ofTypedef: (name) => rustIdent(name),
  };
}

function tagId(type: CType): string | undefined {
  return type.kind === "record" || type.kind === "enum" ? type.id : undefined;
}
