// Garbage in: seeded random byte soup built from C's punctuation, directives and macro
// syntax. Every input must end in a result or a located DiagnosticError, never another
// exception (a crash or a stack overflow), and quickly.
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { preprocess } from "../../src/preprocess/index.js";

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "#define ",
  "#undef ",
  "#if ",
  "#ifdef ",
  "#elif ",
  "#else",
  "#endif",
  "#include ",
  "#line ",
  "#pragma ",
  "#error ",
  "_Pragma(",
  "defined",
  "__VA_ARGS__",
  "__VA_OPT__(",
  "__LINE__",
  "__has_include(",
  "__has_attribute(",
  "F(",
  "G",
  "F",
  "x",
  "(",
  ")",
  ",",
  "#",
  "##",
  "...",
  '"',
  "'",
  "\\",
  "\n",
  "\n",
  " ",
  "/*",
  "*/",
  "//",
  "1",
  "0x",
  "<",
  ">",
  "\0",
  "%:",
  "?",
  ":",
];

function soup(seed: number): string {
  const rnd = random(seed);
  const parts: string[] = [];
  const length = 5 + Math.floor(rnd() * 60);
  for (let k = 0; k < length; k++) parts.push(PIECES[Math.floor(rnd() * PIECES.length)]!);
  return parts.join("");
}

describe("garbage input", () => {
  it("never throws anything but a located DiagnosticError", () => {
    let errors = 0;
    for (let seed = 0; seed < 3000; seed++) {
      const text = soup(seed);
      try {
        preprocess({
          files: {
            readFile: (p) => (p === "/g/main.c" ? text : p === "/g/h.h" ? "h\n" : undefined),
          },
          mainFile: "/g/main.c",
          includeDirs: ["/g"],
          predefines: "#define F(a, ...) a __VA_ARGS__ G\n#define G F(1)\n",
        });
      } catch (e) {
        if (!(e instanceof DiagnosticError))
          throw new Error(`seed ${seed}: ${String(e)}\n${JSON.stringify(text)}`);
        expect(e.diagnostics[0]!.location?.file, JSON.stringify(text)).toBeTruthy();
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(100);
  });
});
