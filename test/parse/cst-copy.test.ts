// The copy of the syntax tree takes shortcuts on a tree without syntax errors (no MISSING
// checks, fields from the grammar's node types where they allow one answer), and the tree
// reader addon makes it from one flat array; both must give exactly the tree the exact
// copy, which asks the binding about every node, gives.
import { describe, expect, it } from "vitest";
import { MAX_TREE_DEPTH } from "../../src/parse/cst.js";
import { describeWith, needTreeReader } from "../support/environment.js";
import { copies, flatCopy, type Dumped } from "./support/cst-copies.js";
import { asPreprocessed, loadFixtures } from "./support/fixtures.js";

const SNIPPETS: Record<string, string> = {
  // size_t and friends are primitive_type to the grammar: in a typedef, a declarator.
  "typedef names the grammar lexes as types": "typedef unsigned long size_t;\ntypedef int t, *u;\n",
  "expressions in every field of their nodes": [
    "enum e { A = 1 << 2, B = A ? (A + 1) : -A, C = sizeof(int) * 2, D = (int)3 };",
    "int a[A + B][sizeof(struct s { int x : 3; })];",
    'static const char *s = "x" "y";',
    "int f(int (*cb)(void *, ...), const volatile unsigned long long x[static 4]);",
  ].join("\n"),
  "comments anywhere": "struct /* a */ s { int /* b */ x; /* c */ } /* d */;\n// e\nint y;\n",
  "function definitions and bodies": "static inline int f(int a) { return a + 1; }\nint g;\n",
  "records, bitfields and anonymous members": [
    "struct r { union { int a; long b; }; unsigned x : 4; long long y : 1; char c[]; };",
    "union u { struct { short s; } t; };",
  ].join("\n"),
};

describe("syntax tree copy", () => {
  for (const [name, text] of Object.entries(SNIPPETS)) {
    it(`${name}: the fast copy is the exact copy`, () => {
      const { fast, exact, hasError } = copies(`# 1 "snippet.h"\n${text}\n`);
      expect(hasError).toBe(false);
      expect(fast).toEqual(exact);
    });
  }

  it("every front-end fixture: the fast copy is the exact copy", () => {
    let fastPath = 0;
    for (const f of loadFixtures()) {
      const { fast, exact, hasError } = copies(asPreprocessed(f));
      expect(fast, f.name).toEqual(exact);
      if (!hasError) fastPath++;
    }
    expect(fastPath).toBeGreaterThan(5);
  });

  it("a tree with errors: MISSING tokens and ERROR nodes kept, items without copied fast", () => {
    const { fast, exact, hasError } = copies(
      `# 1 "e.h"\nstruct s { int : 3; int x };\nint ) y;\ntypedef unsigned long size_t;\n`,
    );
    expect(hasError).toBe(true);
    expect(fast).toEqual(exact);
    const flat: Dumped[] = [];
    const walk = (d: Dumped) => (flat.push(d), d[8].forEach(walk));
    fast.forEach(walk);
    expect(flat.some((d) => d[2])).toBe(true);
    expect(flat.some((d) => d[0] === "ERROR")).toBe(true);
  });
});

const repeat = (s: string, n: number) => s.repeat(n);

const HARD_CASES: Record<string, string> = {
  "syntax errors (MISSING and ERROR nodes)": `struct s { int : 3; int x };\nint ) y;\nlong long : 0;\n`,
  "non-ASCII text (UTF-16 offsets, a surrogate pair)": `static const char *s = "é😀x";\nint \u00e9a;\nint b;\n`,
  "nesting past MAX_TREE_DEPTH": [
    `enum e { A = ${repeat("(", 400)}1${repeat(")", 400)} };`,
    `int ${repeat("*", 600)}x;`,
    `int ${repeat("(", 300)}y${repeat(")", 300)};`,
    "int after;",
  ].join("\n"),
  "an empty text": "",
};

describeWith([needTreeReader()], "syntax tree copy from the tree reader addon", () => {
  it("is the exact copy for every snippet and hard case", () => {
    for (const [name, text] of Object.entries({ ...SNIPPETS, ...HARD_CASES })) {
      const preprocessed = `# 1 "snippet.h"\n${text}\n`;
      expect(flatCopy(preprocessed), name).toEqual(copies(preprocessed).exact);
    }
  });

  it("cuts at MAX_TREE_DEPTH as the cursor copy does", () => {
    const copy = flatCopy(`# 1 "d.h"\n${HARD_CASES["nesting past MAX_TREE_DEPTH"]}\n`);
    const deep: Dumped[] = [];
    const walk = (d: Dumped, depth: number): void => {
      if (d[7]) deep.push(d);
      expect(depth).toBeLessThanOrEqual(MAX_TREE_DEPTH);
      d[8].forEach((c) => walk(c, depth + 1));
    };
    copy.forEach((d) => walk(d, 1));
    expect(deep.length).toBeGreaterThanOrEqual(3);
  });

  it("is the exact copy for every front-end fixture", () => {
    for (const f of loadFixtures()) {
      expect(flatCopy(asPreprocessed(f)), f.name).toEqual(copies(asPreprocessed(f)).exact);
    }
  });
});
