// Rendering tokens as clang -E text, and the depfile format.
import { describe, expect, it } from "vitest";
import type { FileTransition, PPToken } from "../../src/preprocess/api.js";
import { escapeMakePath, formatDepfile } from "../../src/preprocess/kernel-build/depfile.js";
import { needsSeparator, renderPreprocessed } from "../../src/preprocess/kernel-build/render-output.js";
import { tokenize } from "./support/token-stream.js";

function tok(text: string, kind: PPToken["kind"], line: number, column: number, extra: Partial<PPToken> = {}): PPToken {
  return { kind, text, file: "sys/a.h", line, column, leadingSpace: false, startOfLine: false, ...extra };
}

describe("token separation", () => {
  const t = (text: string, kind: PPToken["kind"] = "punctuator") => tok(text, kind, 1, 1);

  it("separates tokens that would merge", () => {
    expect(needsSeparator(t("+"), t("+"))).toBe(true);
    expect(needsSeparator(t("-"), t(">"))).toBe(true);
    expect(needsSeparator(t(">>"), t("="))).toBe(true);
    expect(needsSeparator(t("a", "identifier"), t("b", "identifier"))).toBe(true);
    expect(needsSeparator(t("1", "number"), t("x", "identifier"))).toBe(true);
    expect(needsSeparator(t("1e", "number"), t("+"))).toBe(true);
    expect(needsSeparator(t("L", "identifier"), t('"s"', "string"))).toBe(true);
    expect(needsSeparator(t("/"), t("*"))).toBe(true);
    expect(needsSeparator(t("."), t("5", "number"))).toBe(true);
  });

  it("leaves tokens that stay apart alone", () => {
    expect(needsSeparator(t("("), t("a", "identifier"))).toBe(false);
    expect(needsSeparator(t("a", "identifier"), t(")"))).toBe(false);
    expect(needsSeparator(t("+"), t("-"))).toBe(false);
    expect(needsSeparator(t("x", "identifier"), t('"s"', "string"))).toBe(false);
  });
});

describe("rendering", () => {
  it("prints markers at transitions, keeps lines, and blank lines for small gaps", () => {
    const tokens = [
      tok("int", "identifier", 1, 1, { startOfLine: true }),
      tok("a", "identifier", 1, 5, { leadingSpace: true }),
      tok(";", "punctuator", 1, 6),
      tok("long", "identifier", 4, 3, { startOfLine: true }),
      tok("b", "identifier", 4, 8, { leadingSpace: true }),
      tok(";", "punctuator", 4, 9),
      tok("x", "identifier", 40, 1, { startOfLine: true }),
    ];
    const transitions: FileTransition[] = [{ tokenIndex: 0, file: "sys/a.h", line: 1, flag: 0, system: false }];
    const text = renderPreprocessed(tokens, transitions, { lineMarkers: true });
    expect(text).toBe(['# 1 "sys/a.h"', "int a;", "", "", "  long b;", '# 40 "sys/a.h"', "x", ""].join("\n"));
    // Line numbers read back from the markers agree with the tokens'.
    expect(tokenize(text).map((t) => t.line)).toEqual([1, 1, 1, 4, 4, 4, 40]);
    expect(renderPreprocessed(tokens, transitions, { lineMarkers: false })).not.toContain("#");
  });

  it("marks entering and leaving an include with flags", () => {
    const tokens = [
      tok("a", "identifier", 1, 1, { startOfLine: true, file: "sys/b.h" }),
      tok("b", "identifier", 3, 1, { startOfLine: true }),
    ];
    const transitions: FileTransition[] = [
      { tokenIndex: 0, file: "sys/b.h", line: 1, flag: 1, system: false },
      { tokenIndex: 1, file: "sys/a.h", line: 3, flag: 2, system: false },
    ];
    expect(renderPreprocessed(tokens, transitions, { lineMarkers: true })).toBe('# 1 "sys/b.h" 1\na\n# 3 "sys/a.h" 2\nb\n');
  });
});

describe("depfile", () => {
  it("writes one make rule, each dependency once, escaped", () => {
    expect(formatDepfile("out.i", ["/a b/x.h", "/y.h", "/a b/x.h", "/c$d#.h"])).toBe("out.i: /a\\ b/x.h /y.h /c$$d\\#.h\n");
    expect(escapeMakePath("plain/path.h")).toBe("plain/path.h");
  });
});
