// What a CLI run writes to stderr: compiler-style diagnostics with the source line read from
// the file (relative to the kernel tree), each printed once, a clang-style summary, colour
// only on a terminal (and never with NO_COLOR), and the same as JSON lines on request.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtureSys } from "../kernconf/support.js";
import { runInProcess } from "./support.js";

const fullConfig = join(fixtureSys, "amd64", "conf", "FULL");
const lineOf = (file: string, line: number) => readFileSync(file, "latin1").split("\n")[line - 1];

describe("diagnostics on stderr", () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows the line a tree-relative location points at, a caret, and a summary", async () => {
    const r = await runInProcess(["config", "--sys", fixtureSys, "--kernconf", "FULL"]);
    expect(r.code).toBe(0);
    const source = lineOf(fullConfig, 31);
    expect(r.stderr).toContain(
      `amd64/conf/FULL:31:10: warning: option "SCSI_DELAY" redefined from 5000 to 6000\n` +
        `${source.replace(/\t/g, " ")}\n${" ".repeat(9)}^\n`,
    );
    const warnings = r.stderr.match(/^\S.*: warning: /gm) ?? [];
    expect(warnings.length).toBeGreaterThan(0);
    const plural = warnings.length === 1 ? "warning" : "warnings";
    expect(r.stderr.endsWith(`\n${warnings.length} ${plural} generated.\n`)).toBe(true);
    expect(r.stderr).not.toContain("\x1b[");
  });

  it("colours on a terminal, and not with NO_COLOR", async () => {
    const args = ["config", "--sys", fixtureSys, "--kernconf", "FULL"];
    const coloured = await runInProcess(args, true);
    expect(coloured.stderr).toContain("\x1b[1;35mwarning:\x1b[0m");
    const plain = await runInProcess(args, true, { NO_COLOR: "1" });
    expect(plain.stderr).not.toContain("\x1b[");
  });

  it("prints one JSON object per line with --error-format json, then the summary", async () => {
    const r = await runInProcess([
      "config",
      "--sys",
      fixtureSys,
      "--kernconf",
      "FULL",
      "--error-format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const lines = r.stderr
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const diagnostics = lines.filter((l) => l.kind === "diagnostic");
    expect(diagnostics).toContainEqual({
      kind: "diagnostic",
      severity: "warning",
      message: 'option "SCSI_DELAY" redefined from 5000 to 6000',
      file: "amd64/conf/FULL",
      line: 31,
      column: 10,
      sourceLine: lineOf(fullConfig, 31),
    });
    expect(lines[lines.length - 1]).toEqual({
      kind: "summary",
      errors: 0,
      warnings: diagnostics.length,
    });
  });

  it("reports errors as JSON with exit status 1, and usage errors as JSON with 2", async () => {
    const bad = await runInProcess([
      "config",
      "--sys",
      fixtureSys,
      "--kernconf",
      "ERR_QUOTE",
      "--error-format=json",
    ]);
    expect(bad.code).toBe(1);
    const lines = bad.stderr
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual(
      expect.objectContaining({ severity: "error", file: "amd64/conf/ERR_QUOTE", line: 3 }),
    );
    expect(lines[lines.length - 1]).toMatchObject({ kind: "summary", errors: 1 });

    const usage = await runInProcess(["config", "--error-format", "json"]);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toMatchObject({ kind: "usage-error" });
  });
});
