// The lists a FreeBSD build takes its kobj interface files from, read the way the build reads
// them, so a run need not walk a whole kernel tree to find them:
//
// - A module build (conf/kmod.mk, older trees) generates `<name>.h` for a SRCS entry from
//   the MFILES entry whose base name is `<name>.m`; MFILES is a literal make variable.
//   Newer trees' kmod.mk has no MFILES list: it finds every `*_if.m` under the tree itself.
// - A kernel build (config(8)) takes the `.m` entries of conf/files and conf/files.<MACHINE>
//   into the kernel Makefile's MFILES, and kern.post.mk generates a header from each.
//
// Every problem is a located diagnostic, as config(8) and make would stop on it.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fail, lineIndexAt, lineStartsOf, type SourceLocation } from "../diagnostics/index.js";

/** One interface file a list names, with where it names it. */
export interface ListedInterface {
  /** Relative to the kernel tree. */
  path: string;
  /** conf/files: a `standard` entry, which every configuration compiles. */
  standard: boolean;
  at: SourceLocation;
}

/** Maps offsets of a text to 1-based line and column. */
class Positions {
  private readonly lineStarts: number[];

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.lineStarts = lineStartsOf(text);
  }

  at(offset: number): SourceLocation {
    const line = lineIndexAt(this.lineStarts, offset);
    return { file: this.file, line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }
}

// ---------------------------------------------------------------------------------------
// conf/kmod.mk

/**
 * The MFILES entries of a kmod.mk, in order; undefined when it never assigns MFILES (the
 * newer kmod.mk, which finds the interface files instead). Lines are joined at a
 * backslash-newline and `#` starts a comment, as in make; conditionals are not evaluated
 * (kmod.mk assigns MFILES unconditionally), and an assignment through a variable
 * reference or a shell command cannot be read literally, so it is an error.
 */
export function readKmodMfiles(sys: string, relative: string): ListedInterface[] | undefined {
  const file = join(sys, relative);
  const text = readFileSync(file, "utf8");
  const positions = new Positions(file, text);
  let entries: ListedInterface[] | undefined;
  for (const line of logicalLines(text)) {
    const assignment = /^[ \t]*MFILES[ \t]*(\?=|\+=|:=|!=|=)/.exec(line.text);
    if (!assignment) continue;
    const operator = assignment[1]!;
    const where = positions.at(line.offsets[assignment[0].length - operator.length]!);
    if (operator === "!=")
      fail("MFILES is set by a shell command: it cannot be read as a list", where);
    const words: ListedInterface[] = [];
    const value = /[^ \t]+/g;
    value.lastIndex = assignment[0].length;
    for (let m = value.exec(line.text); m; m = value.exec(line.text)) {
      const at = positions.at(line.offsets[m.index]!);
      words.push({ path: checkedPath(m[0], "MFILES entry", at), standard: false, at });
    }
    if (operator === "?=" && entries !== undefined) continue;
    entries = operator === "+=" ? [...(entries ?? []), ...words] : words;
  }
  return entries;
}

interface LogicalLine {
  /** The line with continuations joined and any comment removed. */
  text: string;
  /** Offset in the file of each character of `text`. */
  offsets: number[];
}

/** make's logical lines: backslash-newline and the blanks around it become one space. */
function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let chars: string[] = [];
  let offsets: number[] = [];
  let comment = false;
  const end = () => {
    lines.push({ text: chars.join(""), offsets });
    chars = [];
    offsets = [];
    comment = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
      i += text[i + 1] === "\r" ? 2 : 1;
      while (chars.length > 0 && /[ \t]/.test(chars[chars.length - 1]!)) {
        chars.pop();
        offsets.pop();
      }
      while (text[i + 1] === " " || text[i + 1] === "\t") i++;
      if (!comment) {
        chars.push(" ");
        offsets.push(i);
      }
      continue;
    }
    if (c === "\n") {
      end();
      continue;
    }
    if (c === "\\" && text[i + 1] === "#" && !comment) {
      chars.push("#");
      offsets.push(i);
      i++;
      continue;
    }
    if (c === "#") comment = true;
    if (comment || c === "\r") continue;
    chars.push(c);
    offsets.push(i);
  }
  if (chars.length > 0) end();
  return lines;
}

// ---------------------------------------------------------------------------------------
// conf/files, conf/files.<MACHINE>

/** Words of a config(8) files list that take a quoted argument. */
const quotedArgument = new Set(["dependency", "clean", "compile-with", "warning", "obj-prefix"]);
/** Words that only set a flag. */
const flagWords = new Set(["no-obj", "no-implicit-rule", "before-depend", "nowerror"]);

interface Word {
  text: string;
  offset: number;
}

/** config(8)'s get_word and get_quoted_word over one file. */
class FilesReader {
  private i = 0;
  readonly positions: Positions;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {
    this.positions = new Positions(file, text);
  }

  /** A word, "eol" at an unescaped newline, "eof" at the end. */
  word(): Word | "eol" | "eof" {
    const start = this.skipBlanks();
    if (typeof start !== "number") return start;
    const text = this.text;
    if (text[start] === "!") {
      this.i = start + 1;
      return { text: "!", offset: start };
    }
    let end = start;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    this.i = end;
    return { text: text.slice(start, end), offset: start };
  }

  /** Like word(), but a word in double or single quotes may hold blanks. */
  quotedWord(): Word | "eol" | "eof" {
    const start = this.skipBlanks();
    if (typeof start !== "number") return start;
    const text = this.text;
    const quote = text[start]!;
    if (quote !== '"' && quote !== "'") return this.word();
    let escaped = false;
    let value = "";
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i]!;
      if (c === quote && !escaped) {
        this.i = i + 1;
        return { text: value, offset: start };
      }
      if (c === "\n" && !escaped) break;
      if (c === "\\" && !escaped) {
        escaped = true;
        continue;
      }
      if (c !== quote && escaped) value += "\\";
      value += c;
      escaped = false;
    }
    return fail("missing closing quote", this.positions.at(start));
  }

  /** Skips to the end of the entry's last line. */
  skipEntry(): void {
    for (let w = this.word(); w !== "eol" && w !== "eof"; w = this.word());
  }

  /** The offset of the next word, past blanks and escaped newlines. */
  private skipBlanks(): number | "eol" | "eof" {
    const text = this.text;
    let escaped = false;
    for (;;) {
      while (this.i < text.length && " \t\r".includes(text[this.i]!)) this.i++;
      if (this.i >= text.length) return "eof";
      const c = text[this.i]!;
      if (c === "\\") {
        escaped = true;
        this.i++;
        continue;
      }
      if (c === "\n") {
        this.i++;
        if (escaped) {
          escaped = false;
          continue;
        }
        return "eol";
      }
      return this.i;
    }
  }
}

/**
 * The `.m` entries of a config(8) files list (and of the lists it includes), in order.
 * Every entry counts whether `standard` or `optional`: which optional ones a configuration
 * compiles is not evaluated (see listInterfaces). Entries config(8) leaves out of the
 * kernel Makefile's MFILES are left out: `no-depend` and `local` ones (the latter are
 * not in the tree) and profiling routines (profiling kernels are gone).
 */
export function readConfigFiles(
  sys: string,
  relative: string,
  read: string[],
  depth = 0,
): ListedInterface[] {
  const file = join(sys, relative);
  read.push(relative);
  const reader = new FilesReader(file, readFileSync(file, "utf8"));
  const at = (w: Word) => reader.positions.at(w.offset);
  const found: ListedInterface[] = [];
  for (;;) {
    const first = reader.word();
    if (first === "eof") return found;
    if (first === "eol") continue;
    if (first.text.startsWith("#")) {
      reader.skipEntry();
      continue;
    }
    if (first.text === "include") {
      const name = reader.quotedWord();
      if (typeof name === "string") return fail("missing include filename", at(first));
      if (depth >= 16) fail(`include nested too deeply: ${name.text}`, at(name));
      const included = checkedPath(name.text, "included file", at(name));
      if (!readableFile(join(sys, included))) fail(`no such file: ${included}`, at(name));
      found.push(...readConfigFiles(sys, included, read, depth + 1));
      reader.skipEntry();
      continue;
    }
    const type = reader.word();
    if (typeof type === "string") fail(`no type for ${first.text}`, at(first));
    if (type.text !== "standard" && type.text !== "optional")
      fail(`"${type.text}": ${first.text} must be optional or standard`, at(type));
    const standard = type.text === "standard";
    let requirements = 0;
    let excluded = false;
    for (let w = reader.word(); w !== "eol" && w !== "eof"; w = reader.word()) {
      if (w.text === "!" || flagWords.has(w.text)) continue;
      if (w.text === "|") {
        if (requirements === 0) fail(`syntax error describing ${first.text}`, at(w));
        requirements = 0;
        continue;
      }
      if (quotedArgument.has(w.text)) {
        const argument = reader.quotedWord();
        if (typeof argument === "string")
          fail(`${first.text}: ${w.text} needs a quoted argument`, at(w));
        continue;
      }
      if (w.text === "local" || w.text === "no-depend") {
        excluded = true;
        continue;
      }
      requirements++;
      if (w.text === "profiling-routine") {
        excluded = true;
        continue;
      }
      if (standard)
        fail(`standard entry ${first.text} has optional inclusion specifier ${w.text}`, at(w));
    }
    if (!standard && requirements === 0) fail(`what is ${first.text} optional on?`, at(first));
    if (!first.text.endsWith(".m") || excluded) continue;
    found.push({
      path: checkedPath(first.text, "interface file", at(first)),
      standard,
      at: at(first),
    });
  }
}

/** C's isspace: blank, tab, newline, vertical tab, form feed, carriage return. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** A path relative to the tree, as the lists give them. */
function checkedPath(path: string, what: string, at: SourceLocation): string {
  if (path.includes("$")) fail(`${what} ${path} names a variable: the list is read literally`, at);
  if (path.startsWith("/") || path.split("/").includes(".."))
    fail(`${what} ${path} is not a path inside the kernel tree`, at);
  if (what === "MFILES entry" && !path.endsWith(".m"))
    fail(`${what} ${path} is not an interface file (*.m)`, at);
  return path;
}

function readableFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
