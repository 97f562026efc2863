// Public API of the kernel build layout: a build spec in, our preprocessor's setup and the
// equivalent clang command line out, plus running our preprocessor inside that build.
//
// Layout choices, in one place:
// - The build directory (`-I.`) is synthesized at BUILD_DIR: `machine/` and (x86) `x86/`
//   links into the tree, the opt headers, and the generated *_if.h / vnode_if*.h.
// - Locations in real files are shown relative to the tree, and a header reached through
//   a link shows as the real file (`amd64/include/param.h`, not `machine/param.h`), which
//   is the path a user can open. Generated files show as `<build>/opt_global.h`.
// - Without a kernel configuration every `opt_*.h` exists and is empty (kmod.mk's
//   behaviour for the opt headers a module lists); kernel mode also force-includes an
//   empty opt_global.h. With a configuration only the headers config(8) wrote exist.
export { BUILD_DIR, BUILD_DIR_DISPLAY } from "./build-directory.js";
export { createClangLayout, withClangLayout, type ClangLayout } from "./clang-layout.js";
export { KERNEL_C_STANDARD, parseDefineArgument, parseUndefineArgument } from "./compiler-flags.js";
export { formatDepfile } from "./depfile.js";
export { generatedBuildHeaders } from "./generated-headers.js";
export { copyTexts, LazyTexts } from "./lazy-texts.js";
export { BuildFileSystem, RealFileCache } from "./overlay-files.js";
export {
  planKernelBuild,
  type KernelBuildPlan,
  type PlanOptions,
  type PreprocessorSetup,
} from "./plan.js";
export { readTreeRelease } from "./release.js";
export {
  preprocessInBuild,
  releasePreprocessor,
  type BuildPreprocessResult,
  type RunOptions,
} from "./run.js";
export type * from "./types.js";
