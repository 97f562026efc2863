// Every fixture under fixtures/kernel-build/ preprocesses to clang's tokens in each build
// configuration of the 13.0 tree. The expected output is clang's, computed here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ClangLayout } from "../../src/preprocess/kernel-build/clang-layout.js";
import { generatedBuildHeaders } from "../../src/preprocess/kernel-build/generated-headers.js";
import { RealFileCache } from "../../src/preprocess/kernel-build/overlay-files.js";
import { planKernelBuild, type KernelBuildPlan } from "../../src/preprocess/kernel-build/plan.js";
import { describeWith, needClang, needTree, repoRoot, sysTree } from "../support/environment.js";
import { buildConfigs, specFor } from "./support/builds.js";
import { compareHeader } from "./support/header-compare.js";

const fixtureDir = join(repoRoot, "fixtures", "kernel-build");
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".h"))
  .sort();

describeWith(
  [needClang(), needTree("13.0")],
  "kernel-build fixtures preprocess like clang-19",
  () => {
    const builds: { plan: KernelBuildPlan; layout: ClangLayout; label: string }[] = [];
    beforeAll(() => {
      const cache = new RealFileCache();
      const generated = generatedBuildHeaders(sysTree("13.0"));
      const offsetInc = readFileSync(join(fixtureDir, "build-files/offset.inc"), "utf8");
      for (const config of buildConfigs("13.0")) {
        // Kernel mode reads offset.inc (sys/kpilite.h); see build-files/offset.inc.
        const generatedHeaders = new Map(generated);
        if (config.mode === "kernel") generatedHeaders.set("offset.inc", offsetInc);
        const plan = planKernelBuild(
          specFor(config, { generatedHeaders, user: { macros: [], includeDirs: [fixtureDir] } }),
          { fileCache: cache },
        );
        builds.push({ plan, layout: plan.createClangLayout(), label: config.label });
      }
    });
    afterAll(() => builds.forEach((b) => b.layout.dispose()));

    it("has fixtures", () => expect(fixtures.length).toBeGreaterThan(0));

    for (const fixture of fixtures) {
      it(fixture, async () => {
        const problems: string[] = [];
        for (const { plan, layout, label } of builds) {
          const verdict = await compareHeader(plan, layout, join(fixtureDir, fixture));
          if (verdict.kind !== "same")
            problems.push(
              `${label}: ${verdict.kind === "different" ? verdict.detail : "both fail"}`,
            );
        }
        expect(problems.join("\n\n")).toBe("");
      });
    }
  },
);
