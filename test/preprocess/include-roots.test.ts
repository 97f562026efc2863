// Headers found outside the include roots (through `..`, a symlink or an absolute name) are
// refused at the #include unless allowOutsideRoots is set; files inside are unaffected.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { preprocess, type FileProvider } from "../../src/preprocess/index.js";
import { diskFiles } from "./support/run-engine.js";

// root/outside.h lies outside the tree; tree/include holds a header escaping through `..`
// and one that is a symlink to outside.h.
const root = realpathSync(mkdtempSync(join(tmpdir(), "kpi-pp-roots-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const tree = join(root, "tree");
const include = join(tree, "include");
mkdirSync(include, { recursive: true });
writeFileSync(join(root, "outside.h"), "int outside;\n");
writeFileSync(join(include, "inside.h"), "int inside;\n");
writeFileSync(join(include, "escape.h"), '#include "../../outside.h"\n');
symlinkSync(join(root, "outside.h"), join(include, "linked.h"));

const files: FileProvider = {
  ...diskFiles,
  realPath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
};

function run(mainText: string, extra: { allowOutsideRoots?: boolean; includeDirs?: string[] }) {
  const mainFile = join(tree, `main-${Math.random().toString(36).slice(2)}.c`);
  writeFileSync(mainFile, mainText);
  return preprocess({
    files,
    mainFile,
    includeDirs: extra.includeDirs ?? [include],
    predefines: "",
    allowOutsideRoots: extra.allowOutsideRoots,
  });
}

function errorOf(f: () => unknown): DiagnosticError {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error("expected a DiagnosticError");
}

const texts = (r: ReturnType<typeof run>) => r.tokens.map((t) => t.text).join(" ");

describe("include roots", () => {
  it("reads headers inside the roots", () => {
    expect(texts(run("#include <inside.h>\n", {}))).toBe("int inside ;");
  });

  it("refuses a header that `..` takes outside the roots, at its #include", () => {
    const e = errorOf(() => run("#include <escape.h>\n", {}));
    const d = e.diagnostics[0]!;
    expect(d.message).toBe(
      `'../../outside.h' resolves to '${join(root, "outside.h")}', outside the include roots`,
    );
    expect(d.location).toEqual({ file: join(include, "escape.h"), line: 1, column: 10 });
  });

  it("refuses a header that is a symlink to a file outside the roots", () => {
    const e = errorOf(() => run("\n  #include <linked.h>\n", {}));
    const d = e.diagnostics[0]!;
    expect(d.message).toMatch(
      /^'linked\.h' resolves to '.*outside\.h', outside the include roots$/,
    );
    expect(d.location).toMatchObject({ line: 2, column: 12 });
  });

  it("refuses an absolute name outside the roots", () => {
    const e = errorOf(() => run(`#include "${join(root, "outside.h")}"\n`, {}));
    expect(e.diagnostics[0]!.message).toMatch(/outside the include roots/);
  });

  it("accepts all of them when allowed", () => {
    for (const header of ["<escape.h>", "<linked.h>", `"${join(root, "outside.h")}"`]) {
      const r = run(`#include ${header}\n`, { allowOutsideRoots: true });
      expect(texts(r)).toBe("int outside ;");
    }
  });

  it("accepts them when their directory is itself a root", () => {
    const r = run("#include <escape.h>\n#include <linked.h>\n", { includeDirs: [include, root] });
    expect(texts(r)).toBe("int outside ; int outside ;");
  });
});
