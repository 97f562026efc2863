// The build configurations the kernel-build suites run: both trees, the three
// architectures the trees carry machine headers for, kernel and module mode.
import { getTarget } from "../../../src/targets/index.js";
import type { TargetName } from "../../../src/targets/types.js";
import type { BuildMode, KernelBuildSpec } from "../../../src/preprocess/kernel-build/types.js";
import { sysTree, type FreeBSDRelease } from "../../support/environment.js";

export const treeArchs: readonly TargetName[] = ["amd64", "i386", "arm64"];
export const buildModes: readonly BuildMode[] = ["kernel", "module"];

export interface BuildConfig {
  release: FreeBSDRelease;
  arch: TargetName;
  mode: BuildMode;
  /** e.g. "13.0 amd64 module". */
  label: string;
}

export function buildConfigs(release: FreeBSDRelease): BuildConfig[] {
  return treeArchs.flatMap((arch) =>
    buildModes.map((mode) => ({ release, arch, mode, label: `${release} ${arch} ${mode}` })),
  );
}

/** A spec without a kernel configuration (the trees have no conf/options tables yet). */
export function specFor(
  config: BuildConfig,
  extra: Partial<KernelBuildSpec> = {},
): KernelBuildSpec {
  return {
    sysDir: sysTree(config.release),
    target: getTarget(config.arch),
    mode: config.mode,
    user: { macros: [], includeDirs: [] },
    ...extra,
  };
}
