// When parsing fails, the front end's error carries the warnings collected before it too,
// so a command prints both rather than the errors alone.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { runFrontEnd } from "../../src/pipeline/index.js";
import { getTarget } from "../../src/targets/index.js";
import { makeTinyTree } from "./tiny-tree.js";

const tree = makeTinyTree("front-end-errors");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

it("a parse error comes with the preprocessor's warnings", () => {
  const header = join(tree.sys, "broken.h");
  writeFileSync(header, "#define TWICE 1\n#define TWICE 2\nint x = 1 +;\n");
  let failure: unknown;
  try {
    runFrontEnd({ sysDir: tree.sys, target: getTarget("amd64"), mode: "module", header });
  } catch (e) {
    failure = e;
  }
  expect(failure).toBeInstanceOf(DiagnosticError);
  const found = (failure as DiagnosticError).diagnostics.map((d) => [d.severity, d.location?.line]);
  expect(found).toContainEqual(["warning", 2]);
  expect(found).toContainEqual(["error", 3]);
});
