import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileDigest } from "../../src/cache/digest.js";
import { dependenciesUnchanged, recordDependencies } from "../../src/cache/dependencies.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("recordDependencies", () => {
  it("records a file again as it is after it changed", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-bindgen-deps-"));
    dirs.push(dir);
    const file = join(dir, "a.h");
    writeFileSync(file, "int a;\n");
    const missing = join(dir, "missing.h");
    const first = recordDependencies([missing, file, file]);
    expect(first).toEqual([
      { path: file, digest: fileDigest(file), stamp: expect.stringMatching(/^7:/) },
      { path: missing, digest: "", stamp: "" },
    ]);
    expect(recordDependencies([file])).toEqual([first[0]]);
    writeFileSync(file, "int a, b;\n");
    expect(dependenciesUnchanged(first)).toBe(false);
    const second = recordDependencies([file]);
    expect(second[0]!.digest).toBe(fileDigest(file));
    expect(second[0]!.digest).not.toBe(first[0]!.digest);
    expect(dependenciesUnchanged(second)).toBe(true);
  });
});
