// config(5) grammar: turns one file's tokens into statements. Includes are not followed here;
// the collector does that, so this stays a pure function of one file's text.
import type { SourceLocation } from "../diagnostics/index.js";
import { fail } from "../diagnostics/index.js";
import type { NamedEntry } from "../ir/kernconf.js";
import { type Keyword, type Token, tokenize } from "./lexer.js";

export interface OptionItem {
  name: string;
  value: string | null;
  where: SourceLocation;
}

export interface MakeOptionItem {
  name: string;
  value: string;
  append: boolean;
  where: SourceLocation;
}

export type Statement =
  | { kind: "machine"; machine: string; arch: string | null; where: SourceLocation }
  | { kind: "cpu" | "nocpu" | "ident" | "nomakeoptions"; name: string; where: SourceLocation }
  | { kind: "options"; items: OptionItem[] }
  | { kind: "nooptions" | "device" | "nodevice"; names: NamedEntry[] }
  | { kind: "makeoptions"; items: MakeOptionItem[] }
  | { kind: "config"; name: string; where: SourceLocation }
  | { kind: "maxusers" | "profile"; value: number; where: SourceLocation }
  | { kind: "env" | "hints" | "files" | "include"; path: string; where: SourceLocation }
  | { kind: "envvar"; text: string; where: SourceLocation };

/** Parses one configuration file. Throws a located DiagnosticError on the first syntax error. */
export function parseConfigFile(text: string, file: string): Statement[] {
  const lines = text.split("\n");
  const tokens = tokenize(text, file);
  let i = 0;
  const statements: Statement[] = [];

  const peek = (): Token => tokens[i];
  const next = (): Token => tokens[i++];
  const describe = (t: Token): string => {
    switch (t.kind) {
      case "end":
        return t.text === ";" ? "';'" : "end of line";
      case "eof":
        return "end of file";
      case "keyword":
        return `keyword '${t.text}'`;
      case "envline":
        return `'${t.text.trim()}'`;
      default:
        return t.text === "\r" ? "carriage return (use Unix line ends)" : `'${t.text}'`;
    }
  };
  const failAt = (t: Token, message: string): never => fail(message, t.at, lines[t.at.line - 1]);
  const expectWord = (what: string, after: Token): Token & { kind: "id" } => {
    const t = next();
    if (t.kind === "id") return t;
    return failAt(t, `expected ${what} after '${after.text}', found ${describe(t)}`);
  };
  const expectEnd = (after: string, startLine: number): void => {
    const t = next();
    if (t.kind === "end") return;
    if (t.kind === "eof") {
      failAt(
        t,
        "missing newline at end of file (config(8) requires every statement to end with one)",
      );
    }
    const hint =
      t.at.line > startLine
        ? " (a line starting with a blank continues the previous statement)"
        : "";
    failAt(t, `unexpected ${describe(t)} after ${after}${hint}`);
  };
  const list = <T>(item: () => T): T[] => {
    const items = [item()];
    while (peek().kind === "comma") {
      next();
      items.push(item());
    }
    return items;
  };
  const numberAfter = (kw: Token): number => {
    const t = next();
    if (t.kind === "number") return t.value;
    return failAt(t, `expected a number after '${kw.text}', found ${describe(t)}`);
  };
  const optionValue = (name: Token): string => {
    const t = next();
    if (t.kind === "id") return t.text;
    if (t.kind === "number") return String(t.value);
    return failAt(t, `expected a value for '${name.text}', found ${describe(t)}`);
  };

  for (;;) {
    const head = next();
    if (head.kind === "eof") break;
    if (head.kind === "end") continue;
    if (head.kind === "id") failAt(head, `unknown keyword '${head.text}'`);
    if (head.kind !== "keyword") failAt(head, `expected a keyword, found ${describe(head)}`);
    const kw = (head as Token & { kind: "keyword" }).keyword;
    statements.push(parseStatement(kw, head));
    expectEnd(`the '${head.text}' statement`, head.at.line);
  }
  return statements;

  function parseStatement(kw: Keyword, head: Token): Statement {
    switch (kw) {
      case "machine": {
        const machine = expectWord("a machine name", head);
        const arch = peek().kind === "id" ? next().text : null;
        return { kind: "machine", machine: machine.text, arch, where: machine.at };
      }
      case "cpu":
      case "nocpu":
      case "ident":
      case "nomakeoptions": {
        const what =
          kw === "ident" ? "a kernel name" : kw.endsWith("cpu") ? "a cpu type" : "an option name";
        const word = expectWord(what, head);
        return { kind: kw, name: word.text, where: word.at };
      }
      case "options":
        return {
          kind: "options",
          items: list(() => {
            const name = expectWord("an option name", head);
            if (name.text.includes("=")) failAt(name, "the '=' in options should not be quoted");
            if (peek().kind !== "equals") return { name: name.text, value: null, where: name.at };
            next();
            return { name: name.text, value: optionValue(name), where: name.at };
          }),
        };
      case "nooptions":
      case "device":
      case "nodevice": {
        const what = kw === "nooptions" ? "an option name" : "a device name";
        const names = list(() => {
          const word = expectWord(what, head);
          return { name: word.text, where: word.at };
        });
        return { kind: kw, names };
      }
      case "makeoptions":
        return {
          kind: "makeoptions",
          items: list(() => {
            const name = expectWord("a make variable", head);
            const op = peek();
            if (op.kind === "plusequals") {
              next();
              return { name: name.text, value: optionValue(name), append: true, where: name.at };
            }
            if (op.kind !== "equals")
              return { name: name.text, value: "", append: false, where: name.at };
            next();
            const v = peek();
            const value = v.kind === "id" || v.kind === "number" ? optionValue(name) : "";
            return { name: name.text, value, append: false, where: name.at };
          }),
        };
      case "config": {
        const name = expectWord("a kernel file name", head);
        if (peek().kind === "id") failAt(peek(), "root/dump/swap specifications are obsolete");
        return { kind: "config", name: name.text, where: name.at };
      }
      case "maxusers":
      case "profile":
        return { kind: kw, value: numberAfter(head), where: head.at };
      case "env":
      case "hints":
      case "files": {
        const word = expectWord("a file name", head);
        return { kind: kw, path: word.text, where: word.at };
      }
      case "include": {
        const t = next();
        if (t.kind !== "id" && t.kind !== "path") {
          return failAt(t, `expected a file name after 'include', found ${describe(t)}`);
        }
        return { kind: "include", path: t.text, where: t.at };
      }
      case "envvar": {
        const t = next();
        if (t.kind !== "envline" || t.text.trim() === "") {
          return failAt(t, `expected NAME=VALUE after 'envvar', found ${describe(t)}`);
        }
        return { kind: "envvar", text: t.text.trim(), where: t.at };
      }
    }
  }
}
