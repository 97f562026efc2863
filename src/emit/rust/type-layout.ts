// Rust types laid out in a shape as rustfmt lays them out: generic arguments and function
// pointer parameters stay on one line when they fit and otherwise go one per line, one
// indent deeper, with a trailing comma (none after a C `...`). Null: no layout fits, which
// is also what makes rustfmt pick another arrangement one level up.
import type { RustParam, RustType } from "./rust-type-tree.js";
import {
  firstLineWidth,
  fitsHorizontally,
  indented,
  lastLineWidth,
  legacy,
  nestedListShape,
  offsetLeft,
  spaces,
  verticalList,
  type Shape,
} from "./rustfmt-shape.js";

export function layoutType(type: RustType, shape: Shape): string | null {
  // Anything that fits on the line is written as it is: every rule below agrees.
  if (type.text.length <= shape.width) return type.text;
  switch (type.kind) {
    case "array":
      return null;
    case "prefixed": {
      const budget = shape.width - type.prefix.length;
      if (budget < 0) return null;
      const inner = layoutType(
        type.inner,
        legacy(budget, shape.block, shape.align + type.prefix.length),
      );
      return inner === null ? null : type.prefix + inner;
    }
    case "path": {
      if (type.args === null) return null;
      const after = offsetLeft(shape, type.path.length);
      const args = after && layoutAngleList(type.args, after);
      return args ? type.path + args : null;
    }
    case "fn":
      return layoutFnPointer(type, shape);
  }
}

/** `<A, B>` after a path segment, in the shape left after the segment's name. */
export function layoutAngleList(args: RustType[], shape: Shape): string | null {
  const nested = nestedListShape(shape);
  const items: string[] = [];
  for (const arg of args) {
    const item = layoutType(arg, nested);
    if (item === null) return null;
    items.push(item);
  }
  if (fitsHorizontally(items, shape.width - 2)) return `<${items.join(", ")}>`;
  return verticalList("<", items, ">", nested.block, shape.block, true);
}

function layoutFnPointer(type: Extract<RustType, { kind: "fn" }>, shape: Shape): string | null {
  const fnShape = offsetLeft(shape, type.head.length);
  if (!fnShape) return null;
  let output = "";
  if (type.ret) {
    const retShape = offsetLeft(fnShape, 4);
    const ret = retShape && layoutType(type.ret, retShape);
    if (!ret) return null;
    output = ` -> ${ret}`;
  }
  const listShape = indented(fnShape.block + 4);
  const items: string[] = [];
  for (const param of type.params) {
    const item = layoutParam(param, listShape);
    if (item === null) return null;
    items.push(item);
  }
  const horizontal =
    items.length === 0 ||
    (!output.includes("\n") && fitsHorizontally(items, fnShape.width - 2 - output.length));
  const args = horizontal
    ? `(${items.join(", ")})`
    : verticalList("(", items, ")", listShape.block, fnShape.block, !isVariadic(type.params));
  if (output === "" || lastLineWidth(args) + firstLineWidth(output) <= fnShape.width) {
    return type.head + args + output;
  }
  return `${type.head}${args}\n${spaces(listShape.block)}${output.trimStart()}`;
}

/** `name: Type` in a parameter list (the type gets the width after the name). */
export function layoutParam(param: RustParam, shape: Shape): string | null {
  if (param.name === null || param.type === null) return param.text;
  const lead = `${param.name}: `;
  const width = shape.width - lead.length;
  if (width < 0) return null;
  const type = layoutType(param.type, legacy(width, shape.block, shape.align));
  return type === null ? null : lead + type;
}

export function isVariadic(params: RustParam[]): boolean {
  return params.length > 0 && params[params.length - 1].text === "...";
}
