// Builtin macros: __FILE__, __LINE__, __COUNTER__, __INCLUDE_LEVEL__, _Pragma and the
// feature tests (__has_include, __has_feature, __has_attribute, ...), answered as clang does.
import { posix } from "node:path";
import { fail } from "../diagnostics/index.js";
import type { Engine } from "./engine.js";
import { locOf } from "./engine.js";
import type { FeatureBuiltin } from "./features.js";
import { resolveHeaderName } from "./header-names.js";
import type { BuiltinKind } from "./macros.js";
import { handlePragmaText } from "./pragmas.js";
import { isPunct, makeToken, type Token } from "./tokens.js";

function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, "\\$&")}"`;
}

// Fixed so that output is reproducible; nothing in a kernel header should depend on it.
const FIXED_DATE = '"Jan  1 1970"';
const FIXED_TIME = '"00:00:00"';
const FIXED_TIMESTAMP = '"Thu Jan  1 00:00:00 1970"';

/**
 * Expands a builtin macro at `t`: pushes its result and returns true, or returns false when
 * the name stays a plain identifier.
 */
export function expandBuiltin(e: Engine, kind: BuiltinKind, t: Token): boolean {
  const file = e.currentFile();
  // Results of the function-like builtins are placed at their ')', as clang places them.
  let at = t;
  const push = (k: Token["kind"], text: string) => {
    const result = makeToken(k, text, at, t.leadingSpace);
    result.startOfLine = t.startOfLine;
    e.pushTokens([result], null, -1);
  };
  const close = (c: Token) => {
    at = c;
  };
  switch (kind) {
    case "__LINE__": {
      const end = e.expansionEndLine();
      push("number", String(end >= 0 ? end : t.line));
      return true;
    }
    case "__FILE__":
      push("string", quote(file?.presumedFile ?? t.file));
      return true;
    case "__FILE_NAME__":
      push("string", quote(posix.basename(file?.presumedFile ?? t.file)));
      return true;
    case "__BASE_FILE__":
      push("string", quote(e.mainDisplay));
      return true;
    case "__COUNTER__":
      push("number", String(e.counter++));
      return true;
    case "__INCLUDE_LEVEL__":
      push("number", String(Math.max(0, e.fileDepth - 1)));
      return true;
    case "__DATE__":
      push("string", FIXED_DATE);
      return true;
    case "__TIME__":
      push("string", FIXED_TIME);
      return true;
    case "__TIMESTAMP__":
      push("string", FIXED_TIMESTAMP);
      return true;
    case "_Pragma":
      expandPragmaOperator(e, t);
      return true;
    case "__has_include":
    case "__has_include_next":
      if (e.directiveDepth === 0)
        fail(`'${t.text}' must be used within a preprocessing directive`, locOf(t));
      push("number", hasInclude(e, t, kind === "__has_include_next", close) ? "1" : "0");
      return true;
    case "__has_warning":
      close(readParenthesized(e, t, true).close);
      push("number", "0");
      return true;
    default:
      {
        // Version-valued answers (C attributes) are spelled as long constants, as clang does.
        const value = featureTest(e, kind, t, close);
        push("number", value > 1 ? `${value}L` : String(value));
      }
      return true;
  }
}

function expectOpenParen(e: Engine, t: Token, raw: boolean): void {
  const open = raw ? e.lexRaw() : e.next();
  if (!isPunct(open, "("))
    fail(`missing '(' after '${t.text}'`, locOf(open.kind === "eof" ? t : open));
}

function readParenthesized(e: Engine, t: Token, expand: boolean): { inner: Token[]; close: Token } {
  expectOpenParen(e, t, true);
  const inner: Token[] = [];
  let depth = 0;
  for (;;) {
    const x = expand ? e.next() : e.lexRaw();
    if (x.kind === "eof") fail(`missing ')' after '${t.text}'`, locOf(t));
    if (isPunct(x, "(")) depth++;
    if (isPunct(x, ")") && depth-- === 0) return { inner, close: x };
    inner.push(x);
  }
}

function featureTest(
  e: Engine,
  kind: FeatureBuiltin,
  t: Token,
  onClose: (c: Token) => void,
): number {
  // clang expands the argument of the attribute tests but not of the others.
  const expand =
    kind === "__has_attribute" ||
    kind === "__has_c_attribute" ||
    kind === "__has_declspec_attribute" ||
    kind === "__has_cpp_attribute";
  const { inner, close } = readParenthesized(e, t, expand);
  onClose(close);
  const ident = (k: number) => inner[k]?.kind === "identifier";
  let name: string;
  if (inner.length === 1 && ident(0)) name = inner[0]!.text;
  else if (inner.length === 3 && ident(0) && isPunct(inner[1]!, "::") && ident(2))
    name = `${inner[0]!.text}::${inner[2]!.text}`;
  else if (
    inner.length === 4 &&
    ident(0) &&
    isPunct(inner[1]!, ":") &&
    isPunct(inner[2]!, ":") &&
    ident(3)
  ) {
    name = `${inner[0]!.text}::${inner[3]!.text}`;
  } else
    fail("builtin feature check macro requires a parenthesized identifier", locOf(inner[0] ?? t));
  return e.features.answer(kind, name);
}

function hasInclude(e: Engine, t: Token, next: boolean, onClose: (c: Token) => void): boolean {
  expectOpenParen(e, t, true);
  const file = e.currentFile()!;
  const first = e.next();
  const spelled: Token[] = [first];
  if (isPunct(first, "<")) {
    for (;;) {
      const x = e.next();
      if (x.kind === "eof") fail("expected '>'", locOf(t));
      spelled.push(x);
      if (isPunct(x, ">")) break;
    }
  } else if (first.kind !== "string") {
    fail('expected "FILENAME" or <FILENAME>', locOf(first));
  }
  const close = e.next();
  if (!isPunct(close, ")")) fail(`missing ')' after '${t.text}'`, locOf(close));
  onClose(close);
  const header = resolveHeaderName(spelled, file.lexed.text);
  if (header.name === "") fail("empty filename", locOf(first));
  return findHeader(e, header.name, header.angled, next) !== null;
}

export function findHeader(e: Engine, name: string, angled: boolean, next: boolean) {
  const file = e.currentFile()!;
  const useNext = next && file.dirIndex >= 0;
  return e.search.find(
    name,
    angled,
    angled || useNext ? null : e.includerDir(file),
    useNext ? file.dirIndex + 1 : 0,
    file.system,
    e.fileExists,
  );
}

/** `_Pragma("...")`: destringized and handled as a #pragma line. */
function expandPragmaOperator(e: Engine, t: Token): void {
  const { inner } = readParenthesized(e, t, false);
  const lit = inner[0];
  if (inner.length !== 1 || !lit || lit.kind !== "string")
    fail("_Pragma takes a parenthesized string literal", locOf(t));
  const body = lit.text.slice(lit.text.indexOf('"') + 1, -1).replace(/\\(["\\])/g, "$1");
  handlePragmaText(e, body, t);
}
