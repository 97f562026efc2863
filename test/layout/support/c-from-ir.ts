// Writes IR records back out as C, so layouts computed from hand-built or generated IR can
// be checked against the compiler without going through the front end.
import type { CType, Field, RecordDecl, TranslationUnit } from "../../../src/ir/index.js";
import { spellType } from "../../../src/layout/index.js";

function attributeList(attrs: { packed?: true; aligned?: number }): string {
  const parts: string[] = [];
  if (attrs.packed) parts.push("packed");
  if (attrs.aligned) parts.push(`aligned(${attrs.aligned})`);
  return parts.length ? ` __attribute__((${parts.join(", ")}))` : "";
}

function isInlineRecord(type: CType): type is Extract<CType, { kind: "record" }> {
  return type.kind === "record" && type.id.includes("::anon");
}

export class CWriter {
  private readonly records: Map<string, RecordDecl>;

  constructor(private readonly unit: TranslationUnit) {
    this.records = new Map(unit.records.map((r) => [r.id, r]));
  }

  /** The field's declaration, defining anonymous record types in place. */
  private field(f: Field, indent: string): string {
    let type = f.type;
    let suffix = "";
    while (type.kind === "array") {
      suffix += `[${type.length ?? ""}]`;
      type = type.element;
    }
    const name = f.name ?? "";
    const width = f.bitWidth === null ? "" : ` : ${f.bitWidth}`;
    const attrs = attributeList(f.attributes);
    if (isInlineRecord(type)) {
      const body = this.body(this.records.get(type.id)!, `${indent}  `);
      return `${indent}${body}${name ? ` ${name}` : ""}${suffix}${width}${attrs};`;
    }
    return `${indent}${spellType(type, `${name}${suffix}`)}${width}${attrs};`;
  }

  private body(r: RecordDecl, indent: string): string {
    const lines = r.fields.map((f) => this.field(f, indent));
    const tag = r.tag ? ` ${r.tag}` : "";
    return `${r.kind}${attributeList(r.attributes)}${tag} {\n${lines.join("\n")}\n${indent.slice(2)}}`;
  }

  /** A file-scope record definition, wrapped in #pragma pack when the record has one. */
  record(r: RecordDecl): string {
    const def = `${this.body(r, "  ")};`;
    return r.pragmaPack === null
      ? def
      : `#pragma pack(push, ${r.pragmaPack})\n${def}\n#pragma pack(pop)`;
  }

  /** Enums, typedefs and file-scope records, in the unit's order (typedefs before records). */
  unitText(): string {
    const out: string[] = [];
    for (const e of this.unit.enums) {
      out.push(
        `enum ${e.tag} { ${e.enumerators.map((x) => `${x.name} = ${x.value}`).join(", ")} };`,
      );
    }
    for (const r of this.unit.records) {
      if (r.parent === null && r.tag !== null) out.push(`${r.kind} ${r.tag};`);
    }
    for (const t of this.unit.typedefs) {
      const aligned = (t as { aligned?: number }).aligned;
      out.push(
        `typedef ${spellType(t.type, t.name)}${aligned ? ` __attribute__((aligned(${aligned})))` : ""};`,
      );
    }
    for (const r of this.unit.records) {
      if (r.parent === null && r.complete) out.push(this.record(r));
    }
    return out.join("\n") + "\n";
  }
}
