// C spelling of IR types for people to read: "struct in [2]", "char *", "void (*)(int)".
import type { CType } from "../ir/index.js";

function qualifiers(type: CType): string {
  const q: string[] = [];
  if (type.const) q.push("const");
  if (type.volatile) q.push("volatile");
  if (type.restrict) q.push("restrict");
  return q.join(" ");
}

function recordName(id: string): string {
  // An anonymous record defined inside another has no name of its own to show.
  return /::anon\d+$/.test(id) ? "{...}" : id;
}

/** Spells `type` around `declarator` (a name, or "" for an abstract type). */
export function spellType(type: CType, declarator = ""): string {
  const q = qualifiers(type);
  const join = (base: string) => [q, base, declarator].filter((s) => s !== "").join(" ");
  switch (type.kind) {
    case "builtin":
      return join(type.name);
    case "enum":
      return join(type.id.startsWith("enum ") ? type.id : `enum ${type.id}`);
    case "typedef":
      return join(type.name);
    case "record": {
      const name = recordName(type.id);
      return join(name === "{...}" ? `${type.recordKind} ${name}` : name);
    }
    case "pointer": {
      const inner = `*${q ? ` ${q}${declarator ? " " : ""}` : ""}${declarator}`;
      const needsParens = type.pointee.kind === "array" || type.pointee.kind === "function";
      return spellType(type.pointee, needsParens ? `(${inner})` : inner);
    }
    case "array": {
      const len = type.length === null ? "" : String(type.length);
      return spellType(type.element, `${declarator}[${len}]`);
    }
    case "function": {
      const params = type.params.map((p) => spellType(p.type));
      if (type.variadic) params.push("...");
      const list = type.prototyped ? (params.length ? params.join(", ") : "void") : "";
      return spellType(type.returnType, `${declarator}(${list})`);
    }
  }
}
