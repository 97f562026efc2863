// The engine's API beyond the token stream: locations of expanded tokens, the macro table,
// the include graph, the files read, warnings, display paths, forced includes, search-path
// order and determinism. Expected values are written by hand from the small inputs here
// (they describe our own result shapes, which clang has no output for).
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import {
  createPreprocessor,
  preprocess,
  renderPreprocessed,
  type PreprocessOptions,
} from "../../src/preprocess/index.js";

function run(files: Record<string, string>, extra: Partial<PreprocessOptions> = {}) {
  return preprocess({
    files: {
      readFile: (p) => files[p],
      isDirectory: (p) => Object.keys(files).some((f) => f.startsWith(p + "/")),
    },
    mainFile: "/src/main.c",
    includeDirs: ["/inc"],
    predefines: "#define PRE 1\n",
    ...extra,
  });
}

describe("preprocess API", () => {
  it("gives expanded tokens the location of the macro name in the source", () => {
    const r = run({ "/src/main.c": "#define TWO(x) x x\nint\n  TWO(a) b;\n" });
    expect(r.tokens.map((t) => [t.text, t.line, t.column])).toEqual([
      ["int", 2, 1],
      ["a", 3, 3],
      ["a", 3, 3],
      ["b", 3, 10],
      [";", 3, 11],
    ]);
  });

  it("keeps each token's column across line splices", () => {
    const r = run({ "/src/main.c": "int a\\\n  b c;\n" });
    expect(r.tokens.map((t) => [t.text, t.line, t.column])).toEqual([
      ["int", 1, 1],
      ["a", 1, 5],
      ["b", 2, 3],
      ["c", 2, 5],
      [";", 2, 6],
    ]);
  });

  it("returns the final macro table with definition sites and undefined macros", () => {
    const r = run({
      "/src/main.c":
        "#define F(a, ...) a + __VA_ARGS__\n#define G(x, rest...) rest\n#define GONE 1\n#undef GONE\n#undef PRE\n",
    });
    const byName = new Map(r.macros.map((m) => [m.name, m]));
    expect(byName.get("F")).toEqual({
      name: "F",
      params: ["a", "__VA_ARGS__"],
      variadic: true,
      body: "a + __VA_ARGS__",
      location: { file: "/src/main.c", line: 1, column: 9 },
      defined: true,
      builtin: false,
    });
    expect(byName.get("G")).toMatchObject({ params: ["x", "rest"], variadic: true, body: "rest" });
    expect(byName.get("GONE")).toMatchObject({ defined: false, body: "1" });
    expect(byName.get("PRE")).toMatchObject({ defined: false, builtin: true });
    expect(byName.has("__FILE__")).toBe(false);
  });

  it("records the include graph and every file read once, in first-read order", () => {
    const r = run(
      {
        "/src/main.c": '#include "a.h"\n#include <b.h>\n#include "a.h"\n',
        "/src/a.h": "#pragma once\n#include_next <b.h>\n",
        "/inc/b.h": "#ifndef B\n#define B\n#endif\n",
        "/forced.h": "forced\n",
      },
      { forcedIncludes: ["/forced.h"] },
    );
    expect(r.includes).toEqual([
      { from: "<built-in>", to: "/forced.h", line: 1, kind: "forced" },
      { from: "/src/main.c", to: "/src/a.h", line: 1, kind: "include" },
      { from: "/src/a.h", to: "/inc/b.h", line: 2, kind: "include_next" },
      { from: "/src/main.c", to: "/inc/b.h", line: 2, kind: "include" },
      { from: "/src/main.c", to: "/src/a.h", line: 3, kind: "include" },
    ]);
    expect(r.files).toEqual(["/forced.h", "/src/main.c", "/src/a.h", "/inc/b.h"]);
    expect(r.tokens.map((t) => t.text)).toEqual(["forced"]);
  });

  it("searches -iquote only for quoted names, and -isystem after -I", () => {
    const files = {
      "/src/main.c": '#include "q.h"\n#include <q.h>\n#include <s.h>\n',
      "/quote/q.h": "from_quote\n",
      "/inc/q.h": "from_inc\n",
      "/sys/s.h": "from_sys\n",
      "/inc/s.h": "from_inc_s\n",
    };
    const r = run(files, { quoteDirs: ["/quote"], systemDirs: ["/sys"] });
    expect(r.tokens.map((t) => t.text)).toEqual(["from_quote", "from_inc", "from_inc_s"]);
  });

  it("treats two names of one file as one file for #pragma once when realPath says so", () => {
    const files: Record<string, string> = {
      "/src/main.c": "#include <machine/o.h>\n#include <amd64/o.h>\n",
      "/inc/amd64/o.h": "#pragma once\nonce_body\n",
    };
    const read = (p: string) => files[p.replace("/inc/machine/", "/inc/amd64/")];
    const isDirectory = () => true;
    const twice = preprocess({
      files: { readFile: read, isDirectory },
      mainFile: "/src/main.c",
      includeDirs: ["/inc"],
      predefines: "",
    });
    expect(twice.tokens.map((t) => t.text)).toEqual(["once_body", "once_body"]);
    const realPath = (p: string) => p.replace("/inc/machine/", "/inc/amd64/");
    const once = preprocess({
      files: { readFile: read, isDirectory, realPath },
      mainFile: "/src/main.c",
      includeDirs: ["/inc"],
      predefines: "",
    });
    expect(once.tokens.map((t) => t.text)).toEqual(["once_body"]);
  });

  it("marks files found in -isystem directories as system headers in line markers", () => {
    const r = run(
      { "/src/main.c": "#include <s.h>\n", "/sys/s.h": "sys_token\n" },
      { systemDirs: ["/sys"], includeDirs: [] },
    );
    expect(renderPreprocessed(r, { lineMarkers: true })).toContain('# 1 "/sys/s.h" 1 3\n');
  });

  it("applies displayPath to locations, __FILE__ and markers", () => {
    const r = run(
      { "/src/main.c": "__FILE__ x\n" },
      { displayPath: (p) => p.replace("/src/", "") },
    );
    expect(r.tokens.map((t) => [t.text, t.file])).toEqual([
      ['"main.c"', "main.c"],
      ["x", "main.c"],
    ]);
    expect(renderPreprocessed(r, { lineMarkers: true })).toContain('# 1 "main.c"');
  });

  it("returns #warning as a warning and #error as a located error", () => {
    const r = run({ "/src/main.c": "#warning careful now\nok\n" });
    expect(r.diagnostics).toEqual([
      {
        severity: "warning",
        message: "careful now",
        location: { file: "/src/main.c", line: 1, column: 2 },
      },
    ]);
    expect(() => run({ "/src/main.c": "\n  #  error   stop\n" })).toThrow(DiagnosticError);
    try {
      run({ "/src/main.c": "\n  #  error   stop\n" });
    } catch (e) {
      expect((e as DiagnosticError).diagnostics[0]).toMatchObject({
        message: "stop",
        location: { line: 2, column: 6 },
      });
    }
  });

  it("evaluates character constants with the target's char signedness", () => {
    const text = "#if '\\377' < 0\nsigned_char\n#else\nunsigned_char\n#endif\n";
    expect(run({ "/src/main.c": text }).tokens[0]!.text).toBe("signed_char");
    expect(run({ "/src/main.c": text }, { charIsSigned: false }).tokens[0]!.text).toBe(
      "unsigned_char",
    );
  });

  it("leaves no macro disabled for the next unit after a unit fails midway", () => {
    const files: Record<string, string> = {
      "/src/h.h": "#define B(x) x\n#define A B(1, 2) tail\n",
      // A's expansion is still being read when B's arguments turn out wrong.
      "/src/bad.c": '#include "h.h"\nA\n',
      "/src/good.c": '#include "h.h"\n#undef B\n#define B(x, y) x y\nA\n',
    };
    const pp = createPreprocessor({ readFile: (p) => files[p] });
    const options = { includeDirs: [], predefines: "" };
    expect(() => pp.run({ ...options, mainFile: "/src/bad.c" })).toThrow(/too many arguments/);
    const good = pp.run({ ...options, mainFile: "/src/good.c" });
    expect(good.tokens.map((t) => t.text)).toEqual(["1", "2", "tail"]);
  });

  it("is deterministic: the same inputs give byte-identical output", () => {
    const files = {
      "/src/main.c": '#include "a.h"\n__COUNTER__ __DATE__ __TIME__ X\n',
      "/src/a.h": "#define X __LINE__\n",
    };
    const a = renderPreprocessed(run(files), { lineMarkers: true });
    const b = renderPreprocessed(run(files), { lineMarkers: true });
    expect(b).toBe(a);
  });

  it("reports a missing main file and missing includes with locations", () => {
    expect(() => run({})).toThrow(/file not found/);
    try {
      run({ "/src/main.c": "\n#include <missing.h>\n" });
    } catch (e) {
      expect((e as DiagnosticError).diagnostics[0]).toMatchObject({
        message: "'missing.h' file not found",
        location: { line: 2, column: 10 },
      });
    }
  });

  it("reports each newly read file to onFileRead with the count so far", () => {
    const counts: number[] = [];
    run(
      {
        "/src/main.c": '#include "a.h"\n#include "a.h"\n#include <b.h>\n',
        "/src/a.h": "a\n",
        "/inc/b.h": "b\n",
      },
      { onFileRead: (n) => counts.push(n) },
    );
    // main.c, a.h and b.h; a.h's second #include reads nothing new.
    expect(counts).toEqual([1, 2, 3]);
  });

  it("refuses a file over the size limit from its size alone, without reading it", () => {
    const read: string[] = [];
    const e = (() => {
      try {
        preprocess({
          files: {
            readFile: (p) => (read.push(p), p === "/src/main.c" ? '\n#include "big.h"\n' : ""),
            fileSize: (p) => (p === "/src/big.h" ? 2 ** 40 : undefined),
          },
          mainFile: "/src/main.c",
          includeDirs: [],
          predefines: "",
        });
      } catch (e) {
        return e as DiagnosticError;
      }
      throw new Error("expected an error");
    })();
    expect(e.diagnostics[0]).toMatchObject({
      message: expect.stringMatching(/too large \(1099511627776 bytes; the limit is \d+\)/),
      location: { file: "/src/main.c", line: 2, column: 10 },
    });
    expect(read).toEqual(["/src/main.c"]);
  });

  it("renders a unit as it runs exactly as renderPreprocessed renders its tokens", () => {
    const files: Record<string, string> = {
      "/src/main.c":
        '#define F(x) x + \\\n 1\nint a = F(2);\n#include "a.h"\n#pragma once\n' +
        '  int b; _Pragma("pack(1)") int c;\n#line 40 "other.c"\nd\n\n\n\n\n\n\n\n\n\n\ne\n',
      "/src/a.h": "#ifndef A\n#define A\nstruct s { int x; };\n#endif\n",
      "/inc/b.h": "b\n",
      "/inc/forced.h": "forced\n",
    };
    const provider = {
      readFile: (p: string) => files[p],
      isDirectory: (p: string) => Object.keys(files).some((f) => f.startsWith(p + "/")),
    };
    const unit = {
      mainFile: "/src/main.c",
      includeDirs: ["/inc"],
      predefines: "#define PRE 1\n",
      forcedIncludes: ["forced.h"],
    };
    for (const lineMarkers of [true, false]) {
      const pp = createPreprocessor(provider);
      const expected = renderPreprocessed(pp.run(unit), { lineMarkers });
      expect(expected).toContain("int c;");
      // A fresh preprocessor, then one whose files are already lexed.
      const rendered = createPreprocessor(provider).render(unit, { lineMarkers });
      expect(rendered.text).toBe(expected);
      expect(pp.render(unit, { lineMarkers }).text).toBe(expected);
      expect(rendered.macros.map((m) => m.name)).toContain("F");
      expect("tokens" in rendered).toBe(false);
    }
  });
});
