// Constant evaluation: C integer constant expressions on a target, from tokens or trees.
export { tokenize, type Token, type TokenKind } from "./lexer.js";
export type { ConstExpr, BinaryOp, UnaryOp } from "./expr.js";
export { parseConstExpr, ExprParser, ExprSyntaxError, type TypeNameContext } from "./parse-expr.js";
export {
  evaluate,
  typeOfExpr,
  resolveType,
  integerKindOf,
  sizeType,
  NotConstantError,
  type EvalEnv,
} from "./evaluate.js";
export {
  convert,
  promote,
  commonType,
  fits,
  isSigned,
  integerBits,
  isIntegerKind,
  minOf,
  maxOf,
  type IntValue,
} from "./integers.js";
export { scalarLayout, type ScalarLayoutEnv } from "./scalar-layout.js";
export { builtinFromWords, BUILTIN_TYPE_WORDS } from "./type-words.js";
export { decodeStringLiteral, decodeCharConstant, parseIntegerLiteral } from "./literals.js";
export { enumIntegerType } from "./enum-type.js";
