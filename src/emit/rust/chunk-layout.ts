// Puts an emitted item in rustfmt's shape without running rustfmt. Every line the emitter
// writes is one statement, field or item; a long one is recognised by its form and laid out
// by the rules rustfmt applies to that form. A line of a form not known here makes the whole
// item "unshaped" (null), for rustfmt to format instead.
import { callWithArgs, equality, macroCall, macroStatement, turbofishCall } from "./expr-layout.js";
import {
  layoutConst,
  layoutField,
  layoutSignature,
  layoutTypedItem,
  type Signature,
} from "./item-layout.js";
import { parseRustType, splitFnTail, type RustType } from "./rust-type-tree.js";
import { FN_CALL_WIDTH, indented, MAX_WIDTH, subWidth } from "./rustfmt-shape.js";

// Shorter lines hold nothing rustfmt would break: its narrowest limit is 60 columns of
// call arguments, which need a longer line.
const SHORT_LINE = 60;

/** The text in rustfmt's shape, or null when some line has a form not handled here. */
export function layoutChunkText(text: string): string | null {
  if (!hasLongLine(text)) return text;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length <= SHORT_LINE) continue;
    const shaped = layoutLine(line);
    if (shaped === null) return null;
    lines[i] = shaped;
  }
  return lines.join("\n");
}

function hasLongLine(text: string): boolean {
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > SHORT_LINE) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

const FIELD = /^( {4})(pub \w+:|_unused:) (.+),$/;
const TYPE_ALIAS = /^(pub type \w+ =) (.+);$/;
const STATIC = /^( {4})(pub static (?:mut )?\w+:) (.+);$/;
const CONST = /^(pub const \w+: [^=]+ =) (.+);$/;
const FN_HEAD = /^( +)(pub fn \w+)\(/;
const SIZE_ASSERT = /^( +)assert!\((::core::mem::(?:size|align)_of)::<(\w+)>\(\) == (\d+usize)\);$/;
const OFFSET_ASSERT = /^( +)assert!\((::core::mem::offset_of!)\((\w+), (\w+)\) == (\d+usize)\);$/;
const ASSERT_EQ = /^( +)assert_eq!\((.+), ([\w:]+)\);$/;
const CALL_STATEMENT = /^( +)(__bindgen_bitfield_unit\.set|r\.\w+)\(([^()]*)\);$/;
const ATTRIBUTE = /^ *#\[[^\]]*\]$/;
// Bitfield accessor bodies: one short call, converted with `as`, maybe in `unsafe { }`.
const ACCESSOR_BODY = /^ +(?:unsafe \{ )?(self\._bitfield_\d+\.[gs]et\(([^()]*)\))[^()]*$/;
// Lines of fixed forms that only a long type name can make long.
const PLAIN =
  /^ *(?:let mut \w+(?:: [^=]+)? =|__BindgenBitfieldUnit::new\(|fn bitfields_\w+\(\) \{$|(?:pub )?(?:struct|union) \w+ \{$|impl (?:Default for )?\w+ \{$)/;

function layoutLine(line: string): string | null {
  return alreadyInShape(line) ? line : layoutLongLine(line);
}

/**
 * The common long lines that fit: items and fields within 100 columns (a signature's return
 * type moves down when the line is exactly 100), assertions without a long argument list.
 */
function alreadyInShape(line: string): boolean {
  if (line.length > MAX_WIDTH) return false;
  const indent = line.length - line.trimStart().length;
  if (line.startsWith("pub fn ", indent)) return line.length < MAX_WIDTH;
  if (line.startsWith("pub ", indent)) return true;
  if (!line.startsWith("assert!(", indent)) return false;
  const args = line.indexOf("offset_of!(");
  return args < 0 || line.indexOf(")", args) - args - "offset_of!(".length <= FN_CALL_WIDTH;
}

function layoutLongLine(line: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = FIELD.exec(line))) return typed(m[3], (t) => layoutField(m![1].length, m![2], t));
  if ((m = TYPE_ALIAS.exec(line))) return typed(m[2], (t) => layoutTypedItem(0, m![1], t));
  if ((m = STATIC.exec(line))) return typed(m[3], (t) => layoutTypedItem(m![1].length, m![2], t));
  // A literal too long for the line even after `=` stays as it is, as rustfmt leaves it.
  if ((m = CONST.exec(line))) return layoutConst(m[1], m[2]) ?? line;
  if ((m = FN_HEAD.exec(line))) return signature(line, m[1].length, m[2], m[0].length - 1);
  if ((m = SIZE_ASSERT.exec(line))) {
    return macroStatement(m[1].length, "assert!", equality(turbofishCall(m[2], m[3]), m[4]));
  }
  if ((m = OFFSET_ASSERT.exec(line))) {
    return macroStatement(m[1].length, "assert!", equality(macroCall(m[2], [m[3], m[4]]), m[5]));
  }
  if ((m = ASSERT_EQ.exec(line))) return statementCall(m[1].length, "assert_eq!", [m[2], m[3]]);
  if ((m = CALL_STATEMENT.exec(line))) {
    return statementCall(m[1].length, m[2], m[3].split(", "), !m[2].endsWith("!"));
  }
  // Attributes cannot be broken; rustfmt leaves a long one as it is.
  if (ATTRIBUTE.test(line)) return line;
  if ((m = ACCESSOR_BODY.exec(line))) {
    // The call is a chain of two (`._bitfield_N`, `.get(..)`): rustfmt's 60 columns apply to it.
    const fits = line.length <= MAX_WIDTH && m[1].length <= FN_CALL_WIDTH;
    return fits ? line : null;
  }
  return PLAIN.test(line) && line.length <= MAX_WIDTH ? line : null;
}

function typed(text: string, layout: (type: RustType) => string | null): string | null {
  const type = parseRustType(text);
  return type ? layout(type) : null;
}

function signature(line: string, indent: number, head: string, at: number): string | null {
  const end = line.endsWith(" {") ? " {" : ";";
  const tail = splitFnTail(line, at, end);
  if (!tail) return null;
  const sig: Signature = { indent, head, params: tail.params, ret: tail.ret, end };
  return layoutSignature(sig);
}

function statementCall(
  indent: number,
  name: string,
  args: string[],
  trailingComma = false,
): string | null {
  const shape = subWidth(indented(indent), 1);
  const text = shape && callWithArgs(name, args, shape, trailingComma);
  return text === null ? null : `${" ".repeat(indent)}${text};`;
}
