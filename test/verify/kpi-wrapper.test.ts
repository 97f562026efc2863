// The acceptance workload: every record reachable from the 56-header KPI wrapper, through
// the whole pipeline (our preprocessor in the kernel build layout, our parser, our layout),
// must match clang-19 compiling the same wrapper in the same build, in both trees, for
// amd64, i386 and arm64, in kernel and module mode.
import { expect, it } from "vitest";
import type { BuildMode } from "../../src/preprocess/kernel-build/index.js";
import type { TargetName } from "../../src/targets/index.js";
import {
  formatVerifyReport,
  openConfiguration,
  verifyLayouts,
  type VerifyReport,
} from "../../src/verify/index.js";
import {
  clangCommand,
  describeWith,
  freebsdVersions,
  kpiWrapper,
  needClang,
  needFile,
  needTree,
  sysTree,
  type FreeBSDRelease,
} from "../support/environment.js";

const arches: TargetName[] = ["amd64", "i386", "arm64"];
const modes: BuildMode[] = ["kernel", "module"];

async function verifyWrapper(
  release: FreeBSDRelease,
  arch: TargetName,
  mode: BuildMode,
): Promise<VerifyReport> {
  // The same input side as `kpi-bindgen verify --sys`: kernel mode of 13.0 gets an
  // offset.inc generated from our layout of struct thread.
  const config = await openConfiguration({
    file: kpiWrapper,
    arch,
    sys: sysTree(release),
    mode,
    defines: [],
    undefines: [],
    includeDirs: [],
    compiler: clangCommand,
  });
  try {
    return await verifyLayouts({ ...config, compiler: clangCommand });
  } finally {
    config.dispose();
  }
}

for (const release of freebsdVersions) {
  describeWith(
    [needClang(), needTree(release), needFile(kpiWrapper, "bench/kpi_wrapper.h")],
    `KPI wrapper layouts match clang-19 (FreeBSD ${release})`,
    () => {
      for (const arch of arches) {
        for (const mode of modes) {
          it(`${arch}, ${mode} mode`, async () => {
            const report = await verifyWrapper(release, arch, mode);
            const summary = formatVerifyReport(report, `${release} ${arch} ${mode}`);
            expect(summary).toBe(
              `${release} ${arch} ${mode}: ${report.recordsChecked} records checked, ` +
                `${report.fieldsChecked} fields checked, 0 mismatches\n`,
            );
            // The wrapper reaches hundreds of records (struct proc, mbuf, ifnet, ...).
            expect(report.recordsChecked).toBeGreaterThan(300);
            expect(report.fieldsChecked).toBeGreaterThan(2000);
          });
        }
      }
    },
  );
}
