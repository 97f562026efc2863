// File-scope items: declarations, typedefs, function definitions and _Static_assert.
import { MAX_TREE_DEPTH, type CstNode as SyntaxNode } from "./cst.js";
import type { CType, VariableAttributes } from "../ir/index.js";
import { functionAttributes, typedefAttributes, variableAttributes } from "./attributes.js";
import type { ParseContext } from "./context.js";
import { recordStaticAssert } from "./static-asserts.js";
import { applyDeclarator, readSpecifiers, typeFromSpecifier, type Scope } from "./cst-types.js";

const FILE_SCOPE: Scope = { parentRecord: null };

/** First ERROR, MISSING or too deeply nested node under `node`, skipping function bodies. */
function firstProblem(node: SyntaxNode): SyntaxNode | null {
  if (node.type === "ERROR" || node.isMissing || node.tooDeep) return node;
  if (!node.hasError) return null;
  for (const c of node.children) {
    if (c.type === "compound_statement" && node.type === "function_definition") continue;
    if (isUnnamedBitfieldName(c) || isUnnamedBitfieldWidth(c)) continue;
    const p = firstProblem(c);
    if (p) return p;
  }
  return null;
}

/**
 * The grammar wants a name before every bitfield width, so for `int : 3;` it inserts a
 * MISSING field_identifier. That is C's unnamed bitfield, not an error.
 */
export function isUnnamedBitfieldName(node: SyntaxNode): boolean {
  return (
    node.isMissing &&
    node.type === "field_identifier" &&
    node.nextSibling?.type === "bitfield_clause"
  );
}

/**
 * For an unnamed bitfield whose type is several keywords without `int` (`long long : 0;`,
 * `unsigned short : 3;`) the grammar stops after the type and leaves `: width` in an ERROR
 * node. That too is C's unnamed bitfield: the width is the ERROR node's tokens after `:`.
 */
export function isUnnamedBitfieldWidth(node: SyntaxNode): boolean {
  return (
    node.type === "ERROR" &&
    node.parent?.type === "field_declaration" &&
    node.children[0]?.type === ":" &&
    node.previousSibling?.type === "sized_type_specifier"
  );
}

function describeProblem(ctx: ParseContext, p: SyntaxNode): string {
  if (p.tooDeep) return `nesting too deep: more than ${MAX_TREE_DEPTH} levels of syntax tree`;
  if (p.isMissing) return `syntax error: expected '${p.type}'`;
  const text = ctx.text
    .slice(p.startIndex, Math.min(p.endIndex, p.startIndex + 40))
    .replace(/\s+/g, " ")
    .trim();
  return `syntax error: unexpected '${text}'`;
}

function declaratorsOf(node: SyntaxNode): SyntaxNode[] {
  return node.childrenForFieldName("declarator");
}

function unwrapInit(node: SyntaxNode): SyntaxNode {
  return node.type === "init_declarator" ? node.childForFieldName("declarator")! : node;
}

function resolvesToFunction(ctx: ParseContext, type: CType): boolean {
  let t = type;
  for (let guard = 0; t.kind === "typedef" && guard < 100; guard++) {
    const next = ctx.unit.resolveTypedef(t.name);
    if (!next) return false;
    t = next;
  }
  return t.kind === "function";
}

/**
 * `leadStart` is where the previous item ended: attributes and `_Noreturn` written before
 * the first token the grammar kept (they were blanked) still belong to this declaration.
 */
function handleDeclaration(
  ctx: ParseContext,
  node: SyntaxNode,
  body: SyntaxNode | null,
  leadStart: number,
): void {
  const decls = declaratorsOf(node);
  const firstStart = decls[0]?.startIndex ?? node.endIndex;
  const specs = readSpecifiers(ctx, node, FILE_SCOPE, firstStart);
  const shared = ctx.claimAttributes(leadStart, firstStart);
  for (let k = 0; k < decls.length; k++) {
    const d = decls[k]!;
    const end =
      k + 1 < decls.length ? decls[k + 1]!.startIndex : body ? body.startIndex : node.endIndex;
    const declared = applyDeclarator(ctx, unwrapInit(d), specs.type, FILE_SCOPE);
    const groups = ctx.claimAttributes(d.startIndex, end, shared);
    const label = ctx.claimAsmLabel(d.startIndex, end);
    if (declared.name === null) {
      ctx.report(d, "declaration without a name");
      continue;
    }
    const location = ctx.location(declared.nameNode ?? d);
    if (resolvesToFunction(ctx, declared.type)) {
      ctx.unit.addFunction({
        name: declared.name,
        type: declared.type,
        storage: specs.storage,
        inline: specs.inline,
        body: body ? ctx.location(body) : null,
        attributes: functionAttributes(ctx, groups, label),
        location,
      });
    } else {
      if (body) ctx.report(d, "a body after a declarator that is not a function");
      ctx.unit.addVariable({
        name: declared.name,
        type: declared.type,
        storage: specs.storage,
        attributes: withAlignas(variableAttributes(ctx, groups, label), specs.alignas),
        location,
      });
    }
  }
}

function withAlignas(attrs: VariableAttributes, alignas: number | undefined): VariableAttributes {
  if (alignas !== undefined) attrs.aligned = Math.max(attrs.aligned ?? 0, alignas);
  return attrs;
}

function handleTypedef(ctx: ParseContext, node: SyntaxNode, leadStart: number): void {
  const decls = declaratorsOf(node);
  const firstStart = decls[0]?.startIndex ?? node.endIndex;
  const specs = readSpecifiers(ctx, node, FILE_SCOPE, firstStart);
  const shared = ctx.claimAttributes(leadStart, firstStart);
  for (let k = 0; k < decls.length; k++) {
    const d = decls[k]!;
    const end = k + 1 < decls.length ? decls[k + 1]!.startIndex : node.endIndex;
    const declared = applyDeclarator(ctx, d, specs.type, FILE_SCOPE);
    const groups = ctx.claimAttributes(d.startIndex, end, shared);
    if (declared.name === null) {
      ctx.report(d, "typedef without a name");
      continue;
    }
    const name = declared.name;
    const type = declared.type;
    const attrs = typedefAttributes(ctx, groups);
    const location = ctx.location(declared.nameNode ?? d);
    ctx.unit.addTypedef(
      attrs.packed === undefined && attrs.aligned === undefined
        ? { name, type, location }
        : { name, type, ...attrs, location },
    );
  }
}

function handleStaticAssert(ctx: ParseContext, node: SyntaxNode): boolean {
  const call = node.namedChildren[0];
  if (
    call?.type !== "call_expression" ||
    call.childForFieldName("function")?.text !== "_Static_assert"
  )
    return false;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  const cond = args[0];
  if (!cond) {
    ctx.report(node, "_Static_assert without a condition");
    return true;
  }
  const msgNode = args[1];
  recordStaticAssert(ctx, {
    at: node,
    conditionAt: cond,
    condition: ctx.tokensOf(cond),
    message: msgNode ? ctx.tokensOf(msgNode) : null,
  });
  return true;
}

/** Walks the file-scope items in order, each with its neighbours' offsets. */
export function walkTranslationUnit(ctx: ParseContext, items: Iterator<SyntaxNode>): void {
  let leadStart = 0;
  let current = items.next();
  while (!current.done) {
    const node = current.value;
    const next = items.next();
    walkItem(ctx, node, leadStart, next.done ? null : next.value);
    leadStart = node.endIndex;
    current = next;
  }
}

/**
 * One file-scope item. `leadStart` is where the previous item ended; `next` is the item
 * after it (attributes between the two belong to this one).
 */
function walkItem(
  ctx: ParseContext,
  node: SyntaxNode,
  leadStart: number,
  next: SyntaxNode | null,
): void {
  const problem = firstProblem(node);
  if (problem) {
    ctx.report(problem, describeProblem(ctx, problem));
    return;
  }
  switch (node.type) {
    case "declaration":
      handleDeclaration(ctx, node, null, leadStart);
      break;
    case "function_definition":
      handleDeclaration(ctx, node, node.childForFieldName("body"), leadStart);
      break;
    case "type_definition":
      handleTypedef(ctx, node, leadStart);
      break;
    // `struct s { ... } __attribute__((x));` reaches the root as a bare specifier.
    case "struct_specifier":
    case "union_specifier":
    case "enum_specifier": {
      const limit = next?.startIndex ?? node.endIndex;
      typeFromSpecifier(ctx, node, FILE_SCOPE, limit);
      break;
    }
    case "expression_statement":
      if (node.namedChildCount === 0) break; // a stray ';'
      if (!handleStaticAssert(ctx, node)) ctx.report(node, "expression at file scope");
      break;
    case ";":
    case "comment":
      break;
    default:
      ctx.report(node, `unsupported file-scope construct '${node.type}'`);
  }
}
