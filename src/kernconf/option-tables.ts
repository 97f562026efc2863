// The option tables: `conf/options`, `conf/options.<machine>` (or `options.<machine>` beside
// the configuration) and the aliases of `conf/options-compat`. Each line names an option and
// optionally its header; without one the header is opt_<lowercase name>.h.
import { resolve } from "node:path";
import type { Diagnostic, SourceLocation } from "../diagnostics/index.js";
import { fail, warning } from "../diagnostics/index.js";
import type { OptionTableEntry, OptionTables } from "../ir/kernconf.js";
import { fileSystemReader } from "./fs-reader.js";
import { displayPath, type TextReader } from "./paths.js";
import { END_OF_FILE, END_OF_LINE, WordReader } from "./words.js";

/** NAME_MAX of the file systems the headers are written to. */
const MAX_FILE_NAME_BYTES = 255;

export interface OptionTableInput {
  sysDir: string;
  /** The directory config(8) runs in (`<sys>/<arch>/conf`), the fallback for options.<machine>. */
  confDir: string;
  machine: string;
  /** The `machine` line, where a missing options.<machine> table is reported. */
  machineWhere?: SourceLocation;
  reader?: TextReader;
}

export interface OptionTableResult {
  tables: OptionTables;
  diagnostics: Diagnostic[];
}

/** Where the required table lives; the CLI names it when it is missing. */
export function mainOptionTablePath(sysDir: string): string {
  return resolve(sysDir, "conf", "options");
}

export function optionTablesPresent(
  sysDir: string,
  reader: TextReader = fileSystemReader,
): boolean {
  return reader.read(mainOptionTablePath(sysDir)) !== undefined;
}

export function readOptionTables(input: OptionTableInput): OptionTableResult {
  const reader = input.reader ?? fileSystemReader;
  const sysDir = resolve(input.sysDir);
  const show = (p: string) => displayPath(sysDir, p);
  const diagnostics: Diagnostic[] = [];
  // Kept in config(8)'s order: each line is pushed onto the head.
  const entries: OptionTableEntry[] = [];
  const files: string[] = [];

  const main = mainOptionTablePath(sysDir);
  const mainText = reader.read(main);
  if (mainText === undefined)
    fail(`missing options file ${show(main)} (the option-to-header table config(8) reads)`);
  files.push(main);
  parseTable(mainText, show(main), "table", entries, diagnostics);

  const archCandidates = [
    resolve(sysDir, "conf", `options.${input.machine}`),
    resolve(input.confDir, `options.${input.machine}`),
  ];
  const archTable = archCandidates.find((p) => reader.read(p) !== undefined);
  if (archTable) {
    files.push(archTable);
    parseTable(reader.read(archTable)!, show(archTable), "table", entries, diagnostics);
  } else {
    diagnostics.push(
      warning(
        `no options.${input.machine} table (looked for ${archCandidates.map(show).join(" and ")})`,
        input.machineWhere,
      ),
    );
  }

  const compat = resolve(sysDir, "conf", "options-compat");
  const compatText = reader.read(compat);
  if (compatText !== undefined) {
    files.push(compat);
    parseTable(compatText, show(compat), "compat", entries, diagnostics);
  }
  return { tables: { entries, files }, diagnostics };
}

/** Parses one table file into `entries` (head-first), exactly as config(8) tokenizes it. */
export function parseTable(
  text: string,
  file: string,
  kind: "table" | "compat",
  entries: OptionTableEntry[],
  diagnostics: Diagnostic[],
): void {
  const words = new WordReader(text);
  for (;;) {
    const first = words.next();
    if (first === END_OF_FILE) return;
    if (first === END_OF_LINE) continue;
    if (first.text.startsWith("#")) {
      for (;;) {
        const w = words.next();
        if (w === END_OF_FILE || w === END_OF_LINE) break;
      }
      continue;
    }
    const where = { file, line: first.line, column: 0 };
    const second = words.next();
    if (second === END_OF_FILE) {
      // config(8) stops here and the entry is lost; say so rather than drop it silently.
      diagnostics.push(
        warning(
          `'${first.text}' is cut off by the end of the file and ignored (add a newline)`,
          where,
        ),
      );
      return;
    }
    let header: string;
    if (second === END_OF_LINE) {
      if (kind === "compat")
        fail(
          `compat file requires two words per line (old and new name) at '${first.text}'`,
          where,
        );
      header = `opt_${first.text.toLowerCase()}.h`;
    } else {
      header = second.text;
      if (header.startsWith("#")) {
        diagnostics.push(
          warning(
            `'${header}' is read as the header of ${first.text}: a comment must start its own line or follow the header`,
            where,
          ),
        );
      }
    }
    if (kind === "table") {
      // config(8) creates every header the table names in the build directory.
      if (/[/\0]/.test(header) || header === "." || header === "..")
        fail(`option header name '${header}' is not a plain file name`, where);
      if (Buffer.byteLength(header) > MAX_FILE_NAME_BYTES)
        fail(`option header name '${header.slice(0, 40)}...' is too long for a file name`, where);
      const dup = entries.find((e) => e.name === first.text);
      if (dup)
        fail(
          `duplicate option ${first.text} (first listed at ${dup.where.file}:${dup.where.line})`,
          where,
        );
      entries.unshift({ name: first.text, header, where });
    } else {
      const target = entries.find((e) => e.name === first.text);
      // An alias for an option no table lists is ignored: it may belong to another architecture.
      if (target) {
        target.header = header;
        target.aliasOf = header;
      }
    }
  }
}
