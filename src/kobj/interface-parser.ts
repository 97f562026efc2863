// Parses a kobj interface file (`kern/*.m`) into an InterfaceFile. The accepted language,
// including its quirks (where a comment may sit, how a parameter's name is found), is the one
// the kernel build's generator accepts, so that what parses here generates the same files.
import { warning, type Diagnostic } from "../diagnostics/index.js";
import type { KobjDialect } from "./dialect.js";
import type {
  CodeBlock,
  InterfaceEntry,
  InterfaceFile,
  MethodDescription,
  MethodParam,
} from "./model.js";
import { awkFields, awkSplit, SourceLines } from "./source-lines.js";

export interface ParsedInterface {
  file: InterfaceFile;
  warnings: Diagnostic[];
}

/** Method state set by lines before a METHOD and consumed by it. */
interface PendingMethodParts {
  doc: string;
  prolog: string;
  epilog: string;
}

/**
 * @param path the path the build gives the generator; it is embedded in the outputs and used
 *   in diagnostics unless `reportAs` is given.
 */
export function parseInterfaceFile(
  text: string,
  path: string,
  dialect: KobjDialect,
  reportAs: string = path,
): ParsedInterface {
  const src = new SourceLines(text, reportAs);
  const entries: InterfaceEntry[] = [];
  const warnings: Diagnostic[] = [];
  const methodNames = new Set<string>();
  const pending: PendingMethodParts = { doc: "", prolog: "", epilog: "" };
  let interfaceName = "";
  let singleton = false;

  for (let raw = src.read(); raw !== undefined; raw = src.read()) {
    const line = src.lineNumber;
    const include = raw.startsWith("#") && /^#[ \t]*include[ \t]+["<][^">]+[">]/.test(raw);
    if (include) {
      entries.push({
        kind: "include",
        target: raw.replace(/^#[ \t]*include[ \t]+/, ""),
        at: { file: path, line },
      });
    }
    const stmt = statementOf(raw);

    if (stmt === "") continue;
    // Each pattern is tried only on a line starting with its keyword (most lines are neither).
    if (stmt.startsWith("/**")) {
      pending.doc = readDocComment(src, stmt);
    } else if (
      stmt.startsWith("INTERFACE") &&
      /^INTERFACE[ \t]+[^ \t;]*[ \t]*;?[ \t]*$/.test(stmt)
    ) {
      interfaceName = (awkFields(stmt)[1] ?? "").replace(/;$/, "");
      if (!/^[a-z_][a-z0-9_]*$/.test(interfaceName)) {
        src.fail(`invalid interface name '${interfaceName}', use [a-z_][a-z0-9_]*`, line);
      }
      if (!/;[ \t]*$/.test(stmt)) {
        warnings.push(
          warning("semicolon missing at end of line", { file: reportAs, line, column: 1 }),
        );
      }
      entries.push({
        kind: "interface",
        name: interfaceName,
        doc: pending.doc,
        at: { file: path, line },
      });
      pending.doc = "";
    } else if (stmt.startsWith("CODE") && /^CODE[ \t]*\{$/.test(stmt)) {
      entries.push(readCodeBlock(src, "source", path));
    } else if (stmt.startsWith("HEADER") && /^HEADER[\t ]*\{$/.test(stmt)) {
      entries.push(readCodeBlock(src, "header", path));
    } else if (stmt.startsWith("METHOD") || stmt.startsWith("STATICMETHOD")) {
      if (!interfaceName) src.fail("no INTERFACE declared before this method", line);
      const method = readMethod(src, stmt, stmt.startsWith("STATICMETHOD"), path);
      if (methodNames.has(method.name)) src.fail(`duplicate method name '${method.name}'`, line);
      methodNames.add(method.name);
      entries.push({ ...method, interfaceName, ...pending, singleton });
      Object.assign(pending, { doc: "", prolog: "", epilog: "" });
    } else if (dialect.prologEpilog && /^PROLOG[ \t]*\{$/.test(stmt)) {
      pending.prolog = codeText(readCodeBlock(src, "header", path));
    } else if (dialect.prologEpilog && /^EPILOG[ \t]*\{$/.test(stmt)) {
      pending.epilog = codeText(readCodeBlock(src, "header", path));
    } else if (dialect.singleton && /^SINGLETON/.test(stmt)) {
      singleton = true;
    } else {
      if (stmt.includes("\r")) {
        src.fail("carriage return in line: CRLF line endings are not accepted", line);
      }
      const word = /^\S+/.exec(stmt)?.[0] ?? stmt;
      src.fail(
        `unknown keyword '${word}' (expected INTERFACE, METHOD, STATICMETHOD, CODE, HEADER${
          dialect.prologEpilog ? ", PROLOG, EPILOG" : ""
        }${dialect.singleton ? ", SINGLETON" : ""} or a /** comment)`,
        line,
      );
    }
  }
  return { file: { path, name: interfaceName, entries }, warnings };
}

/** A line without its `#` comment and without the blanks (spaces, tabs) around what is left. */
function statementOf(raw: string): string {
  const hash = raw.indexOf("#");
  const text = hash < 0 ? raw : raw.slice(0, hash);
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** The text a CODE/HEADER/PROLOG/EPILOG block contributes: a newline, then its lines. */
export function codeText(block: Pick<CodeBlock, "lines">): string {
  return "\n" + block.lines.join("");
}

/** A `/** ... *\/` comment, first line as trimmed, the rest verbatim, each ending in "\n". */
function readDocComment(src: SourceLines, first: string): string {
  const start = src.lineNumber;
  let doc = "";
  let current = first;
  while (!current.includes("*/")) {
    doc += current + "\n";
    const next = src.read();
    if (next === undefined) src.fail("unterminated /** comment", start);
    current = next;
  }
  return doc + current + "\n";
}

/** A block whose `{` ended the current line and whose `}` starts a later line. */
function readCodeBlock(
  src: SourceLines,
  destination: CodeBlock["destination"],
  path: string,
): CodeBlock {
  const start = src.lineNumber;
  const keyword = /^\s*(\w+)/.exec(src.textOf(start) ?? "")?.[1] ?? "block";
  const unterminated = () =>
    src.fail(`unterminated ${keyword} block: no '}' at the start of a later line`, start);
  let current = src.read() ?? unterminated();
  // The first line's indent is the block's indent, removed from every line that has it.
  const indent = /^[\t ]*/.exec(current)![0];
  const lines: string[] = [];
  while (!current.startsWith("}")) {
    const unindented = current.startsWith(indent) ? current.slice(indent.length) : current;
    lines.push(unindented + "\n");
    const next = src.read();
    // At the end of the file the generator looks again at the last line as it kept it, without
    // its indent: a final indented '}' then closes the block (and stays part of it).
    if (next === undefined && !unindented.startsWith("}")) unterminated();
    current = next ?? unindented;
  }
  return { kind: "code", destination, lines, at: { file: path, line: start } };
}

type MethodCore = Omit<
  MethodDescription,
  "interfaceName" | "doc" | "prolog" | "epilog" | "singleton"
>;

function readMethod(src: SourceLines, stmt: string, isStatic: boolean, path: string): MethodCore {
  const line = src.lineNumber;
  // "METHOD <return type> <name> {" possibly followed by the first parameters.
  let rest = stmt.replace(/^[^ \t]+[ \t]+/, "");
  const head = rest.replace(/[ \t]*\{.*$/s, "");
  const name = head.replace(/^.*[ \t]/s, "");
  const returnType = head.replace(/[ \t]+[^ \t]+$/, "");
  rest = rest.replace(/^[^{]*\{[\t ]*/, "");
  if (!name || !returnType) src.fail("invalid method specification", line);
  if (!/^[a-z_][a-z_0-9]*$/.test(name)) {
    src.fail(`invalid method name '${name}', use [a-z_][a-z0-9_]*`, line);
  }

  // The body runs to the first '}', however many lines that takes; lines join with a blank.
  let body = rest;
  while (!body.includes("}")) {
    const next = src.read();
    if (next === undefined)
      src.fail(`unterminated method '${name}': no closing '}' before the end of the file`, line);
    body += " " + next;
  }
  const close = /\};?/.exec(body)!;
  const trailer = body.slice(close.index + close[0].length);
  let defaultImplementation: string | undefined;
  if (/[\t ]*DEFAULT[ \t]*[a-zA-Z_][a-zA-Z_0-9]*[ \t]*;/.test(trailer)) {
    defaultImplementation = trailer.replace(/.*DEFAULT[\t ]*/s, "").replace(/[; \t]+.*$/s, "");
  }
  const paramText = body
    .slice(0, close.index)
    .replace(/^[\t ]+/, "")
    .replace(/[ \t]+$/, "")
    .replace(/[\t ]+/g, " ");

  // Every parameter ends in ';'; text after the last ';' is not a parameter.
  const slots = awkSplit(paramText, / *; */);
  const declarations = slots.slice(0, Math.max(0, slots.length - 1));
  const params: MethodParam[] = [];
  for (const declaration of declarations) {
    if (!declaration) continue;
    const words = awkSplit(declaration, /[* \t]+/);
    if (words.length < 2)
      src.fail(`no type for parameter '${declaration}' of method '${name}'`, line);
    params.push(describeParam(declaration, words[words.length - 1]!));
  }
  return {
    kind: "method",
    name,
    returnType,
    isStatic,
    params,
    declarations,
    defaultImplementation,
    at: { file: path, line },
  };
}

function describeParam(declaration: string, name: string): MethodParam {
  const identifier = /^[A-Za-z_][A-Za-z_0-9]*/.exec(name)?.[0] ?? "";
  const arraySuffix =
    identifier && /^\[.*\]$/.test(name.slice(identifier.length))
      ? name.slice(identifier.length)
      : "";
  const type = declaration.endsWith(name)
    ? declaration.slice(0, declaration.length - name.length).trimEnd()
    : declaration;
  return { declaration, name, identifier, arraySuffix, type };
}
