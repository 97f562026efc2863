// The emitter's long lines in rustfmt's shape, written from the parts the emitter has at
// hand (no re-reading of text): a line that fits is kept, a longer one goes through the
// layout rules. A line the rules cannot shape is kept as written and the shaper remembers
// it, so that its item can be handed to rustfmt instead.
import { equality, macroCall, macroStatement, turbofishCall, callWithArgs } from "./expr-layout.js";
import { layoutConst, layoutField, layoutSignature, layoutTypedItem } from "./item-layout.js";
import { parseRustType } from "./rust-type-tree.js";
import { FN_CALL_WIDTH, indented, MAX_WIDTH, spaces, subWidth } from "./rustfmt-shape.js";

export class LineShaper {
  /** Whether some line could not be shaped since the last `reset`. */
  unshaped = false;

  reset(): boolean {
    const was = this.unshaped;
    this.unshaped = false;
    return was;
  }

  private keep(raw: string, shaped: string | null): string {
    if (shaped !== null) return shaped;
    this.unshaped = true;
    return raw;
  }

  /** `pub fn name(params) -> ret;` (or ` {`) at `indent`. */
  signature(
    indent: number,
    head: string,
    params: string[],
    ret: string | null,
    end: ";" | " {",
  ): string {
    const line = `${spaces(indent)}${head}(${params.join(", ")})${ret === null ? "" : ` -> ${ret}`}${end}`;
    // At exactly 100 columns rustfmt moves a foreign function's return type down.
    if (line.length < MAX_WIDTH || (line.length === MAX_WIDTH && (end === " {" || !ret))) {
      return line;
    }
    return this.keep(line, layoutSignature({ indent, head, params, ret, end }));
  }

  /** `lhs: Type,` (a field) or `lhs Type;` (`pub type X =`, `pub static x:`). */
  typed(indent: number, lhs: string, type: string, end: "," | ";"): string {
    const line = `${spaces(indent)}${lhs} ${type}${end}`;
    if (line.length <= MAX_WIDTH) return line;
    const tree = parseRustType(type);
    if (!tree) return this.keep(line, null);
    const layout = end === "," ? layoutField : layoutTypedItem;
    return this.keep(line, layout(indent, lhs, tree));
  }

  /** `pub const NAME: T = literal;`: a literal too long even on the next line stays put. */
  constant(lhs: string, literal: string): string {
    const line = `${lhs} ${literal};`;
    return line.length <= MAX_WIDTH ? line : (layoutConst(lhs, literal) ?? line);
  }

  /** `assert!(path::<name>() == value);` */
  sizeAssertion(indent: number, path: string, name: string, value: string): string {
    const line = `${spaces(indent)}assert!(${path}::<${name}>() == ${value});`;
    if (line.length <= MAX_WIDTH) return line;
    const item = equality(turbofishCall(path, name), value);
    return this.keep(line, macroStatement(indent, "assert!", item));
  }

  /** `assert!(::core::mem::offset_of!(name, field) == value);` */
  offsetAssertion(indent: number, name: string, field: string, value: string): string {
    const macro = "::core::mem::offset_of!";
    const line = `${spaces(indent)}assert!(${macro}(${name}, ${field}) == ${value});`;
    if (line.length <= MAX_WIDTH && name.length + 2 + field.length <= FN_CALL_WIDTH) return line;
    const item = equality(macroCall(macro, [name, field]), value);
    return this.keep(line, macroStatement(indent, "assert!", item));
  }

  /** `name(args);` as a statement: a call (trailing comma when broken) or a macro. */
  call(indent: number, name: string, args: string[]): string {
    const line = `${spaces(indent)}${name}(${args.join(", ")});`;
    const shape = subWidth(indented(indent), 1);
    const text = shape && callWithArgs(name, args, shape, !name.endsWith("!"));
    return this.keep(line, text === null ? null : `${spaces(indent)}${text};`);
  }

  /** A line rustfmt keeps when it fits: past 100 columns, or a call longer than 60, it does not. */
  plain(line: string, call = ""): string {
    const fits = line.length <= MAX_WIDTH && call.length <= FN_CALL_WIDTH;
    return fits ? line : this.keep(line, null);
  }
}
