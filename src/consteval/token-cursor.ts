// A cursor over tokens with the error reporting both parsers share.
import type { Token } from "./lexer.js";
import { QuietError } from "./quiet-error.js";

export class ExprSyntaxError extends QuietError {
  constructor(
    message: string,
    readonly token: Token | undefined,
  ) {
    super(message);
    this.name = "ExprSyntaxError";
  }
}

/** Deepest nesting of operands (clang's bracket depth): deeper input would overflow the stack. */
const MAX_NESTING = 256;

export class TokenCursor {
  protected pos = 0;
  /** Operands (and declarator suffixes) currently open; see enterNested. */
  protected depth = 0;

  constructor(protected readonly tokens: readonly Token[]) {}

  /** Whether every token has been consumed. */
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  protected peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  protected fail(message: string): never {
    throw new ExprSyntaxError(message, this.peek() ?? this.tokens[this.tokens.length - 1]);
  }

  protected accept(text: string): boolean {
    if (this.peek()?.text === text) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Counts one more level of nesting; the caller decrements `depth` when it closes. */
  protected enterNested(): void {
    if (++this.depth > MAX_NESTING) this.fail("expression nested too deeply");
  }

  protected expect(text: string): void {
    if (!this.accept(text))
      this.fail(`expected '${text}'${this.peek() ? ` before '${this.peek()!.text}'` : " at end"}`);
  }
}
