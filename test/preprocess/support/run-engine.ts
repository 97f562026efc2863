// Runs the engine the way the oracle tests run clang: a disk-backed file provider, clang's
// predefined macros for the target, then -D/-U flags in order.
import { existsSync, readFileSync, statSync } from "node:fs";
import {
  preprocess,
  renderPreprocessed,
  type FileProvider,
  type PreprocessOptions,
  type PreprocessResult,
} from "../../../src/preprocess/index.js";
import { clangPredefines, commandLineDefines, defaultTarget } from "./clang-oracle.js";

export const diskFiles: FileProvider = {
  readFile(path) {
    try {
      return readFileSync(path, "latin1");
    } catch {
      return undefined;
    }
  },
  isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
};

/** Splits clang-style flags into engine options (-I, -iquote, -isystem, -include, -D/-U). */
export function optionsFromFlags(
  flags: string[],
): Pick<PreprocessOptions, "includeDirs" | "quoteDirs" | "systemDirs" | "forcedIncludes"> {
  const includeDirs: string[] = [];
  const quoteDirs: string[] = [];
  const systemDirs: string[] = [];
  const forcedIncludes: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    const take = (prefix: string, list: string[]) => {
      if (!f.startsWith(prefix)) return false;
      list.push(f.length > prefix.length ? f.slice(prefix.length) : flags[++i]!);
      return true;
    };
    if (
      take("-iquote", quoteDirs) ||
      take("-isystem", systemDirs) ||
      take("-include", forcedIncludes)
    )
      continue;
    take("-I", includeDirs);
  }
  return { includeDirs, quoteDirs, systemDirs, forcedIncludes };
}

export async function runEngine(
  mainFile: string,
  flags: string[],
  extra: Partial<PreprocessOptions> = {},
  target = defaultTarget,
): Promise<PreprocessResult> {
  const predefines = (await clangPredefines(target, flags)) + commandLineDefines(flags);
  const std = flags.find((f) => f.startsWith("-std="));
  const year = std ? Number(/(\d+)$/.exec(std)?.[1] ?? 17) : 17;
  const cStandard = year < 50 ? 2000 + year : 1900 + year;
  return preprocess({
    files: diskFiles,
    mainFile,
    predefines,
    cStandard,
    ...optionsFromFlags(flags),
    ...extra,
  });
}

export function renderP(result: PreprocessResult): string {
  return renderPreprocessed(result, { lineMarkers: false });
}
