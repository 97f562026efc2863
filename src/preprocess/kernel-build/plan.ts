// One build spec in, both ways of preprocessing it out: the setup for our preprocessor and
// the clang command line (with its temporary layout) that sees exactly the same build.
import { existsSync, statSync } from "node:fs";
import { fail } from "../../diagnostics/index.js";
import { predefinedMacros } from "../../targets/predefined/index.js";
import type { FreeBSDRelease, MacroDefinition } from "../../targets/types.js";
import { BUILD_DIR, buildDirectory, treeIncludeDirs } from "./build-directory.js";
import { createClangLayout, withClangLayout, type ClangLayout } from "./clang-layout.js";
import { buildFlags } from "./compiler-flags.js";
import { BuildFileSystem, RealFileCache } from "./overlay-files.js";
import { applyGenericFlagEffects, predefinesText } from "./predefines.js";
import { readTreeRelease } from "./release.js";
import type { BuildDirectory, BuildFlags, KernelBuildSpec } from "./types.js";

/** What our preprocessor needs, independent of how its options object is spelled. */
export interface PreprocessorSetup {
  files: BuildFileSystem;
  /** Angle and quote search path, in order: `<build>`, the tree, ck, then user -I. */
  includeDirs: string[];
  /** Searched for `#include "..."` before includeDirs (after the includer's directory). */
  quoteDirs: string[];
  /** Builtin macros, then -D/-U, as one text. */
  predefines: string;
  /** `-include` files, as paths in the build directory. */
  forcedIncludes: string[];
  displayPath: (path: string) => string;
}

export interface KernelBuildPlan {
  spec: KernelBuildSpec;
  release: FreeBSDRelease;
  flags: BuildFlags;
  buildDirectory: BuildDirectory;
  /** The real directories after the build directory (tree, contrib/ck/include, ...). */
  treeIncludeDirs: string[];
  preprocessor: PreprocessorSetup;
  /** Creates clang's temporary layout; the caller disposes of it. */
  createClangLayout(): ClangLayout;
  /** Runs `body` with clang's layout, removing it afterwards. */
  withClangLayout<T>(body: (layout: ClangLayout) => Promise<T> | T): Promise<T>;
}

export interface PlanOptions {
  /** Shared between plans over the same tree so files are read once. */
  fileCache?: RealFileCache;
}

/** The builtin macros of the build's compiler line, before any -D/-U. */
export function builtinMacros(
  spec: KernelBuildSpec,
  release: FreeBSDRelease,
  flags: BuildFlags,
): MacroDefinition[] {
  const base = predefinedMacros(spec.target, { release, std: flags.dialect, kernelFlags: true });
  return applyGenericFlagEffects(base, flags.codegen);
}

/** A tree without the target's machine headers cannot build for it; say so up front. */
function requireLinkTargets(directory: BuildDirectory, spec: KernelBuildSpec): void {
  for (const [name, dir] of directory.aliases) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      fail(
        `the kernel tree has no ${name}/ headers for ${spec.target.name}: ${dir} does not exist`,
      );
    }
  }
}

export function planKernelBuild(spec: KernelBuildSpec, options: PlanOptions = {}): KernelBuildPlan {
  const release = spec.release ?? readTreeRelease(spec.sysDir);
  const flags = buildFlags(spec, release);
  const directory = buildDirectory(spec);
  requireLinkTargets(directory, spec);
  const treeDirs = treeIncludeDirs(spec.sysDir, spec.target, spec.mode);
  const files = new BuildFileSystem(directory, spec.sysDir, options.fileCache);
  const layoutInput = {
    buildDirectory: directory,
    flags,
    treeIncludeDirs: treeDirs,
    sysDir: spec.sysDir,
  };
  return {
    spec,
    release,
    flags,
    buildDirectory: directory,
    treeIncludeDirs: treeDirs,
    preprocessor: {
      files,
      includeDirs: [BUILD_DIR, ...treeDirs, ...flags.userIncludeDirs],
      quoteDirs: [],
      predefines: predefinesText(builtinMacros(spec, release, flags), flags),
      forcedIncludes: flags.forcedIncludes.map((name) => `${BUILD_DIR}/${name}`),
      displayPath: (path) => files.displayPath(path),
    },
    createClangLayout: () => createClangLayout(layoutInput),
    withClangLayout: (body) => withClangLayout(layoutInput, body),
  };
}
