// The comparison the acceptance suite relies on: tokens, locations from line markers, and
// the report of the first difference.
import { describe, expect, it } from "vitest";
import { firstDifference, formatDifference, tokenize } from "../support/preprocessed-tokens.js";

describe("token stream of preprocessed output", () => {
  it("splits tokens, skips line markers and tracks file and line", () => {
    const out = [
      '# 1 "a.h"',
      "int x>>=1;",
      '# 7 "sys/b.h" 1',
      'char *s = L"a\\"b" ;',
      "",
      "#pragma once",
      "a...",
    ].join("\n");
    const tokens = tokenize(out);
    expect(tokens.map((t) => t.text)).toEqual([
      "int",
      "x",
      ">>=",
      "1",
      ";",
      "char",
      "*",
      "s",
      "=",
      'L"a\\"b"',
      ";",
      "#",
      "pragma",
      "once",
      "a",
      "...",
    ]);
    expect(tokens[0]).toMatchObject({ file: "a.h", line: 1 });
    expect(tokens[5]).toMatchObject({ file: "sys/b.h", line: 7 });
    expect(tokens[11]).toMatchObject({ file: "sys/b.h", line: 9 });
  });

  it("keeps pp-numbers whole, including exponents with signs", () => {
    expect(tokenize("1.5e+10f 0x1p-3 .5 1ULL").map((t) => t.text)).toEqual([
      "1.5e+10f",
      "0x1p-3",
      ".5",
      "1ULL",
    ]);
  });

  it("ignores whitespace and marker placement", () => {
    const a = tokenize('# 1 "x.h"\nint\n  f ( void ) ;');
    const b = tokenize("int f(void);");
    expect(firstDifference(a, b)).toBeUndefined();
  });

  it("reports the first differing token with both locations and context", () => {
    const ours = tokenize('# 3 "sys/a.h"\nint a; long b;');
    const clang = tokenize('# 3 "sys/a.h"\nint a;\n# 10 "sys/c.h"\nshort b;');
    const d = firstDifference(ours, clang);
    expect(d).toMatchObject({
      index: 3,
      ours: { text: "long", file: "sys/a.h", line: 3 },
      clang: { text: "short", file: "sys/c.h", line: 10 },
    });
    const text = formatDifference(d!);
    expect(text).toContain("ours:  sys/a.h:3 'long'");
    expect(text).toContain("clang: sys/c.h:10 'short'");
    expect(text).toContain("int a ; 【long】 b ;");
  });

  it("reports a stream that ends early", () => {
    const d = firstDifference(tokenize("a b"), tokenize("a b c"));
    expect(d?.index).toBe(2);
    expect(formatDifference(d!)).toContain("ours:  <end of output>");
  });
});
