// The bookkeeping rustfmt does while laying out code, reduced to what the emitter needs:
// a shape is the room left for a piece of text (its block indent, the column it starts
// at, the width left on its first line), and list layout is horizontal when it fits.
// Numbers are rustfmt's defaults: 100 columns, 4-space indent, 60 for call arguments.

export const MAX_WIDTH = 100;
export const INDENT = 4;
export const FN_CALL_WIDTH = 60;

export interface Shape {
  /** Indent of continuation lines (rustfmt's block indent). */
  block: number;
  /** Visual alignment added to the block indent (rustfmt's `alignment`). */
  align: number;
  /** Columns already used on the first line beyond the block indent. */
  offset: number;
  /** Columns left on the first line. */
  width: number;
}

/** A shape starting a line at `block` columns, with the rest of the line free. */
export function indented(block: number, align = 0): Shape {
  return { block, align, offset: align, width: MAX_WIDTH - block - align };
}

/** rustfmt's `Shape::legacy`: a given width at an indent plus alignment. */
export function legacy(width: number, block: number, align: number): Shape {
  return { block, align, offset: align, width };
}

export function offsetLeft(shape: Shape, columns: number): Shape | null {
  if (shape.width < columns) return null;
  return { ...shape, offset: shape.offset + columns, width: shape.width - columns };
}

export function subWidth(shape: Shape, columns: number): Shape | null {
  return shape.width < columns ? null : { ...shape, width: shape.width - columns };
}

/** Where the items of a broken bracketed list go: one indent deeper, room for a comma. */
export function nestedListShape(shape: Shape): Shape {
  const block = shape.block + INDENT;
  return { block, align: 0, offset: 0, width: MAX_WIDTH - block - 1 };
}

/** rustfmt's `rhs_overhead`: what the caller keeps free after the shape's last line. */
export function rhsOverhead(shape: Shape): number {
  return Math.max(0, MAX_WIDTH - (shape.block + shape.offset + shape.width));
}

const INDENTS = Array.from({ length: 33 }, (_, n) => " ".repeat(n));

export function spaces(count: number): string {
  return INDENTS[count] ?? " ".repeat(count);
}

export function firstLineWidth(text: string): number {
  const end = text.indexOf("\n");
  return end < 0 ? text.length : end;
}

export function lastLineWidth(text: string): number {
  return text.length - text.lastIndexOf("\n") - 1;
}

/** Whether items joined by ", " fit in `limit` columns, as rustfmt decides a horizontal list. */
export function fitsHorizontally(items: string[], limit: number): boolean {
  let total = Math.max(0, items.length - 1) * 2;
  for (const item of items) {
    if (item.includes("\n")) return false;
    total += item.length;
  }
  return total <= Math.max(0, limit);
}

/** Items one per line at `indent`, the closing bracket back at `closeIndent`. */
export function verticalList(
  open: string,
  items: string[],
  close: string,
  indent: number,
  closeIndent: number,
  trailingComma: boolean,
): string {
  const inner = spaces(indent);
  return `${open}\n${inner}${items.join(`,\n${inner}`)}${trailingComma ? "," : ""}\n${spaces(closeIndent)}${close}`;
}
