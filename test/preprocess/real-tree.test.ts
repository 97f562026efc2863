// Smoke test on the real FreeBSD 13.0 tree: a few core headers through a virtual include
// layout (machine/ and x86/ mapped onto amd64/include and x86/include, as the kernel build
// links them) against clang-19 on an equivalent symlinked layout.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import {
  createPreprocessor,
  renderPreprocessed,
  type FileProvider,
} from "../../src/preprocess/index.js";
import { describeWith, needClang, needTree, sysTree } from "../support/environment.js";
import {
  baseFlags,
  clang,
  clangPredefines,
  commandLineDefines,
  defaultTarget,
} from "./support/clang-oracle.js";
import { diskFiles } from "./support/run-engine.js";
import { firstSpellingDifference, spellings } from "../support/preprocessed-tokens.js";

const sys = sysTree("13.0");
const VIRTUAL = "/virtual/inc";

/** Serves `/virtual/inc/machine/...` and `/virtual/inc/x86/...` from the tree, the rest from disk. */
const layout: FileProvider = {
  readFile(path) {
    if (path.startsWith(`${VIRTUAL}/machine/`))
      return diskFiles.readFile(join(sys, "amd64/include", path.slice(VIRTUAL.length + 9)));
    if (path.startsWith(`${VIRTUAL}/x86/`))
      return diskFiles.readFile(join(sys, "x86/include", path.slice(VIRTUAL.length + 5)));
    return diskFiles.readFile(path);
  },
  isDirectory: (path) => path === VIRTUAL || diskFiles.isDirectory!(path),
};

const scratch = mkdtempSync(join(tmpdir(), "kpi-pp-tree-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeWith([needClang(), needTree("13.0")], "real FreeBSD 13.0 headers match clang -E", () => {
  const inc = join(scratch, "inc");
  mkdirSync(inc);
  symlinkSync(join(sys, "amd64/include"), join(inc, "machine"));
  symlinkSync(join(sys, "x86/include"), join(inc, "x86"));
  const defines = ["-D_KERNEL", "-DKLD_MODULE"];
  const headers = ["sys/param.h", "sys/queue.h", "sys/proc.h"];
  const main = join(scratch, "smoke.c");
  writeFileSync(main, headers.map((h) => `#include <${h}>\n`).join(""));
  const pp = createPreprocessor(layout);

  it("preprocesses param.h, queue.h and proc.h to clang's tokens", async () => {
    const theirs = await clang([
      `--target=${defaultTarget}`,
      ...baseFlags,
      "-std=gnu99",
      ...defines,
      "-I",
      inc,
      "-I",
      sys,
      "-E",
      "-P",
      main,
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    const predefines =
      (await clangPredefines(defaultTarget, ["-std=gnu99"])) + commandLineDefines(defines);
    const ours = pp.run({
      mainFile: main,
      includeDirs: [VIRTUAL, sys],
      predefines,
      cStandard: 1999,
    });
    const a = spellings(renderPreprocessed(ours, { lineMarkers: false }), true);
    const b = spellings(theirs.stdout, true);
    expect(b.length).toBeGreaterThan(10_000);
    expect(firstSpellingDifference(a, b)).toBe("");
    expect(ours.files).toContain(join(sys, "sys/proc.h"));
    expect(ours.macros.find((m) => m.name === "LIST_ENTRY")).toMatchObject({
      params: ["type"],
      defined: true,
    });
  });

  it("ends with the macro table clang -dM prints", async () => {
    const theirs = await clang([
      `--target=${defaultTarget}`,
      ...baseFlags,
      "-std=gnu99",
      ...defines,
      "-I",
      inc,
      "-I",
      sys,
      "-dM",
      "-E",
      main,
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    const predefines =
      (await clangPredefines(defaultTarget, ["-std=gnu99"])) + commandLineDefines(defines);
    const ours = pp.run({
      mainFile: main,
      includeDirs: [VIRTUAL, sys],
      predefines,
      cStandard: 1999,
    });
    const spelled = ours.macros
      .filter((m) => m.defined)
      .map((m) => {
        const params = m.params?.map((p, k) =>
          m.variadic && k === m.params!.length - 1 ? (p === "__VA_ARGS__" ? "..." : `${p}...`) : p,
        );
        return `#define ${m.name}${params ? `(${params.join(",")})` : ""} ${m.body}`.trimEnd();
      })
      .sort();
    const clangs = theirs.stdout
      .split("\n")
      .filter((l) => l.startsWith("#define"))
      .map((l) => l.trimEnd())
      .sort();
    expect(clangs.length).toBeGreaterThan(1000);
    expect(spelled.filter((l) => !clangs.includes(l))).toEqual([]);
    expect(clangs.filter((l) => !spelled.includes(l))).toEqual([]);
  });

  it("prints -E output byte for byte as clang does (apart from clang's own <built-in> markers)", async () => {
    const theirs = await clang([
      `--target=${defaultTarget}`,
      ...baseFlags,
      "-std=gnu99",
      ...defines,
      "-I",
      inc,
      "-I",
      sys,
      "-E",
      main,
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    const predefines =
      (await clangPredefines(defaultTarget, ["-std=gnu99"])) + commandLineDefines(defines);
    // Our virtual machine/ directory is spelled as clang's symlinked one.
    const ours = createPreprocessor(layout, (p) => p.replace(VIRTUAL, inc));
    const text = renderPreprocessed(
      ours.run({ mainFile: main, includeDirs: [VIRTUAL, sys], predefines, cStandard: 1999 }),
      { lineMarkers: true },
    );
    const lines = theirs.stdout
      .split("\n")
      .filter((l) => !/^# \d+ "<(built-in|command line)>"/.test(l));
    // The return from <built-in> to the main file has no counterpart in our output.
    expect(lines[1]).toBe(`# 1 "${main}" 2`);
    lines.splice(1, 1);
    expect(text).toBe(lines.join("\n"));
  });

  it("gives identical results when a second unit reuses the cached files", async () => {
    const predefines =
      (await clangPredefines(defaultTarget, ["-std=gnu99"])) + commandLineDefines(defines);
    const options = { mainFile: main, includeDirs: [VIRTUAL, sys], predefines, cStandard: 1999 };
    const first = renderPreprocessed(pp.run(options), { lineMarkers: true });
    const second = renderPreprocessed(pp.run(options), { lineMarkers: true });
    expect(second).toBe(first);
  });
});
