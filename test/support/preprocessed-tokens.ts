// Preprocessed text (ours and clang's) as token sequences, so two preprocessors' outputs
// compare regardless of whitespace and line-marker placement. An independent tokenizer,
// kept apart from the engine's lexer so that a lexer bug cannot hide itself in the
// comparison.

export interface LocatedToken {
  text: string;
  /** The file the line markers name, as printed. */
  file: string;
  line: number;
}

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

const TOKEN_SOURCE = [
  // string and character literals, with encoding prefixes
  String.raw`(?:u8|[LuU])?"(?:[^"\\\n]|\\.)*"`,
  String.raw`(?:u8|[LuU])?'(?:[^'\\\n]|\\.)*'`,
  // pp-numbers
  String.raw`\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.$]|\\u[0-9A-Fa-f]{4})*`,
  // identifiers, with UCNs and extended characters
  String.raw`(?:[A-Za-z_$\u0080-\uffff]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})(?:[A-Za-z0-9_$\u0080-\uffff]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*`,
  ...PUNCTUATORS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  String.raw`\S`,
].join("|");

const TOKEN = new RegExp(TOKEN_SOURCE, "g");

/** `# N "file" flags` or `#line N "file"`: the line and (when given) file of what follows. */
const LINE_MARKER = /^#(?:line)?\s+(\d+)(?:\s+"((?:[^"\\]|\\.)*)")?/;

function lineTokens(line: string): string[] {
  return Array.from(line.matchAll(TOKEN), (m) => m[0]);
}

function unescapeFileName(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

/** Token spellings; lines starting with `#` (markers, pragmas) are dropped unless kept. */
export function spellings(text: string, keepDirectiveLines = false): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (!keepDirectiveLines && /^\s*#/.test(line)) continue;
    out.push(...lineTokens(line));
  }
  return out;
}

/**
 * Splits `clang -E`-style output into tokens with the file and line the markers give them.
 * Line markers are not tokens; `#pragma` lines are kept as tokens unless `dropDirectives`.
 */
export function tokenize(
  output: string,
  mainFile = "<main>",
  dropDirectives = false,
): LocatedToken[] {
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
    if (!(dropDirectives && /^\s*#/.test(text))) {
      for (const spelling of lineTokens(text)) tokens.push({ text: spelling, file, line });
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

function context(tokens: readonly { text: string }[], index: number): string {
  const before = tokens
    .slice(Math.max(0, index - 8), index)
    .map((t) => t.text)
    .join(" ");
  const at = index < tokens.length ? `【${tokens[index]!.text}】` : "【<end>】";
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
  while (i < n && ours[i]!.text === clang[i]!.text) i++;
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

/** A short report of the first difference between two spelling lists, or "" when equal. */
export function firstSpellingDifference(
  ours: readonly string[],
  theirs: readonly string[],
): string {
  const asTokens = (list: readonly string[]) => list.map((text) => ({ text, file: "", line: 0 }));
  const d = firstDifference(asTokens(ours), asTokens(theirs));
  if (!d) return "";
  return (
    `token ${d.index} differs (ours ${ours.length} tokens, clang ${theirs.length})\n` +
    `  ours:  ${d.oursContext}\n  clang: ${d.clangContext}`
  );
}
