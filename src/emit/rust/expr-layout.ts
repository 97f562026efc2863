// Statements of the emitted layout assertions and bitfield tests laid out as rustfmt lays
// them out: macro and call arguments stay on one line within 60 columns (a single argument
// within the line), else go one per line; `a == b` breaks before the operator.
import {
  fitsHorizontally,
  FN_CALL_WIDTH,
  indented,
  lastLineWidth,
  MAX_WIDTH,
  nestedListShape,
  offsetLeft,
  rhsOverhead,
  spaces,
  subWidth,
  verticalList,
  type Shape,
} from "./rustfmt-shape.js";
import { layoutAngleList } from "./type-layout.js";

type Rewrite = (shape: Shape) => string | null;

/** `name(item);` as a statement at `indent`, for a macro given one argument. */
export function macroStatement(indent: number, name: string, item: Rewrite): string | null {
  const stmt = subWidth(indented(indent), 1);
  if (!stmt) return null;
  const nested = nestedListShape(stmt);
  const text = item(nested);
  if (text === null) return null;
  const lead = spaces(indent);
  if (!text.includes("\n") && text.length <= stmt.width - name.length - 2) {
    return `${lead}${name}(${text});`;
  }
  return `${lead}${verticalList(`${name}(`, [text], ")", nested.block, indent, false)};`;
}

/**
 * `name(a, b, ...)` where every argument is a one-line text: horizontal within 60 columns,
 * else one per line (with a trailing comma for a function, as written for a macro).
 */
export function callWithArgs(
  name: string,
  args: string[],
  shape: Shape,
  trailingComma: boolean,
): string | null {
  const nested = nestedListShape(shape);
  if (args.some((a) => a.length > nested.width)) return null;
  const oneLine = shape.width - name.length - 2;
  const limit = args.length === 1 ? oneLine : Math.min(FN_CALL_WIDTH, oneLine);
  if (fitsHorizontally(args, limit)) return `${name}(${args.join(", ")})`;
  return verticalList(`${name}(`, args, ")", nested.block, shape.block, trailingComma);
}

/** `lhs == rhs` (rhs a literal), breaking before `==` when it does not fit. */
export function equality(lhs: Rewrite, rhs: string): Rewrite {
  return (shape) => {
    const left = lhs({ ...shape, width: MAX_WIDTH - (shape.block + shape.offset) });
    if (left === null) return null;
    const leftWidth = lastLineWidth(left);
    const same = offsetLeft(shape, leftWidth + 4);
    if (same && rhs.length <= same.width && leftWidth + 4 + rhs.length <= shape.width) {
      return `${left} == ${rhs}`;
    }
    const next = subWidth(indented(shape.block + 4), rhsOverhead(shape));
    const afterOperator = next && offsetLeft(next, 3);
    if (!afterOperator || rhs.length > afterOperator.width) return null;
    return `${left}\n${spaces(next.block)}== ${rhs}`;
  };
}

/** `path::<Name>()`, a generic function called without arguments. */
export function turbofishCall(path: string, typeName: string): Rewrite {
  return (shape) => {
    const after = offsetLeft(shape, path.length);
    const args =
      after &&
      layoutAngleList([{ kind: "path", text: typeName, path: typeName, args: null }], after);
    return args ? `${path}::${args}()` : null;
  };
}

/** A macro invoked like a function with plain arguments, such as `offset_of!(T, f)`. */
export function macroCall(name: string, args: string[]): Rewrite {
  return (shape) => callWithArgs(name, args, shape, false);
}
