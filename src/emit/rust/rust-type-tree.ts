// The Rust type spellings the emitter produces, read back into a tree so that a long one
// can be laid out over several lines the way rustfmt lays it out. Only the shapes the
// emitter writes are understood; anything else reads as undefined.

export type RustType =
  /** `::core::option::Option<T>`, `u32`: a path, with generic arguments when `args` is set. */
  | { kind: "path"; text: string; path: string; args: RustType[] | null }
  /** `*mut T`, `*const T`, `&T`: a prefix before one type. */
  | { kind: "prefixed"; text: string; prefix: string; inner: RustType }
  | { kind: "array"; text: string }
  | { kind: "fn"; text: string; head: string; params: RustParam[]; ret: RustType | null };

export interface RustParam {
  /** Null for the C variadic `...` and for `&self`, which have no separate type. */
  name: string | null;
  type: RustType | null;
  text: string;
}

const IDENT = /(?:r#)?[A-Za-z_][A-Za-z0-9_]*/y;
const PATH = /(?:::)?(?:r#)?[A-Za-z_][A-Za-z0-9_]*(?:::(?:r#)?[A-Za-z_][A-Za-z0-9_]*)*/y;
const FN_HEAD = /(?:unsafe )?(?:extern "C" )?fn/y;
const ARRAY_LENGTH = /; [0-9]+usize\]/y;

class Reader {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}
  eat(literal: string): boolean {
    if (!this.text.startsWith(literal, this.at)) return false;
    this.at += literal.length;
    return true;
  }
  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.at;
    const m = pattern.exec(this.text);
    if (!m) return null;
    this.at += m[0].length;
    return m[0];
  }
}

/** The tree of a whole type spelling, or undefined when it is not one the emitter writes. */
export function parseRustType(text: string): RustType | undefined {
  const reader = new Reader(text);
  const type = readType(reader);
  return type && reader.at === text.length ? type : undefined;
}

/** One parameter: `name: Type`, `...` or `&self`. */
export function parseRustParam(text: string): RustParam | undefined {
  const reader = new Reader(text);
  const params = readParams(reader, "");
  return params && params.length === 1 && reader.at === text.length ? params[0] : undefined;
}

function readType(r: Reader): RustType | undefined {
  const start = r.at;
  for (const prefix of ["*mut ", "*const ", "&"]) {
    if (r.eat(prefix)) {
      const inner = readType(r);
      if (!inner) return undefined;
      return { kind: "prefixed", text: r.text.slice(start, r.at), prefix, inner };
    }
  }
  if (r.eat("[")) {
    if (!readType(r) || !r.match(ARRAY_LENGTH)) return undefined;
    return { kind: "array", text: r.text.slice(start, r.at) };
  }
  const head = r.match(FN_HEAD);
  if (head) {
    if (!r.eat("(")) return undefined;
    const params = readParams(r, ")");
    if (!params || !r.eat(")")) return undefined;
    let ret: RustType | null = null;
    if (r.eat(" -> ")) {
      const parsed = readType(r);
      if (!parsed) return undefined;
      ret = parsed;
    }
    return { kind: "fn", text: r.text.slice(start, r.at), head, params, ret };
  }
  const path = r.match(PATH);
  if (!path) return undefined;
  if (!r.eat("<")) return { kind: "path", text: path, path, args: null };
  const args: RustType[] = [];
  do {
    const arg = readType(r);
    if (!arg) return undefined;
    args.push(arg);
  } while (r.eat(", "));
  if (!r.eat(">")) return undefined;
  return { kind: "path", text: r.text.slice(start, r.at), path, args };
}

function readParams(r: Reader, close: string): RustParam[] | undefined {
  const params: RustParam[] = [];
  if (close !== "" && r.text.startsWith(close, r.at)) return params;
  do {
    const start = r.at;
    const bare = ["...", "&mut self", "&self"].find((word) => r.eat(word));
    if (bare) {
      params.push({ name: null, type: null, text: bare });
      continue;
    }
    const name = r.match(IDENT);
    if (!name || !r.eat(": ")) return undefined;
    const type = readType(r);
    if (!type) return undefined;
    params.push({ name, type, text: r.text.slice(start, r.at) });
  } while (r.eat(", "));
  return params;
}
