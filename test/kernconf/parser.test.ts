import { describe, expect, it } from "vitest";
import { parseConfigFile, type Statement } from "../../src/kernconf/index.js";

const parse = (text: string) => parseConfigFile(text, "f");
const errorOf = (text: string): string => {
  try {
    parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("parsed without error");
};
/** Statements without locations, for comparing shapes. */
const shape = (text: string) =>
  JSON.parse(JSON.stringify(parse(text), (k, v) => (k === "where" ? undefined : v))) as unknown[];

describe("config(5) grammar", () => {
  it("parses every statement form", () => {
    const text = [
      "machine arm64 aarch64",
      "machine amd64",
      "cpu ARM64",
      "nocpu OLD",
      "ident GENERIC",
      "maxusers 0x10",
      "profile 2",
      "options A, B=2",
      "option C",
      "nooptions A, C",
      "nooption D",
      "device pci, uart",
      "devices mem",
      "nodevice uart",
      "nodevices mem",
      "makeoptions Y, X=1",
      "makeoption Z+=v",
      "makeoptions E=",
      "nomakeoptions X",
      "nomakeoption Y",
      "config kernel",
      'hints "G.hints"',
      'env "G.env"',
      'envvar hint.a.0.at="isa"',
      'files "files.x"',
      'include "std.x"',
      "include ../x/y",
      "",
    ].join("\n");
    expect(shape(text)).toEqual([
      { kind: "machine", machine: "arm64", arch: "aarch64" },
      { kind: "machine", machine: "amd64", arch: null },
      { kind: "cpu", name: "ARM64" },
      { kind: "nocpu", name: "OLD" },
      { kind: "ident", name: "GENERIC" },
      { kind: "maxusers", value: 16 },
      { kind: "profile", value: 2 },
      {
        kind: "options",
        items: [
          { name: "A", value: null },
          { name: "B", value: "2" },
        ],
      },
      { kind: "options", items: [{ name: "C", value: null }] },
      { kind: "nooptions", names: [{ name: "A" }, { name: "C" }] },
      { kind: "nooptions", names: [{ name: "D" }] },
      { kind: "device", names: [{ name: "pci" }, { name: "uart" }] },
      { kind: "device", names: [{ name: "mem" }] },
      { kind: "nodevice", names: [{ name: "uart" }] },
      { kind: "nodevice", names: [{ name: "mem" }] },
      {
        kind: "makeoptions",
        items: [
          { name: "Y", value: "", append: false },
          { name: "X", value: "1", append: false },
        ],
      },
      { kind: "makeoptions", items: [{ name: "Z", value: "v", append: true }] },
      { kind: "makeoptions", items: [{ name: "E", value: "", append: false }] },
      { kind: "nomakeoptions", name: "X" },
      { kind: "nomakeoptions", name: "Y" },
      { kind: "config", name: "kernel" },
      { kind: "hints", path: "G.hints" },
      { kind: "env", path: "G.env" },
      { kind: "envvar", text: 'hint.a.0.at="isa"' },
      { kind: "files", path: "files.x" },
      { kind: "include", path: "std.x" },
      { kind: "include", path: "../x/y" },
    ]);
  });

  it("records where each option was named", () => {
    const [st] = parse("\noptions A, B=2\n") as Extract<Statement, { kind: "options" }>[];
    expect(st.items.map((i) => i.where)).toEqual([
      { file: "f", line: 2, column: 9 },
      { file: "f", line: 2, column: 12 },
    ]);
  });

  it("splits statements at ';' and joins indented continuation lines", () => {
    expect(shape("options A; options B\noptions C,\n\tD\n")).toEqual([
      { kind: "options", items: [{ name: "A", value: null }] },
      { kind: "options", items: [{ name: "B", value: null }] },
      {
        kind: "options",
        items: [
          { name: "C", value: null },
          { name: "D", value: null },
        ],
      },
    ]);
  });

  it("ignores comments and blank lines", () => {
    expect(shape("# header\n\n   # indented comment\nident X # trailing\n")).toEqual([
      { kind: "ident", name: "X" },
    ]);
  });

  it("reports an unknown keyword with its position", () => {
    expect(errorOf("ident X\nopitons INET\n")).toBe("f:2:1: error: unknown keyword 'opitons'");
  });

  it("reports an unterminated quote", () => {
    expect(errorOf('options A="1\n')).toBe("f:1:11: error: unterminated quoted string");
  });

  it("requires a newline after the last statement", () => {
    expect(errorOf("ident X")).toMatch(/^f:1:8: error: missing newline at end of file/);
  });

  it("rejects a quoted '=' in an option name", () => {
    expect(errorOf('options "A=1"\n')).toBe(
      "f:1:9: error: the '=' in options should not be quoted",
    );
  });

  it("rejects root/dump/swap specifications", () => {
    expect(errorOf("config kernel root on da0\n")).toMatch(
      /^f:1:15: error: root\/dump\/swap specifications are obsolete/,
    );
  });

  it("rejects statements with missing or extra words", () => {
    expect(errorOf("options\n")).toMatch(
      /^f:1:8: error: expected an option name after 'options', found end of line/,
    );
    expect(errorOf("options A=\n")).toMatch(/^f:1:11: error: expected a value for 'A'/);
    expect(errorOf("options A B\n")).toMatch(
      /^f:1:11: error: unexpected 'B' after the 'options' statement/,
    );
    expect(errorOf("maxusers many\n")).toMatch(
      /^f:1:10: error: expected a number after 'maxusers'/,
    );
    expect(errorOf("options device\n")).toMatch(/found keyword 'device'/);
    // After '=' a comma is part of the value, so a following name is left over.
    expect(errorOf("options A=1, B\n")).toMatch(/^f:1:14: error: unexpected 'B'/);
    expect(errorOf("envvar\n")).toMatch(/expected NAME=VALUE after 'envvar'/);
    expect(errorOf("options A\n  options B\n")).toBe(
      "f:2:3: error: unexpected keyword 'options' after the 'options' statement (a line starting with a blank continues the previous statement)",
    );
    expect(errorOf("ident X\r\n")).toBe(
      "f:1:8: error: unexpected carriage return (use Unix line ends) after the 'ident' statement",
    );
  });
});
