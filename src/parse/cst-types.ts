// Declaration specifiers and declarators of the tree to CTypes. Declarators are applied
// inside-out: `int *a[3]` wraps int in a pointer, then the array around it.
import type { CstNode as SyntaxNode } from "./cst.js";
import { BUILTIN_TYPE_WORDS, builtinFromWords, NotConstantError } from "../consteval/index.js";
import type { BuiltinKind, CType, FunctionParam, FunctionType, Qualifiers } from "../ir/index.js";
import type { ParseContext } from "./context.js";
import { defineEnum, defineRecord } from "./cst-records.js";

export interface Scope {
  /** The record whose body is being read, for nested definitions. */
  parentRecord: string | null;
}

export interface Specifiers {
  type: CType;
  storage: "extern" | "static" | "none";
  inline: boolean;
  /** `_Alignas(N)` / `_Alignas(type)`, in bytes: the declared object's alignment. */
  alignas?: number;
}

/** `_Alignas(expr)` or `_Alignas(type)`: the alignment it asks for, in bytes. */
function readAlignas(ctx: ParseContext, node: SyntaxNode, scope: Scope): number | null {
  const arg = node.namedChildren[0];
  if (!arg) return null;
  if (arg.type === "type_descriptor") {
    const specs = readSpecifiers(ctx, arg, scope, arg.endIndex);
    const decl = arg.childForFieldName("declarator");
    const type = decl ? applyDeclarator(ctx, decl, specs.type, scope).type : specs.type;
    try {
      return ctx.evalEnv().layout.alignOf(type, false);
    } catch (e) {
      if (e instanceof NotConstantError) {
        ctx.report(arg, `_Alignas: ${e.message}`);
        return null;
      }
      throw e;
    }
  }
  const v = ctx.evaluateNode(arg, "_Alignas argument");
  return v === null ? null : Number(v.value);
}

/** Names tree-sitter-c lexes as primitive types although C declares them with typedef. */
const C_PRIMITIVE_KEYWORDS = new Set(["char", "int", "float", "double", "void"]);

export function withQualifiers(type: CType, q: Qualifiers): CType {
  if (!q.const && !q.volatile && !q.restrict && !q.atomic && !q.nullability) return type;
  return { ...type, ...q };
}

function qualifierOf(node: SyntaxNode, q: Qualifiers): void {
  const t = node.text.trim();
  if (t === "const") q.const = true;
  else if (t === "volatile") q.volatile = true;
  else if (t === "restrict" || t === "__restrict__") q.restrict = true;
  else if (t === "_Atomic") q.atomic = true;
  else if (t === "_Nonnull") q.nullability = "nonnull";
  else if (t === "_Nullable") q.nullability = "nullable";
  else if (t === "_Null_unspecified") q.nullability = "unspecified";
}

/** Reads the specifiers of a declaration-like node (declaration, field, parameter, typedef). */
export function readSpecifiers(
  ctx: ParseContext,
  node: SyntaxNode,
  scope: Scope,
  trailingLimit: number,
): Specifiers {
  const q: Qualifiers = {};
  let storage: Specifiers["storage"] = "none";
  let inline = false;
  let alignasValue: number | undefined;
  let typeNode: SyntaxNode | null = null;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (typeNode === null && child.field === "type") typeNode = child;
    switch (child.type) {
      case "storage_class_specifier": {
        const s = child.text.trim();
        if (s === "extern" || s === "static") storage = s;
        else if (s === "inline" || s === "__inline" || s === "__inline__" || s === "__forceinline")
          inline = true;
        break;
      }
      case "type_qualifier": {
        const alignas = child.children[0]?.type === "alignas_qualifier" ? child.children[0] : null;
        if (alignas)
          alignasValue = Math.max(alignasValue ?? 0, readAlignas(ctx, alignas, scope) ?? 0);
        else qualifierOf(child, q);
        break;
      }
    }
  }
  if (!typeNode) {
    ctx.report(node, "declaration has no type specifier");
    return { type: { kind: "builtin", name: "int" }, storage, inline };
  }
  const complex = ctx.claimComplex(node.startIndex, trailingLimit);
  const type = typeFromSpecifier(ctx, typeNode, scope, trailingLimit, complex);
  const specs: Specifiers = { type: withQualifiers(type, q), storage, inline };
  if (alignasValue !== undefined) specs.alignas = alignasValue;
  return specs;
}

/** builtinFromWords by the words joined with spaces: a few spellings recur thousands of times. */
const builtinByWords = new Map<string, BuiltinKind | null>();

function builtinOrReport(ctx: ParseContext, node: SyntaxNode, words: string[]): CType {
  const key = words.length === 1 ? words[0]! : words.join(" ");
  let b = builtinByWords.get(key);
  if (b === undefined) {
    b = builtinFromWords(words);
    builtinByWords.set(key, b);
  }
  if (!b) {
    ctx.report(node, `invalid type specifier combination '${words.join(" ")}'`);
    return { kind: "builtin", name: "int" };
  }
  return { kind: "builtin", name: b };
}

function typedefRef(ctx: ParseContext, node: SyntaxNode, name: string, complex: boolean): CType {
  if (ctx.typeofs.has(name)) return ctx.typeOfPlaceholder(name) ?? { kind: "builtin", name: "int" };
  if (BUILTIN_TYPE_WORDS.has(name))
    return builtinOrReport(ctx, node, complex ? [name, "_Complex"] : [name]);
  if (!ctx.unit.isTypedefName(name)) ctx.report(node, `unknown type name '${name}'`);
  return { kind: "typedef", name };
}

export function typeFromSpecifier(
  ctx: ParseContext,
  node: SyntaxNode,
  scope: Scope,
  trailingLimit: number,
  complex = false,
): CType {
  switch (node.type) {
    case "primitive_type": {
      const name = node.text;
      if (!C_PRIMITIVE_KEYWORDS.has(name)) return typedefRef(ctx, node, name, complex);
      return builtinOrReport(ctx, node, complex ? [name, "_Complex"] : [name]);
    }
    case "sized_type_specifier": {
      const words: string[] = [];
      const children = node.children;
      for (let i = 0; i < children.length; i++) {
        if (children[i]!.type !== "type_qualifier") words.push(children[i]!.text);
      }
      if (complex) words.push("_Complex");
      return builtinOrReport(ctx, node, words);
    }
    case "type_identifier":
      return typedefRef(ctx, node, node.text, complex);
    case "struct_specifier":
    case "union_specifier":
      return defineRecord(ctx, node, scope, trailingLimit);
    case "enum_specifier":
      return defineEnum(ctx, node, scope, trailingLimit);
    case "macro_type_specifier":
      // NAME(type): a macro that was never defined, used as a type.
      ctx.report(node, `unknown type name '${node.childForFieldName("name")?.text ?? node.text}'`);
      return { kind: "builtin", name: "int" };
    default:
      ctx.report(node, `unsupported type specifier '${node.type}'`);
      return { kind: "builtin", name: "int" };
  }
}

export interface Declared {
  name: string | null;
  nameNode: SyntaxNode | null;
  type: CType;
}

/** Applies a (possibly abstract) declarator to the base type. */
export function applyDeclarator(
  ctx: ParseContext,
  node: SyntaxNode,
  base: CType,
  scope: Scope,
): Declared {
  switch (node.type) {
    case "identifier":
    case "field_identifier":
    case "type_identifier":
    case "primitive_type":
      return { name: node.text, nameNode: node, type: base };
    case "init_declarator":
    case "attributed_declarator":
    case "parenthesized_declarator":
    case "abstract_parenthesized_declarator": {
      const inner =
        node.childForFieldName("declarator") ??
        node.namedChildren.find(
          (c) => c.type !== "attribute_specifier" && c.type !== "ms_call_modifier",
        );
      if (!inner) return { name: null, nameNode: null, type: base };
      return applyDeclarator(ctx, inner, base, scope);
    }
    case "pointer_declarator":
    case "abstract_pointer_declarator": {
      const q: Qualifiers = {};
      let inner: SyntaxNode | null = null;
      const children = node.children;
      for (let i = 0; i < children.length; i++) {
        const c = children[i]!;
        if (c.type === "type_qualifier") qualifierOf(c, q);
        else if (inner === null && c.field === "declarator") inner = c;
      }
      for (let i = 0; i < children.length; i++) {
        const c = children[i]!;
        if (c.type === "ms_pointer_modifier" && c.text.includes("restrict")) q.restrict = true;
      }
      const ptr = withQualifiers({ kind: "pointer", pointee: base }, q);
      return inner
        ? applyDeclarator(ctx, inner, ptr, scope)
        : { name: null, nameNode: null, type: ptr };
    }
    case "array_declarator":
    case "abstract_array_declarator": {
      const q: Qualifiers = {};
      const children = node.children;
      for (let i = 0; i < children.length; i++) {
        if (children[i]!.type === "type_qualifier") qualifierOf(children[i]!, q);
      }
      const sizeNode = node.childForFieldName("size");
      let length: number | null = null;
      let unevaluated: string | undefined;
      if (sizeNode && sizeNode.text !== "*") {
        const v = ctx.evaluateNode(sizeNode, "array bound");
        if (v) {
          if (v.value < 0n) ctx.report(sizeNode, `array has negative size ${v.value}`);
          else length = Number(v.value);
        } else if (ctx.needsLayout(sizeNode))
          unevaluated = sizeNode.text.replace(/\s+/g, " ").trim();
      }
      const arr = withQualifiers(
        unevaluated === undefined
          ? { kind: "array", element: base, length }
          : { kind: "array", element: base, length, unevaluatedLength: unevaluated },
        q,
      );
      const inner = node.childForFieldName("declarator");
      return inner
        ? applyDeclarator(ctx, inner, arr, scope)
        : { name: null, nameNode: null, type: arr };
    }
    case "function_declarator":
    case "abstract_function_declarator": {
      const fn = functionType(ctx, node, base, scope);
      const inner = node.childForFieldName("declarator");
      return inner
        ? applyDeclarator(ctx, inner, fn, scope)
        : { name: null, nameNode: null, type: fn };
    }
    default:
      ctx.report(node, `unsupported declarator '${node.type}'`);
      return { name: null, nameNode: null, type: base };
  }
}

function functionType(
  ctx: ParseContext,
  node: SyntaxNode,
  returnType: CType,
  scope: Scope,
): FunctionType {
  const list = node.childForFieldName("parameters");
  const params: FunctionParam[] = [];
  let variadic = false;
  let prototyped = false;
  if (list) {
    const items = list.namedChildren;
    for (let i = 0; i < items.length; i++) {
      const p = items[i]!;
      if (p.type === "variadic_parameter") {
        variadic = true;
        prototyped = true;
      } else if (p.type === "parameter_declaration") {
        prototyped = true;
        const specs = readSpecifiers(ctx, p, scope, p.endIndex);
        const d = p.childForFieldName("declarator");
        const declared = d
          ? applyDeclarator(ctx, d, specs.type, scope)
          : { name: null, type: specs.type };
        params.push({ name: declared.name, type: declared.type });
      } else if (p.type === "identifier") {
        ctx.report(p, "old-style parameter lists are not supported");
      } else if (p.type !== "comment") {
        ctx.report(p, `unsupported parameter '${p.type}'`);
      }
    }
  }
  // Attributes inside the parentheses describe parameters, not the declaration.
  if (list) ctx.claimAttributes(list.startIndex, list.endIndex);
  // `(void)`: no parameters, and a prototype.
  if (params.length === 1 && params[0]!.name === null) {
    const t = params[0]!.type;
    if (t.kind === "builtin" && t.name === "void" && !t.const && !t.volatile) params.length = 0;
  }
  return { kind: "function", returnType, params, variadic, prototyped };
}
