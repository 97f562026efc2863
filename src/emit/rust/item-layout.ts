// Items laid out as rustfmt lays them out: `lhs: Type` / `lhs = value` with the right-hand
// side on the same line, or on the next one when that reads better, and function
// signatures with their parameters on one line or one per line.
import { parseRustParam, parseRustType, type RustType } from "./rust-type-tree.js";
import {
  firstLineWidth,
  fitsHorizontally,
  indented,
  lastLineWidth,
  legacy,
  MAX_WIDTH,
  offsetLeft,
  rhsOverhead,
  spaces,
  subWidth,
  type Shape,
} from "./rustfmt-shape.js";
import { layoutParam, layoutType } from "./type-layout.js";

type Rewrite = (shape: Shape) => string | null;

const newlines = (text: string) => text.split("\n").length - 1;
const firstLineEndsWith = (text: string, end: string) =>
  text.slice(0, firstLineWidth(text)).endsWith(end);

/** rustfmt's `rewrite_assign_rhs`: `lhs rhs` or `lhs\n    rhs`, whichever reads better. */
export function assignRhs(lhs: string, rhs: Rewrite, shape: Shape): string | null {
  const sameLine = offsetLeft(shape, lhs.length + 1) ?? {
    ...shape,
    offset: shape.offset + lhs.length + 1,
    width: 0,
  };
  const original = rhs(sameLine);
  if (original !== null && !original.includes("\n") && original.length <= sameLine.width) {
    return `${lhs} ${original}`;
  }
  const nextShape = subWidth(indented(sameLine.block + 4), rhsOverhead(sameLine));
  if (!nextShape) return null;
  const next = rhs(nextShape);
  const nextLine = `${lhs}\n${spaces(nextShape.block)}`;
  if (original !== null && next !== null) {
    if (!fitsFromShape(next, nextShape)) return `${lhs} ${original}`;
    return preferNextLine(original, next) ? nextLine + next : `${lhs} ${original}`;
  }
  if (next !== null) return nextLine + next;
  return original === null ? null : `${lhs} ${original}`;
}

function fitsFromShape(text: string, shape: Shape): boolean {
  if (firstLineWidth(text) > shape.width) return false;
  if (!text.includes("\n")) return true;
  if (text.split("\n").some((line, i) => i > 0 && line.length > MAX_WIDTH)) return false;
  return lastLineWidth(text) <= shape.block + shape.offset + shape.width;
}

function preferNextLine(original: string, next: string): boolean {
  return (
    !next.includes("\n") ||
    newlines(original) > newlines(next) + 1 ||
    ["(", "{", "["].some((b) => firstLineEndsWith(original, b) && !firstLineEndsWith(next, b))
  );
}

const typeRewrite =
  (type: RustType): Rewrite =>
  (shape) =>
    layoutType(type, shape);

/** A struct field (`pub name: Type,`) at `indent`. */
export function layoutField(indent: number, lhs: string, type: RustType): string | null {
  const shape = subWidth(indented(indent), 1);
  const text = shape && assignRhs(lhs, typeRewrite(type), shape);
  return text === null ? null : `${spaces(indent)}${text},`;
}

/** `pub static name: Type;` in an extern block, `pub type Name = Type;` at `indent`. */
export function layoutTypedItem(indent: number, lhs: string, type: RustType): string | null {
  const shape = subWidth(indented(indent), 1);
  const text = shape && assignRhs(lhs, typeRewrite(type), shape);
  return text === null ? null : `${spaces(indent)}${text};`;
}

/** `pub const NAME: T = literal;` at the top level; null when even the next line is too short. */
export function layoutConst(lhs: string, literal: string): string | null {
  const text = assignRhs(lhs, (s) => (literal.length <= s.width ? literal : null), {
    ...legacy(MAX_WIDTH - 1, 0, 0),
  });
  return text === null ? null : `${text};`;
}

export interface Signature {
  indent: number;
  /** `pub fn name` */
  head: string;
  /** Each parameter's text: `name: Type`, `...` or `&self`. */
  params: string[];
  ret: string | null;
  /** What follows: `;` (a foreign function) or ` {` (a body on the next lines). */
  end: ";" | " {";
}

/** rustfmt's `rewrite_fn_base` for the signatures the emitter writes. */
export function layoutSignature(sig: Signature): string | null {
  const { indent, head, params } = sig;
  const paramIndent = indent + 4;
  const firstRet = sig.ret === null ? "" : layoutReturn(sig.ret, indented(indent));
  if (firstRet === null) return null;
  const multiLineRet = firstRet.includes("\n");
  let oneLineBudget = 0;
  if (!multiLineRet) {
    const overhead = firstRet === "" ? 2 : 3;
    const used = indent + head.length + firstRet.length + overhead + (sig.end === ";" ? 1 : 2);
    oneLineBudget = Math.max(0, MAX_WIDTH - used);
  }
  const paramShape = legacy(MAX_WIDTH - paramIndent - 1, paramIndent, 0);
  const items: string[] = [];
  for (const param of params) {
    // A parameter that does not fit is kept as written when it cannot be laid out either.
    items.push(
      param.length <= paramShape.width ? param : (layoutParamText(param, paramShape) ?? param),
    );
  }
  const horizontal = fitsHorizontally(items, oneLineBudget);
  const variadic = params.length > 0 && params[params.length - 1] === "...";
  const paramText = horizontal
    ? items.join(", ")
    : items.join(`,\n${spaces(paramIndent)}`) + (variadic ? "" : ",");
  if (params.length === 0 && indent + head.length + 2 + firstLineWidth(firstRet) > MAX_WIDTH) {
    return null; // rustfmt breaks such a signature in ways the emitter never needs
  }
  const inBlock =
    params.length > 0 && (paramText.includes("\n") || paramText.length > oneLineBudget);
  let text = inBlock
    ? `${head}(\n${spaces(paramIndent)}${paramText}\n${spaces(indent)})`
    : `${head}(${paramText})`;
  let braceOnNewLine = false;
  if (sig.ret !== null) {
    const onNewLine =
      !inBlock &&
      params.length > 0 &&
      (multiLineRet || text.length + indent + firstRet.length + 1 + 2 > MAX_WIDTH);
    const ret = layoutReturn(sig.ret, onNewLine ? indented(paramIndent) : indented(indent));
    if (ret === null) return null;
    text += onNewLine ? `\n${spaces(paramIndent)}${ret}` : ` ${ret}`;
    braceOnNewLine = onNewLine;
  }
  const end = sig.end === " {" && braceOnNewLine ? `\n${spaces(indent)}{` : sig.end;
  return spaces(indent) + text + end;
}

function layoutParamText(text: string, shape: Shape): string | null {
  const param = parseRustParam(text);
  return param ? layoutParam(param, shape) : null;
}

/** `-> Type` in a signature (rustfmt's first style: the type aligned after the arrow). */
function layoutReturn(text: string, shape: Shape): string | null {
  const width = shape.width - 3;
  if (width < 0) return null;
  if (text.length <= width) return `-> ${text}`;
  const type = parseRustType(text);
  const laid = type && layoutType(type, legacy(width, shape.block, shape.align + 3));
  return laid ? `-> ${laid}` : null;
}
