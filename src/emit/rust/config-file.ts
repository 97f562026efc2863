// kpi-bindgen.json: item patterns kept with a project instead of on the command line.
// {
//   "allowlist": { "types": [...], "functions": [...], "vars": [...], "constants": [...] },
//   "blocklist": { same keys },
//   "opaqueTypes": [...]
// }
// Every pattern is checked here so a typo is reported at its place in the file.
import { fail, type SourceLocation } from "../../diagnostics/index.js";
import { jsonErrorIndex } from "./json-position.js";
import { NO_PATTERNS, type ItemPatterns } from "./selection.js";

const KINDS = {
  types: "Types",
  functions: "Functions",
  vars: "Vars",
  constants: "Constants",
} as const;

function positionOf(text: string, index: number): SourceLocation & { file: string } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return { file: "", line, column };
}

/** Where `"key"` first appears in the text: good enough to point at a bad entry. */
function locate(file: string, text: string, needle: string): SourceLocation {
  const at = text.indexOf(needle);
  const pos = positionOf(text, Math.max(at, 0));
  return { file, line: at < 0 ? 1 : pos.line, column: at < 0 ? 1 : pos.column };
}

export function checkPattern(pattern: string, where?: SourceLocation): void {
  try {
    new RegExp(`^(?:${pattern})$`);
  } catch (e) {
    fail(`invalid regular expression '${pattern}': ${(e as Error).message}`, where);
  }
}

export function parseConfigFile(file: string, text: string): ItemPatterns {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorIndex(text);
    const pos = positionOf(text, Math.max(at, 0));
    const found =
      at >= 0 && at < text.length ? `unexpected '${text[at]}'` : "unexpected end of file";
    void e;
    fail(`invalid JSON: ${found}`, { file, line: pos.line, column: pos.column });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    fail("expected a JSON object with allowlist, blocklist and opaqueTypes", {
      file,
      line: 1,
      column: 1,
    });
  }
  const patterns: ItemPatterns = structuredClone(NO_PATTERNS);
  const stringList = (value: unknown, key: string): string[] => {
    const where = locate(file, text, `"${key}"`);
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      fail(`'${key}' must be an array of regular expressions (strings)`, where);
    }
    for (const p of value as string[]) checkPattern(p, locate(file, text, JSON.stringify(p)));
    return value as string[];
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === "opaqueTypes") {
      patterns.opaqueTypes = stringList(value, key);
      continue;
    }
    if (key !== "allowlist" && key !== "blocklist") {
      fail(
        `unknown key '${key}' (expected allowlist, blocklist or opaqueTypes)`,
        locate(file, text, `"${key}"`),
      );
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      fail(
        `'${key}' must be an object with types, functions, vars and constants`,
        locate(file, text, `"${key}"`),
      );
    }
    for (const [kind, list] of Object.entries(value as Record<string, unknown>)) {
      if (!(kind in KINDS)) {
        fail(
          `unknown ${key} kind '${kind}' (expected types, functions, vars or constants)`,
          locate(file, text, `"${kind}"`),
        );
      }
      const field =
        `${key === "allowlist" ? "allow" : "block"}${KINDS[kind as keyof typeof KINDS]}` as keyof ItemPatterns;
      patterns[field] = stringList(list, kind);
    }
  }
  return patterns;
}

/** Command-line patterns are added to the file's. */
export function mergePatterns(a: ItemPatterns, b: ItemPatterns): ItemPatterns {
  const merged = structuredClone(NO_PATTERNS);
  for (const key of Object.keys(merged) as (keyof ItemPatterns)[])
    merged[key] = [...a[key], ...b[key]];
  return merged;
}
