// An independent tokenizer for comparing preprocessed text (ours and clang's) token by
// token, ignoring whitespace and line markers. Kept separate from the engine's lexer so a
// lexer bug cannot hide itself in the comparison.

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
    String.raw`(?:u8|[LuU])?"(?:[^"\\\n]|\\.)*"`,
    String.raw`[LuU]?'(?:[^'\\\n]|\\.)*'`,
    String.raw`\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.$]|\\u[0-9A-Fa-f]{4})*`,
    String.raw`(?:[A-Za-z_$\u0080-\uffff]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})(?:[A-Za-z0-9_$\u0080-\uffff]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*`,
    ...PUNCTUATORS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    String.raw`\S`,
  ].join("|"),
  "g",
);

/** Token spellings of preprocessed text; lines starting with `#` (markers, pragmas) are dropped unless kept. */
export function spellings(text: string, keepDirectiveLines = false): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (!keepDirectiveLines && /^\s*#/.test(line)) continue;
    for (const m of line.matchAll(TOKEN)) out.push(m[0]);
  }
  return out;
}

/** Tokens with the file and line clang -E places them on, from text with line markers. */
export function locatedTokens(text: string): { file: string; line: number; text: string }[] {
  const out: { file: string; line: number; text: string }[] = [];
  let file = "";
  let line = 0;
  for (const raw of text.split("\n")) {
    const marker = /^# (\d+) "((?:[^"\\]|\\.)*)"/.exec(raw);
    if (marker) {
      line = Number(marker[1]);
      file = marker[2]!.replace(/\\(.)/g, "$1");
      continue;
    }
    if (!/^\s*#/.test(raw))
      for (const m of raw.matchAll(TOKEN)) out.push({ file, line, text: m[0] });
    line++;
  }
  return out;
}

/** A short report of the first difference between two spelling lists, or "" when equal. */
export function firstDifference(ours: string[], theirs: string[]): string {
  let i = 0;
  while (i < ours.length && i < theirs.length && ours[i] === theirs[i]) i++;
  if (i === ours.length && i === theirs.length) return "";
  const around = (list: string[]) => list.slice(Math.max(0, i - 8), i + 8).join(" ");
  return `token ${i} differs (ours ${ours.length} tokens, clang ${theirs.length})\n  ours:  ${around(ours)}\n  clang: ${around(theirs)}`;
}
