// The IR of the kpi wrapper against clang-19's own view of the same translation unit, for
// both kernel trees on amd64, i386 and arm64: declared names, type spellings, function
// signatures, record fields and bitfield widths.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DeclLocation, TranslationUnit } from "../../src/ir/index.js";
import {
  makePathResolver,
  parseTranslationUnitLenient,
  unitToJson,
} from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";
import { describeWith, freebsdVersions, needClang, needTree } from "../support/environment.js";
import {
  clangDeclLocations,
  clangView,
  diffMaps,
  ourView,
  type DeclView,
} from "./support/ast-compare.js";
import {
  kernelSetup,
  removeKernelSetups,
  preprocessWrapper,
  wrapperAst,
  type ClangNode,
  type OracleArch,
} from "./support/kernel-clang.js";

const arches: OracleArch[] = ["amd64", "i386", "arm64"];

afterAll(removeKernelSetups);

for (const release of freebsdVersions) {
  for (const arch of arches) {
    describeWith(
      [needClang(), needTree(release)],
      `kpi wrapper IR vs clang (${release} ${arch})`,
      () => {
        const cfg = { release, arch };
        let unit: TranslationUnit;
        let errors: string[];
        let clang: DeclView;
        let ours: DeclView;
        let ast: ClangNode;
        beforeAll(async () => {
          let text: string;
          [text, ast] = await Promise.all([preprocessWrapper(cfg), wrapperAst(cfg)]);
          const setup = kernelSetup(cfg);
          const result = parseTranslationUnitLenient(text, {
            target: arch,
            abi: getTarget(arch).abi,
            resolvePath: makePathResolver(setup.sys, setup.includeDirs),
          });
          unit = result.unit;
          errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
          clang = clangView(ast, getTarget(arch).abi.maxAlign);
          ours = ourView(unit, arch === "amd64");
        });

        it("gives byte-identical JSON when parsed again", async () => {
          const setup = kernelSetup(cfg);
          const again = parseTranslationUnitLenient(await preprocessWrapper(cfg), {
            target: arch,
            abi: getTarget(arch).abi,
            resolvePath: makePathResolver(setup.sys, setup.includeDirs),
          });
          expect(unitToJson(again.unit)).toBe(unitToJson(unit));
        });

        it("parses every declaration without errors", () => {
          expect(errors).toEqual([]);
          expect(unit.functions.length).toBeGreaterThan(1000);
        });

        it("has the same records, with the same fields, bitfield widths, packed and aligned attributes", () => {
          expect(diffMaps("record", clang.records, ours.records)).toEqual([]);
        });

        it("has the same enums", () => {
          expect([...ours.enums].sort()).toEqual([...clang.enums].sort());
        });

        it("has the same typedefs with the same types", () => {
          expect(diffMaps("typedef", clang.typedefs, ours.typedefs, (s) => s)).toEqual([]);
        });

        it("has the same functions with the same signatures", () => {
          expect(diffMaps("function", clang.functions, ours.functions, (s) => s)).toEqual([]);
        });

        it("has the same noreturn and format attributes on functions", () => {
          expect([...ours.noreturn].sort()).toEqual([...clang.noreturn].sort());
          expect([...ours.formatted].sort()).toEqual([...clang.formatted].sort());
          expect(ours.formatted.size).toBeGreaterThan(20);
        });

        it("extracts every inline function definition and every file-scope _Static_assert", () => {
          expect(ours.definitions.size).toBeGreaterThan(200);
          expect([...ours.definitions].sort()).toEqual([...clang.definitions].sort());
          expect(ours.staticAsserts).toBe(clang.staticAsserts);
        });

        it("locates every record, function and typedef where clang does, by kernel path and header", () => {
          const setup = kernelSetup(cfg);
          const resolvePath = makePathResolver(setup.sys, setup.includeDirs);
          const expected = new Map<string, string>();
          for (const [name, loc] of clangDeclLocations(ast))
            expected.set(name, `${resolvePath(loc.file).file}:${loc.line}`);
          const actual = new Map<string, string>();
          const misplaced: string[] = [];
          const add = (name: string, loc: DeclLocation) => {
            actual.set(name, `${loc.file}:${loc.line}`);
            const viaMachine = loc.header.startsWith("machine/");
            if (viaMachine !== loc.file.startsWith(`${arch}/include/`))
              misplaced.push(`${name}: header ${loc.header} for ${loc.file}`);
          };
          for (const r of unit.records)
            if (r.complete && r.tag) add(`${r.kind} ${r.tag}`, r.location);
          for (const f of unit.functions) add(f.name, f.location);
          for (const t of unit.typedefs) add(t.name, t.location);
          expect(expected.size).toBeGreaterThan(2000);
          expect(diffMaps("location", expected, actual, (s) => s)).toEqual([]);
          expect(misplaced).toEqual([]);
        });

        it("has the same variables with the same types", () => {
          expect(diffMaps("variable", clang.variables, ours.variables, (s) => s)).toEqual([]);
        });
      },
    );
  }
}
