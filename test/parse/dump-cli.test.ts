// `kpi-bindgen dump`: deterministic JSON, compiler-style errors, no output on failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeWith, kpiWrapper, needTree, repoRoot, sysTree } from "../support/environment.js";
import { asPreprocessed, loadFixtures } from "./support/fixtures.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");
const dir = mkdtempSync(join(tmpdir(), "kpi-dump-"));
const fixtures = new Map(loadFixtures().map((f) => [f.name, f]));

function preprocessedFixture(name: string): string {
  const path = join(dir, `${name}.i`);
  writeFileSync(path, asPreprocessed(fixtures.get(name)!));
  return path;
}

function dump(args: string[]) {
  return spawnSync(bin, ["dump", ...args], { encoding: "utf8", cwd: repoRoot });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kpi-bindgen dump", () => {
  it("prints the IR as JSON, byte-identical across runs", () => {
    const input = preprocessedFixture("records");
    const a = dump(["--preprocessed", input, "--arch", "amd64", "--json"]);
    const b = dump(["--preprocessed", input, "--arch", "amd64", "--json"]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const unit = JSON.parse(a.stdout);
    expect(unit.target).toBe("amd64");
    expect(unit.records.map((r: { id: string }) => r.id)).toContain("struct outer::anon1");
  });

  it("evaluates the macro table it is given", () => {
    const input = preprocessedFixture("enums");
    const table = join(dir, "macros.h");
    writeFileSync(table, '#define TWICE_S6 (S6 * 2)\n#define NAME "kpi"\n#define F(x) ((x) + 1)\n');
    const r = dump(["--preprocessed", input, "--arch", "i386", "--json", "--macros", table]);
    expect(r.status).toBe(0);
    const { macros } = JSON.parse(r.stdout);
    expect(macros.constants).toMatchObject([
      { kind: "string", name: "NAME", value: "kpi" },
      { kind: "integer", name: "TWICE_S6", value: "12", type: "int" },
    ]);
    expect(macros.functionLike).toMatchObject([{ name: "F", params: ["x"], body: "((x) + 1)" }]);
  });

  it("reports bad input compiler-style, exits 1 and writes nothing", () => {
    const out = join(dir, "never.json");
    const r = dump([
      "--preprocessed",
      preprocessedFixture("bad-syntax"),
      "--arch",
      "amd64",
      "--json",
      "-o",
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "fixtures/parse/bad-syntax.c:4:7: error: syntax error: expected ';'",
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("writes the output file atomically when it succeeds", () => {
    const out = join(dir, "ok.json");
    const r = dump([
      "--preprocessed",
      preprocessedFixture("variables"),
      "--arch",
      "arm64",
      "--json",
      "-o",
      out,
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).variables.length).toBe(9);
  });

  it("names a missing input and an unknown target", () => {
    expect(dump(["--preprocessed", join(dir, "nope.i"), "--arch", "amd64"]).stderr).toMatch(
      /error: preprocessed file not found/,
    );
    const r = dump(["--preprocessed", preprocessedFixture("enums"), "--arch", "vax"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown target 'vax'|vax/);
  });
});

describeWith([needTree("13.0")], "kpi-bindgen dump through the whole front end", () => {
  it("builds, preprocesses and parses the kpi wrapper with our own stages", () => {
    const out = join(dir, "kpi.json");
    const r = spawnSync(
      bin,
      [
        "dump",
        "--sys",
        sysTree("13.0"),
        "--header",
        kpiWrapper,
        "--arch",
        "amd64",
        "--json",
        "-o",
        out,
      ],
      { encoding: "utf8", cwd: repoRoot },
    );
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.status).toBe(0);
    const unit = JSON.parse(readFileSync(out, "utf8"));
    expect(unit.functions.length).toBeGreaterThan(2000);
    // With the layout stage in the pipeline, no macro waits for record layout.
    expect(
      unit.macros.other.filter((o: { reason: string }) => o.reason === "needs record layout"),
    ).toEqual([]);
    expect(unit.staticAsserts.every((a: { holds: boolean }) => a.holds)).toBe(true);
  });

  it("needs --sys for --header, and exactly one input", () => {
    const r = dump(["--header", kpiWrapper, "--arch", "amd64"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--header needs --sys/);
    expect(dump(["--arch", "amd64"]).stderr).toMatch(
      /give --preprocessed FILE, or --sys DIR with --header FILE/,
    );
  });
});
