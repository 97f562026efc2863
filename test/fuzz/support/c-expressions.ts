// Random C integer constant expressions: a full generator (literals of every base and
// suffix at type boundaries, casts, sizeof, enums, every operator) checked against clang,
// and an int-only generator that carries its value from a simple reference evaluation.
import fc from "fast-check";

export const PRELUDE = `typedef unsigned long u_long;
typedef unsigned char u_char;
typedef long long quad_t;
typedef int int_array3[3];
enum colour { RED = 5, GREEN, BLUE = -3 };
enum big { BIG = 0x100000000 };
`;

const BOUNDARIES = [
  0n,
  1n,
  2n,
  7n,
  127n,
  128n,
  255n,
  256n,
  32767n,
  32768n,
  65535n,
  65536n,
  2147483647n,
  2147483648n,
  4294967295n,
  4294967296n,
  9223372036854775807n,
  9223372036854775808n,
  18446744073709551615n,
];
const SUFFIXES = ["", "", "", "u", "U", "l", "L", "ul", "UL", "lu", "ll", "LL", "ull", "ULL"];
const INTEGER_TYPES = [
  "char",
  "signed char",
  "unsigned char",
  "short",
  "unsigned short",
  "int",
  "unsigned",
  "long",
  "unsigned long",
  "long long",
  "unsigned long long",
  "_Bool",
  "u_long",
  "u_char",
  "quad_t",
  "enum colour",
  "__int128",
  "unsigned __int128",
];
const SIZED_TYPES = [
  ...INTEGER_TYPES,
  "void *",
  "int_array3",
  "int[5]",
  "double",
  "long double",
  "float",
  "char *[3]",
  "enum big",
];
const CHARS = ["'a'", "'\\n'", "'\\0'", "'\\377'", "'\\x7f'", "'\\''", "'\\\\'", "' '"];
const BINARY = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "<<",
  ">>",
  "<",
  ">",
  "<=",
  ">=",
  "==",
  "!=",
  "&",
  "^",
  "|",
  "&&",
  "||",
];
const UNARY = ["-", "+", "~", "!"];

const literal: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...BOUNDARIES), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n })),
    fc.constantFrom("dec", "hex", "oct"),
    fc.constantFrom(...SUFFIXES),
  )
  .map(([value, base, suffix]) => {
    const digits =
      base === "hex"
        ? `0x${value.toString(16)}`
        : base === "oct"
          ? `0${value.toString(8)}`
          : `${value}`;
    return digits + suffix;
  });

function leafFor(wide: boolean): fc.Arbitrary<string> {
  const integerTypes = wide ? INTEGER_TYPES : INTEGER_TYPES.filter((t) => !t.includes("__int128"));
  const sizedTypes = wide ? SIZED_TYPES : SIZED_TYPES.filter((t) => !t.includes("__int128"));
  return fc.oneof(
    { weight: 6, arbitrary: literal },
    { weight: 1, arbitrary: fc.constantFrom(...CHARS) },
    { weight: 1, arbitrary: fc.constantFrom("RED", "GREEN", "BLUE", "BIG") },
    { weight: 1, arbitrary: fc.constantFrom(...sizedTypes).map((t) => `sizeof(${t})`) },
    { weight: 1, arbitrary: fc.constantFrom(...sizedTypes).map((t) => `_Alignof(${t})`) },
    { weight: 1, arbitrary: fc.constantFrom(...integerTypes).map((t) => `(${t})1`) },
  );
}

/**
 * Any expression, with or without redundant parentheses (so precedence is exercised).
 * `wide`: whether __int128 may appear (clang rejects it anywhere on 32-bit targets, even in
 * an arm it does not evaluate, where our evaluator never looks).
 */
export function cExpressionFor(wide: boolean): fc.Arbitrary<string> {
  const leaf = leafFor(wide);
  const integerTypes = wide ? INTEGER_TYPES : INTEGER_TYPES.filter((t) => !t.includes("__int128"));
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { maxDepth: 4, depthIdentifier: "expr" },
      { weight: 3, arbitrary: leaf },
      {
        weight: 2,
        arbitrary: fc
          .tuple(tie("expr"), fc.constantFrom(...BINARY), tie("expr"), fc.boolean())
          .map(([a, op, b, paren]) => (paren ? `(${a} ${op} ${b})` : `${a} ${op} ${b}`)),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(...UNARY), tie("expr")).map(([op, a]) => `${op}(${a})`),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...integerTypes), tie("expr"))
          .map(([t, a]) => `(${t})(${a})`),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(tie("expr"), tie("expr"), tie("expr"))
          .map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
      },
      { weight: 1, arbitrary: tie("expr").map((a) => `sizeof(${a})`) },
    ),
  })).expr;
}

export const cExpression = cExpressionFor(true);

/** An int-only expression and its value, or null where C leaves it undefined or it overflows. */
export interface ReferenceExpression {
  text: string;
  value: bigint | null;
}

const INT_MIN = -(1n << 31n);
const INT_MAX = (1n << 31n) - 1n;
const asInt = (v: bigint | null): bigint | null =>
  v === null || v < INT_MIN || v > INT_MAX ? null : v;
const truth = (v: boolean): bigint => (v ? 1n : 0n);

/** C's int arithmetic on exact integers; null for overflow, division by zero, bad shifts. */
export function referenceBinary(op: string, a: bigint | null, b: bigint | null): bigint | null {
  if (a === null || b === null) return null;
  switch (op) {
    case "+":
      return asInt(a + b);
    case "-":
      return asInt(a - b);
    case "*":
      return asInt(a * b);
    case "/":
      return b === 0n ? null : asInt(a / b);
    case "%":
      return b === 0n || asInt(a / b) === null ? null : a % b;
    case "<<":
      return b < 0n || b >= 32n || a < 0n ? null : asInt(a << b);
    case ">>":
      return b < 0n || b >= 32n ? null : a >> b;
    case "<":
      return truth(a < b);
    case ">":
      return truth(a > b);
    case "<=":
      return truth(a <= b);
    case ">=":
      return truth(a >= b);
    case "==":
      return truth(a === b);
    case "!=":
      return truth(a !== b);
    case "&":
      return a & b;
    case "^":
      return a ^ b;
    case "|":
      return a | b;
    case "&&":
      return truth(a !== 0n && b !== 0n);
    case "||":
      return truth(a !== 0n || b !== 0n);
  }
  throw new Error(`no reference for ${op}`);
}

export const intExpression: fc.Arbitrary<ReferenceExpression> = fc.letrec<{
  expr: ReferenceExpression;
}>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 5, depthIdentifier: "int" },
    {
      weight: 3,
      arbitrary: fc
        .integer({ min: 0, max: 70000 })
        .map((n) => ({ text: `${n}`, value: BigInt(n) })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(tie("expr"), fc.constantFrom(...BINARY), tie("expr"))
        .map(([a, op, b]) => ({
          text: `(${a.text} ${op} ${b.text})`,
          value: referenceBinary(op, a.value, b.value),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...UNARY), tie("expr")).map(([op, a]) => ({
        text: `${op}(${a.text})`,
        value:
          a.value === null
            ? null
            : op === "-"
              ? asInt(-a.value)
              : op === "~"
                ? ~a.value
                : op === "!"
                  ? truth(a.value === 0n)
                  : a.value,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => ({
        text: `(${c.text} ? ${a.text} : ${b.text})`,
        // Both arms must be defined: what an unevaluated arm may do is clang's business.
        value:
          c.value === null || a.value === null || b.value === null
            ? null
            : c.value !== 0n
              ? a.value
              : b.value,
      })),
    },
  ),
})).expr;
