// Tokens to ConstExpr: a precedence-climbing parser for C constant expressions, with type
// names in casts, sizeof, alignof, offsetof and typeof.
import type { FieldPathStep } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";
import type { BinaryOp, ConstExpr } from "./expr.js";
import { literalType } from "./integers.js";
import type { Token } from "./lexer.js";
import { decodeCharConstant, decodeStringLiteral, parseIntegerLiteral } from "./literals.js";
import { ExprSyntaxError } from "./token-cursor.js";
import { TypeNameParser, type TypeNameContext } from "./type-name.js";

export { ExprSyntaxError } from "./token-cursor.js";
export type { TypeNameContext } from "./type-name.js";

const BINARY_PRECEDENCE: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "|": 3,
  "^": 4,
  "&": 5,
  "==": 6,
  "!=": 6,
  "<": 7,
  ">": 7,
  "<=": 7,
  ">=": 7,
  "<<": 8,
  ">>": 8,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10,
};

const SIZEOF_WORDS = new Set(["sizeof"]);
// Maps, not objects: an identifier such as `toString` must not find Object.prototype.
const ALIGNOF_WORDS = new Map<string, boolean>([
  ["_Alignof", false],
  ["alignof", false],
  ["__alignof__", true],
  ["__alignof", true],
]);
const OFFSETOF_WORDS = new Set(["__builtin_offsetof", "offsetof"]);
const IGNORED_WORDS = new Set(["__extension__"]);

export class ExprParser extends TypeNameParser {
  constructor(
    tokens: readonly Token[],
    private readonly abi: TargetAbi,
    types: TypeNameContext,
  ) {
    super(tokens, types);
  }

  /** Parses the whole token list as one expression (commas included). */
  parseAll(): ConstExpr {
    const e = this.comma();
    if (this.pos < this.tokens.length)
      this.fail(`unexpected '${this.peek()!.text}' in constant expression`);
    return e;
  }

  private comma(): ConstExpr {
    const outer = this.depth;
    let e = this.conditional();
    while (this.accept(",")) {
      // A chain of operators is a tree as deep as it is long.
      this.enterNested();
      e = { kind: "binary", op: ",", left: e, right: this.conditional() };
    }
    this.depth = outer;
    return e;
  }

  private conditional(): ConstExpr {
    const cond = this.binary(1);
    if (!this.accept("?")) return cond;
    this.enterNested();
    const then = this.comma();
    this.expect(":");
    const e: ConstExpr = { kind: "ternary", cond, then, otherwise: this.conditional() };
    this.depth--;
    return e;
  }

  private binary(minPrec: number): ConstExpr {
    const outer = this.depth;
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t && t.kind === "punct" ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) {
        this.depth = outer;
        return left;
      }
      this.pos++;
      this.enterNested();
      const right = this.binary(prec + 1);
      left = { kind: "binary", op: t!.text as BinaryOp, left, right };
    }
  }

  private unary(): ConstExpr {
    this.enterNested();
    const e = this.unaryOperand();
    this.depth--;
    return e;
  }

  private unaryOperand(): ConstExpr {
    const t = this.peek();
    if (!t) this.fail("expected an expression");
    if (t.kind === "ident" && IGNORED_WORDS.has(t.text)) {
      this.pos++;
      return this.unary();
    }
    if (t.kind === "punct" && ["-", "+", "~", "!", "*", "&"].includes(t.text)) {
      this.pos++;
      return { kind: "unary", op: t.text as "-", operand: this.unary() };
    }
    if (t.kind === "ident" && SIZEOF_WORDS.has(t.text)) {
      this.pos++;
      if (this.peek()?.text === "(" && this.startsTypeName(1)) {
        this.pos++;
        const type = this.typeName();
        this.expect(")");
        return { kind: "sizeof", type };
      }
      return { kind: "sizeofExpr", operand: this.unary() };
    }
    const preferredAlign = t.kind === "ident" ? ALIGNOF_WORDS.get(t.text) : undefined;
    if (preferredAlign !== undefined) {
      this.pos++;
      const preferred = preferredAlign;
      if (this.peek()?.text === "(" && this.startsTypeName(1)) {
        this.pos++;
        const type = this.typeName();
        this.expect(")");
        return { kind: "alignof", type, preferred };
      }
      return { kind: "alignofExpr", operand: this.unary(), preferred };
    }
    if (t.text === "(" && this.startsTypeName(1)) {
      this.pos++;
      const type = this.typeName();
      this.expect(")");
      if (this.peek()?.text === "{") this.fail("compound literals are not constant expressions");
      return { kind: "cast", type, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: ConstExpr): ConstExpr {
    let e = base;
    for (;;) {
      const t = this.peek();
      if (t?.text === "->" || t?.text === ".") {
        this.pos++;
        const name = this.peek();
        if (name?.kind !== "ident") this.fail("expected a member name");
        this.pos++;
        e = { kind: "member", object: e, field: name.text, arrow: t.text === "->" };
      } else if (t?.text === "[") {
        this.pos++;
        const index = this.comma();
        this.expect("]");
        e = { kind: "index", object: e, index };
      } else if (t?.text === "(" && e.kind === "ident") {
        this.pos++;
        const args: ConstExpr[] = [];
        if (!this.accept(")")) {
          do args.push(this.conditional());
          while (this.accept(","));
          this.expect(")");
        }
        e = { kind: "call", callee: e.name, args };
      } else return e;
    }
  }

  private primary(): ConstExpr {
    const t = this.peek();
    if (!t) this.fail("expected an expression");
    switch (t.kind) {
      case "number": {
        this.pos++;
        const lit = parseIntegerLiteral(t.text);
        if (!lit) return { kind: "float", text: t.text };
        const type =
          literalType(this.abi, lit.value, lit.decimal, lit.suffix) ?? "unsigned long long";
        return { kind: "int", value: lit.value, type };
      }
      case "char": {
        this.pos++;
        const value = decodeCharConstant(t.text, this.abi.charIsSigned);
        if (value === null) this.fail(`unsupported character constant ${t.text}`);
        return { kind: "int", value, type: "int" };
      }
      case "string": {
        let value = "";
        while (this.peek()?.kind === "string")
          value += decodeStringLiteral(this.tokens[this.pos++]!.text);
        return { kind: "string", value };
      }
      case "ident": {
        this.pos++;
        if (OFFSETOF_WORDS.has(t.text) && this.peek()?.text === "(") return this.offsetof();
        return { kind: "ident", name: t.text };
      }
      case "punct":
        if (t.text === "(") {
          this.pos++;
          if (this.peek()?.text === "{")
            this.fail("statement expressions are not constant expressions");
          const e = this.comma();
          this.expect(")");
          return e;
        }
        this.fail(`unexpected '${t.text}' in constant expression`);
    }
  }

  private offsetof(): ConstExpr {
    this.expect("(");
    const type = this.typeName();
    this.expect(",");
    const path: FieldPathStep[] = [];
    for (;;) {
      const name = this.peek();
      if (name?.kind !== "ident") this.fail("expected a member name in offsetof");
      this.pos++;
      path.push({ field: name.text });
      while (this.peek()?.text === "[") {
        this.pos++;
        const idx = this.peek();
        const lit = idx?.kind === "number" ? parseIntegerLiteral(idx.text) : null;
        if (!lit) this.fail("offsetof array index must be an integer literal");
        this.pos++;
        this.expect("]");
        path.push({ index: Number(lit.value) });
      }
      if (!this.accept(".")) break;
    }
    this.expect(")");
    return { kind: "offsetof", type, path };
  }
}

export function parseConstExpr(
  tokens: readonly Token[],
  abi: TargetAbi,
  types: TypeNameContext,
): ConstExpr {
  if (tokens.length === 0) throw new ExprSyntaxError("empty expression", undefined);
  return new ExprParser(tokens, abi, types).parseAll();
}
