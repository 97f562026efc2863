// Classifies the macro table: integer and string constants (evaluated on the target),
// function-like macros kept verbatim, and everything else with the reason.
import {
  decodeStringLiteral,
  evaluate,
  ExprSyntaxError,
  NotConstantError,
  parseConstExpr,
} from "../consteval/index.js";
import { DiagnosticError } from "../diagnostics/index.js";
import type { DeclLocation, MacroDefinition, MacroSummary, TranslationUnit } from "../ir/index.js";
import type { ParseContext } from "./context.js";
import { MacroExpander, MacroExpansionError } from "./macro-expand.js";

function locationOf(ctx: ParseContext, m: MacroDefinition): DeclLocation | null {
  if (!m.location) return null;
  const { file, header } = ctx.resolvePath(m.location.file);
  return { file, line: m.location.line, column: m.location.column, header };
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
    try {
      const expr = parseConstExpr(tokens, ctx.abi, types);
      const v = evaluate(env, expr);
      summary.constants.push({
        kind: "integer",
        name,
        value: v.value.toString(),
        type: v.type,
        location,
      });
    } catch (e) {
      if (e instanceof NotConstantError) {
        summary.other.push({
          name,
          reason: e.reason === "layout" ? "needs record layout" : e.message,
        });
      } else if (e instanceof ExprSyntaxError) {
        summary.other.push({ name, reason: `not an expression: ${e.message}` });
      } else if (e instanceof DiagnosticError) {
        // The layout stage could not lay out a record the macro needs (e.g. incomplete).
        summary.other.push({ name, reason: e.diagnostics.map((d) => d.message).join("; ") });
      } else throw e;
    }
  }
  return summary;
}
