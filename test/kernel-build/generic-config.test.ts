// The KPI wrapper under each tree's real GENERIC configuration, once the trees carry the
// conf/options tables config(8) reads. Until then this suite skips and names the missing
// file (in CI too: the tables are documented as not there yet).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadKernelConfig } from "../../src/kernconf/index.js";
import { getTarget } from "../../src/targets/index.js";
import { generatedBuildHeaders } from "../../src/preprocess/kernel-build/generated-headers.js";
import { planKernelBuild } from "../../src/preprocess/kernel-build/plan.js";
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
import { compareHeader } from "./support/header-compare.js";

for (const release of freebsdVersions) {
  const sys = sysTree(release);
  describeWith(
    [
      needClang(),
      needTree(release),
      needFile(kpiWrapper, "bench/kpi_wrapper.h"),
      needFile(join(sys, "conf/options"), `${release}/sys/conf/options`, true),
    ],
    `KPI wrapper under GENERIC preprocesses like clang-19 (${release})`,
    () => {
      for (const config of buildConfigs(release)) {
        it(`${config.label} with GENERIC's opt headers`, async () => {
          const loaded = loadKernelConfig({
            sysDir: sys,
            kernconf: "GENERIC",
            arch: getTarget(config.arch).machine,
          });
          expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          const generatedHeaders = generatedBuildHeaders(sys);
          if (config.mode === "kernel") {
            // offset.inc needs struct thread's layout; see build-files/offset.inc.
            const standIn = join(repoRoot, "fixtures/kernel-build/build-files/offset.inc");
            generatedHeaders.set("offset.inc", readFileSync(standIn, "utf8"));
          }
          const plan = planKernelBuild(
            specFor(config, {
              optionHeaders: new Map(Object.entries(loaded.resolved.headers)),
              generatedHeaders,
            }),
          );
          const verdict = await plan.withClangLayout((layout) =>
            compareHeader(plan, layout, kpiWrapper),
          );
          expect(verdict).toEqual({ kind: "same", header: kpiWrapper });
        });
      }
    },
  );
}
