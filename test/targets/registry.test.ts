// The target registry and how users name targets and releases.
import { describe, expect, it } from "vitest";
import { DiagnosticError, formatDiagnostic } from "../../src/diagnostics/index.js";
import {
  clangTriple,
  getTarget,
  parseRelease,
  parseTargetName,
  targetNames,
} from "../../src/targets/index.js";

function diagnosticOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics.map(formatDiagnostic).join("\n");
    throw e;
  }
  throw new Error("expected a DiagnosticError");
}

describe("target registry", () => {
  it("holds the eight FreeBSD targets, each under its own name", () => {
    expect([...targetNames].sort()).toEqual(
      ["amd64", "arm64", "armv7", "i386", "powerpc", "powerpc64", "powerpc64le", "riscv64"].sort(),
    );
    for (const name of targetNames) expect(getTarget(name).name).toBe(name);
  });

  it("keeps the machine names consistent with the data model", () => {
    for (const name of targetNames) {
      const t = getTarget(name);
      expect(t.hasX86Headers, name).toBe(
        t.machineCpuArch === "amd64" || t.machineCpuArch === "i386",
      );
      const lp64 = t.abi.scalars.pointer.size === 8;
      expect(t.rustTargetArch.endsWith("64"), `${name}: rust arch width`).toBe(lp64);
    }
  });

  it.each([
    ["amd64", "amd64"],
    ["x86_64", "amd64"],
    ["X86-64", "amd64"],
    [" i686 ", "i386"],
    ["aarch64", "arm64"],
    ["arm", "armv7"],
    ["armv7a", "armv7"],
    ["riscv", "riscv64"],
    ["ppc", "powerpc"],
    ["ppc64", "powerpc64"],
    ["ppc64le", "powerpc64le"],
    ["POWERPC64LE", "powerpc64le"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseTargetName(input)).toBe(expected);
  });

  it("rejects an ambiguous name, offering the choices and every valid name", () => {
    const message = diagnosticOf(() =>
      parseTargetName("x86", { file: "kpi.toml", line: 3, column: 10 }),
    );
    expect(message).toMatch(
      /^kpi\.toml:3:10: error: ambiguous target 'x86': did you mean amd64 or i386\?/,
    );
    for (const name of targetNames) expect(message).toContain(name);
  });

  it("rejects an unknown name, listing every valid name", () => {
    const message = diagnosticOf(() => parseTargetName("sparc64"));
    expect(message).toMatch(/^error: unknown target 'sparc64' \(valid targets: /);
    for (const name of targetNames) expect(message).toContain(name);
  });

  it("builds the clang triple from arch, release and environment", () => {
    expect(clangTriple(getTarget("amd64"), { major: 13, minor: 0 })).toBe(
      "x86_64-unknown-freebsd13.0",
    );
    expect(clangTriple(getTarget("armv7"), { major: 14, minor: 1 })).toBe(
      "armv7-unknown-freebsd14.1-gnueabihf",
    );
  });

  it("parses releases and rejects malformed ones with a diagnostic", () => {
    expect(parseRelease("13.0")).toEqual({ major: 13, minor: 0 });
    expect(parseRelease("14")).toEqual({ major: 14, minor: 0 });
    expect(diagnosticOf(() => parseRelease("13.x"))).toMatch(
      /error: invalid FreeBSD release '13\.x'/,
    );
    expect(diagnosticOf(() => parseRelease("0.1"))).toMatch(
      /error: invalid FreeBSD release '0\.1'/,
    );
  });
});
