// Preprocessed text as `clang -E` prints it: tokens on their source lines, line markers
// (`# N "file" flags`) where the file changes or lines jump, and a space wherever two tokens
// would otherwise lex as one.
import type { FileTransition, PPToken } from "../api.js";

export interface RenderOptions {
  /** `# N "file"` markers (clang -E); off gives -P style output. */
  lineMarkers: boolean;
}

// Multi-character punctuators; a space goes between two tokens that would start one.
const PUNCTUATORS = [
  "%:%:", "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
  "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:", "//", "/*",
];
const WORD_CHAR = /[A-Za-z0-9_$]/;
/** Blank lines clang prints instead of a marker when a file's lines jump a little. */
const MAX_BLANK_LINES = 8;

function escapeFileName(name: string): string {
  return name.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

/** Whether printing `prev` then `next` with nothing between would change the tokens. */
export function needsSeparator(prev: PPToken, next: PPToken): boolean {
  const a = prev.text;
  const b = next.text;
  if (a.length === 0 || b.length === 0) return false;
  const last = a[a.length - 1];
  const first = b[0];
  if (WORD_CHAR.test(last) && WORD_CHAR.test(first)) return true;
  if (prev.kind === "identifier" && /^(L|u|U|u8)$/.test(a) && (first === '"' || first === "'")) return true;
  if (prev.kind === "number" && (first === "." || ((first === "+" || first === "-") && /[eEpP]$/.test(a)))) return true;
  if (last === "." && /[0-9]/.test(first)) return true;
  for (const p of PUNCTUATORS) {
    for (let split = 1; split < p.length; split++) {
      if (a.endsWith(p.slice(0, split)) && b.startsWith(p.slice(split))) return true;
    }
  }
  return false;
}

/** The tokens and file transitions of a preprocessing result, as text. */
export function renderPreprocessed(
  tokens: readonly PPToken[],
  transitions: readonly FileTransition[],
  options: RenderOptions,
): string {
  const out: string[] = [];
  let current: string[] | undefined; // the open output line, if any
  let file = "";
  let nextLine = 1; // source line the next output line stands for
  let nextTransition = 0;
  let prev: PPToken | undefined;

  const closeLine = () => {
    if (current === undefined) return;
    out.push(current.join(""));
    current = undefined;
    nextLine++;
  };
  const marker = (lineNo: number, name: string, flags: string) => {
    closeLine();
    if (options.lineMarkers) out.push(`# ${lineNo} "${escapeFileName(name)}"${flags}`);
    file = name;
    nextLine = lineNo;
    prev = undefined;
  };

  for (let i = 0; i <= tokens.length; i++) {
    while (nextTransition < transitions.length && transitions[nextTransition].tokenIndex === i) {
      const t = transitions[nextTransition++];
      marker(t.line, t.file, (t.flag ? ` ${t.flag}` : "") + (t.system ? " 3" : ""));
    }
    if (i === tokens.length) break;
    const tok = tokens[i];
    if (tok.kind === "pragma") {
      closeLine();
      out.push(tok.text);
      nextLine = tok.line + 1;
      prev = undefined;
      continue;
    }
    if (current === undefined || tok.startOfLine) {
      closeLine();
      if (tok.file !== file || tok.line < nextLine || tok.line - nextLine > MAX_BLANK_LINES) marker(tok.line, tok.file, "");
      for (; nextLine < tok.line; nextLine++) out.push("");
      current = tok.column > 1 ? [" ".repeat(tok.column - 1)] : [];
    } else if (tok.leadingSpace || (prev !== undefined && needsSeparator(prev, tok))) {
      current.push(" ");
    }
    current.push(tok.text);
    prev = tok;
  }
  closeLine();
  return out.join("\n") + "\n";
}
