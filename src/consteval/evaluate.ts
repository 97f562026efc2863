// Evaluation of integer constant expressions with C semantics on a given target.
import type { CType, IntegerKind, LayoutQuery } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";
import type { ConstExpr } from "./expr.js";
import {
  commonType,
  convert,
  integerBits,
  isIntegerKind,
  promote,
  type IntValue,
} from "./integers.js";
import { QuietError } from "./quiet-error.js";
import { builtinFromWords } from "./type-words.js";

/** Why an expression has no integer value. */
export class NotConstantError extends QuietError {
  constructor(
    message: string,
    /** "layout": needs a record's size or offsets; "value": not an integer constant at all. */
    readonly reason: "layout" | "value",
  ) {
    super(message);
    this.name = "NotConstantError";
  }
}

export interface EvalEnv {
  abi: TargetAbi;
  layout: LayoutQuery;
  /** Value of an enumeration constant, or undefined for any other identifier. */
  enumConstant(name: string): IntValue | undefined;
  resolveTypedef(name: string): CType | undefined;
  /** Integer type of an enum (for casts to it); undefined when unknown. */
  enumUnderlying(id: string): IntegerKind | undefined;
  /** Type of a member of a record type (for sizeof of a member expression). */
  fieldType(record: CType, field: string): CType | undefined;
  /** Declared type of a variable or function, for typeof/sizeof of expressions naming one. */
  objectType?(name: string): CType | undefined;
}

export function sizeType(abi: TargetAbi): IntegerKind {
  const t = builtinFromWords(abi.standardTypes.sizeType.split(/\s+/));
  return t !== null && isIntegerKind(t) ? t : "unsigned long";
}

/** Follows typedefs until a non-typedef type; qualifiers of the outer levels are dropped. */
export function resolveType(env: Pick<EvalEnv, "resolveTypedef">, type: CType): CType {
  let t = type;
  for (let guard = 0; t.kind === "typedef" && guard < 100; guard++) {
    const next = env.resolveTypedef(t.name);
    if (!next) throw new NotConstantError(`unknown type name '${t.name}'`, "value");
    t = next;
  }
  return t;
}

/** The integer kind a type converts to in a cast, or null when it is not an integer type. */
export function integerKindOf(env: EvalEnv, type: CType): IntegerKind | null {
  const t = resolveType(env, type);
  if (t.kind === "builtin" && isIntegerKind(t.name)) {
    if (integerBits(env.abi, t.name) > 64 && !env.abi.scalars.__int128.size)
      throw new NotConstantError(`'${t.name}' is not supported on this target`, "value");
    return t.name;
  }
  if (t.kind === "enum") return env.enumUnderlying(t.id) ?? "unsigned int";
  return null;
}

const INT: CType = { kind: "builtin", name: "int" };

/** The static type of an expression, for sizeof/alignof of expressions. */
export function typeOfExpr(env: EvalEnv, e: ConstExpr): CType {
  switch (e.kind) {
    case "int":
      return { kind: "builtin", name: e.type };
    case "float":
      return {
        kind: "builtin",
        name: /[fF]$/.test(e.text) ? "float" : /[lL]$/.test(e.text) ? "long double" : "double",
      };
    case "string":
      return {
        kind: "array",
        element: { kind: "builtin", name: "char" },
        length: e.value.length + 1,
      };
    case "ident": {
      const c = env.enumConstant(e.name);
      if (c) return { kind: "builtin", name: c.type };
      const declared = env.objectType?.(e.name);
      if (declared) return declared;
      throw new NotConstantError(`'${e.name}' is not a constant`, "value");
    }
    case "cast":
      return e.type;
    case "unary": {
      if (e.op === "!") return INT;
      const inner = typeOfExpr(env, e.operand);
      if (e.op === "&") return { kind: "pointer", pointee: inner };
      if (e.op === "*") {
        const r = resolveType(env, inner);
        if (r.kind === "pointer") return r.pointee;
        if (r.kind === "array") return r.element;
        throw new NotConstantError("dereference of a non-pointer", "value");
      }
      const k = integerKindOf(env, inner);
      return k ? { kind: "builtin", name: promote({ value: 0n, type: k }).type } : inner;
    }
    case "member": {
      let obj = resolveType(env, typeOfExpr(env, e.object));
      if (e.arrow) {
        if (obj.kind !== "pointer") throw new NotConstantError("'->' on a non-pointer", "value");
        obj = resolveType(env, obj.pointee);
      }
      const f = env.fieldType(obj, e.field);
      if (!f) throw new NotConstantError(`no member named '${e.field}'`, "value");
      return f;
    }
    case "index": {
      const obj = resolveType(env, typeOfExpr(env, e.object));
      if (obj.kind === "pointer") return obj.pointee;
      if (obj.kind === "array") return obj.element;
      throw new NotConstantError("subscript of a non-array", "value");
    }
    case "binary": {
      if (e.op === ",") return typeOfExpr(env, e.right);
      if (["<", ">", "<=", ">=", "==", "!=", "&&", "||"].includes(e.op)) return INT;
      const l = integerKindOf(env, typeOfExpr(env, e.left));
      if (e.op === "<<" || e.op === ">>")
        return { kind: "builtin", name: promote({ value: 0n, type: l ?? "int" }).type };
      const r = integerKindOf(env, typeOfExpr(env, e.right));
      if (!l || !r) throw new NotConstantError("arithmetic on non-integer operands", "value");
      return {
        kind: "builtin",
        name: commonType(
          env.abi,
          promote({ value: 0n, type: l }).type,
          promote({ value: 0n, type: r }).type,
        ),
      };
    }
    case "ternary": {
      const a = integerKindOf(env, typeOfExpr(env, e.then));
      const b = integerKindOf(env, typeOfExpr(env, e.otherwise));
      if (!a || !b) return typeOfExpr(env, e.then);
      return {
        kind: "builtin",
        name: commonType(
          env.abi,
          promote({ value: 0n, type: a }).type,
          promote({ value: 0n, type: b }).type,
        ),
      };
    }
    case "sizeof":
    case "sizeofExpr":
    case "alignof":
    case "alignofExpr":
    case "offsetof":
      return { kind: "builtin", name: sizeType(env.abi) };
    case "call":
      throw new NotConstantError(`call to '${e.callee}' is not a constant expression`, "value");
  }
}

function asInt(env: EvalEnv, v: bigint, type: IntegerKind): IntValue {
  return convert(env.abi, v, type);
}

function arithmetic(env: EvalEnv, op: string, a: IntValue, b: IntValue): IntValue {
  const pa = promote(a);
  const pb = promote(b);
  if (op === "<<" || op === ">>") {
    // Out-of-range shifts are undefined; clang still folds them in C (with a warning):
    // a negative count shifts the other way, a count past the width is clamped to width-1.
    const bits = BigInt(integerBits(env.abi, pa.type));
    let count = pb.value;
    let left = op === "<<";
    if (count < 0n) {
      count = -count;
      left = !left;
    }
    if (count >= bits) count = bits - 1n;
    return left ? asInt(env, pa.value << count, pa.type) : asInt(env, pa.value >> count, pa.type);
  }
  const type = commonType(env.abi, pa.type, pb.type);
  const x = convert(env.abi, pa.value, type).value;
  const y = convert(env.abi, pb.value, type).value;
  switch (op) {
    case "+":
      return asInt(env, x + y, type);
    case "-":
      return asInt(env, x - y, type);
    case "*":
      return asInt(env, x * y, type);
    case "/":
    case "%":
      if (y === 0n) throw new NotConstantError("division by zero", "value");
      return asInt(env, op === "/" ? x / y : x % y, type);
    case "&":
      return asInt(env, x & y, type);
    case "|":
      return asInt(env, x | y, type);
    case "^":
      return asInt(env, x ^ y, type);
    case "<":
      return { value: x < y ? 1n : 0n, type: "int" };
    case ">":
      return { value: x > y ? 1n : 0n, type: "int" };
    case "<=":
      return { value: x <= y ? 1n : 0n, type: "int" };
    case ">=":
      return { value: x >= y ? 1n : 0n, type: "int" };
    case "==":
      return { value: x === y ? 1n : 0n, type: "int" };
    case "!=":
      return { value: x !== y ? 1n : 0n, type: "int" };
  }
  throw new NotConstantError(`operator '${op}' is not supported`, "value");
}

/** A floating constant, possibly signed (the operand of a cast to an integer type). */
function floatingValue(e: ConstExpr): number | null {
  if (e.kind === "float") return Number(e.text.replace(/[fFlL]$/, ""));
  if (e.kind === "unary" && (e.op === "-" || e.op === "+")) {
    const inner = floatingValue(e.operand);
    return inner === null ? null : e.op === "-" ? -inner : inner;
  }
  return null;
}

export function evaluate(env: EvalEnv, e: ConstExpr): IntValue {
  switch (e.kind) {
    case "int":
      return { value: e.value, type: e.type };
    case "float":
      throw new NotConstantError(`floating constant ${e.text} is not an integer`, "value");
    case "string":
      throw new NotConstantError("a string literal is not an integer constant", "value");
    case "ident": {
      const c = env.enumConstant(e.name);
      if (!c) throw new NotConstantError(`'${e.name}' is not a constant`, "value");
      return c;
    }
    case "unary": {
      if (e.op === "!")
        return { value: evaluate(env, e.operand).value === 0n ? 1n : 0n, type: "int" };
      if (e.op === "*" || e.op === "&")
        throw new NotConstantError(`unary '${e.op}' is not an integer constant`, "value");
      const v = promote(evaluate(env, e.operand));
      if (e.op === "-") return asInt(env, -v.value, v.type);
      if (e.op === "~") return asInt(env, ~v.value, v.type);
      return v;
    }
    case "binary": {
      if (e.op === "&&") {
        if (evaluate(env, e.left).value === 0n) return { value: 0n, type: "int" };
        return { value: evaluate(env, e.right).value === 0n ? 0n : 1n, type: "int" };
      }
      if (e.op === "||") {
        if (evaluate(env, e.left).value !== 0n) return { value: 1n, type: "int" };
        return { value: evaluate(env, e.right).value === 0n ? 0n : 1n, type: "int" };
      }
      if (e.op === ",") {
        evaluate(env, e.left);
        return evaluate(env, e.right);
      }
      return arithmetic(env, e.op, evaluate(env, e.left), evaluate(env, e.right));
    }
    case "ternary": {
      const resultType = typeOfExpr(env, e);
      const k = integerKindOf(env, resultType) ?? "int";
      const chosen = evaluate(env, e.cond).value !== 0n ? e.then : e.otherwise;
      return convert(env.abi, evaluate(env, chosen).value, k);
    }
    case "cast": {
      const k = integerKindOf(env, e.type);
      if (!k) throw new NotConstantError("cast to a non-integer type", "value");
      const f = floatingValue(e.operand);
      if (f !== null) {
        if (!Number.isFinite(f))
          throw new NotConstantError("cast of a non-finite floating constant", "value");
        return convert(env.abi, BigInt(Math.trunc(f)), k);
      }
      return convert(env.abi, evaluate(env, e.operand).value, k);
    }
    case "sizeof":
      return { value: BigInt(env.layout.sizeOf(e.type)), type: sizeType(env.abi) };
    case "sizeofExpr":
      return {
        value: BigInt(env.layout.sizeOf(typeOfExpr(env, e.operand))),
        type: sizeType(env.abi),
      };
    case "alignof":
      return { value: BigInt(env.layout.alignOf(e.type, e.preferred)), type: sizeType(env.abi) };
    case "alignofExpr":
      return {
        value: BigInt(env.layout.alignOf(typeOfExpr(env, e.operand), e.preferred)),
        type: sizeType(env.abi),
      };
    case "offsetof":
      return { value: BigInt(env.layout.offsetOf(e.type, e.path)), type: sizeType(env.abi) };
    case "member":
    case "index":
      throw new NotConstantError("member access is not an integer constant", "value");
    case "call":
      throw new NotConstantError(`call to '${e.callee}' is not a constant expression`, "value");
  }
}
