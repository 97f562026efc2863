// _Static_assert, at file scope (a tree node) or inside a record body (a side-table entry):
// evaluated on the target and recorded; a false one is an error at its condition.
import {
  decodeStringLiteral,
  ExprSyntaxError,
  parseConstExpr,
  type Token,
} from "../consteval/index.js";
import type { ParseContext, Spot } from "./context.js";

export interface StaticAssertParts {
  /** Where the assertion starts, for its location. */
  at: Spot;
  /** Where the condition starts, for diagnostics about it. */
  conditionAt: Spot;
  condition: Token[];
  message: Token[] | null;
}

/** The condition as written, whitespace-normalized. */
function spell(ctx: ParseContext, tokens: readonly Token[]): string {
  if (tokens.length === 0) return "";
  return ctx.source.text
    .slice(tokens[0]!.start, tokens[tokens.length - 1]!.end)
    .replace(/\s+/g, " ")
    .trim();
}

export function recordStaticAssert(ctx: ParseContext, parts: StaticAssertParts): void {
  const message =
    parts.message === null
      ? null
      : parts.message
          .filter((t) => t.kind === "string")
          .map((t) => decodeStringLiteral(t.text))
          .join("");
  let holds: boolean | null = null;
  try {
    const expr = parseConstExpr(parts.condition, ctx.abi, ctx.typeNames());
    const value = ctx.evaluateExpr(parts.conditionAt, expr, "_Static_assert condition");
    holds = value === null ? null : value.value !== 0n;
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    ctx.report(parts.conditionAt, e.message);
  }
  if (holds === false) {
    ctx.report(
      parts.conditionAt,
      `static assertion failed${message !== null ? `: ${message}` : ""}`,
    );
  }
  ctx.unit.staticAsserts.push({
    condition: spell(ctx, parts.condition),
    message,
    holds,
    location: ctx.location(parts.at),
  });
}
