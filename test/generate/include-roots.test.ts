// The headers a user names are include roots for generate's wrapper, which includes them by
// absolute path; what they reach outside their own directory and the tree is still refused.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { NO_PATTERNS } from "../../src/emit/rust/index.js";
import { generateCrate } from "../../src/generate/index.js";
import { makeTinyTree } from "./tiny-tree.js";

const tree = makeTinyTree("roots");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

const generateWith = (header: string) =>
  generateCrate({
    sysDir: tree.sys,
    targets: ["amd64"],
    mode: "module",
    wrapperHeader: readFileSync(header, "utf8"),
    frontEndWrapper: `#include "${header}"\n`,
    includeRoots: [join(header, "..")],
    patterns: NO_PATTERNS,
    format: "none",
  });

describe("generate's include roots", () => {
  it("a named header outside the tree is read", async () => {
    const result = await generateWith(tree.wrapper);
    expect(result.files.get("src/amd64.rs")).toContain("tiny_function");
  });

  it("a header it reaches outside its own directory is refused, at the #include", async () => {
    mkdirSync(join(tree.root, "sub"));
    writeFileSync(join(tree.root, "secret.h"), "int secret;\n");
    const user = join(tree.root, "sub", "user.h");
    writeFileSync(user, '#include <sys/param.h>\n#include "../secret.h"\n');
    const failure = await generateWith(user).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DiagnosticError);
    const [d] = (failure as DiagnosticError).diagnostics;
    expect(d!.message).toMatch(/outside the include roots/);
    expect(d!.location).toMatchObject({ line: 2 });
  });
});
