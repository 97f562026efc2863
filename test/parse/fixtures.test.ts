// Each construct the front end must handle, in a small C file with its expected IR written
// by hand (fixtures/parse/*.expected.json), and the same files compared with clang-19's AST.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/index.js";
import type { TranslationUnit } from "../../src/ir/index.js";
import { parseTranslationUnitLenient, unitToJson } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";
import { clangCommand, describeWith, needClang, repoRoot } from "../support/environment.js";
import { clangView, diffMaps, ourView, type ClangNodeLike } from "./support/ast-compare.js";
import { asPreprocessed, loadFixtures, type Fixture } from "./support/fixtures.js";

const run = promisify(execFile);
const fixtures = loadFixtures();

function parseFixture(f: Fixture) {
  return parseTranslationUnitLenient(asPreprocessed(f), {
    target: f.expected.target,
    abi: getTarget("amd64").abi,
  });
}

type Keyed = "records" | "enums" | "typedefs" | "functions" | "variables";

function keyed(unit: TranslationUnit, kind: Keyed): Map<string, object> {
  switch (kind) {
    case "records":
      return new Map(unit.records.map((r) => [r.id, r]));
    case "enums":
      return new Map(unit.enums.map((e) => [e.id, e]));
    case "typedefs":
      return new Map(unit.typedefs.map((t) => [t.name, t]));
    case "functions":
      return new Map(unit.functions.map((f) => [f.name, f]));
    case "variables":
      return new Map(unit.variables.map((v) => [v.name, v]));
  }
}

describe("front-end fixtures", () => {
  it("has fixtures for every construct family", () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        "records",
        "enums",
        "typedefs",
        "functions",
        "variables",
        "static-assert",
        "bad-syntax",
      ]),
    );
  });

  for (const f of fixtures) {
    describe(f.name, () => {
      it("reports exactly the expected diagnostics", () => {
        const { diagnostics } = parseFixture(f);
        expect(diagnostics.map(formatDiagnostic)).toEqual(f.expected.diagnostics);
      });

      for (const kind of ["records", "enums", "typedefs", "functions", "variables"] as const) {
        const want = f.expected[kind];
        if (!want) continue;
        it(`declares exactly the expected ${kind}, with the expected contents`, () => {
          const got = keyed(parseFixture(f).unit, kind);
          expect([...got.keys()].sort()).toEqual(Object.keys(want).sort());
          for (const [key, partial] of Object.entries(want))
            expect(got.get(key), key).toMatchObject(partial);
        });
      }

      if (f.expected.staticAsserts) {
        it("evaluates its static assertions", () => {
          expect(parseFixture(f).unit.staticAsserts).toMatchObject(f.expected.staticAsserts!);
        });
      }

      it("dumps byte-identical JSON on every run", () => {
        expect(unitToJson(parseFixture(f).unit)).toBe(unitToJson(parseFixture(f).unit));
      });
    });
  }
});

describeWith([needClang()], "front-end fixtures vs clang-19", () => {
  const args = [
    "--target=x86_64-unknown-freebsd13.0",
    "-ffreestanding",
    "-std=gnu99",
    "-fsyntax-only",
    "-Wno-everything",
  ];
  for (const f of fixtures) {
    const bad = f.expected.diagnostics.some((d) => d.includes(": error: "));
    it(`${f.name}: clang ${bad ? "rejects it too" : "sees the same declarations"}`, async () => {
      const r = await run(clangCommand, [...args, "-Xclang", "-ast-dump=json", f.relPath], {
        cwd: repoRoot,
        maxBuffer: 1 << 28,
      }).then(
        (ok) => ({ ok: true, stdout: ok.stdout }),
        (e: { stdout?: string }) => ({ ok: false, stdout: e.stdout ?? "" }),
      );
      expect(r.ok).toBe(!bad);
      if (bad) return;
      const clang = clangView(
        JSON.parse(r.stdout) as ClangNodeLike,
        getTarget("amd64").abi.maxAlign,
      );
      const ours = ourView(parseFixture(f).unit, true);
      expect([
        ...diffMaps("record", clang.records, ours.records),
        ...diffMaps("typedef", clang.typedefs, ours.typedefs, (s) => s),
        ...diffMaps("function", clang.functions, ours.functions, (s) => s),
        ...diffMaps("variable", clang.variables, ours.variables, (s) => s),
      ]).toEqual([]);
      expect([...ours.enums].sort()).toEqual([...clang.enums].sort());
      expect(ours.staticAsserts).toBe(clang.staticAsserts);
      expect([...ours.noreturn].sort()).toEqual([...clang.noreturn].sort());
      expect([...ours.formatted].sort()).toEqual([...clang.formatted].sort());
    });
  }
});
