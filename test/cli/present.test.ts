// Diagnostics as the CLI prints them: each once, grouped per file in location order, with a
// caret, optionally coloured, then clang's summary; and the JSON line form.
import { describe, expect, it } from "vitest";
import { error, warning, type Diagnostic } from "../../src/diagnostics/index.js";
import {
  countDiagnostics,
  dedupeDiagnostics,
  diagnosticToJson,
  formatSummary,
  orderDiagnostics,
  renderDiagnosticText,
} from "../../src/diagnostics/present.js";

const at = (file: string, line: number, column = 1) => ({ file, line, column });
const note = (message: string): Diagnostic => ({ severity: "note", message });

describe("diagnostic presentation", () => {
  it("drops repeats with the same severity, location and message only", () => {
    const list = [
      warning("unused", at("a.h", 3)),
      warning("unused", at("a.h", 3)),
      error("unused", at("a.h", 3)),
      warning("unused", at("a.h", 4)),
      warning("other", at("a.h", 3)),
    ];
    expect(dedupeDiagnostics(list)).toEqual([list[0], list[2], list[3], list[4]]);
  });

  it("puts unlocated ones first, warnings per file in location order, then errors", () => {
    const list = [
      warning("w b.h:9", at("b.h", 9)),
      error("e a.h:1", at("a.h", 1)),
      warning("w a.h:7", at("a.h", 7, 3)),
      warning("global"),
      warning("w b.h:2", at("b.h", 2)),
      warning("w a.h:7:1", at("a.h", 7, 1)),
    ];
    expect(orderDiagnostics(list).map((d) => d.message)).toEqual([
      "global",
      "w b.h:2",
      "w b.h:9",
      "w a.h:7:1",
      "w a.h:7",
      "e a.h:1",
    ]);
  });

  it("keeps a note with the diagnostic it follows", () => {
    const list = [
      warning("late", at("a.h", 9)),
      note("about late"),
      warning("early", at("a.h", 1)),
    ];
    expect(orderDiagnostics(list).map((d) => d.message)).toEqual(["early", "late", "about late"]);
  });

  it("counts like clang", () => {
    const count = (w: number, e: number) => formatSummary({ warnings: w, errors: e });
    expect(count(0, 0)).toBe("");
    expect(count(1, 0)).toBe("1 warning generated.");
    expect(count(0, 1)).toBe("1 error generated.");
    expect(count(2, 1)).toBe("2 warnings and 1 error generated.");
    expect(count(1, 3)).toBe("1 warning and 3 errors generated.");
    expect(countDiagnostics([warning("a"), note("b"), error("c"), error("d")])).toEqual({
      warnings: 1,
      errors: 2,
    });
  });

  it("renders the source line with a caret under the column, tabs as one space", () => {
    const d = warning("macro redefined", at("x.h", 3, 10), "#define\tFOO 2");
    expect(renderDiagnosticText(d)).toBe(
      "x.h:3:10: warning: macro redefined\n#define FOO 2\n         ^",
    );
    const wholeLine = warning("no newline", { file: "x.h", line: 3, column: 0 }, "ident X");
    expect(renderDiagnosticText(wholeLine)).toBe("x.h:3: warning: no newline\nident X");
    expect(renderDiagnosticText(error("no tree"))).toBe("error: no tree");
  });

  it("colours only when asked: bold location and message, red error, green caret", () => {
    const d = error("bad", at("x.h", 1, 2), "ab");
    expect(renderDiagnosticText(d, { color: false })).not.toContain("\x1b[");
    expect(renderDiagnosticText(d, { color: true })).toBe(
      "\x1b[1mx.h:1:2:\x1b[0m \x1b[1;31merror:\x1b[0m \x1b[1mbad\x1b[0m\nab\n \x1b[1;32m^\x1b[0m",
    );
  });

  it("gives every field to JSON, null when unknown", () => {
    expect(JSON.parse(diagnosticToJson(warning("w", at("x.h", 2, 5), "int x;")))).toEqual({
      kind: "diagnostic",
      severity: "warning",
      message: "w",
      file: "x.h",
      line: 2,
      column: 5,
      sourceLine: "int x;",
    });
    expect(JSON.parse(diagnosticToJson(error("e")))).toMatchObject({
      file: null,
      line: null,
      column: null,
      sourceLine: null,
    });
  });
});
