// struct, union and enum specifiers: references, forward declarations and definitions.
import type { CstNode as SyntaxNode } from "./cst.js";
import { convert, enumIntegerType, fits, type IntValue } from "../consteval/index.js";
import type { CType, DeclLocation, Field, IntegerKind } from "../ir/index.js";
import { fieldAttributes, isPacked, recordAttributes } from "./attributes.js";
import type { ParseContext } from "./context.js";
import { applyDeclarator, readSpecifiers, type Scope } from "./cst-types.js";
import { packAt } from "./line-markers.js";
import { recordStaticAssert } from "./static-asserts.js";
import { isUnnamedBitfieldName, isUnnamedBitfieldWidth } from "./top-level.js";

function anonymousId(ctx: ParseContext, kind: string, scope: Scope, loc: DeclLocation): string {
  if (scope.parentRecord !== null) {
    const k = (ctx.anonymousCounters.get(scope.parentRecord) ?? 0) + 1;
    ctx.anonymousCounters.set(scope.parentRecord, k);
    return `${scope.parentRecord}::anon${k}`;
  }
  return `${kind} <anonymous at ${loc.file}:${loc.line}:${loc.column}>`;
}

/** Whether `id` is a record whose body encloses the current scope. */
function isBeingDefined(ctx: ParseContext, scope: Scope, id: string): boolean {
  let p = scope.parentRecord;
  for (let depth = 0; p !== null && depth < 10_000; depth++) {
    if (p === id) return true;
    p = ctx.unit.records.get(p)?.parent ?? null;
  }
  return false;
}

export function defineRecord(
  ctx: ParseContext,
  node: SyntaxNode,
  scope: Scope,
  trailingLimit: number,
): CType {
  const kind = node.type === "union_specifier" ? "union" : "struct";
  const nameNode = node.childForFieldName("name");
  const body = node.childForFieldName("body");
  const loc = ctx.location(node);
  const tag = nameNode?.text ?? null;
  if (!body) {
    if (tag === null) ctx.report(node, `${kind} without a tag or a body`);
    const id = ctx.unit.tagId(kind, tag ?? "?");
    const r = ctx.unit.recordFor(id, kind, tag, loc);
    if (r.kind !== kind) ctx.report(node, `'${tag}' defined as a ${r.kind}, used as a ${kind}`);
    // Attributes on a forward declaration still belong to the declaration, not to a variable.
    ctx.claimAttributes(node.startIndex, nameNode ? nameNode.startIndex : node.endIndex);
    return { kind: "record", recordKind: kind, id };
  }
  const id = tag !== null ? ctx.unit.tagId(kind, tag) : anonymousId(ctx, kind, scope, loc);
  const r = ctx.unit.recordFor(id, kind, tag, loc);
  if (r.complete) ctx.report(node, `redefinition of '${id}'`);
  else if (isBeingDefined(ctx, scope, id)) {
    // As clang does; going on would make the record its own parent.
    ctx.report(node, `nested redefinition of '${id}'`);
    return { kind: "record", recordKind: kind, id };
  }
  r.location = loc;
  r.parent = scope.parentRecord;
  r.pragmaPack = packAt(ctx.source.pragmaPacks, node.startIndex, ctx.source.packBefore);
  // Attributes before the body, then those right after the closing brace.
  const groups = ctx.claimAttributes(
    body.endIndex,
    trailingLimit,
    ctx.claimAttributes(node.startIndex, body.startIndex),
  );
  const fields: Field[] = [];
  const inner: Scope = { parentRecord: id };
  let leadStart = body.startIndex + 1;
  const items = body.namedChildren;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === "field_declaration") readFields(ctx, item, inner, leadStart, fields);
    else if (item.type !== "comment")
      ctx.report(item, `unsupported item '${item.type}' in ${kind} body`);
    leadStart = item.endIndex;
  }
  r.fields = fields;
  r.attributes = recordAttributes(ctx, groups);
  // Nested records claimed theirs while their fields were read; the rest are this body's.
  for (const a of ctx.claimMemberAsserts(body.startIndex, body.endIndex)) {
    recordStaticAssert(ctx, {
      at: ctx.spotAt(a.start),
      conditionAt: ctx.spotAt(a.condition[0]?.start ?? a.start),
      condition: a.condition,
      message: a.message,
    });
  }
  r.complete = true;
  ctx.unit.touch();
  return { kind: "record", recordKind: kind, id };
}

/** Appends the fields of one field declaration to `fields`. */
function readFields(
  ctx: ParseContext,
  node: SyntaxNode,
  scope: Scope,
  leadStart: number,
  fields: Field[],
): void {
  const declarators: { decl: SyntaxNode | null; width: SyntaxNode | null; start: number }[] = [];
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    // A declarator, or another child starting where one does (as the grammar may nest them).
    if (startsDeclarator(children, child.startIndex) && child.type !== "bitfield_clause") {
      declarators.push({ decl: child, width: null, start: child.startIndex });
    } else if (child.type === "bitfield_clause" || isUnnamedBitfieldWidth(child)) {
      const last = declarators[declarators.length - 1];
      if (last && last.width === null) last.width = child;
      else declarators.push({ decl: null, width: child, start: child.startIndex });
    }
  }
  const firstStart = declarators[0]?.start ?? node.endIndex;
  const specs = readSpecifiers(ctx, node, scope, firstStart);
  const shared = ctx.claimAttributes(leadStart, firstStart);
  if (declarators.length === 0) {
    // Only an anonymous struct/union makes a member without a declarator.
    const t = specs.type;
    if (t.kind === "record" && ctx.unit.records.get(t.id)?.tag === null) {
      fields.push({
        name: null,
        type: t,
        bitWidth: null,
        attributes: fieldAttributes(
          ctx,
          ctx.claimAttributes(node.startIndex, node.endIndex, shared),
        ),
        location: ctx.location(node),
      });
    }
    return;
  }
  for (let k = 0; k < declarators.length; k++) {
    const d = declarators[k]!;
    const end = declarators[k + 1]?.start ?? node.endIndex;
    const unnamed = d.decl === null || isUnnamedBitfieldName(d.decl);
    const declared = unnamed
      ? { name: null, type: specs.type }
      : applyDeclarator(ctx, d.decl!, specs.type, scope);
    let bitWidth: number | null = null;
    if (d.width) {
      // A bitfield_clause holds the width expression; an ERROR node (see
      // isUnnamedBitfieldWidth) holds `:` and then the width's tokens.
      const v =
        d.width.type === "bitfield_clause"
          ? d.width.namedChildren[0]
            ? ctx.evaluateNode(d.width.namedChildren[0], "bitfield width")
            : null
          : ctx.evaluateNode(d.width, "bitfield width", 1);
      if (v) bitWidth = Number(v.value);
    }
    const groups = ctx.claimAttributes(d.start, end, shared);
    fields.push({
      name: declared.name,
      type: declared.type,
      bitWidth,
      attributes: withAlignas(fieldAttributes(ctx, groups), specs.alignas),
      location: ctx.location(d.decl ?? d.width!),
    });
  }
}

/** Whether a child in the `declarator` field starts at `start`. */
function startsDeclarator(children: readonly SyntaxNode[], start: number): boolean {
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.field === "declarator" && c.startIndex === start) return true;
  }
  return false;
}

function withAlignas<T extends { aligned?: number }>(attrs: T, alignas: number | undefined): T {
  if (alignas === undefined) return attrs;
  return { ...attrs, aligned: Math.max(attrs.aligned ?? 0, alignas) };
}

/** Type of an enumerator while its enum is being defined: int, or wider when needed. */
function provisionalType(ctx: ParseContext, value: bigint): IntegerKind {
  for (const k of ["int", "long", "long long", "unsigned long long"] as const)
    if (fits(ctx.abi, k, value)) return k;
  return "unsigned long long";
}

export function defineEnum(
  ctx: ParseContext,
  node: SyntaxNode,
  scope: Scope,
  trailingLimit: number,
): CType {
  const nameNode = node.childForFieldName("name");
  const body = node.childForFieldName("body");
  const loc = ctx.location(node);
  const tag = nameNode?.text ?? null;
  if (node.childForFieldName("underlying_type"))
    ctx.report(node, "enums with a fixed underlying type are not supported");
  if (!body) {
    if (tag === null) ctx.report(node, "enum without a tag or a body");
    const id = ctx.unit.tagId("enum", tag ?? "?");
    ctx.unit.enumFor(id, tag, loc);
    return { kind: "enum", id };
  }
  const id = tag !== null ? ctx.unit.tagId("enum", tag) : anonymousId(ctx, "enum", scope, loc);
  const e = ctx.unit.enumFor(id, tag, loc);
  if (e.complete) ctx.report(node, `redefinition of '${id}'`);
  e.location = loc;
  e.parent = scope.parentRecord;
  const groups = ctx.claimAttributes(
    body.endIndex,
    trailingLimit,
    ctx.claimAttributes(node.startIndex, body.startIndex),
  );
  const values: bigint[] = [];
  const names: { name: string; node: SyntaxNode }[] = [];
  let next = 0n;
  for (const item of body.namedChildren) {
    if (item.type !== "enumerator") {
      if (item.type !== "comment") ctx.report(item, `unsupported item '${item.type}' in enum body`);
      continue;
    }
    const name = item.childForFieldName("name")!.text;
    const valueNode = item.childForFieldName("value");
    let value = next;
    if (valueNode) {
      const v: IntValue | null = ctx.evaluateNode(valueNode, `value of enumerator '${name}'`);
      if (v) value = v.value;
    }
    ctx.unit.enumConstants.set(name, { value, type: provisionalType(ctx, value) });
    values.push(value);
    names.push({ name, node: item });
    next = value + 1n;
  }
  e.packed = isPacked(groups);
  e.underlying = enumIntegerType(ctx.abi, values, e.packed);
  e.enumerators = names.map((n, i) => ({
    name: n.name,
    value: values[i]!.toString(),
    location: ctx.location(n.node),
  }));
  // After the closing brace an enumerator has type int when its value fits, else the enum's type.
  names.forEach((n, i) => {
    const v = values[i]!;
    ctx.unit.enumConstants.set(
      n.name,
      fits(ctx.abi, "int", v) ? { value: v, type: "int" } : convert(ctx.abi, v, e.underlying),
    );
  });
  e.complete = true;
  ctx.unit.touch();
  return { kind: "enum", id };
}
