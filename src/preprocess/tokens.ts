// Token shapes shared by the lexer, the macro engine and the renderer.

/** Kinds of preprocessing tokens that reach the output. */
export type TokenKind =
  | "identifier"
  | "number"
  | "char"
  | "string"
  | "punctuator"
  | "other"
  | "pragma";

/** Engine-only kinds: the end of an argument or directive line, and an empty-argument marker. */
export type EngineKind = TokenKind | "eof" | "placemarker";

/** A preprocessing token as the rest of the pipeline sees it. */
export interface PPToken {
  kind: TokenKind;
  /** Spelling (a `pragma` token holds the whole `#pragma ...` line). */
  text: string;
  /** Display path of the file; for macro-expanded tokens, of the expansion point. */
  file: string;
  line: number;
  column: number;
  leadingSpace: boolean;
  startOfLine: boolean;
}

/** The engine's token: a PPToken plus the flags macro expansion needs. */
export interface Token {
  kind: EngineKind;
  text: string;
  file: string;
  line: number;
  column: number;
  leadingSpace: boolean;
  startOfLine: boolean;
  /** Painted: the name of a macro that was disabled when it was seen; it never expands. */
  noExpand: boolean;
  /** Offset in the spliced text of its file, or -1 for tokens made by expansion. */
  offset: number;
}

export function isHash(t: Token): boolean {
  return t.kind === "punctuator" && (t.text === "#" || t.text === "%:");
}

export function isHashHash(t: Token): boolean {
  return t.kind === "punctuator" && (t.text === "##" || t.text === "%:%:");
}

export function isPunct(t: Token, text: string): boolean {
  return t.kind === "punctuator" && t.text === text;
}

/** A copy of `t` moved to a new location (used for every token an expansion produces). */
export function relocate(t: Token, at: Token, leadingSpace: boolean): Token {
  return {
    kind: t.kind,
    text: t.text,
    file: at.file,
    line: at.line,
    column: at.column,
    leadingSpace,
    startOfLine: false,
    noExpand: t.noExpand,
    offset: -1,
  };
}

export function makeToken(kind: EngineKind, text: string, at: Token, leadingSpace: boolean): Token {
  return {
    kind,
    text,
    file: at.file,
    line: at.line,
    column: at.column,
    leadingSpace,
    startOfLine: false,
    noExpand: false,
    offset: -1,
  };
}
