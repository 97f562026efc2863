// What GNU attributes mean for records, fields, typedefs, functions and variables.
import { DiagnosticError } from "../diagnostics/index.js";
import {
  decodeStringLiteral,
  evaluate,
  NotConstantError,
  parseConstExpr,
  ExprSyntaxError,
} from "../consteval/index.js";
import type {
  FieldAttributes,
  FunctionAttributes,
  RecordAttributes,
  VariableAttributes,
} from "../ir/index.js";
import type { ParseContext } from "./context.js";
import type { AttributeGroup, AttributeItem } from "./gnu-forms.js";
import type { Token } from "../consteval/index.js";

function items(groups: readonly AttributeGroup[]): AttributeItem[] {
  return groups.flatMap((g) => g.items);
}

/** Evaluates an attribute argument; reports at the group's position when it is not constant. */
function integerArg(ctx: ParseContext, tokens: Token[], at: number, what: string): number | null {
  try {
    const expr = parseConstExpr(tokens, ctx.abi, ctx.typeNames());
    return Number(evaluate(ctx.evalEnv(), expr).value);
  } catch (e) {
    if (e instanceof NotConstantError || e instanceof ExprSyntaxError) {
      const loc = ctx.locationOfOffset(at);
      ctx.diagnostics.push({
        severity: e instanceof NotConstantError && e.reason === "layout" ? "warning" : "error",
        message: `${what}: ${e.message}`,
        location: { file: loc.file, line: loc.line, column: loc.column },
      });
      return null;
    }
    if (e instanceof DiagnosticError) {
      const loc = ctx.locationOfOffset(at);
      const where = { file: loc.file, line: loc.line, column: loc.column };
      ctx.diagnostics.push(
        ...e.diagnostics.map((d) => (d.location ? d : { ...d, location: where })),
      );
      return null;
    }
    throw e;
  }
}

function alignedValue(ctx: ParseContext, item: AttributeItem, at: number): number | null {
  if (item.args.length === 0) return ctx.abi.maxAlign;
  return integerArg(ctx, item.args[0]!, at, "aligned() argument");
}

/** Attributes that shape layout, shared by records, fields and typedefs. */
function layoutAttributes(
  ctx: ParseContext,
  groups: readonly AttributeGroup[],
): { packed?: true; aligned?: number; other: string[] } {
  const out: { packed?: true; aligned?: number; other: string[] } = { other: [] };
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    for (let j = 0; j < g.items.length; j++) {
      const item = g.items[j]!;
      if (item.name === "packed") out.packed = true;
      else if (item.name === "aligned") {
        const v = alignedValue(ctx, item, g.start);
        // Several aligned() attributes: the largest wins.
        if (v !== null) out.aligned = Math.max(out.aligned ?? 0, v);
      } else out.other.push(item.name);
    }
  }
  return out;
}

function sortedUnique(names: string[]): string[] | undefined {
  if (names.length === 0) return undefined;
  if (names.length === 1) return names;
  return [...new Set(names)].sort();
}

export function recordAttributes(
  ctx: ParseContext,
  groups: readonly AttributeGroup[],
): RecordAttributes {
  if (groups.length === 0) return {};
  const l = layoutAttributes(ctx, groups);
  const out: RecordAttributes = {};
  if (l.packed) out.packed = true;
  if (l.aligned !== undefined) out.aligned = l.aligned;
  const other = sortedUnique(l.other);
  if (other) out.other = other;
  return out;
}

export function fieldAttributes(
  ctx: ParseContext,
  groups: readonly AttributeGroup[],
): FieldAttributes {
  if (groups.length === 0) return {};
  const l = layoutAttributes(ctx, groups);
  const out: FieldAttributes = {};
  if (l.packed) out.packed = true;
  if (l.aligned !== undefined) out.aligned = l.aligned;
  return out;
}

export function typedefAttributes(
  ctx: ParseContext,
  groups: readonly AttributeGroup[],
): { packed?: true; aligned?: number } {
  if (groups.length === 0) return {};
  const l = layoutAttributes(ctx, groups);
  const out: { packed?: true; aligned?: number } = {};
  if (l.packed) out.packed = true;
  if (l.aligned !== undefined) out.aligned = l.aligned;
  return out;
}

export function isPacked(groups: readonly AttributeGroup[]): boolean {
  return items(groups).some((i) => i.name === "packed");
}

function tokenText(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(" ");
}

export function functionAttributes(
  ctx: ParseContext,
  groups: readonly AttributeGroup[],
  asmLabel?: string,
): FunctionAttributes {
  const out: FunctionAttributes = {};
  if (groups.length === 0) {
    if (asmLabel !== undefined) out.asmLabel = asmLabel;
    return out;
  }
  const other: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    for (let j = 0; j < g.items.length; j++) {
      const item = g.items[j]!;
      if (item.name === "noreturn") out.noreturn = true;
      else if (item.name === "format" && item.args.length === 3) {
        const formatIndex = integerArg(ctx, item.args[1]!, g.start, "format() index");
        const firstToCheck = integerArg(ctx, item.args[2]!, g.start, "format() index");
        if (formatIndex !== null && firstToCheck !== null) {
          const archetype = tokenText(item.args[0]!).replace(/^__(.*)__$/, "$1");
          (out.format ??= []).push({ archetype, formatIndex, firstToCheck });
        }
      } else other.push(item.name);
    }
  }
  if (asmLabel !== undefined) out.asmLabel = asmLabel;
  const o = sortedUnique(other);
  if (o) out.other = o;
  return out;
}

export function variableAttributes(
  ctx: ParseContext,
  groups: readonly AttributeGroup[],
  asmLabel?: string,
): VariableAttributes {
  const out: VariableAttributes = {};
  if (groups.length === 0) {
    if (asmLabel !== undefined) out.asmLabel = asmLabel;
    return out;
  }
  const other: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    for (let j = 0; j < g.items.length; j++) {
      const item = g.items[j]!;
      if (item.name === "section" && item.args.length === 1) {
        out.section = item.args[0]!.filter((t) => t.kind === "string")
          .map((t) => decodeStringLiteral(t.text))
          .join("");
      } else if (item.name === "aligned") {
        const v = alignedValue(ctx, item, g.start);
        if (v !== null) out.aligned = Math.max(out.aligned ?? 0, v);
      } else other.push(item.name);
    }
  }
  if (asmLabel !== undefined) out.asmLabel = asmLabel;
  const o = sortedUnique(other);
  if (o) out.other = o;
  return out;
}
