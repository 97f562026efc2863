// Classifies the macro table: integer and string constants (evaluated on the target),
// function-like macros kept verbatim, and everything else with the reason.
import {
  decodeStringLiteral,
  evaluate,
  ExprSyntaxError,
  NotConstantError,
  parseConstExpr,
  scalarLayout,
  type EvalEnv,
  type Token,
  type TypeNameContext,
} from "../consteval/index.js";
import { DiagnosticError } from "../diagnostics/index.js";
import type {
  DeclLocation,
  FunctionMacro,
  IntegerKind,
  MacroConstant,
  MacroDefinition,
  MacroSummary,
} from "../ir/index.js";
import type { ParseContext } from "./context.js";
import { MacroExpander, MacroExpansionError } from "./macro-expand.js";
import type { PathResolver } from "./paths.js";
import type { TargetAbi } from "../targets/types.js";

function locationOf(resolvePath: PathResolver, m: MacroDefinition): DeclLocation | null {
  if (!m.location) return null;
  const { file, header } = resolvePath(m.location.file);
  return { file, line: m.location.line, column: m.location.column, header };
}

/** An integer macro's value and type, or why it is not one. */
type Outcome = { value: string; type: IntegerKind } | { reason: string };

/** Evaluates an expansion on the target; the same tokens always give the same outcome. */
function evaluateExpansion(
  tokens: readonly Token[],
  abi: TargetAbi,
  env: EvalEnv,
  types: TypeNameContext,
): Outcome {
  try {
    const v = evaluate(env, parseConstExpr(tokens, abi, types));
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

/**
 * What one macro is, in name order: an entry of the summary's constants, function-like or
 * other list, or an expansion still to be evaluated against the unit's declarations.
 */
export type MacroDecision =
  | { list: "constants"; entry: MacroConstant }
  | { list: "functionLike"; entry: FunctionMacro }
  | { list: "other"; entry: { name: string; reason: string } }
  | { list: "pending"; name: string; tokens: Token[]; location: DeclLocation | null };

/** The macro table classified as far as it can be without the unit (see classifyMacros). */
export interface ClassifiedMacros {
  decisions: MacroDecision[];
}

/** Thrown by the declaration-free environment where an answer needs the unit's declarations. */
class NeedsDeclarations extends Error {}

const needsDeclarations = (): never => {
  throw new NeedsDeclarations();
};

/**
 * An environment with no declarations that says so (NeedsDeclarations) whenever an
 * evaluation asks for one, rather than answering "unknown": what it evaluates is final.
 */
function declarationFreeEnv(abi: TargetAbi): { env: EvalEnv; types: TypeNameContext } {
  const base = {
    abi,
    resolveTypedef: needsDeclarations,
    typedefAlign: needsDeclarations,
    enumUnderlying: needsDeclarations,
  };
  const records = {
    sizeOf: needsDeclarations,
    alignOf: needsDeclarations,
    offsetOf: needsDeclarations,
  };
  return {
    env: {
      ...base,
      layout: scalarLayout(base, records),
      enumConstant: needsDeclarations,
      objectType: needsDeclarations,
      fieldType: needsDeclarations,
    },
    types: {
      isTypedefName: needsDeclarations,
      recordRef: (kind, tag) => ({ kind: "record", recordKind: kind, id: `${kind} ${tag}` }),
      enumRef: (tag) => ({ kind: "enum", id: `enum ${tag}` }),
    },
  };
}

/**
 * Classifies the macro table without the unit's declarations: function-like and empty
 * macros, strings, and every integer expression whose value does not depend on a typedef,
 * enumerator, record or object. The rest are left pending for finishMacroSummary. This
 * needs only the preprocessor's table, so it can run while the text is still being parsed.
 */
export function classifyMacros(
  table: readonly MacroDefinition[],
  abi: TargetAbi,
  resolvePath: PathResolver,
): ClassifiedMacros {
  const free = declarationFreeEnv(abi);
  return classify(table, resolvePath, (tokens) => {
    try {
      return evaluateExpansion(tokens, abi, free.env, free.types);
    } catch (e) {
      if (e instanceof NeedsDeclarations) return undefined;
      throw e;
    }
  });
}

/** Expands and classifies every macro; `evaluateTokens` is undefined when it cannot decide. */
function classify(
  table: readonly MacroDefinition[],
  resolvePath: PathResolver,
  evaluateTokens: (tokens: readonly Token[]) => Outcome | undefined,
): ClassifiedMacros {
  const byName = new Map<string, MacroDefinition>();
  for (const m of table) {
    if (m.defined) byName.set(m.name, m);
    else byName.delete(m.name);
  }
  const expander = new MacroExpander(byName);
  const decisions: MacroDecision[] = [];
  const evaluateOnce = onceByText(evaluateTokens);
  const names = [...byName.keys()].sort();
  for (const name of names) {
    const m = byName.get(name)!;
    const location = locationOf(resolvePath, m);
    if (m.params !== null) {
      decisions.push({
        list: "functionLike",
        entry: { name, params: m.params, body: m.body, location },
      });
      continue;
    }
    if (m.body.trim() === "") {
      decisions.push({ list: "other", entry: { name, reason: "empty" } });
      continue;
    }
    let tokens;
    try {
      tokens = expander.expandMacro(name);
    } catch (e) {
      if (e instanceof MacroExpansionError) {
        decisions.push({ list: "other", entry: { name, reason: e.message } });
        continue;
      }
      throw e;
    }
    if (tokens.length > 0 && tokens.every((t) => t.kind === "string")) {
      const value = tokens.map((t) => decodeStringLiteral(t.text)).join("");
      decisions.push({ list: "constants", entry: { kind: "string", name, value, location } });
      continue;
    }
    decisions.push(decide(name, tokens, location, evaluateOnce(tokens)));
  }
  return { decisions };
}

/** `evaluate` run once per distinct expansion: most repeat (4 500 of 5 500 are one number). */
function onceByText<T>(evaluate: (tokens: readonly Token[]) => T): (tokens: readonly Token[]) => T {
  const outcomes = new Map<string, T>();
  return (tokens) => {
    const key = tokens.map((t) => t.text).join("\n");
    if (outcomes.has(key)) return outcomes.get(key)!;
    const outcome = evaluate(tokens);
    outcomes.set(key, outcome);
    return outcome;
  };
}

function decide(
  name: string,
  tokens: Token[],
  location: DeclLocation | null,
  outcome: Outcome | undefined,
): MacroDecision {
  if (outcome === undefined) return { list: "pending", name, tokens, location };
  if ("reason" in outcome) return { list: "other", entry: { name, reason: outcome.reason } };
  return { list: "constants", entry: { kind: "integer", name, ...outcome, location } };
}

/** The summary, evaluating what classification left pending against the unit (in `ctx`). */
export function finishMacroSummary(classified: ClassifiedMacros, ctx: ParseContext): MacroSummary {
  const env = ctx.evalEnv();
  const types = ctx.typeNames();
  const summary: MacroSummary = { constants: [], functionLike: [], other: [] };
  const evaluateOnce = onceByText((tokens) => evaluateExpansion(tokens, ctx.abi, env, types));
  for (let d of classified.decisions) {
    if (d.list === "pending") d = decide(d.name, d.tokens, d.location, evaluateOnce(d.tokens));
    if (d.list === "constants") summary.constants.push(d.entry);
    else if (d.list === "functionLike") summary.functionLike.push(d.entry);
    else if (d.list === "other") summary.other.push(d.entry);
  }
  return summary;
}

/** Classifies and evaluates the whole table against the unit (in `ctx`). */
export function summarizeMacros(
  table: readonly MacroDefinition[],
  ctx: ParseContext,
): MacroSummary {
  const env = ctx.evalEnv();
  const types = ctx.typeNames();
  const classified = classify(table, ctx.resolvePath, (tokens) =>
    evaluateExpansion(tokens, ctx.abi, env, types),
  );
  return finishMacroSummary(classified, ctx);
}
