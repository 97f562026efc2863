// Line markers and surviving directives: where each line came from, #pragma pack state,
// and blanking that keeps every offset.
import { describe, expect, it } from "vitest";
import { packAt, scanLineMarkers } from "../../src/parse/line-markers.js";
import { defaultPathResolver } from "../../src/parse/paths.js";
import { parseTranslationUnitLenient } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";

const SAMPLE = [
  '# 1 "/src/sys/sys/a.h"', // row 0
  "int a;", // row 1 -> a.h:1
  '# 1 "/src/sys/sys/b.h" 1', // row 2
  "", // row 3 -> b.h:1
  "int b;", // row 4 -> b.h:2
  "#pragma pack(push, 4)", // row 5 -> b.h:3
  "struct p { char c; int i; };", // row 6 -> b.h:4
  "#pragma pack(pop)", // row 7
  '# 7 "/src/sys/sys/a.h" 2', // row 8
  "int c;", // row 9 -> a.h:7
].join("\n");

describe("line markers", () => {
  const scanned = scanLineMarkers(SAMPLE);

  it("maps every row to its file and line, through include and return markers", () => {
    expect(scanned.originOf(1)).toEqual({ path: "/src/sys/sys/a.h", line: 1 });
    expect(scanned.originOf(4)).toEqual({ path: "/src/sys/sys/b.h", line: 2 });
    expect(scanned.originOf(6)).toEqual({ path: "/src/sys/sys/b.h", line: 4 });
    expect(scanned.originOf(9)).toEqual({ path: "/src/sys/sys/a.h", line: 7 });
  });

  it("accepts system-header flags and a bare #line renumbering the current file", () => {
    const s = scanLineMarkers(
      ['# 5 "/src/sys/sys/c.h" 1 3 4', "int c;", "#line 40", "int d;"].join("\n"),
    );
    expect(s.originOf(1)).toEqual({ path: "/src/sys/sys/c.h", line: 5 });
    expect(s.originOf(3)).toEqual({ path: "/src/sys/sys/c.h", line: 40 });
  });

  it("blanks directives without moving any offset", () => {
    expect(scanned.text.length).toBe(SAMPLE.length);
    expect(scanned.text.split("\n").map((l) => l.trim())).toEqual([
      "",
      "int a;",
      "",
      "",
      "int b;",
      "",
      "struct p { char c; int i; };",
      "",
      "",
      "int c;",
    ]);
  });

  it("tracks #pragma pack push and pop", () => {
    const structAt = SAMPLE.indexOf("struct p");
    expect(packAt(scanned.pragmaPacks, structAt)).toBe(4);
    expect(packAt(scanned.pragmaPacks, SAMPLE.indexOf("int c;"))).toBeNull();
  });

  it("reports a parse problem at the original file and line", () => {
    const text = SAMPLE.replace("int c;", "int c d;");
    const { diagnostics } = parseTranslationUnitLenient(text, {
      target: "amd64",
      abi: getTarget("amd64").abi,
    });
    expect(
      diagnostics.map((d) => `${d.location?.file}:${d.location?.line}: ${d.severity}`),
    ).toEqual(["sys/a.h:7: error"]);
  });

  it("makes paths relative to the kernel sys/ directory by default", () => {
    expect(defaultPathResolver("/usr/src/sys/sys/proc.h")).toEqual({
      file: "sys/proc.h",
      header: "sys/proc.h",
    });
    expect(defaultPathResolver("<built-in>")).toEqual({ file: "<built-in>", header: "<built-in>" });
  });
});
