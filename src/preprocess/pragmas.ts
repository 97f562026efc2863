// #pragma and _Pragma: the pragmas the preprocessor itself acts on (once, system_header,
// push_macro/pop_macro, poison, GCC warning/error) are consumed; every other pragma is
// passed through as a `pragma` token, spelled as clang -E prints it.
import { fail } from "../diagnostics/index.js";
import { locOf, type Engine } from "./engine.js";
import { tokenize } from "./lexer.js";
import { makeToken, type Token } from "./tokens.js";

function spell(tokens: Token[]): string {
  let s = "";
  tokens.forEach((t, k) => {
    if (k > 0 && t.leadingSpace) s += " ";
    s += t.text;
  });
  return s;
}

/** The string operand of push_macro("X") / GCC warning "x", unquoted. */
function stringOperand(tokens: Token[]): string | undefined {
  const lit = tokens.find((t) => t.kind === "string");
  return lit ? lit.text.slice(lit.text.indexOf('"') + 1, -1) : undefined;
}

/** Handles the tokens after `pragma`; `at` locates the directive or _Pragma. */
export function handlePragma(e: Engine, tokens: Token[], at: Token): void {
  const file = e.currentFile();
  const w0 = tokens[0]?.text;
  const w1 = tokens[1]?.text;
  const gccOrClang = w0 === "GCC" || w0 === "clang";
  if (w0 === "once" && tokens.length === 1) {
    if (file) e.pragmaOnce.add(e.identity(file.abs));
    return;
  }
  if (gccOrClang && w1 === "system_header") {
    if (file && !file.root) {
      file.system = true;
      const next = tokens[tokens.length - 1] ?? at;
      e.transitions.push({
        tokenIndex: e.tokenCount,
        file: file.presumedFile,
        line: next.line + 1,
        flag: 0,
        system: true,
      });
    }
    return;
  }
  if (gccOrClang && w1 === "poison") {
    for (const t of tokens.slice(2)) if (t.kind === "identifier") e.poisoned.add(t.text);
    return;
  }
  if (w0 === "GCC" && (w1 === "warning" || w1 === "error")) {
    const text = stringOperand(tokens.slice(2)) ?? "";
    if (w1 === "error") fail(text, locOf(tokens[1]!));
    e.warn(text, locOf(tokens[1]!));
  } else if (w0 === "push_macro" || w0 === "pop_macro") {
    const name = stringOperand(tokens);
    if (name !== undefined) {
      const stack = e.pushedMacros.get(name) ?? [];
      e.pushedMacros.set(name, stack);
      if (w0 === "push_macro") stack.push(e.macros.get(name));
      else if (stack.length > 0) {
        const saved = stack.pop();
        if (saved) e.define(saved);
        else e.undefine(name);
      }
    }
    return;
  }
  const out = makeToken(
    "pragma",
    spell(tokens).length > 0 ? `#pragma ${spell(tokens)}` : "#pragma",
    at,
    false,
  );
  out.startOfLine = true;
  e.pushTokens([out], null, -1);
}

/** `_Pragma("text")`: the destringized text is lexed and handled as a #pragma line. */
export function handlePragmaText(e: Engine, text: string, at: Token): void {
  const tokens: Token[] = [];
  tokenize(text, (kind, start, end, leadingSpace) => {
    tokens.push(makeToken(kind, text.slice(start, end), at, leadingSpace));
  });
  handlePragma(e, tokens, at);
}

/** `#ident "x"` and `#sccs "x"` are printed as `#ident "x"`. */
export function handleIdent(e: Engine, tokens: Token[], at: Token): void {
  const out = makeToken("pragma", `#ident ${spell(tokens)}`, at, false);
  out.startOfLine = true;
  e.pushTokens([out], null, -1);
}
