// Classifies the macro table: integer and string constants (evaluated on the target),
// function-like macros kept verbatim, and everything else with the reason.
import {
  decodeStringLiteral,
  evaluate,
  ExprSyntaxError,
  NotConstantError,
  parseConstExpr,
  type EvalEnv,
  type Token,
  type TypeNameContext,
} from "../consteval/index.js";
import { DiagnosticError } from "../diagnostics/index.js";
import type {
  DeclLocation,
  IntegerKind,
  MacroDefinition,
  MacroSummary,
  TranslationUnit,
} from "../ir/index.js";
import type { ParseContext } from "./context.js";
import { MacroExpander, MacroExpansionError } from "./macro-expand.js";

function locationOf(ctx: ParseContext, m: MacroDefinition): DeclLocation | null {
  if (!m.location) return null;
  const { file, header } = ctx.resolvePath(m.location.file);
  return { file, line: m.location.line, column: m.location.column, header };
}

/** An integer macro's value and type, or why it is not one. */
type Outcome = { value: string; type: IntegerKind } | { reason: string };

/** Evaluates an expansion on the target; the same tokens always give the same outcome. */
function evaluateExpansion(
  tokens: readonly Token[],
  ctx: ParseContext,
  env: EvalEnv,
  types: TypeNameContext,
): Outcome {
  try {
    const v = evaluate(env, parseConstExpr(tokens, ctx.abi, types));
    return { value: v.value.toString(), type: v.type };
  } catch (e) {
    if (e instanceof NotConstantError)
      return { reason: e.reason === "layout" ? "needs record layout" : e.message };
    if (e instanceof ExprSyntaxError) return { reason: `not an expression: ${e.message}` };
    // The layout stage could not lay out a record the macro needs (e.g. incomplete).
    if (e instanceof DiagnosticError)
      return { reason: e.diagnostics.map((d) => d.message).join("; ") };
    throw e;
  }
}

export function summarizeMacros(
  table: readonly MacroDefinition[],
  _unit: TranslationUnit,
  ctx: ParseContext,
): MacroSummary {
  const byName = new Map<string, MacroDefinition>();
  for (const m of table) {
    if (m.defined) byName.set(m.name, m);
    else byName.delete(m.name);
  }
  const expander = new MacroExpander(byName);
  const env = ctx.evalEnv();
  const types = ctx.typeNames();
  const summary: MacroSummary = { constants: [], functionLike: [], other: [] };
  const outcomes = new Map<string, Outcome>();
  const names = [...byName.keys()].sort();
  for (const name of names) {
    const m = byName.get(name)!;
    const location = locationOf(ctx, m);
    if (m.params !== null) {
      summary.functionLike.push({ name, params: m.params, body: m.body, location });
      continue;
    }
    if (m.body.trim() === "") {
      summary.other.push({ name, reason: "empty" });
      continue;
    }
    let tokens;
    try {
      tokens = expander.expandMacro(name);
    } catch (e) {
      if (e instanceof MacroExpansionError) {
        summary.other.push({ name, reason: e.message });
        continue;
      }
      throw e;
    }
    if (tokens.length > 0 && tokens.every((t) => t.kind === "string")) {
      const value = tokens.map((t) => decodeStringLiteral(t.text)).join("");
      summary.constants.push({ kind: "string", name, value, location });
      continue;
    }
    // Most expansions repeat (4 500 of 5 500 are one number): evaluate each text once.
    const key = tokens.map((t) => t.text).join("\n");
    let outcome = outcomes.get(key);
    if (outcome === undefined) {
      outcome = evaluateExpansion(tokens, ctx, env, types);
      outcomes.set(key, outcome);
    }
    if ("reason" in outcome) summary.other.push({ name, reason: outcome.reason });
    else summary.constants.push({ kind: "integer", name, ...outcome, location });
  }
  return summary;
}
