// #if arithmetic: C integer constant expressions in intmax_t/uintmax_t (64-bit), with the
// usual arithmetic conversions, short-circuit evaluation (no division error in the untaken
// branch), clang's shift and overflow behaviour and its bracket depth limit.
import { fail, type SourceLocation } from "../diagnostics/index.js";
import { isPunct, type Token } from "./tokens.js";
import { characterValue, integerValue } from "./literals.js";

interface Value {
  v: bigint;
  unsigned: boolean;
}

const M64 = (1n << 64n) - 1n;
const wrap = (v: bigint, unsigned: boolean): Value => ({
  v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v),
  unsigned,
});
const bool = (b: boolean): Value => ({ v: b ? 1n : 0n, unsigned: false });

export interface ExpressionOptions {
  charIsSigned: boolean;
  maxBracketDepth: number;
  /** Location used when the expression ends too early. */
  end: SourceLocation;
}

const loc = (t: Token): SourceLocation => ({ file: t.file, line: t.line, column: t.column });

// Binary operators by precedence (higher binds tighter).
const PRECEDENCE: Record<string, number> = {
  "*": 10,
  "/": 10,
  "%": 10,
  "+": 9,
  "-": 9,
  "<<": 8,
  ">>": 8,
  "<": 7,
  ">": 7,
  "<=": 7,
  ">=": 7,
  "==": 6,
  "!=": 6,
  "&": 5,
  "^": 4,
  "|": 3,
  "&&": 2,
  "||": 1,
};

/**
 * Evaluates fully expanded #if tokens (`defined` already replaced by 0/1 numbers and
 * remaining identifiers meaning 0). Returns whether the expression is non-zero.
 */
export function evaluateCondition(tokens: Token[], options: ExpressionOptions): boolean {
  if (tokens.length === 0) fail("expected value in expression", options.end);
  const p = new ExpressionParser(tokens, options);
  const result = p.comma(true);
  const extra = tokens[p.pos];
  if (extra) {
    if (isPunct(extra, ")")) fail("expected end of line in preprocessor expression", loc(extra));
    fail("token is not a valid binary operator in a preprocessor subexpression", loc(extra));
  }
  return result.v !== 0n;
}

class ExpressionParser {
  pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly options: ExpressionOptions,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private where(): SourceLocation {
    const t = this.peek();
    return t ? loc(t) : this.options.end;
  }

  comma(evaluate: boolean): Value {
    let v = this.conditional(evaluate);
    while (this.peek() && isPunct(this.peek()!, ",")) {
      this.pos++;
      v = this.conditional(evaluate);
    }
    return v;
  }

  private conditional(evaluate: boolean): Value {
    const cond = this.binary(1, evaluate);
    const q = this.peek();
    if (!q || !isPunct(q, "?")) return cond;
    this.pos++;
    this.enter(q);
    const taken = cond.v !== 0n;
    const a = this.comma(evaluate && taken);
    const colon = this.peek();
    if (!colon || !isPunct(colon, ":"))
      fail("expected ':' in preprocessor expression", this.where());
    this.pos++;
    const b = this.conditional(evaluate && !taken);
    this.depth--;
    const unsigned = a.unsigned || b.unsigned;
    return wrap(taken ? a.v : b.v, unsigned);
  }

  private enter(at: Token): void {
    if (++this.depth > this.options.maxBracketDepth) {
      fail(`bracket nesting level exceeded maximum of ${this.options.maxBracketDepth}`, loc(at));
    }
  }

  private binary(minPrec: number, evaluate: boolean): Value {
    let lhs = this.unary(evaluate);
    for (;;) {
      const op = this.peek();
      if (!op || op.kind !== "punctuator") return lhs;
      const prec = PRECEDENCE[op.text];
      if (prec === undefined || prec < minPrec) return lhs;
      this.pos++;
      if (op.text === "&&" || op.text === "||") {
        const lhsTrue = lhs.v !== 0n;
        const rhsEvaluated = evaluate && (op.text === "&&" ? lhsTrue : !lhsTrue);
        const rhs = this.binary(prec + 1, rhsEvaluated);
        lhs = bool(op.text === "&&" ? lhsTrue && rhs.v !== 0n : lhsTrue || rhs.v !== 0n);
        continue;
      }
      const rhs = this.binary(prec + 1, evaluate);
      lhs = applyBinary(op, lhs, rhs, evaluate);
    }
  }

  private unary(evaluate: boolean): Value {
    // Prefix operators are collected in a loop so that `!!!!...x` cannot exhaust the stack.
    const ops: Token[] = [];
    for (;;) {
      const t = this.peek();
      if (
        t &&
        t.kind === "punctuator" &&
        (t.text === "+" || t.text === "-" || t.text === "~" || t.text === "!")
      ) {
        ops.push(t);
        this.pos++;
      } else break;
    }
    let v = this.primary(evaluate);
    for (let k = ops.length - 1; k >= 0; k--) {
      const op = ops[k]!.text;
      if (op === "-") v = wrap(-v.v, v.unsigned);
      else if (op === "~") v = wrap(~v.v, v.unsigned);
      else if (op === "!") v = bool(v.v === 0n);
    }
    return v;
  }

  private primary(evaluate: boolean): Value {
    const t = this.peek();
    if (!t) fail("expected value in expression", this.options.end);
    this.pos++;
    switch (t.kind) {
      case "number": {
        const n = integerValue(t.text, loc(t));
        return { v: n.value, unsigned: n.unsigned };
      }
      case "char": {
        const c = characterValue(t.text, this.options.charIsSigned, loc(t));
        return { v: c.value, unsigned: c.unsigned };
      }
      case "identifier":
        return { v: 0n, unsigned: false };
      case "punctuator":
        if (t.text === "(") {
          this.enter(t);
          const v = this.comma(evaluate);
          const close = this.peek();
          if (!close || !isPunct(close, ")"))
            fail("expected ')' in preprocessor expression", this.where());
          this.pos++;
          this.depth--;
          return v;
        }
        break;
      default:
        break;
    }
    fail("invalid token at start of a preprocessor expression", loc(t));
  }
}

function applyBinary(op: Token, a: Value, b: Value, evaluate: boolean): Value {
  const text = op.text;
  if (text === "<<" || text === ">>") {
    // The result has the left operand's type; out-of-range shifts behave as clang's APInt does.
    const amount = b.unsigned || b.v >= 0n ? BigInt.asUintN(64, b.v) : M64;
    if (text === "<<")
      return amount >= 64n ? wrap(0n, a.unsigned) : wrap(a.v << amount, a.unsigned);
    return wrap(a.v >> (amount >= 64n ? 63n : amount), a.unsigned);
  }
  const unsigned = a.unsigned || b.unsigned;
  const x = unsigned ? BigInt.asUintN(64, a.v) : a.v;
  const y = unsigned ? BigInt.asUintN(64, b.v) : b.v;
  switch (text) {
    case "*":
      return wrap(x * y, unsigned);
    case "/":
    case "%":
      if (y === 0n) {
        if (evaluate)
          fail(
            `${text === "/" ? "division" : "remainder"} by zero in preprocessor expression`,
            loc(op),
          );
        return wrap(0n, unsigned);
      }
      return wrap(text === "/" ? x / y : x % y, unsigned);
    case "+":
      return wrap(x + y, unsigned);
    case "-":
      return wrap(x - y, unsigned);
    case "<":
      return bool(x < y);
    case ">":
      return bool(x > y);
    case "<=":
      return bool(x <= y);
    case ">=":
      return bool(x >= y);
    case "==":
      return bool(x === y);
    case "!=":
      return bool(x !== y);
    case "&":
      return wrap(x & y, unsigned);
    case "^":
      return wrap(x ^ y, unsigned);
    case "|":
      return wrap(x | y, unsigned);
  }
  fail(`unexpected operator '${text}' in preprocessor expression`, loc(op));
}
