// Long prototype lines in generated headers are broken after commas, continuation lines
// indented to the opening parenthesis.

/**
 * Splits `line` at the rightmost ", " that keeps each piece within `maxLength` columns,
 * repeatedly, indenting continuations by `indent` spaces. A piece with no such comma stays long.
 */
export function wrapAtCommas(line: string, maxLength: number, indent: number): string {
  let done = "";
  let rest = line;
  while (rest.length > maxLength) {
    const window = rest.slice(0, maxLength + 1);
    const cut = window.lastIndexOf(", ");
    if (cut < 0) break;
    done += rest.slice(0, cut + 1) + "\n";
    rest = " ".repeat(indent) + rest.slice(cut + 2);
  }
  return done + rest;
}
