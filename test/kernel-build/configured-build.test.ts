// A build with a kernel configuration: the config stage's opt headers (from its fixture
// tree, whose option tables the project wrote) laid into the 13.0 tree's build. The KPI
// wrapper must still preprocess to clang's tokens, and the configuration must show.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadKernelConfig } from "../../src/kernconf/index.js";
import { planKernelBuild } from "../../src/preprocess/kernel-build/plan.js";
import { preprocessInBuild } from "../../src/preprocess/kernel-build/run.js";
import {
  describeWith,
  kpiWrapper,
  needClang,
  needFile,
  needTree,
  repoRoot,
} from "../support/environment.js";
import { specFor } from "./support/builds.js";
import { compareHeader } from "./support/header-compare.js";

const kernconfTree = join(repoRoot, "fixtures/kernconf/tree/sys");
const offsetInc = join(repoRoot, "fixtures/kernel-build/build-files/offset.inc");

describeWith(
  [
    needClang(),
    needTree("13.0"),
    needFile(kpiWrapper, "bench/kpi_wrapper.h"),
    needFile(join(kernconfTree, "conf/options"), "kernconf fixture tables"),
  ],
  "build with a kernel configuration's opt headers (kernconf fixture FULL on the 13.0 tree)",
  () => {
    const config = loadKernelConfig({ sysDir: kernconfTree, kernconf: "FULL", arch: "amd64" });
    const optionHeaders = new Map(Object.entries(config.resolved.headers));
    const generatedHeaders = new Map([["offset.inc", readFileSync(offsetInc, "utf8")]]);

    for (const mode of ["kernel", "module"] as const) {
      it(`amd64 ${mode}: kpi_wrapper.h matches clang-19 and sees the configuration`, async () => {
        expect(optionHeaders.get("opt_global.h")).toContain("#define KTR");
        const base = { release: "13.0", arch: "amd64", mode, label: "" } as const;
        const plan = planKernelBuild(specFor(base, { optionHeaders, generatedHeaders }));
        const verdict = await plan.withClangLayout((layout) =>
          compareHeader(plan, layout, kpiWrapper),
        );
        expect(verdict).toEqual({ kind: "same", header: kpiWrapper });

        // opt_global.h is forced in: KTR (a kernel option) reaches sys/ktr.h.
        const configured = preprocessInBuild(plan, kpiWrapper).result;
        expect(
          configured.includes.some((e) => e.kind === "forced" && e.to === "<build>/opt_global.h"),
        ).toBe(true);
        const ktr = configured.macros.find((m) => m.name === "KTR");
        expect(ktr?.body).toBe("0x10");
        const unconfigured = preprocessInBuild(
          planKernelBuild(specFor(base, { generatedHeaders })),
          kpiWrapper,
        );
        expect(
          unconfigured.result.macros.find((m) => m.name === "KTR" && m.defined),
        ).toBeUndefined();
      });
    }
  },
);
