// `kpi-bindgen preprocess` end to end: output equal to clang's, atomic -o, a depfile that
// lists what clang would, and compiler-style errors with no partial output.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { getTarget } from "../../src/targets/index.js";
import { planKernelBuild } from "../../src/preprocess/kernel-build/plan.js";
import { describeWith, needClang, needTree, repoRoot, sysTree } from "../support/environment.js";
import { runClang } from "./support/clang-runner.js";
import { parseMakeDependencies } from "./support/header-compare.js";
import { firstDifference, formatDifference, tokenize } from "../support/preprocessed-tokens.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");
const sys = sysTree("13.0");
const fixture = join(repoRoot, "fixtures", "kernel-build", "build-flag-macros.h");

function cli(...args: string[]) {
  return spawnSync(bin, ["preprocess", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
}

describeWith([needClang(), needTree("13.0")], "kpi-bindgen preprocess", () => {
  const work = mkdtempSync(join(tmpdir(), "kpi-preprocess-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("prints what clang -E prints for the same build, token for token", async () => {
    const r = cli(
      "--sys",
      sys,
      "--arch",
      "arm64",
      "--mode",
      "module",
      "-D",
      "EXTRA=3",
      "-UEXTRA",
      "-DEXTRA=4",
      "--header",
      join(sys, "sys/param.h"),
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# 1 "sys\/param.h"/);
    const plan = planKernelBuild({
      sysDir: sys,
      target: getTarget("arm64"),
      mode: "module",
      user: {
        macros: [
          { kind: "define", name: "EXTRA", value: "3" },
          { kind: "undefine", name: "EXTRA" },
          { kind: "define", name: "EXTRA", value: "4" },
        ],
        includeDirs: [],
      },
    });
    const clang = await plan.withClangLayout((layout) =>
      runClang([...layout.args, "-E", join(sys, "sys/param.h")]),
    );
    expect(clang.status).toBe(0);
    const diff = firstDifference(tokenize(r.stdout), tokenize(clang.stdout));
    expect(diff && formatDifference(diff)).toBeUndefined();
  });

  it("writes -o atomically and a depfile listing the files clang depends on", async () => {
    const out = join(work, "param.i");
    const dep = join(work, "param.d");
    const header = join(sys, "sys/mbuf.h");
    const r = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "module",
      "-o",
      out,
      "--depfile",
      dep,
      header,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^# 1 "sys\/mbuf.h"/);
    const depText = readFileSync(dep, "utf8");
    expect(depText.startsWith(`${out}: ${header} `)).toBe(true);

    const plan = planKernelBuild({
      sysDir: sys,
      target: getTarget("amd64"),
      mode: "module",
      user: { macros: [], includeDirs: [] },
    });
    const clangDeps = await plan.withClangLayout(async (layout) => {
      const m = await runClang([...layout.args, "-M", header]);
      expect(m.status).toBe(0);
      const buildDir = realpathSync(layout.buildDir);
      // Generated build files have no path on disk for us; the rest must match.
      return parseMakeDependencies(m.stdout)
        .map((p) => realpathSync(p))
        .filter((p) => !p.startsWith(buildDir + "/"));
    });
    const ours = parseMakeDependencies(depText);
    expect([...ours].sort()).toEqual([...new Set(clangDeps)].sort());
  });

  it("applies -D/-U in command-line order, attached or separate, and -I after the build's dirs", () => {
    const header = join(work, "order.h");
    writeFileSync(header, '#include "order_inc.h"\nA B C D\n');
    const inc = join(work, "inc");
    mkdirSync(inc, { recursive: true });
    writeFileSync(join(inc, "order_inc.h"), "from_include_dir\n");
    const r = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "module",
      "--no-line-markers",
      "-DA=1",
      "-UA",
      "-D",
      "B=2",
      "-UC",
      "-DC",
      `-I${inc}`,
      "-DD=x y",
      header,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split(/\s+/)).toEqual(["from_include_dir", "A", "2", "1", "x", "y"]);
  });

  it("kernel mode takes offset.inc from --build-file", () => {
    const standIn = join(repoRoot, "fixtures/kernel-build/build-files/offset.inc");
    const without = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "kernel",
      join(sys, "sys/systm.h"),
    );
    expect(without.status).toBe(1);
    expect(without.stderr).toMatch(/^sys\/kpilite\.h:33:10: error: 'offset\.inc' file not found/);
    const withFile = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "kernel",
      "--build-file",
      standIn,
      join(sys, "sys/systm.h"),
    );
    expect(withFile.stderr).toBe("");
    expect(withFile.status).toBe(0);
    expect(withFile.stdout).toContain('# 1 "<build>/offset.inc" 1');
    expect(withFile.stdout).toContain("struct thread_lite {");
  });

  it("gives byte-identical output for the same inputs", () => {
    const args = ["--sys", sys, "--arch", "i386", "--mode", "module", join(sys, "sys/proc.h")];
    const first = cli(...args);
    expect(first.status).toBe(0);
    expect(cli(...args).stdout).toBe(first.stdout);
  });

  it("turns off line markers with --no-line-markers", () => {
    const r = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "module",
      "--no-line-markers",
      fixture,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/^# \d+ "/m);
    expect(r.stdout).toContain("__freebsd_kprintf__");
  });

  it("reports #error compiler-style, exits 1 and leaves no output file", () => {
    const bad = join(work, "bad.h");
    writeFileSync(bad, "int ok;\n#error this header needs a kernel\n");
    const out = join(work, "bad.i");
    const r = cli("--sys", sys, "--arch", "amd64", "--mode", "module", "-o", out, bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.h:2:2: error: .*this header needs a kernel/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("reports a missing include at the #include line", () => {
    const bad = join(work, "missing.h");
    writeFileSync(bad, "\n#include <sys/no_such_header.h>\n");
    const r = cli("--sys", sys, "--arch", "i386", "--mode", "kernel", bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.h:2:\d+: error: .*sys\/no_such_header\.h/);
  });

  it("refuses headers reached outside the include roots unless --allow-outside-roots", () => {
    const roots = join(work, "roots");
    const inc = join(roots, "proj", "inc");
    mkdirSync(inc, { recursive: true });
    writeFileSync(join(roots, "outside.h"), "int outside_roots;\n");
    writeFileSync(join(inc, "escape.h"), '#include "../../outside.h"\n');
    symlinkSync(join(roots, "outside.h"), join(inc, "linked.h"));
    for (const [name, includer] of [
      ["escape.h", "escape\\.h:1:10"],
      ["linked.h", "main-linked\\.h:2:10"],
    ] as const) {
      const main = join(roots, "proj", `main-${name}`);
      writeFileSync(main, `#include <sys/types.h>\n#include <${name}>\n`);
      const args = ["--sys", sys, "--arch", "amd64", "--mode", "module", "-I", inc, main];
      const refused = cli(...args);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(`${includer}: error: .*outside\\.h.*outside the include roots`),
      );
      const allowed = cli(...args, "--allow-outside-roots");
      expect(allowed.status).toBe(0);
      expect(allowed.stdout).toContain("int outside_roots;");
    }
  });

  it("rejects bad arguments with a clear message", () => {
    const noHeader = cli("--sys", sys, "--arch", "amd64", "--mode", "module", join(work, "nope.h"));
    expect(noHeader.status).toBe(1);
    expect(noHeader.stderr).toMatch(/error: header not found/);

    const badArch = cli("--sys", sys, "--arch", "vax", "--mode", "module", fixture);
    expect(badArch.status).toBe(1);
    expect(badArch.stderr).toMatch(/unknown target 'vax'/);

    const badSys = cli(
      "--sys",
      join(work, "nosys"),
      "--arch",
      "amd64",
      "--mode",
      "module",
      fixture,
    );
    expect(badSys.status).toBe(1);
    expect(badSys.stderr).toMatch(/kernel source tree not found/);

    const depNoOut = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "module",
      "--depfile",
      join(work, "x.d"),
      fixture,
    );
    expect(depNoOut.status).toBe(1);
    expect(depNoOut.stderr).toMatch(/--depfile needs -o/);

    const badDefine = cli("--sys", sys, "--arch", "amd64", "--mode", "module", "-D", "9X", fixture);
    expect(badDefine.status).toBe(1);
    expect(badDefine.stderr).toMatch(/invalid -D '9X'/);

    const unknown = cli("--sys", sys, "--arch", "amd64", "--mode", "module", "-Wall", fixture);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown option '-Wall'/);

    const twoFiles = cli("--sys", sys, "--arch", "amd64", "--mode", "module", fixture, fixture);
    expect(twoFiles.status).toBe(1);
    expect(twoFiles.stderr).toMatch(/one header at a time/);
  });

  it("warns and goes on with empty option headers when the tree has no option tables", () => {
    const r = cli(
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--mode",
      "kernel",
      "--kernconf",
      "GENERIC",
      fixture,
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*conf\/options is missing: options of GENERIC/m);
    expect(r.stdout).toContain("__freebsd_kprintf__");
  });
});
