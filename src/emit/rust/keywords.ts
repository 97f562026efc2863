// Identifiers Rust reserves (strict, reserved and weak keywords that cannot name items or
// fields). A C name that collides gets a trailing underscore, the shape bindgen users know.
const RESERVED = new Set([
  "abstract", "alignof", "as", "async", "await", "become", "box", "break", "const", "continue",
  "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
  "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "offsetof", "override",
  "priv", "proc", "pub", "pure", "ref", "return", "Self", "self", "sizeof", "static", "struct",
  "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
  "where", "while", "yield", "str", "_",
]);

/** `name` as a usable Rust identifier. */
export function rustIdent(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}
