// Header names of #include and __has_include: a string literal, or `<...>` taken from the
// source text as written when it is there, else assembled from the tokens' spellings
// (with a space wherever a token had whitespace before it), as clang builds computed includes.
import type { Token } from "./tokens.js";
import { isPunct } from "./tokens.js";

export interface HeaderName {
  name: string;
  angled: boolean;
}

/**
 * `tokens` is either one string literal or `<` ... `>`. `fileText` is the spliced text the
 * tokens were lexed from, when they come straight from the file.
 */
export function resolveHeaderName(tokens: Token[], fileText: string): HeaderName {
  const first = tokens[0]!;
  if (first.kind === "string")
    return { name: first.text.slice(first.text.indexOf('"') + 1, -1), angled: false };
  const last = tokens[tokens.length - 1]!;
  const fromSource =
    tokens.every((t) => t.offset >= 0) && isPunct(last, ">") && last.offset > first.offset;
  if (fromSource && fileText.slice(first.offset, first.offset + 1) === "<") {
    return { name: fileText.slice(first.offset + 1, last.offset), angled: true };
  }
  let name = "";
  for (let k = 1; k < tokens.length - 1; k++) {
    const t = tokens[k]!;
    if (k > 1 && t.leadingSpace) name += " ";
    name += t.text;
  }
  return { name, angled: true };
}
