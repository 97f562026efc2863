// sizeof/alignof for every type that needs no record layout, straight from the target ABI.
// Records are delegated to the layout stage's LayoutQuery when one is supplied.
import type { CType, FieldPathStep, IntegerKind, LayoutQuery } from "../ir/index.js";
import { builtinTypeLayout } from "../targets/builtin-types.js";
import type { ScalarLayout, TargetAbi } from "../targets/types.js";
import { NotConstantError, resolveType } from "./evaluate.js";

export interface ScalarLayoutEnv {
  abi: TargetAbi;
  resolveTypedef(name: string): CType | undefined;
  /** Alignment forced by aligned(N) on a typedef, if any. */
  typedefAlign?(name: string): number | undefined;
  enumUnderlying(id: string): IntegerKind | undefined;
}

function builtinLayout(abi: TargetAbi, name: string): ScalarLayout {
  const layout = builtinTypeLayout(abi, name);
  if (!layout) throw new NotConstantError(`no size for type '${name}'`, "value");
  // Size 0 marks a type the target lacks (__int128 on 32-bit targets).
  if (layout.size === 0)
    throw new NotConstantError(`'${name}' is not supported on this target`, "value");
  return layout;
}

export function scalarLayout(env: ScalarLayoutEnv, records?: LayoutQuery): LayoutQuery {
  const needRecords = (what: string): LayoutQuery => {
    if (!records) throw new NotConstantError(`${what} needs record layout`, "layout");
    return records;
  };
  const query: LayoutQuery = {
    sizeOf(type: CType): number {
      if (type.kind === "typedef") {
        const next = env.resolveTypedef(type.name);
        if (!next) throw new NotConstantError(`unknown type name '${type.name}'`, "value");
        return query.sizeOf(next);
      }
      switch (type.kind) {
        case "builtin":
          return builtinLayout(env.abi, type.name).size;
        case "pointer":
          return env.abi.scalars.pointer.size;
        case "array":
          if (type.length === null)
            throw new NotConstantError("sizeof of an incomplete array", "value");
          return type.length * query.sizeOf(type.element);
        case "function":
          return 1;
        case "enum":
          return builtinLayout(env.abi, env.enumUnderlying(type.id) ?? "unsigned int").size;
        case "record":
          return needRecords(`sizeof(${type.id})`).sizeOf(type);
      }
    },
    alignOf(type: CType, preferred: boolean): number {
      if (type.kind === "typedef") {
        const forced = env.typedefAlign?.(type.name);
        if (forced !== undefined) return forced;
        const next = env.resolveTypedef(type.name);
        if (!next) throw new NotConstantError(`unknown type name '${type.name}'`, "value");
        return query.alignOf(next, preferred);
      }
      switch (type.kind) {
        case "builtin": {
          const l = builtinLayout(env.abi, type.name);
          return preferred ? (l.preferredAlign ?? l.align) : l.align;
        }
        case "pointer":
          return env.abi.scalars.pointer.align;
        case "array":
          return query.alignOf(type.element, preferred);
        case "function":
          return 1;
        case "enum": {
          const l = builtinLayout(env.abi, env.enumUnderlying(type.id) ?? "unsigned int");
          return preferred ? (l.preferredAlign ?? l.align) : l.align;
        }
        case "record":
          return needRecords(`alignof(${type.id})`).alignOf(type, preferred);
      }
    },
    offsetOf(record: CType, path: FieldPathStep[]): number {
      const r = resolveType(env, record);
      return needRecords(`offsetof(${r.kind === "record" ? r.id : "?"})`).offsetOf(record, path);
    },
  };
  return query;
}
