// One target is built on two threads, preprocessing handing text to a parser beside it; one
// thread (--jobs 1) runs the same stages one after the other. Both must write the same
// crate and print the same messages, for good input and bad.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeWith, kpiWrapper, needTree, repoRoot, sysTree } from "../support/environment.js";
import { makeTinyTree, readCrate } from "./tiny-tree.js";

const tree = makeTinyTree("streamed");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

interface Outcome {
  status: number | null;
  stderr: string;
  files: Record<string, string> | null;
}

function generate(args: string[], jobs: string[], label: string): Outcome {
  const out = join(tree.root, `crate-${label}`);
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(
    join(repoRoot, "bin", "kpi-bindgen"),
    ["generate", ...args, "--out", out, "--no-cache", "--no-rustfmt", ...jobs],
    { encoding: "utf8" },
  );
  let files: Record<string, string> | null = null;
  try {
    files = readCrate(out);
  } catch {
    files = null;
  }
  return { status: r.status, stderr: r.stderr, files };
}

/** The run on two threads and the one on one, which must agree. */
function both(args: string[]): [Outcome, Outcome] {
  return [generate(args, [], "two"), generate(args, ["--jobs", "1"], "one")];
}

describe("a target on two threads and on one", () => {
  it("agree on a good header", () => {
    const [two, one] = both(["--sys", tree.sys, "--arch", "amd64", "--header", tree.wrapper]);
    expect(two.status, two.stderr).toBe(0);
    expect(two.files).not.toBeNull();
    expect(two).toEqual(one);
  });

  it("agree on a parse error, with the preprocessor's warnings before it", () => {
    tree.write("sys/broken.h", "#define TWICE 1\n#define TWICE 2\nint x = 1 +;\nint y;\n");
    const [two, one] = both(["--sys", tree.sys, "--header", join(tree.sys, "sys/broken.h")]);
    expect(two.status).toBe(1);
    expect(two.stderr).toMatch(/broken\.h:2:\d+: warning: /);
    expect(two.stderr).toMatch(/broken\.h:3:\d+: error: /);
    expect(two.files).toBeNull();
    expect(two).toEqual(one);
  });

  it("agree on a preprocessing error", () => {
    tree.write("sys/missing.h", "int before;\n#include <sys/not-there.h>\nint after;\n");
    const [two, one] = both(["--sys", tree.sys, "--header", join(tree.sys, "sys/missing.h")]);
    expect(two.status).toBe(1);
    expect(two.stderr).toMatch(/missing\.h:2:\d+: error: .*not-there\.h/);
    expect(two).toEqual(one);
  });
});

describeWith([needTree("13.0")], "the KPI wrapper on two threads and on one", () => {
  it("gives the same crate and messages", () => {
    const [two, one] = both([
      "--sys",
      sysTree("13.0"),
      "--kernconf",
      "GENERIC",
      "--arch",
      "amd64",
      "--header",
      kpiWrapper,
    ]);
    expect(two.status, two.stderr).toBe(0);
    expect(Object.keys(two.files ?? {}).length).toBeGreaterThan(3);
    expect(two).toEqual(one);
  });
});
