// Acceptance: kpi_wrapper.h and every tree header it reaches, each as its own translation
// unit, preprocess to exactly clang-19's tokens in both trees, for amd64, i386 and arm64, in
// kernel and module mode. A header clang cannot preprocess standalone must fail with us too,
// and our first error must be where clang's is (file, line and column).
//
// The trees have no conf/options tables yet, so there is no kernel configuration: every opt
// header (opt_global.h included) is empty. Kernel mode needs the build's offset.inc
// (sys/kpilite.h), which depends on struct thread's layout; the comparison uses a stand-in
// from fixtures/kernel-build/build-files, and a separate case checks that without it both
// preprocessors stop at the same #include.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { expect, it } from "vitest";
import { generatedBuildHeaders } from "../../src/preprocess/kernel-build/generated-headers.js";
import { RealFileCache } from "../../src/preprocess/kernel-build/overlay-files.js";
import { planKernelBuild } from "../../src/preprocess/kernel-build/plan.js";
import { preprocessInBuild } from "../../src/preprocess/kernel-build/run.js";
import {
  describeWith,
  freebsdVersions,
  kpiWrapper,
  needClang,
  needFile,
  needTree,
  repoRoot,
  sysTree,
} from "../support/environment.js";
import { buildConfigs, specFor } from "./support/builds.js";
import {
  clangPreprocess,
  compareHeader,
  reachedHeaders,
  type Verdict,
} from "./support/header-compare.js";

/** How many clang runs may be started ahead of the unit ours is working on. */
const CLANG_LOOKAHEAD = 4;
/** Generous: a configuration is a few hundred translation units on a 2-core machine. */
const CONFIG_TIMEOUT_MS = 600_000;

for (const release of freebsdVersions) {
  describeWith(
    [needClang(), needTree(release), needFile(kpiWrapper, "bench/kpi_wrapper.h")],
    `KPI headers preprocess like clang-19 -E (${release}; no conf/options: empty opt headers)`,
    () => {
      // One cache of the tree's files for all six configurations of this tree.
      const cache = new RealFileCache();
      const generated = generatedBuildHeaders(sysTree(release));
      const offsetInc = readFileSync(
        join(repoRoot, "fixtures/kernel-build/build-files/offset.inc"),
        "utf8",
      );
      const withOffsetInc = new Map([...generated, ["offset.inc", offsetInc]]);

      for (const config of buildConfigs(release)) {
        it(
          `${config.label}${config.mode === "kernel" ? " (offset.inc stand-in)" : ""}: kpi_wrapper.h and each header it reaches, token for token`,
          async () => {
            const started = performance.now();
            const generatedHeaders = config.mode === "kernel" ? withOffsetInc : generated;
            const plan = planKernelBuild(specFor(config, { generatedHeaders }), {
              fileCache: cache,
            });
            const verdicts = await plan.withClangLayout(async (layout) => {
              const headers = await reachedHeaders(layout, plan.spec.sysDir, kpiWrapper);
              expect(headers.length).toBeGreaterThan(100);
              const units = [kpiWrapper, ...headers];
              // clang runs a few units ahead (two at a time) while ours works on the current one.
              const clangRuns = units
                .slice(0, CLANG_LOOKAHEAD)
                .map((h) => clangPreprocess(layout, h));
              const results: Verdict[] = [];
              for (let i = 0; i < units.length; i++) {
                if (i + CLANG_LOOKAHEAD < units.length)
                  clangRuns.push(clangPreprocess(layout, units[i + CLANG_LOOKAHEAD]));
                results.push(await compareHeader(plan, layout, units[i], clangRuns[i]));
                delete clangRuns[i]; // let the output go once compared
              }
              return results;
            });
            const count = (kind: Verdict["kind"]) => verdicts.filter((v) => v.kind === kind).length;
            const seconds = ((performance.now() - started) / 1000).toFixed(1);
            process.stderr.write(
              `${config.label}: ${verdicts.length} translation units, ${count("same")} identical, ` +
                `${count("both-fail")} failing in both, ${count("different")} different (${seconds}s)\n`,
            );
            const report = verdicts
              .filter((v): v is Extract<Verdict, { kind: "different" }> => v.kind === "different")
              .map((v) => `${v.header}\n${v.detail}`)
              .join("\n\n");
            expect(report).toBe("");
          },
          CONFIG_TIMEOUT_MS,
        );
      }

      it(`${release} amd64 kernel without offset.inc: both stop at sys/kpilite.h's #include`, async () => {
        const config = buildConfigs(release).find(
          (c) => c.arch === "amd64" && c.mode === "kernel",
        )!;
        const plan = planKernelBuild(specFor(config, { generatedHeaders: generated }), {
          fileCache: cache,
        });
        const verdict = await plan.withClangLayout((layout) =>
          compareHeader(plan, layout, kpiWrapper),
        );
        if (release === "13.0") {
          expect(verdict.kind).toBe("both-fail");
          expect(() => preprocessInBuild(plan, kpiWrapper)).toThrow(
            /^sys\/kpilite\.h:33:10: error: .*offset\.inc/,
          );
        } else {
          // 11.0 predates sys/kpilite.h: nothing needs offset.inc.
          expect(verdict.kind).toBe("same");
        }
      });
    },
  );
}
