// One target is built on two threads, preprocessing handing text to a parser beside it, and
// so are several targets on two threads (--jobs 2), one after another; several targets on
// three threads (--jobs 3) are taken whole by each thread; one thread (--jobs 1) runs the
// same stages one after the other. All must write the same crate and print the same
// messages, for good input and bad, whichever target fails.
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

describe("several targets streamed on two threads, taken whole on three, and on one thread", () => {
  const plans = (args: string[]): Outcome[] =>
    ["1", "2", "3"].map((jobs) => generate(args, ["--jobs", jobs], `jobs-${jobs}`));
  const twoArches = (header: string) => [
    "--sys",
    tree.sys,
    "--arch",
    "amd64,i386",
    "--header",
    header,
  ];

  it("agree on good headers", () => {
    const [one, two, three] = plans(twoArches(tree.wrapper));
    expect(one!.status, one!.stderr).toBe(0);
    expect(Object.keys(one!.files ?? {})).toContain("src/i386.rs");
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it("agree when the second target fails to parse", () => {
    tree.write("i386/include/param.h", "struct i386_only { int x; };\nint broken = 1 +;\n");
    try {
      const [one, two, three] = plans(twoArches(tree.wrapper));
      expect(one!.status).toBe(1);
      expect(one!.stderr).toMatch(/i386\/include\/param\.h:2:\d+: error: /);
      expect(two).toEqual(one);
      expect(three).toEqual(one);
    } finally {
      tree.write("i386/include/param.h", "struct i386_only { int x; };\n");
    }
  });

  it("agree when the first target fails to preprocess and the second to parse", () => {
    tree.write("amd64/include/param.h", "#include <sys/not-there.h>\n");
    tree.write("i386/include/param.h", "int broken = 1 +;\n");
    try {
      const [one, two, three] = plans(twoArches(tree.wrapper));
      expect(one!.status).toBe(1);
      expect(one!.stderr).toMatch(/amd64\/include\/param\.h:1:\d+: error: .*not-there\.h/);
      expect(one!.stderr).not.toMatch(/i386/);
      expect(two).toEqual(one);
      expect(three).toEqual(one);
    } finally {
      tree.write("amd64/include/param.h", "struct amd64_only { int x; };\n");
      tree.write("i386/include/param.h", "struct i386_only { int x; };\n");
    }
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

  it("gives the same crate and messages for three arches, on two threads, three and one", () => {
    const args = ["--sys", sysTree("13.0"), "--kernconf", "GENERIC", "--header", kpiWrapper];
    const arches = ["--arch", "amd64,i386,arm64"];
    const [two, three, one] = ["2", "3", "1"].map((jobs) =>
      generate([...args, ...arches], ["--jobs", jobs], `kpi-${jobs}`),
    );
    expect(one!.status, one!.stderr).toBe(0);
    expect(Object.keys(one!.files ?? {})).toContain("src/arm64.rs");
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });
});
