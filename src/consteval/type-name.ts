// Type names inside expressions (casts, sizeof, alignof, offsetof): specifiers and an
// abstract declarator, enough for the kernel's constant expressions.
import type { CType } from "../ir/index.js";
import type { Token } from "./lexer.js";
import { parseIntegerLiteral } from "./literals.js";
import { TokenCursor } from "./token-cursor.js";
import { BUILTIN_TYPE_WORDS, builtinFromWords } from "./type-words.js";

/** How the parser learns which identifiers name types. */
export interface TypeNameContext {
  isTypedefName(name: string): boolean;
  recordRef(kind: "struct" | "union", tag: string): CType;
  enumRef(tag: string): CType;
}

export const QUALIFIER_WORDS = new Set([
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
export const TYPEOF_WORDS = new Set(["typeof", "__typeof", "__typeof__"]);

export class TypeNameParser extends TokenCursor {
  constructor(
    tokens: readonly Token[],
    protected readonly types: TypeNameContext,
  ) {
    super(tokens);
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

  /** specifier-qualifier-list abstract-declarator? */
  typeName(): CType {
    const outer = this.depth;
    const base = this.specifiers();
    const type = this.abstractDeclarator(base);
    this.depth = outer;
    return type;
  }

  protected specifiers(): CType {
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

  protected abstractDeclarator(base: CType): CType {
    let type = base;
    while (this.accept("*")) {
      // Each pointer nests the type one level deeper, and types are walked recursively.
      this.enterNested();
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

  protected suffixes(base: CType): CType {
    if (this.peek()?.text === "[") {
      this.pos++;
      this.enterNested();
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
