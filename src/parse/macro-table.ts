// Reads a macro table in `#define` form (as `clang -dM -E` prints it) into MacroDefinitions.
import type { MacroDefinition } from "../ir/index.js";

const DEFINE = /^\s*#\s*define\s+([A-Za-z_$][\w$]*)(\(([^)]*)\))?(?:\s+(.*))?$/;

export function parseMacroTable(text: string, file = "<macros>"): MacroDefinition[] {
  const out: MacroDefinition[] = [];
  text.split("\n").forEach((line, i) => {
    const m = DEFINE.exec(line);
    if (!m) return;
    const params =
      m[2] === undefined
        ? null
        : m[3]!
            .split(",")
            .map((p) => p.trim())
            .filter((p) => p.length > 0);
    out.push({
      name: m[1]!,
      params,
      body: (m[4] ?? "").trim(),
      location: { file, line: i + 1, column: 1 },
      defined: true,
    });
  });
  return out;
}
