// Tokenizer for config(5) files. It follows config(8)'s scanner rule for rule: at each point
// the longest match wins and a tie goes to the earlier rule, so values such as `-g`, `5000` or
// `1,B` after `=` come out as one word, and a newline followed by a blank continues the line.
import type { SourceLocation } from "../diagnostics/index.js";
import { fail, lineIndexAt, lineStartsOf } from "../diagnostics/index.js";

export const keywords = {
  config: "config",
  cpu: "cpu",
  nocpu: "nocpu",
  device: "device",
  devices: "device",
  nodevice: "nodevice",
  nodevices: "nodevice",
  env: "env",
  envvar: "envvar",
  hints: "hints",
  ident: "ident",
  machine: "machine",
  makeoption: "makeoptions",
  makeoptions: "makeoptions",
  nomakeoption: "nomakeoptions",
  nomakeoptions: "nomakeoptions",
  maxusers: "maxusers",
  profile: "profile",
  option: "options",
  options: "options",
  nooption: "nooptions",
  nooptions: "nooptions",
  include: "include",
  files: "files",
} as const;

export type Keyword = (typeof keywords)[keyof typeof keywords];

export type Token =
  | { kind: "keyword"; keyword: Keyword; text: string; at: SourceLocation }
  | { kind: "id"; text: string; at: SourceLocation }
  | { kind: "number"; value: number; text: string; at: SourceLocation }
  | { kind: "path"; text: string; at: SourceLocation }
  | { kind: "envline"; text: string; at: SourceLocation }
  /** End of statement: a newline not followed by a blank, or `;`. */
  | { kind: "end"; text: string; at: SourceLocation }
  | { kind: "comma" | "equals" | "plusequals"; text: string; at: SourceLocation }
  /** Any other character; the parser rejects it. */
  | { kind: "char"; text: string; at: SourceLocation }
  | { kind: "eof"; text: ""; at: SourceLocation };

type State = "initial" | "value" | "envline";

interface Match {
  length: number;
  make: () => Token | null;
  nextState?: State;
}

const idPattern = /[A-Za-z_][-A-Za-z_0-9]*/y;
const valuePattern = /[^# \t\n]*/y;
const envPattern = /[^#\n]*/y;
const octalPattern = /0[0-7]*/y;
const hexPattern = /0x[0-9a-fA-F]+/y;
const decimalPattern = /-?[1-9][0-9]*/y;
const blankPattern = /[ \t\f]*/y;
const pathPattern = /[./][-/.%^A-Za-z_0-9]+/y;

function matchAt(re: RegExp, text: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : null;
}

/** Splits one configuration file into tokens. `file` is the name diagnostics show. */
export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  const lineStarts = lineStartsOf(text);
  const locate = (pos: number): SourceLocation => {
    const line = lineIndexAt(lineStarts, pos);
    return { file, line: line + 1, column: pos - lineStarts[line] + 1 };
  };
  const lineText = (pos: number): string => {
    const loc = locate(pos);
    const start = lineStarts[loc.line - 1];
    const end = text.indexOf("\n", start);
    return text.slice(start, end < 0 ? text.length : end);
  };

  let state: State = "initial";
  let pos = 0;
  while (pos < text.length) {
    const at = locate(pos);
    const candidates: Match[] = [];
    const add = (length: number, make: () => Token | null, nextState?: State) => {
      if (length > 0) candidates.push({ length, make, nextState });
    };

    if (state === "envline") {
      const env = matchAt(envPattern, text, pos) ?? "";
      add(env.length, () => ({ kind: "envline", text: env, at }), "initial");
    }
    const id = matchAt(idPattern, text, pos);
    if (id) {
      add(
        id.length,
        () => {
          const kw = Object.hasOwn(keywords, id)
            ? keywords[id as keyof typeof keywords]
            : undefined;
          if (!kw) return { kind: "id", text: id, at };
          return { kind: "keyword", keyword: kw, text: id, at };
        },
        id === "envvar" ? "envline" : "initial",
      );
    }
    if (text.startsWith('\\"', pos)) {
      const close = text.indexOf('"', pos + 2);
      if (close > pos + 2 && text[close - 1] === "\\") {
        checkOneLine(text, pos, close, at, lineText);
        // The escaped quotes stay in the word: \"abc\" reads as "abc".
        const inner = text.slice(pos + 2, close - 1);
        add(close + 1 - pos, () => ({ kind: "id", text: `"${inner}"`, at }), "initial");
      }
    }
    if (text[pos] === '"') {
      const close = text.indexOf('"', pos + 1);
      if (close < 0) fail("unterminated quoted string", at, lineText(pos));
      checkOneLine(text, pos, close, at, lineText);
      const inner = text.slice(pos + 1, close);
      add(
        inner.length === 0 ? 0 : close + 1 - pos,
        () => ({ kind: "id", text: inner, at }),
        "initial",
      );
    }
    if (state === "value") {
      const value = matchAt(valuePattern, text, pos) ?? "";
      add(value.length, () => ({ kind: "id", text: value, at }), "initial");
    }
    const octal = matchAt(octalPattern, text, pos);
    if (octal)
      add(octal.length, () => ({ kind: "number", value: parseInt(octal, 8), text: octal, at }));
    const hex = matchAt(hexPattern, text, pos);
    if (hex)
      add(hex.length, () => ({ kind: "number", value: parseInt(hex.slice(2), 16), text: hex, at }));
    const dec = matchAt(decimalPattern, text, pos);
    if (dec) add(dec.length, () => ({ kind: "number", value: parseInt(dec, 10), text: dec, at }));
    if (text[pos] === "?") add(1, () => ({ kind: "number", value: -1, text: "?", at }));
    if (text[pos] === "\n") {
      const next = text[pos + 1];
      // A newline followed by a blank continues the statement on the next line.
      if (next === " " || next === "\t") add(2, () => null);
      else add(1, () => ({ kind: "end", text: "\n", at }));
    }
    if (text[pos] === "#") {
      const eol = text.indexOf("\n", pos);
      add((eol < 0 ? text.length : eol) - pos, () => null);
    }
    const blank = matchAt(blankPattern, text, pos) ?? "";
    add(blank.length, () => null);
    if (text[pos] === ";") add(1, () => ({ kind: "end", text: ";", at }));
    if (text[pos] === ",") add(1, () => ({ kind: "comma", text: ",", at }));
    if (text[pos] === "=") add(1, () => ({ kind: "equals", text: "=", at }), "value");
    if (text.startsWith("+=", pos)) add(2, () => ({ kind: "plusequals", text: "+=", at }), "value");
    const path = matchAt(pathPattern, text, pos);
    if (path) add(path.length, () => ({ kind: "path", text: path, at }), "initial");
    if (text[pos] !== "\n") add(1, () => ({ kind: "char", text: text[pos], at }));

    let best = candidates[0];
    for (const c of candidates) if (c.length > best.length) best = c;
    // A newline with trailing blank context consumes only the newline itself.
    const consumed = text[pos] === "\n" ? 1 : best.length;
    // config(8) has no empty string; "" only passes inside a value word (FOO="").
    if (text[pos] === '"' && best.length === 1) fail("empty quoted string", at, lineText(pos));
    const token = best.make();
    if (best.nextState) state = best.nextState;
    if (token) tokens.push(token);
    pos += consumed;
  }
  tokens.push({ kind: "eof", text: "", at: locate(text.length) });
  return tokens;
}

function checkOneLine(
  text: string,
  open: number,
  close: number,
  at: SourceLocation,
  lineText: (pos: number) => string,
): void {
  const newline = text.indexOf("\n", open);
  if (newline >= 0 && newline < close) fail("unterminated quoted string", at, lineText(open));
}
