// The feature-test builtins (__has_feature, __has_builtin, __has_attribute, ...): the caller's
// answers first, then clang 19's tables for C.
import type { FeatureQueries } from "./api.js";
import {
  cAttributes,
  cExtensions,
  cFeatures,
  cKeywords,
  genericBuiltins,
  gnuAttributes,
} from "./feature-tables.js";

// Features that clang reports only from C11 on (below that they are extensions).
const c11Features = new Set([
  "c_alignas",
  "c_alignof",
  "c_atomic",
  "c_generic_selections",
  "c_static_assert",
  "c_thread_local",
  "objc_c_static_assert",
]);

function valueTable(
  groups: ReadonlyArray<readonly [number, readonly string[]]>,
): Map<string, number> {
  const m = new Map<string, number>();
  for (const [value, names] of groups) for (const n of names) m.set(n, value);
  return m;
}

const featureSet = new Set(cFeatures);
const extensionSet = new Set(cExtensions);
const builtinSet = new Set(genericBuiltins);
const keywordSet = new Set(cKeywords);
const attributeTable = valueTable(gnuAttributes);
const cAttributeTable = valueTable(cAttributes);

/** `__foo__` and `foo` name the same attribute or feature. */
function normalizeName(name: string): string {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__") ? name.slice(2, -2) : name;
}

export type FeatureBuiltin =
  | "__has_feature"
  | "__has_extension"
  | "__has_builtin"
  | "__has_attribute"
  | "__has_c_attribute"
  | "__has_declspec_attribute"
  | "__is_identifier"
  | "__has_cpp_attribute";

export class FeatureAnswers {
  constructor(
    private readonly queries: FeatureQueries,
    /** The C standard year (1999, 2011, 2017, 2023): C11 features need 2011. */
    private readonly cYear: number,
  ) {}

  answer(kind: FeatureBuiltin, rawName: string): number {
    const q = this.queries;
    switch (kind) {
      case "__has_feature": {
        const name = normalizeName(rawName);
        return (
          q.feature?.(name) ??
          (featureSet.has(name) && (this.cYear >= 2011 || !c11Features.has(name)) ? 1 : 0)
        );
      }
      case "__has_extension": {
        const name = normalizeName(rawName);
        return q.extension?.(name) ?? (extensionSet.has(name) ? 1 : 0);
      }
      case "__has_builtin":
        return q.builtin?.(rawName) ?? (builtinSet.has(rawName) ? 1 : 0);
      case "__has_attribute": {
        const name = scoped(rawName, false);
        return q.attribute?.(name) ?? attributeTable.get(rawName) ?? attributeTable.get(name) ?? 0;
      }
      case "__has_c_attribute": {
        const name = scoped(rawName, true);
        return (
          q.cAttribute?.(name) ?? cAttributeTable.get(rawName) ?? cAttributeTable.get(name) ?? 0
        );
      }
      case "__has_declspec_attribute":
        return q.declspecAttribute?.(rawName) ?? 0;
      case "__has_cpp_attribute":
        return 0;
      case "__is_identifier":
        return keywordSet.has(rawName) ? 0 : 1;
    }
  }
}

/** Normalizes `gnu::__packed__` to `gnu::packed`; unscoped names lose their underscores too. */
function scoped(name: string, keepUnscopedUnderscores: boolean): string {
  const sep = name.indexOf("::");
  if (sep < 0) return keepUnscopedUnderscores ? name : normalizeName(name);
  const scope = normalizeName(name.slice(0, sep));
  return `${scope}::${normalizeName(name.slice(sep + 2))}`;
}
