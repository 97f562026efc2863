// Include-guard detection: a file whose only content is `#ifndef G` (or `#if !defined G`)
// ... `#endif` is skipped on later inclusions while G is defined, as clang does; this also
// keeps -E output free of markers for files that contribute nothing.
import {
  IDENTIFIER,
  kindAt,
  lineEndIndex,
  nextDirectiveIndex,
  spellingAt,
  startsDirective,
  tokensIn,
  type LexedFile,
} from "./lexed-file.js";
import { isPunct, type Token } from "./tokens.js";

const guards = new WeakMap<LexedFile, string | null>();

export function includeGuard(file: LexedFile): string | null {
  let g = guards.get(file);
  if (g === undefined) {
    g = detect(file);
    guards.set(file, g);
  }
  return g;
}

/** The guard macro named by the first directive line (`line`: its tokens after the `#`). */
function guardName(line: Token[]): string | null {
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

function detect(file: LexedFile): string | null {
  if (file.count === 0 || !startsDirective(file, 0)) return null;
  const end = lineEndIndex(file, 0);
  const name = guardName(tokensIn(file, 1, end));
  if (name === null) return null;
  let depth = 1;
  for (let i = nextDirectiveIndex(file, end); i < file.count; i = nextDirectiveIndex(file, i)) {
    const e = lineEndIndex(file, i);
    const d = i + 1;
    if (d < e && kindAt(file, d) === IDENTIFIER) {
      const directive = spellingAt(file, d);
      if (directive === "if" || directive === "ifdef" || directive === "ifndef") depth++;
      else if (directive === "endif") {
        if (--depth === 0) return e === file.count ? name : null;
      } else if (depth === 1 && (directive === "else" || directive.startsWith("elif"))) return null;
    }
    i = e;
  }
  return null;
}
