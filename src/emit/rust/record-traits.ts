// Which derives a record can have: Copy/Clone unless a flexible array sits somewhere
// inside (its helper type is not Copy), Debug unless a union does (unions have no Debug).
import type { CType, TranslationUnit } from "../../ir/index.js";
import type { LayoutEngine, RecordLayout } from "../../layout/index.js";
import type { RecordTraits } from "./record-emitter.js";

export function recordTraits(
  unit: TranslationUnit,
  layouts: LayoutEngine,
  layoutById: Map<string, RecordLayout>,
): { of(id: string): RecordTraits } {
  const kinds = new Map(unit.records.map((r) => [r.id, r.kind]));
  const copyMemo = new Map<string, boolean>();
  const debugMemo = new Map<string, boolean>();

  const recordOf = (type: CType): string | undefined => {
    // Only typedefs need resolving; most fields are scalars, pointers or records.
    let t = type.kind === "typedef" ? layouts.resolve(type) : type;
    while (t.kind === "array")
      t = t.element.kind === "typedef" ? layouts.resolve(t.element) : t.element;
    return t.kind === "record" ? t.id : undefined;
  };
  const copy = (id: string): boolean => {
    const known = copyMemo.get(id);
    if (known !== undefined) return known;
    copyMemo.set(id, true);
    const layout = layoutById.get(id);
    let result = true;
    if (layout !== undefined) {
      const fields = layout.fields;
      for (let i = 0; i < fields.length && result; i++) {
        const f = fields[i]!;
        if (f.flexible) result = false;
        else {
          const inner = recordOf(f.type);
          result = inner === undefined || copy(inner);
        }
      }
    }
    copyMemo.set(id, result);
    return result;
  };
  const debug = (id: string): boolean => {
    const known = debugMemo.get(id);
    if (known !== undefined) return known;
    debugMemo.set(id, true);
    const layout = layoutById.get(id);
    let result = kinds.get(id) !== "union";
    if (result && layout !== undefined) {
      const fields = layout.fields;
      for (let i = 0; i < fields.length && result; i++) {
        const inner = recordOf(fields[i]!.type);
        result = inner === undefined || debug(inner);
      }
    }
    debugMemo.set(id, result);
    return result;
  };
  const needsManuallyDrop = (type: CType) => {
    const inner = recordOf(type);
    return inner !== undefined && !copy(inner);
  };
  return { of: (id) => ({ copy: copy(id), debug: debug(id), needsManuallyDrop }) };
}
