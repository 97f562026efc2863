// Option headers exactly as config(8) writes them into an empty build directory. config(8)
// walks the option table and, for each option, re-reads the header it already wrote, pushes
// every #define it finds onto the head of a list, pushes the new option on top, and writes the
// list back. The resulting line order is reproduced here by the same steps, on strings.
import type { Diagnostic, SourceLocation } from "../diagnostics/index.js";
import { DiagnosticError, error, warning } from "../diagnostics/index.js";
import type {
  CollectedKernelConfig,
  OptionTableEntry,
  OptionTables,
  ResolvedKernelConfig,
  ResolvedOption,
} from "../ir/kernconf.js";
import { displayPath } from "./paths.js";
import { END_OF_FILE, END_OF_LINE, WordReader } from "./words.js";

export interface ResolveResult {
  config: ResolvedKernelConfig;
  diagnostics: Diagnostic[];
}

interface WorkingOption {
  name: string;
  value: string | null;
  where?: SourceLocation;
  origin: ResolvedOption["origin"];
  renamedFrom?: string;
  used: boolean;
}

interface Define {
  name: string;
  value: string | null;
}

const MAXUSERS_MIN = 2;
const MAXUSERS_MAX = 512;

export function resolveKernelConfig(
  collected: CollectedKernelConfig,
  tables: OptionTables,
): ResolveResult {
  const diagnostics: Diagnostic[] = [];
  const otab = tables.entries;
  const tableEntry = (name: string): OptionTableEntry | undefined =>
    otab.find((e) => e.name === name);

  const list: WorkingOption[] = collected.options.map((o) => ({
    name: o.name,
    value: o.value,
    where: o.where,
    origin: o.origin,
    used: false,
  }));
  // cpu types become options; config(8) holds cpus newest-first and pushes each onto the head.
  for (const cpu of [...collected.cpus].reverse()) {
    list.unshift({ name: cpu.name, value: null, where: cpu.where, origin: "cpu", used: false });
  }
  let maxusers = collected.maxusers;
  const maxusersWhere = collected.maxusersWhere;
  if (maxusers !== 0 && maxusers < MAXUSERS_MIN) {
    diagnostics.push(
      warning(`maxusers ${maxusers} is below the minimum; ${MAXUSERS_MIN} assumed`, maxusersWhere),
    );
    maxusers = MAXUSERS_MIN;
  } else if (maxusers > MAXUSERS_MAX) {
    diagnostics.push(warning(`maxusers ${maxusers} is above ${MAXUSERS_MAX}`, maxusersWhere));
  }
  list.unshift({
    name: "MAXUSERS",
    value: String(maxusers),
    where: maxusersWhere,
    origin: "maxusers",
    used: false,
  });
  // An option named like MACHINE_ARCH (in any case) is set implicitly.
  const archEntry = otab.find((e) => e.name.toLowerCase() === collected.machineArch.toLowerCase());
  if (archEntry)
    list.unshift({
      name: archEntry.name,
      value: null,
      where: collected.machineWhere,
      origin: "machine-arch",
      used: false,
    });

  for (const op of list) {
    const alias = otab.find((e) => e.name === op.name && e.aliasOf !== undefined);
    if (alias?.aliasOf) {
      diagnostics.push(
        warning(`option ${op.name} is an old name: mapping it to ${alias.aliasOf}`, op.where),
      );
      op.renamedFrom = op.name;
      op.name = alias.aliasOf;
    }
  }

  const files = new Map<string, string>();
  const winners = new Map<string, WorkingOption>();
  for (const entry of otab) {
    // config(8) also visits aliases, which only leaves an empty file named after the new
    // option in the build directory; that file is not a header and is not reproduced.
    if (entry.aliasOf !== undefined) continue;
    writeOption(entry);
  }

  const unknown = list.filter((op) => !op.used && !op.name.startsWith("DEV_"));
  if (unknown.length > 0) {
    throw new DiagnosticError([
      ...diagnostics.filter((d) => d.severity !== "error"),
      ...unknown.map((op) =>
        error(
          `unknown option "${op.name}"${op.renamedFrom ? ` (renamed from ${op.renamedFrom})` : ""}: no options table lists it`,
          op.where ?? { file: displayTop(collected), line: 1, column: 0 },
        ),
      ),
    ]);
  }

  for (const [name, op] of winners) {
    if (op.value !== null && /[ \t]/.test(op.value)) {
      diagnostics.push(
        warning(
          `value of option "${name}" contains blanks; config(8) re-reads headers word by word, so a header it shares can keep only part of it`,
          op.where,
        ),
      );
    }
  }
  const options: ResolvedOption[] = [];
  for (const [name, op] of winners) {
    const header = tableEntry(name)!.header;
    const resolved: ResolvedOption = { name, value: op.value ?? "1", header, origin: op.origin };
    if (op.where) resolved.where = op.where;
    if (op.renamedFrom) resolved.renamedFrom = op.renamedFrom;
    options.push(resolved);
  }
  options.sort((a, b) => compareStrings(a.name, b.name));
  const headers: Record<string, string> = {};
  for (const name of [...files.keys()].sort(compareStrings)) headers[name] = files.get(name)!;

  const { options: settings, ...rest } = collected;
  return {
    config: { ...rest, maxusers, settings, options, headers, optionTableFiles: tables.files },
    diagnostics,
  };

  function writeOption(entry: OptionTableEntry): void {
    const name = entry.name;
    const file = entry.header;
    let value: string | null = null;
    for (const op of list) {
      if (op.name !== name) continue;
      const previous: string | null = value;
      value = op.value ?? "1";
      if (previous !== null && previous !== value) {
        diagnostics.push(
          warning(`option "${name}" redefined from ${previous} to ${value}`, op.where),
        );
      }
      op.used = true;
      winners.set(name, op);
    }

    const existing = files.get(file);
    if (existing === undefined) {
      files.set(file, value !== null ? `#define ${name} ${value}\n` : "");
      return;
    }
    let oldValue: string | null = null;
    let seen = false;
    let tidy = false;
    const defines: Define[] = [];
    const words = new WordReader(existing);
    for (;;) {
      const directive = words.next();
      if (directive === END_OF_FILE || directive === END_OF_LINE) break;
      const defined = words.next();
      if (defined === END_OF_FILE || defined === END_OF_LINE) break;
      const valueWord = words.next();
      if (valueWord === END_OF_FILE || valueWord === END_OF_LINE) break;
      let definedValue: string | null = valueWord.text;
      if (defined.text === name) {
        oldValue = definedValue;
        definedValue = value;
        seen = true;
      }
      const known = tableEntry(defined.text);
      if (defined.text !== name && !known) {
        diagnostics.push(
          warning(`unknown option '${defined.text}' removed from ${file}`, entry.where),
        );
        tidy = true;
      } else if (known && known.header !== file) {
        diagnostics.push(
          warning(`option '${defined.text}' moved from ${file} to ${known.header}`, entry.where),
        );
        tidy = true;
      } else {
        defines.unshift({ name: defined.text, value: definedValue });
      }
      if (words.next() === END_OF_FILE) break;
    }
    const unchanged =
      (value === null && oldValue === null) || (value !== null && value === oldValue);
    if (!tidy && unchanged) return;
    if (value !== null && !seen) defines.unshift({ name, value });
    files.set(
      file,
      defines
        .filter((d) => d.value !== null)
        .map((d) => `#define ${d.name} ${d.value}\n`)
        .join(""),
    );
  }
}

function displayTop(collected: CollectedKernelConfig): string {
  return displayPath(collected.sysDir, collected.kernconf);
}

/** Byte order, independent of locale, so output is the same everywhere. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
