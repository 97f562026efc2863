// Preprocessed output as a token spelling sequence with where each token came from, so two
// preprocessors' outputs compare regardless of whitespace and line-marker placement.

export interface LocatedToken {
  text: string;
  /** The file the line markers name, as printed. */
  file: string;
  line: number;
}

const LINE_MARKER = /^#(?:line)?\s+(\d+)(?:\s+"((?:[^"\\]|\\.)*)")?/;

// Longest first, so `>>=` wins over `>>` and `>`.
const PUNCTUATORS = [
  "%:%:",
  "...",
  "<<=",
  ">>=",
  "->",
  "++",
  "--",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "*=",
  "/=",
  "%=",
  "+=",
  "-=",
  "&=",
  "^=",
  "|=",
  "##",
  "<:",
  ":>",
  "<%",
  "%>",
  "%:",
];

const TOKEN = new RegExp(
  [
    // string and character literals, with encoding prefixes
    String.raw`(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"`,
    String.raw`(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'`,
    // pp-numbers
    String.raw`\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*`,
    // identifiers
    String.raw`[A-Za-z_$][A-Za-z0-9_$]*`,
    ...PUNCTUATORS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    String.raw`\S`,
  ].join("|"),
  "y",
);

function unescapeFileName(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

/**
 * Splits `clang -E`-style output into tokens. Line markers (`# N "file" flags`) set the
 * location of the lines after them and are not tokens themselves.
 */
export function tokenize(output: string, mainFile = "<main>"): LocatedToken[] {
  const tokens: LocatedToken[] = [];
  let file = mainFile;
  let line = 1;
  for (const text of output.split("\n")) {
    const marker = LINE_MARKER.exec(text);
    if (marker && text.startsWith("#") && !/^#\s*pragma\b/.test(text)) {
      line = Number(marker[1]);
      if (marker[2] !== undefined) file = unescapeFileName(marker[2]);
      continue;
    }
    TOKEN.lastIndex = 0;
    let pos = 0;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
        pos++;
        continue;
      }
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(text);
      const spelling = m ? m[0] : text[pos];
      tokens.push({ text: spelling, file, line });
      pos += spelling.length;
    }
    line++;
  }
  return tokens;
}

export interface TokenDifference {
  index: number;
  ours?: LocatedToken;
  clang?: LocatedToken;
  /** A few tokens either side, from each stream. */
  oursContext: string;
  clangContext: string;
}

function context(tokens: readonly LocatedToken[], index: number): string {
  const before = tokens
    .slice(Math.max(0, index - 8), index)
    .map((t) => t.text)
    .join(" ");
  const at = index < tokens.length ? `【${tokens[index].text}】` : "【<end>】";
  const after = tokens
    .slice(index + 1, index + 9)
    .map((t) => t.text)
    .join(" ");
  return `${before} ${at} ${after}`.trim();
}

/** The first place the spelling sequences differ, or undefined when they are equal. */
export function firstDifference(
  ours: readonly LocatedToken[],
  clang: readonly LocatedToken[],
): TokenDifference | undefined {
  const n = Math.min(ours.length, clang.length);
  let i = 0;
  while (i < n && ours[i].text === clang[i].text) i++;
  if (i === ours.length && i === clang.length) return undefined;
  return {
    index: i,
    ours: ours[i],
    clang: clang[i],
    oursContext: context(ours, i),
    clangContext: context(clang, i),
  };
}

export function formatDifference(
  d: TokenDifference,
  rename: (file: string) => string = (f) => f,
): string {
  const where = (t?: LocatedToken) =>
    t ? `${rename(t.file)}:${t.line} '${t.text}'` : "<end of output>";
  return [
    `first difference at token ${d.index}:`,
    `  ours:  ${where(d.ours)}`,
    `         ${d.oursContext}`,
    `  clang: ${where(d.clang)}`,
    `         ${d.clangContext}`,
  ].join("\n");
}
