// predefinedMacros() must reproduce clang-19's own predefined macros for every target,
// release, dialect and with or without the kernel code-generation flags.
import { beforeAll, describe, expect, it } from "vitest";
import { clangTriple, getTarget, targetNames } from "../../src/targets/index.js";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import {
  cStandards,
  defaultClangVersion,
  parseClangVersion,
  predefinedMacros,
  type CStandard,
  type ClangVersion,
} from "../../src/targets/predefined/index.js";
import type { FreeBSDRelease, TargetName } from "../../src/targets/types.js";
import { describeWith, needClang } from "../support/environment.js";
import { parseDefines, runClang } from "./support/clang.js";

interface Case {
  target: TargetName;
  release: FreeBSDRelease;
  std: CStandard | undefined;
  kernelFlags: boolean;
}

// Every dialect on the main release; the others vary only the FreeBSD layer, so two
// dialects (one strict, one GNU) cover them.
const matrix: { release: FreeBSDRelease; dialects: (CStandard | undefined)[] }[] = [
  { release: { major: 13, minor: 0 }, dialects: [undefined, ...cStandards] },
  { release: { major: 11, minor: 0 }, dialects: [undefined, "c99"] },
  { release: { major: 14, minor: 1 }, dialects: [undefined, "c99"] },
];

const cases: Case[] = [];
for (const target of targetNames)
  for (const { release, dialects } of matrix)
    for (const std of dialects)
      for (const kernelFlags of [false, true]) cases.push({ target, release, std, kernelFlags });

function clangArgs(c: Case): string[] {
  const t = getTarget(c.target);
  return [
    `--target=${clangTriple(t, c.release)}`,
    "-ffreestanding",
    ...(c.std ? [`-std=${c.std}`] : []),
    ...(c.kernelFlags ? t.kernelCFlags : []),
    "-dM",
    "-E",
    "-x",
    "c",
    "-",
  ];
}

function label(c: Case): string {
  return `${c.target} ${c.release.major}.${c.release.minor} ${c.std ?? "default std"}${c.kernelFlags ? " +kernel flags" : ""}`;
}

/** Every difference between clang's macros and ours, one line each. */
function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, value] of expected) {
    if (!actual.has(name)) out.push(`missing ${name} = ${JSON.stringify(value)}`);
    else if (actual.get(name) !== value)
      out.push(`${name}: clang ${JSON.stringify(value)}, ours ${JSON.stringify(actual.get(name))}`);
  }
  for (const [name, value] of actual)
    if (!expected.has(name)) out.push(`extra ${name} = ${JSON.stringify(value)}`);
  return out;
}

describeWith([needClang()], "predefined macros match clang-19", () => {
  let compiler: ClangVersion;
  const clangMacros = new Map<Case, Map<string, string>>();

  beforeAll(async () => {
    compiler = parseClangVersion((await runClang(["--version"])).stdout);
    await Promise.all(
      cases.map(async (c) => {
        const result = await runClang(clangArgs(c));
        if (result.code !== 0 || result.stderr !== "") {
          throw new Error(`clang ${clangArgs(c).join(" ")} failed or warned:\n${result.stderr}`);
        }
        clangMacros.set(c, parseDefines(result.stdout));
      }),
    );
  });

  it.each(cases.map((c) => [label(c), c] as const))("%s", (_name, c) => {
    const ours = predefinedMacros(getTarget(c.target), { ...c, compiler });
    const names = ours.map((m) => m.name);
    expect(new Set(names).size, "each name defined once").toBe(names.length);
    const actual = new Map(ours.map((m) => [m.name, m.value]));
    expect(differences(clangMacros.get(c)!, actual)).toEqual([]);
  });
});

describe("the compiler layer", () => {
  it("reads vendor, version and suffix from clang --version", () => {
    expect(
      parseClangVersion("Debian clang version 19.1.7 (3~deb12u1)\nTarget: x86_64-pc-linux-gnu\n"),
    ).toEqual(defaultClangVersion);
    expect(parseClangVersion("clang version 19.1.0")).toEqual({
      major: 19,
      minor: 1,
      patch: 0,
      vendor: "",
      suffix: "",
    });
  });

  it("rejects output that names no clang version", () => {
    expect(() => parseClangVersion("gcc (Debian 12.2.0-14) 12.2.0")).toThrow(DiagnosticError);
  });

  it("puts the version parameter into the version macros", () => {
    const macros = predefinedMacros(getTarget("amd64"), {
      release: { major: 13, minor: 0 },
      kernelFlags: false,
      compiler: { major: 19, minor: 1, patch: 0, vendor: "", suffix: "" },
    });
    const value = (name: string): string | undefined => macros.find((m) => m.name === name)?.value;
    expect(value("__clang_patchlevel__")).toBe("0");
    expect(value("__clang_version__")).toBe('"19.1.0"');
    expect(value("__VERSION__")).toBe('"Clang 19.1.0"');
  });
});
