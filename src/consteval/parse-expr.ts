// Tokens to ConstExpr: a precedence-climbing parser for C constant expressions, with type
// names in casts, sizeof, alignof, offsetof and typeof.
import type { CType, FieldPathStep } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";
import type { BinaryOp, ConstExpr } from "./expr.js";
import { literalType } from "./integers.js";
import type { Token } from "./lexer.js";
import { BUILTIN_TYPE_WORDS, builtinFromWords } from "./type-words.js";
import { decodeCharConstant, decodeStringLiteral, parseIntegerLiteral } from "./literals.js";

/** How the parser learns which identifiers name types. */
export interface TypeNameContext {
  isTypedefName(name: string): boolean;
  recordRef(kind: "struct" | "union", tag: string): CType;
  enumRef(tag: string): CType;
}

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly token: Token | undefined,
  ) {
    super(message);
    this.name = "ExprSyntaxError";
  }
}

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

const QUALIFIER_WORDS = new Set([
  "const",
  "volatile",
  "restrict",
  "__const",
  "__volatile",
  "__volatile__",
  "__restrict",
  "__restrict__",
  "_Atomic",
]);
const SIZEOF_WORDS = new Set(["sizeof"]);
const ALIGNOF_WORDS: Record<string, boolean> = {
  _Alignof: false,
  alignof: false,
  __alignof__: true,
  __alignof: true,
};
const OFFSETOF_WORDS = new Set(["__builtin_offsetof", "offsetof"]);
const TYPEOF_WORDS = new Set(["typeof", "__typeof", "__typeof__"]);
const IGNORED_WORDS = new Set(["__extension__"]);

export class ExprParser {
  private pos = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly abi: TargetAbi,
    private readonly types: TypeNameContext,
  ) {}

  /** Parses the whole token list as one expression (commas included). */
  parseAll(): ConstExpr {
    const e = this.comma();
    if (this.pos < this.tokens.length)
      this.fail(`unexpected '${this.peek()!.text}' in constant expression`);
    return e;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private fail(message: string): never {
    throw new ExprSyntaxError(message, this.peek() ?? this.tokens[this.tokens.length - 1]);
  }

  private accept(text: string): boolean {
    if (this.peek()?.text === text) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.accept(text))
      this.fail(`expected '${text}'${this.peek() ? ` before '${this.peek()!.text}'` : " at end"}`);
  }

  private comma(): ConstExpr {
    let e = this.conditional();
    while (this.accept(",")) e = { kind: "binary", op: ",", left: e, right: this.conditional() };
    return e;
  }

  private conditional(): ConstExpr {
    const cond = this.binary(1);
    if (!this.accept("?")) return cond;
    const then = this.comma();
    this.expect(":");
    return { kind: "ternary", cond, then, otherwise: this.conditional() };
  }

  private binary(minPrec: number): ConstExpr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t && t.kind === "punct" ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.pos++;
      const right = this.binary(prec + 1);
      left = { kind: "binary", op: t!.text as BinaryOp, left, right };
    }
  }

  /** Whether the tokens at the cursor begin a type name. */
  startsTypeName(offset = 0): boolean {
    const t = this.peek(offset);
    if (!t || t.kind !== "ident") return false;
    return (
      BUILTIN_TYPE_WORDS.has(t.text) ||
      QUALIFIER_WORDS.has(t.text) ||
      TYPEOF_WORDS.has(t.text) ||
      t.text === "struct" ||
      t.text === "union" ||
      t.text === "enum" ||
      this.types.isTypedefName(t.text)
    );
  }

  private unary(): ConstExpr {
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
    if (t.kind === "ident" && t.text in ALIGNOF_WORDS) {
      this.pos++;
      const preferred = ALIGNOF_WORDS[t.text]!;
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

  /** specifier-qualifier-list abstract-declarator? */
  typeName(): CType {
    const base = this.specifiers();
    return this.abstractDeclarator(base);
  }

  private specifiers(): CType {
    const words: string[] = [];
    let named: CType | null = null;
    const quals: { const?: true; volatile?: true } = {};
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== "ident") break;
      if (QUALIFIER_WORDS.has(t.text)) {
        this.pos++;
        if (t.text.includes("const")) quals.const = true;
        if (t.text.includes("volatile")) quals.volatile = true;
        continue;
      }
      if (BUILTIN_TYPE_WORDS.has(t.text)) {
        this.pos++;
        words.push(t.text);
        continue;
      }
      if (named || words.length > 0) break;
      if (t.text === "struct" || t.text === "union" || t.text === "enum") {
        this.pos++;
        const tag = this.peek();
        if (tag?.kind !== "ident") this.fail(`expected a tag after '${t.text}'`);
        this.pos++;
        named =
          t.text === "enum" ? this.types.enumRef(tag.text) : this.types.recordRef(t.text, tag.text);
        continue;
      }
      if (TYPEOF_WORDS.has(t.text))
        this.fail("typeof in a constant expression type name is not supported");
      if (this.types.isTypedefName(t.text)) {
        this.pos++;
        named = { kind: "typedef", name: t.text };
        continue;
      }
      break;
    }
    let type: CType;
    if (named) type = named;
    else {
      const b = builtinFromWords(words);
      if (!b) this.fail(`invalid type specifiers '${words.join(" ")}'`);
      type = { kind: "builtin", name: b };
    }
    return { ...type, ...quals } as CType;
  }

  private abstractDeclarator(base: CType): CType {
    let type = base;
    while (this.accept("*")) {
      type = { kind: "pointer", pointee: type };
      while (this.peek()?.kind === "ident" && QUALIFIER_WORDS.has(this.peek()!.text)) {
        const q = this.tokens[this.pos++]!.text;
        type = {
          ...type,
          ...(q.includes("const")
            ? { const: true }
            : q.includes("volatile")
              ? { volatile: true }
              : { restrict: true }),
        } as CType;
      }
    }
    if (this.peek()?.text === "(" && this.peek(1)?.text === "*") {
      // Function pointer or pointer to array: ( * ) followed by a suffix.
      this.pos += 2;
      let depth = 1;
      while (this.accept("*")) depth++;
      this.expect(")");
      const inner = this.suffixes(type);
      let result: CType = inner;
      for (let i = 0; i < depth; i++) result = { kind: "pointer", pointee: result };
      return result;
    }
    return this.suffixes(type);
  }

  private suffixes(base: CType): CType {
    if (this.peek()?.text === "[") {
      this.pos++;
      if (this.accept("]")) return { kind: "array", element: this.suffixes(base), length: null };
      const start = this.pos;
      let depth = 1;
      while (this.pos < this.tokens.length && depth > 0) {
        const t = this.tokens[this.pos]!.text;
        if (t === "[") depth++;
        else if (t === "]") depth--;
        this.pos++;
      }
      const lenTokens = this.tokens.slice(start, this.pos - 1);
      const lit =
        lenTokens.length === 1 && lenTokens[0]!.kind === "number"
          ? parseIntegerLiteral(lenTokens[0]!.text)
          : null;
      if (!lit) this.fail("array bounds inside a constant expression must be integer literals");
      return { kind: "array", element: this.suffixes(base), length: Number(lit.value) };
    }
    if (this.peek()?.text === "(") {
      // A parameter list: its contents do not matter for sizes of pointers to it.
      const start = this.pos;
      let depth = 0;
      do {
        const t = this.tokens[this.pos]!.text;
        if (t === "(") depth++;
        else if (t === ")") depth--;
        this.pos++;
      } while (this.pos < this.tokens.length && depth > 0);
      const variadic = this.tokens.slice(start, this.pos).some((t) => t.text === "...");
      return { kind: "function", returnType: base, params: [], variadic, prototyped: false };
    }
    return base;
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
