// The IR of the kpi wrapper against clang-19's own view of the same translation unit, for
// both kernel trees on amd64, i386 and arm64: declared names, type spellings, function
// signatures, record fields and bitfield widths.
import { beforeAll, expect, it } from "vitest";
import type { TranslationUnit } from "../../src/ir/index.js";
import { makePathResolver, parseTranslationUnitLenient } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";
import { describeWith, freebsdVersions, needClang, needTree } from "../support/environment.js";
import { clangView, diffMaps, ourView, type DeclView } from "./support/ast-compare.js";
import { kernelSetup, preprocessWrapper, wrapperAst, type OracleArch } from "./support/kernel-clang.js";

const arches: OracleArch[] = ["amd64", "i386", "arm64"];

for (const release of freebsdVersions) {
  for (const arch of arches) {
    describeWith([needClang(), needTree(release)], `kpi wrapper IR vs clang (${release} ${arch})`, () => {
      const cfg = { release, arch };
      let unit: TranslationUnit;
      let errors: string[];
      let clang: DeclView;
      let ours: DeclView;
      beforeAll(async () => {
        const [text, ast] = await Promise.all([preprocessWrapper(cfg), wrapperAst(cfg)]);
        const setup = kernelSetup(cfg);
        const result = parseTranslationUnitLenient(text, {
          target: arch,
          abi: getTarget(arch).abi,
          resolvePath: makePathResolver(setup.sys, setup.includeDirs),
        });
        unit = result.unit;
        errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
        clang = clangView(ast);
        ours = ourView(unit, arch === "amd64");
      });

      it("parses every declaration without errors", () => {
        expect(errors).toEqual([]);
        expect(unit.functions.length).toBeGreaterThan(1000);
      });

      it("has the same records, with the same fields and bitfield widths", () => {
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

      it("extracts every inline function definition and every file-scope _Static_assert", () => {
        expect(ours.definitions.size).toBeGreaterThan(200);
        expect([...ours.definitions].sort()).toEqual([...clang.definitions].sort());
        expect(ours.staticAsserts).toBe(clang.staticAsserts);
      });

      it("has the same variables with the same types", () => {
        expect(diffMaps("variable", clang.variables, ours.variables, (s) => s)).toEqual([]);
      });
    });
  }
}
