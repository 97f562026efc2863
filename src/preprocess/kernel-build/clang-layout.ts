// The same build layout for clang, which only reads real files: a temporary directory
// with the `machine`/`x86` symlinks and the generated headers written out. The verify stage
// and every oracle test run clang through this, so both see the build our preprocessor sees.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { macroFlagArgument } from "./compiler-flags.js";
import type { BuildDirectory, BuildFlags } from "./types.js";

export interface ClangLayout {
  /** The temporary build directory (clang's `-I.`). */
  buildDir: string;
  /** Every argument but the input file and the action (-E, -fsyntax-only, ...). */
  args: string[];
  /** Removes the temporary directory; safe to call twice. */
  dispose(): void;
}

const INCLUDE_OPT_HEADER = /^[ \t]*#[ \t]*include[ \t]*"(opt_[A-Za-z0-9_]+\.h)"/gm;
const optionHeaderNamesCache = new Map<string, string[]>();

/**
 * Every `opt_*.h` the headers of `dirs` include, sorted. clang cannot make a file appear on
 * demand, so where the build serves any opt header empty, these are written out empty.
 */
export function referencedOptionHeaders(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    let cached = optionHeaderNamesCache.get(dir);
    if (!cached) {
      const found = new Set<string>();
      scanHeaders(dir, found);
      cached = [...found].sort();
      optionHeaderNamesCache.set(dir, cached);
    }
    for (const name of cached) names.add(name);
  }
  return [...names].sort();
}

function scanHeaders(dir: string, found: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) scanHeaders(path, found);
    else if (entry.name.endsWith(".h")) {
      const text = readFileSync(path, "latin1");
      if (!text.includes("opt_")) continue;
      for (const m of text.matchAll(INCLUDE_OPT_HEADER)) found.add(m[1]);
    }
  }
}

export interface ClangLayoutInput {
  buildDirectory: BuildDirectory;
  flags: BuildFlags;
  /** Directories after the build directory: the tree, contrib/ck/include, ... */
  treeIncludeDirs: string[];
  /** Where the build's sources live, to find the opt headers to write out empty. */
  sysDir: string;
}

/** Creates the temporary layout. The caller must `dispose()` it (see withClangLayout). */
export function createClangLayout(input: ClangLayoutInput): ClangLayout {
  const root = mkdtempSync(join(tmpdir(), "kpi-bindgen-build-"));
  const buildDir = join(root, "build");
  const dispose = () => rmSync(root, { recursive: true, force: true });
  try {
    mkdirSync(buildDir);
    const { files, aliases, emptyOptHeaders } = input.buildDirectory;
    for (const [name, realDir] of aliases) symlinkSync(realDir, join(buildDir, name), "dir");
    if (emptyOptHeaders) {
      for (const name of referencedOptionHeaders([input.sysDir, ...input.flags.userIncludeDirs])) {
        if (!files.has(name)) writeFileSync(join(buildDir, name), "");
      }
    }
    for (const [name, text] of files) writeFileSync(join(buildDir, name), text);
  } catch (e) {
    dispose();
    throw e;
  }
  const args = compilerArguments(input.flags, [buildDir, ...input.treeIncludeDirs], buildDir);
  return { buildDir, args, dispose };
}

/**
 * The clang arguments for `flags` with the given build include directories (user -I dirs
 * follow them), `-include` files taken from `forcedIncludeDir`.
 */
export function compilerArguments(
  flags: BuildFlags,
  includeDirs: readonly string[],
  forcedIncludeDir: string,
): string[] {
  return [
    `--target=${flags.triple}`,
    "-x",
    "c",
    `-std=${flags.cStandard}`,
    "-nostdinc",
    ...flags.codegen,
    ...[...includeDirs, ...flags.userIncludeDirs].map((dir) => `-I${dir}`),
    ...flags.macros.map(macroFlagArgument),
    ...flags.forcedIncludes.flatMap((name) => ["-include", join(forcedIncludeDir, name)]),
  ];
}

/** Runs `body` with a layout and removes the layout afterwards, whatever happens. */
export async function withClangLayout<T>(
  input: ClangLayoutInput,
  body: (layout: ClangLayout) => Promise<T> | T,
): Promise<T> {
  const layout = createClangLayout(input);
  try {
    return await body(layout);
  } finally {
    layout.dispose();
  }
}
