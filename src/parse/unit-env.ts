// Constant evaluation against a finished TranslationUnit: its typedefs, enums, records.
// Later stages (layout, emission) evaluate expressions through this.
import {
  evaluate,
  parseConstExpr,
  scalarLayout,
  tokenize,
  type EvalEnv,
  type IntValue,
  type TypeNameContext,
} from "../consteval/index.js";
import type { CType, IntegerKind, LayoutQuery, RecordDecl, TranslationUnit } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";

/** Type of a named member, looking through anonymous struct/union members. */
export function findField(
  records: ReadonlyMap<string, RecordDecl>,
  id: string,
  name: string,
): CType | undefined {
  const r = records.get(id);
  if (!r) return undefined;
  for (const f of r.fields) {
    if (f.name === name) return f.type;
    if (f.name === null && f.type.kind === "record") {
      const inner = findField(records, f.type.id, name);
      if (inner) return inner;
    }
  }
  return undefined;
}

export interface UnitEnvironment {
  env: EvalEnv;
  types: TypeNameContext;
}

export function unitEnvironment(
  unit: TranslationUnit,
  abi: TargetAbi,
  records?: LayoutQuery,
): UnitEnvironment {
  const typedefs = new Map(unit.typedefs.map((t) => [t.name, t]));
  const recordMap = new Map(unit.records.map((r) => [r.id, r]));
  const enums = new Map(unit.enums.map((e) => [e.id, e]));
  const constants = new Map<string, IntValue>();
  for (const e of unit.enums) {
    for (const k of e.enumerators) {
      const v = BigInt(k.value);
      const fitsInt = v >= -(2n ** 31n) && v < 2n ** 31n;
      constants.set(k.name, { value: v, type: fitsInt ? "int" : e.underlying });
    }
  }
  const base = {
    abi,
    resolveTypedef: (name: string) => typedefs.get(name)?.type,
    typedefAlign: (name: string) => typedefs.get(name)?.aligned,
    enumUnderlying: (id: string): IntegerKind | undefined => enums.get(id)?.underlying,
  };
  const env: EvalEnv = {
    ...base,
    layout: scalarLayout(base, records),
    enumConstant: (name) => constants.get(name),
    fieldType: (record, field) =>
      record.kind === "record" ? findField(recordMap, record.id, field) : undefined,
  };
  const types: TypeNameContext = {
    isTypedefName: (name) => typedefs.has(name),
    recordRef: (kind, tag) => ({ kind: "record", recordKind: kind, id: `${kind} ${tag}` }),
    enumRef: (tag) => ({ kind: "enum", id: `enum ${tag}` }),
  };
  return { env, types };
}

/**
 * Evaluates C source text as an integer constant expression in the unit's scope.
 * Throws ExprSyntaxError or NotConstantError (reason "layout" when record layout is needed).
 */
export function evaluateConstant(
  text: string,
  unit: TranslationUnit,
  abi: TargetAbi,
  records?: LayoutQuery,
): IntValue {
  const { env, types } = unitEnvironment(unit, abi, records);
  return evaluate(env, parseConstExpr(tokenize(text), abi, types));
}
