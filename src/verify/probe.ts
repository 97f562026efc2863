// The C probe: the checked source followed by one _Static_assert per fact we computed
// (sizeof, _Alignof, offsetof), each tagged so a failure maps back to its record and field.
import type { DeclLocation, TranslationUnit } from "../ir/index.js";
import {
  flattenMembers,
  recordSpellings,
  type FlattenSource,
  type RecordLayout,
} from "../layout/index.js";

export { recordSpellings } from "../layout/index.js";

/**
 * Names the probe can use for records: tags and typedefs, and for a record nothing names,
 * `__typeof__` of a file-scope variable declared with it (`static struct {...} table;`).
 */
export function probeSpellings(unit: TranslationUnit): Map<string, string> {
  const names = recordSpellings(unit);
  for (const v of unit.variables) {
    if (v.type.kind === "record" && !names.has(v.type.id))
      names.set(v.type.id, `__typeof__(${v.name})`);
  }
  return names;
}

export type CheckProperty = "size" | "align" | "offset";

export interface ProbeCheck {
  index: number;
  recordId: string;
  property: CheckProperty;
  /** Member path for offset checks ("" for record-level checks). */
  member: string;
  expected: number;
  /** The C expression the assertion compares. */
  expression: string;
  location: DeclLocation;
}

export interface Probe {
  /** Text appended after the checked source. */
  assertions: string;
  checks: ProbeCheck[];
  /**
   * Records named only by a typedef, by the tag of a probe struct holding one as its only
   * member: the compiler's dump skips such records but shows them expanded inside that one.
   */
  wrappers: Map<string, string>;
}

/** Tag prefix of the wrapper structs. */
export const WRAPPER_TAG = "kpi_probe_wrap_";

/** Message prefix that marks our assertions in the compiler's diagnostics. */
export const CHECK_TAG = "kpi-check:";

/** Marker file name the assertions are attributed to. */
export const PROBE_FILE = "<kpi-layout-probe>";

export function buildProbe(
  layouts: RecordLayout[],
  source: FlattenSource,
  spellings: Map<string, string>,
): Probe {
  const checks: ProbeCheck[] = [];
  const lines: string[] = [`# 1 "${PROBE_FILE}"`];
  const add = (
    layout: RecordLayout,
    property: CheckProperty,
    member: string,
    expression: string,
    expected: number,
    location: DeclLocation,
  ) => {
    const index = checks.length;
    checks.push({ index, recordId: layout.id, property, member, expected, expression, location });
    lines.push(`_Static_assert(${expression} == ${expected}, "${CHECK_TAG}${index}");`);
  };
  // Members of records C cannot name are checked through the record that contains them.
  const expand = (id: string) => !spellings.has(id);
  for (const layout of layouts) {
    const name = spellings.get(layout.id);
    if (name === undefined) continue;
    add(layout, "size", "", `sizeof(${name})`, layout.size, layout.location);
    add(layout, "align", "", `_Alignof(${name})`, layout.align, layout.location);
    for (const m of flattenMembers(source, layout, expand)) {
      if (!m.addressable) continue;
      add(
        layout,
        "offset",
        m.path,
        `__builtin_offsetof(${name}, ${m.path})`,
        m.bitOffset / 8,
        m.location,
      );
    }
  }
  // After every assertion, so line N of the probe file still holds assertion N-1.
  const wrappers = new Map<string, string>();
  for (const layout of layouts) {
    const name = spellings.get(layout.id);
    if (name === undefined || /^(struct|union) /.test(name)) continue;
    const tag = `${WRAPPER_TAG}${wrappers.size}`;
    wrappers.set(layout.id, tag);
    lines.push(
      `struct ${tag} { ${name} member; };`,
      `typedef char ${tag}_laid_out[sizeof(struct ${tag})];`,
    );
  }
  return { assertions: lines.join("\n") + "\n", checks, wrappers };
}
