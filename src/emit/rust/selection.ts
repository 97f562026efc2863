// Which items go into the crate: allowlists (with the types an allowed item needs pulled
// in), blocklists, and types to emit as opaque blobs. Patterns are regular expressions
// matched against the whole Rust name, as bindgen's --allowlist-* options are.
import type { CType, TranslationUnit } from "../../ir/index.js";
import type { TypeNames } from "./naming.js";

export interface ItemPatterns {
  allowTypes: string[];
  allowFunctions: string[];
  allowVars: string[];
  allowConstants: string[];
  blockTypes: string[];
  blockFunctions: string[];
  blockVars: string[];
  blockConstants: string[];
  opaqueTypes: string[];
}

export const NO_PATTERNS: ItemPatterns = {
  allowTypes: [],
  allowFunctions: [],
  allowVars: [],
  allowConstants: [],
  blockTypes: [],
  blockFunctions: [],
  blockVars: [],
  blockConstants: [],
  opaqueTypes: [],
};

export interface Selection {
  type(rustName: string, key: TypeKey): boolean;
  function(name: string): boolean;
  variable(name: string): boolean;
  constant(name: string): boolean;
  opaque(rustName: string): boolean;
}

/** "tag:<record or enum id>" or "typedef:<name>". */
export type TypeKey = string;

function matcher(patterns: string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const re = new RegExp(`^(?:${patterns.join("|")})$`);
  return (name) => re.test(name);
}

export function selectItems(unit: TranslationUnit, names: TypeNames, p: ItemPatterns): Selection {
  const blockType = matcher(p.blockTypes);
  const blockFunction = matcher(p.blockFunctions);
  const blockVar = matcher(p.blockVars);
  const blockConstant = matcher(p.blockConstants);
  const opaque = matcher(p.opaqueTypes);
  const anyAllow =
    p.allowTypes.length + p.allowFunctions.length + p.allowVars.length + p.allowConstants.length >
    0;
  if (!anyAllow) {
    return {
      type: (n) => !blockType(n),
      function: (n) => !blockFunction(n),
      variable: (n) => !blockVar(n),
      constant: (n) => !blockConstant(n),
      opaque,
    };
  }
  const allowType = matcher(p.allowTypes);
  const allowFunction = matcher(p.allowFunctions);
  const allowVar = matcher(p.allowVars);
  const allowConstant = matcher(p.allowConstants);

  const needed = new Set<TypeKey>();
  const records = new Map(unit.records.map((r) => [r.id, r]));
  const typedefs = new Map(unit.typedefs.map((t) => [t.name, t]));
  const visit = (type: CType): void => {
    switch (type.kind) {
      case "pointer":
        return visit(type.pointee);
      case "array":
        return visit(type.element);
      case "function":
        visit(type.returnType);
        for (const param of type.params) visit(param.type);
        return;
      case "typedef": {
        const key = `typedef:${type.name}`;
        if (needed.has(key)) return;
        needed.add(key);
        const decl = typedefs.get(type.name);
        if (decl) visit(decl.type);
        return;
      }
      case "enum":
        needed.add(`tag:${type.id}`);
        return;
      case "record": {
        const key = `tag:${type.id}`;
        if (needed.has(key)) return;
        needed.add(key);
        // Nested anonymous records are named after their parent: keep the parent too.
        const decl = records.get(type.id);
        if (!decl) return;
        if (opaque(names.ofTag(decl.id))) return;
        for (const f of decl.fields) visit(f.type);
        return;
      }
      default:
        return;
    }
  };
  for (const r of unit.records) {
    if (allowType(names.ofTag(r.id))) visit({ kind: "record", recordKind: r.kind, id: r.id });
  }
  for (const e of unit.enums) if (allowType(names.ofTag(e.id))) needed.add(`tag:${e.id}`);
  for (const t of unit.typedefs) if (allowType(t.name)) visit({ kind: "typedef", name: t.name });
  for (const f of unit.functions)
    if (allowFunction(f.name) && !blockFunction(f.name)) visit(f.type);
  for (const v of unit.variables) if (allowVar(v.name) && !blockVar(v.name)) visit(v.type);

  return {
    type: (n, key) => needed.has(key) && !blockType(n),
    function: (n) => allowFunction(n) && !blockFunction(n),
    variable: (n) => allowVar(n) && !blockVar(n),
    constant: (n) => allowConstant(n) && !blockConstant(n),
    opaque,
  };
}
