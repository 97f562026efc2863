// Include-guard detection: a file whose only content is `#ifndef G` (or `#if !defined G`)
// ... `#endif` is skipped on later inclusions while G is defined, as clang does; this also
// keeps -E output free of markers for files that contribute nothing.
import type { LexedFile } from "./lexer.js";
import { isHash, isPunct, type Token } from "./tokens.js";

const guards = new WeakMap<LexedFile, string | null>();

export function includeGuard(file: LexedFile): string | null {
  let g = guards.get(file);
  if (g === undefined) {
    g = detect(file.tokens);
    guards.set(file, g);
  }
  return g;
}

/** Index just past the directive line starting at `i`. */
function lineEnd(tokens: Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && !tokens[j]!.startOfLine) j++;
  return j;
}

function guardName(tokens: Token[], end: number): string | null {
  const line = tokens.slice(1, end);
  const d = line[0];
  if (!d || d.kind !== "identifier") return null;
  if (d.text === "ifndef" && line.length === 2 && line[1]!.kind === "identifier")
    return line[1]!.text;
  if (d.text !== "if" || !line[1] || !isPunct(line[1], "!") || line[2]?.text !== "defined")
    return null;
  const rest = line.slice(3);
  if (rest.length === 1 && rest[0]!.kind === "identifier") return rest[0]!.text;
  if (
    rest.length === 3 &&
    isPunct(rest[0]!, "(") &&
    rest[1]!.kind === "identifier" &&
    isPunct(rest[2]!, ")")
  ) {
    return rest[1]!.text;
  }
  return null;
}

function detect(tokens: Token[]): string | null {
  const first = tokens[0];
  if (!first || !isHash(first)) return null;
  const end = lineEnd(tokens, 0);
  const name = guardName(tokens, end);
  if (name === null) return null;
  let depth = 1;
  for (let i = end; i < tokens.length; ) {
    const t = tokens[i]!;
    if (!(t.startOfLine && isHash(t))) {
      i++;
      continue;
    }
    const e = lineEnd(tokens, i);
    const d = tokens[i + 1];
    if (d && i + 1 < e && d.kind === "identifier") {
      if (d.text === "if" || d.text === "ifdef" || d.text === "ifndef") depth++;
      else if (d.text === "endif") {
        if (--depth === 0) return e === tokens.length ? name : null;
      } else if (depth === 1 && (d.text === "else" || d.text.startsWith("elif"))) return null;
    }
    i = e;
  }
  return null;
}
