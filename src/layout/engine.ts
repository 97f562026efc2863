// Lays out the records of one translation unit for one target, on demand and cached, and
// answers the sizeof/_Alignof/offsetof questions constant evaluation asks.
import { DiagnosticError, fail, formatDiagnostic, type Diagnostic } from "../diagnostics/index.js";
import type {
  CType,
  DeclLocation,
  EnumDecl,
  Field,
  FieldPathStep,
  LayoutQuery,
  RecordDecl,
  TranslationUnit,
  TypedefDecl,
} from "../ir/index.js";
import type { TargetDescription } from "../targets/types.js";
import { findGaps } from "./holes.js";
import { placeRecord, type FieldInput } from "./record-builder.js";
import { measureType, resolveTypedefs, type TypeEnvironment } from "./type-metrics.js";
import type { FieldLayout, RecordLayout } from "./types.js";

function where(loc: DeclLocation | undefined) {
  return loc ? { file: loc.file, line: loc.line, column: loc.column } : undefined;
}

export class LayoutEngine implements LayoutQuery {
  private readonly records = new Map<string, RecordDecl>();
  private readonly typedefs = new Map<string, TypedefDecl>();
  private readonly enums = new Map<string, EnumDecl>();
  private readonly done = new Map<string, RecordLayout>();
  private readonly inProgress = new Set<string>();
  private readonly env: TypeEnvironment;

  constructor(
    readonly unit: TranslationUnit,
    readonly target: TargetDescription,
  ) {
    const { records, typedefs, enums } = unit;
    for (let i = 0; i < records.length; i++) this.records.set(records[i]!.id, records[i]!);
    for (let i = 0; i < typedefs.length; i++) this.typedefs.set(typedefs[i]!.name, typedefs[i]!);
    for (let i = 0; i < enums.length; i++) this.enums.set(enums[i]!.id, enums[i]!);
    this.env = {
      target,
      typedef: (name) => this.typedefs.get(name),
      enumDecl: (id) => this.enums.get(id),
      record: (id, usedAt) => this.layoutOf(id, usedAt),
      memo: { builtins: new Map(), typedefs: new Map() },
    };
  }

  /** The layout of a record by id; a located diagnostic for incomplete or unknown records. */
  layoutOf(id: string, usedAt?: DeclLocation): RecordLayout {
    const cached = this.done.get(id);
    if (cached) return cached;
    const decl = this.records.get(id);
    if (!decl) fail(`unknown record '${id}'`, where(usedAt));
    if (!decl.complete) {
      fail(
        `incomplete type '${id}' has no layout (only declared at ${decl.location.file}:${decl.location.line})`,
        where(usedAt ?? decl.location),
      );
    }
    if (this.inProgress.has(id)) fail(`'${id}' contains itself`, where(decl.location));
    this.inProgress.add(id);
    try {
      const layout = this.compute(decl);
      this.done.set(id, layout);
      return layout;
    } finally {
      this.inProgress.delete(id);
    }
  }

  /**
   * Every complete record in source order. Records that cannot be laid out (a field of
   * incomplete type, say) are left out and explained in `diagnostics`.
   */
  layoutAll(): { layouts: RecordLayout[]; diagnostics: Diagnostic[] } {
    const layouts: RecordLayout[] = [];
    const diagnostics: Diagnostic[] = [];
    // A record embedding a failed one fails for the same reason: say it once.
    const seen = new Set<string>();
    for (const r of this.unit.records) {
      if (!r.complete) continue;
      try {
        layouts.push(this.layoutOf(r.id));
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        for (const d of e.diagnostics) {
          const key = formatDiagnostic(d);
          if (!seen.has(key)) diagnostics.push(d);
          seen.add(key);
        }
      }
    }
    return { layouts, diagnostics };
  }

  /** Measures any type, for the emitter and the CLI. */
  measure(type: CType, usedAt?: DeclLocation) {
    return measureType(this.env, type, usedAt);
  }

  /** Follows typedefs to the type they name. */
  resolve(type: CType): CType {
    return resolveTypedefs(this.env, type);
  }

  recordDecl(id: string): RecordDecl | undefined {
    return this.records.get(id);
  }

  sizeOf(type: CType): number {
    return measureType(this.env, type).size;
  }

  alignOf(type: CType, preferred: boolean): number {
    const m = measureType(this.env, type);
    return preferred ? m.preferredAlign : m.align;
  }

  offsetOf(record: CType, path: FieldPathStep[]): number {
    let current = this.resolve(record);
    let offset = 0;
    for (const step of path) {
      if ("index" in step) {
        if (current.kind !== "array") fail("subscripted value in offsetof is not an array");
        offset += step.index * this.sizeOf(current.element);
        current = this.resolve(current.element);
        continue;
      }
      if (current.kind !== "record") fail(`offsetof member '${step.field}' of a non-record type`);
      const found = this.findMember(current.id, step.field);
      if (!found) fail(`no member named '${step.field}' in '${current.id}'`);
      offset += found.offset;
      current = this.resolve(found.type);
    }
    return offset;
  }

  /** A named member, looking through anonymous members; offset in bytes from the record. */
  private findMember(id: string, name: string): { offset: number; type: CType } | undefined {
    for (const f of this.layoutOf(id).fields) {
      if (f.name === name) {
        if (f.bitWidth !== null) fail(`cannot compute offset of bit-field '${name}'`);
        return { offset: f.offset, type: f.type };
      }
      const inner = f.name === null ? this.resolve(f.type) : undefined;
      if (inner?.kind === "record") {
        const nested = this.findMember(inner.id, name);
        if (nested) return { offset: f.offset + nested.offset, type: nested.type };
      }
    }
    return undefined;
  }

  private fieldInput(field: Field): FieldInput {
    const resolved = this.resolve(field.type);
    const flexible = resolved.kind === "array" && resolved.length === null;
    const measured = flexible
      ? measureType(this.env, resolved.element, field.location)
      : measureType(this.env, field.type, field.location);
    return {
      name: field.name,
      typeSizeBits: measured.size * 8,
      typeAlignBits: measured.align * 8,
      bitWidth: field.bitWidth,
      packed: field.attributes.packed === true,
      explicitAlignBits: (field.attributes.aligned ?? 0) * 8,
      flexible,
    };
  }

  private compute(decl: RecordDecl): RecordLayout {
    const declared = decl.fields;
    const inputs: FieldInput[] = [];
    for (let i = 0; i < declared.length; i++) inputs.push(this.fieldInput(declared[i]!));
    const placement = placeRecord(
      {
        kind: decl.kind,
        packed: decl.attributes.packed === true,
        explicitAlignBits: (decl.attributes.aligned ?? 0) * 8,
        maxFieldAlignBits: (decl.pragmaPack ?? 0) * 8,
        fields: inputs,
      },
      this.target.abi.bitfields,
    );
    const fields: FieldLayout[] = [];
    const spans: { bitOffset: number; bits: number }[] = [];
    for (let i = 0; i < declared.length; i++) {
      const f = declared[i]!;
      const input = inputs[i]!;
      const placed = placement.fields[i]!;
      const size = input.flexible ? 0 : input.typeSizeBits / 8;
      fields.push({
        name: f.name,
        type: f.type,
        offset: Math.floor(placed.bitOffset / 8),
        bitOffset: placed.bitOffset,
        bitWidth: f.bitWidth,
        size,
        align: Math.max(1, Math.floor(placed.alignBits / 8)),
        flexible: input.flexible,
        location: f.location,
      });
      spans.push({ bitOffset: placed.bitOffset, bits: f.bitWidth ?? size * 8 });
    }
    const gaps = findGaps(decl.kind, spans, placement.sizeBits);
    return {
      id: decl.id,
      kind: decl.kind,
      size: placement.sizeBits / 8,
      align: placement.alignBits / 8,
      fields,
      holes: gaps.holes,
      tailPaddingBits: gaps.tailPaddingBits,
      location: decl.location,
    };
  }
}

/** What the front end's `recordLayout` option expects: record layouts for constant evaluation. */
export function recordLayoutProvider(
  target: TargetDescription,
): (unit: TranslationUnit) => LayoutQuery {
  return (unit) => new LayoutEngine(unit, target);
}
