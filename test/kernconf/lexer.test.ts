import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { tokenize } from "../../src/kernconf/index.js";

const kinds = (text: string) =>
  tokenize(text, "t").map((t) => (t.kind === "eof" ? "eof" : `${t.kind}:${t.text}`));

describe("config(5) scanner", () => {
  it("reads keywords, names and statement ends", () => {
    expect(kinds("options\tINET # comment\n")).toEqual([
      "keyword:options",
      "id:INET",
      "end:\n",
      "eof",
    ]);
    expect(kinds("devices a, b;cpu X\n")).toEqual([
      "keyword:devices",
      "id:a",
      "comma:,",
      "id:b",
      "end:;",
      "keyword:cpu",
      "id:X",
      "end:\n",
      "eof",
    ]);
  });

  it("treats a newline followed by a blank as a continuation", () => {
    expect(kinds("options A,\n\tB\n")).toEqual([
      "keyword:options",
      "id:A",
      "comma:,",
      "id:B",
      "end:\n",
      "eof",
    ]);
  });

  it("reads everything up to a blank or # after '=' as one value word", () => {
    expect(kinds("makeoptions DEBUG=-g\n")[3]).toBe("id:-g");
    expect(kinds("options SCSI_DELAY=5000\n")[3]).toBe("id:5000");
    expect(kinds("options KTR=0x10\n")[3]).toBe("id:0x10");
    // A comma after a value belongs to the value, as in config(8).
    expect(kinds("options A=1,B\n").slice(3, 5)).toEqual(["id:1,B", "end:\n"]);
    expect(kinds("makeoptions X+=y#c\n").slice(2, 5)).toEqual(["plusequals:+=", "id:y", "end:\n"]);
  });

  it("strips plain quotes and keeps escaped ones", () => {
    expect(kinds('options SPACED="a b"\n')[3]).toBe("id:a b");
    expect(kinds('options QUOTED=\\"str\\"\n')[3]).toBe('id:"str"');
    expect(kinds('hints "GENERIC.hints"\n')[1]).toBe("id:GENERIC.hints");
  });

  it("rejects an empty quoted string", () => {
    expect(() => tokenize('ident ""\n', "f")).toThrow(/^f:1:7: error: empty quoted string$/);
    // Inside a value the two quotes are just characters of the value word.
    expect(kinds('options A=""\n')[3]).toBe('id:""');
  });

  it("reads numbers in decimal, octal and hex outside values", () => {
    const nums = tokenize("maxusers 10\nmaxusers 010\nmaxusers 0x10\n", "t").filter(
      (t) => t.kind === "number",
    );
    expect(nums.map((t) => (t.kind === "number" ? t.value : NaN))).toEqual([10, 8, 16]);
  });

  it("reads the rest of an envvar line as one item, and paths as paths", () => {
    expect(kinds('envvar hint.a.0.at="isa" # c\n')[1]).toBe('envline: hint.a.0.at="isa" ');
    expect(kinds("include ./LOCAL.inc\n")[1]).toBe("path:./LOCAL.inc");
  });

  it("locates tokens by line and column", () => {
    const t = tokenize("ident X\n\toptions\tY\n", "f")[1];
    expect(t.at).toEqual({ file: "f", line: 1, column: 7 });
  });

  it("rejects a quote that does not close on its line", () => {
    expect(() => tokenize('options A="x\n"\n', "f")).toThrow(
      /f:1:11: error: unterminated quoted string/,
    );
    try {
      tokenize('ident "X\n', "f");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DiagnosticError);
      expect((e as DiagnosticError).diagnostics[0].sourceLine).toBe('ident "X');
    }
  });
});
