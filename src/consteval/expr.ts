// The constant-expression tree both declarations (array bounds, bitfield widths, enum
// values, _Static_assert, aligned(N)) and macro bodies are parsed into.
import type { CType, FieldPathStep, IntegerKind } from "../ir/index.js";

export type BinaryOp =
  | "*"
  | "/"
  | "%"
  | "+"
  | "-"
  | "<<"
  | ">>"
  | "<"
  | ">"
  | "<="
  | ">="
  | "=="
  | "!="
  | "&"
  | "^"
  | "|"
  | "&&"
  | "||"
  | ",";

export type UnaryOp = "+" | "-" | "~" | "!" | "*" | "&";

export type ConstExpr =
  /** Integer literal or character constant, already typed. */
  | { kind: "int"; value: bigint; type: IntegerKind }
  | { kind: "float"; text: string }
  | { kind: "string"; value: string }
  | { kind: "ident"; name: string }
  | { kind: "unary"; op: UnaryOp; operand: ConstExpr }
  | { kind: "binary"; op: BinaryOp; left: ConstExpr; right: ConstExpr }
  | { kind: "ternary"; cond: ConstExpr; then: ConstExpr; otherwise: ConstExpr }
  | { kind: "cast"; type: CType; operand: ConstExpr }
  | { kind: "sizeof"; type: CType }
  | { kind: "sizeofExpr"; operand: ConstExpr }
  | { kind: "alignof"; type: CType; preferred: boolean }
  | { kind: "alignofExpr"; operand: ConstExpr; preferred: boolean }
  | { kind: "offsetof"; type: CType; path: FieldPathStep[] }
  | { kind: "member"; object: ConstExpr; field: string; arrow: boolean }
  | { kind: "index"; object: ConstExpr; index: ConstExpr }
  | { kind: "call"; callee: string; args: ConstExpr[] };
