// Identifiers Rust reserves (strict, reserved and weak keywords that cannot name items or
// fields) and primitive type names. A C name that collides gets a trailing underscore, the shape bindgen users know.
const RESERVED = new Set([
  "abstract", "alignof", "as", "async", "await", "become", "box", "break", "const", "continue",
  "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
  "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "offsetof", "override",
  "priv", "proc", "pub", "pure", "ref", "return", "Self", "self", "sizeof", "static", "struct",
  "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
  "where", "while", "yield", "_",
  // Primitive type names: `pub type bool = bool;` would name itself.
  "bool", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
  "isize", "f32", "f64",
]);

/** `name` as a usable Rust identifier. */
export function rustIdent(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}
