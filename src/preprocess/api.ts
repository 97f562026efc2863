// The public shapes of the preprocessor: what callers pass in and what they get back.
import type { Diagnostic, SourceLocation } from "../diagnostics/index.js";
import type { LexedFile } from "./lexed-file.js";
import type { PPToken } from "./tokens.js";

export type { PPToken, TokenKind } from "./tokens.js";

export interface FileProvider {
  /** Contents of the file at an absolute path, or undefined if there is none. */
  readFile(path: string): string | undefined;
  /** Whether a directory exists (include search skips missing dirs). Optional. */
  isDirectory?(path: string): boolean;
  /**
   * The file a path really names (symlinks resolved), so that #pragma once and include
   * guards see one file under two names, as clang does. Optional: paths are identities.
   */
  realPath?(path: string): string;
  /**
   * Size of a file in bytes, or undefined if unknown. Optional: with it, a file over
   * maxFileSize is refused without being read.
   */
  fileSize?(path: string): number | undefined;
  /**
   * Where the lexed form of the file at `path` may be kept for translation units of other
   * providers that read the same file (other targets over the same tree): a cache and the
   * key the file has in it, or undefined for a file only this provider has (a generated
   * header). Optional: without it, lexed files are shared by one provider's units only.
   */
  sharedLexing?(path: string): { cache: Map<string, SharedLexedFile>; key: string } | undefined;
}

/** A lexed file kept for other providers' translation units, with the size of its text. */
export interface SharedLexedFile {
  lexed: LexedFile;
  size: number;
}

/**
 * Answers for the feature-test builtins. Each returns the value for a name, or undefined to
 * fall back to clang 19's answer for C (see features.ts).
 */
export interface FeatureQueries {
  feature?(name: string): number | undefined;
  extension?(name: string): number | undefined;
  builtin?(name: string): number | undefined;
  attribute?(name: string): number | undefined;
  cAttribute?(name: string): number | undefined;
  declspecAttribute?(name: string): number | undefined;
}

export interface PreprocessLimits {
  /** Largest source file accepted, in bytes of text (default 64 MiB). */
  maxFileSize: number;
  /** Deepest #include nesting (default 200, as clang). */
  maxIncludeDepth: number;
  /**
   * Most tokens macro expansion may produce in one translation unit (default 4 million: the
   * 56 KPI headers need under 100 000, and a macro bomb stops before memory runs out).
   */
  maxExpansionTokens: number;
  /**
   * Deepest nesting of parentheses in an #if expression (default 256, clang's bracket depth;
   * clang -E itself accepts deeper #if expressions, the engine reports them instead).
   */
  maxBracketDepth: number;
  /**
   * Deepest nesting of macro invocations inside macro arguments (default 256; real headers
   * nest a handful deep, and much deeper recursion would exhaust the stack).
   */
  maxExpansionDepth: number;
  /**
   * Most tokens one translation unit may produce (default 8 million, about 1.5 GB of
   * memory: the KPI wrapper gives 82 000; a 64 MiB header of one-character lines would
   * give 32 million and exhaust the heap).
   */
  maxOutputTokens: number;
}

export const defaultLimits: PreprocessLimits = {
  maxFileSize: 64 * 1024 * 1024,
  maxIncludeDepth: 200,
  maxExpansionTokens: 4_000_000,
  maxBracketDepth: 256,
  maxExpansionDepth: 256,
  maxOutputTokens: 8_000_000,
};

export interface PreprocessOptions {
  files: FileProvider;
  /** Absolute path of the main file. */
  mainFile: string;
  /** -iquote directories: searched for "" includes after the includer's directory. */
  quoteDirs?: string[];
  /** -I directories, searched in order for "" (after quoteDirs) and <>. */
  includeDirs: string[];
  /** -isystem directories, after includeDirs; files found there are system headers. */
  systemDirs?: string[];
  /** #define/#undef lines processed first as "<built-in>" (target macros, then -D/-U in order). */
  predefines: string;
  /** -include files, in order, before the main file. */
  forcedIncludes?: string[];
  /** Answers for __has_feature and friends; defaults are clang 19's for C. */
  hasFeature?: FeatureQueries;
  /** How absolute paths appear in locations, __FILE__ and line markers (default: as is). */
  displayPath?: (absPath: string) => string;
  /** The C standard year (1999, 2011, 2017, 2023); C11 features need 2011. Default 2017 (clang's gnu17). */
  cStandard?: number;
  /** Whether plain `char` is signed on the target (character constants in #if); default true. */
  charIsSigned?: boolean;
  limits?: Partial<PreprocessLimits>;
  /**
   * Accept files that include search finds outside the include roots. The roots are the
   * search directories, the main file's directory and the directories of absolute -include
   * files; a file is inside when its real path (FileProvider.realPath, symlinks resolved)
   * is. By default one outside (reached through `..`, a symlink or an absolute name) is an
   * error at its #include.
   */
  allowOutsideRoots?: boolean;
  /**
   * Further include roots: directories the caller vouches for, such as those of headers a
   * user named on the command line that a generated main file includes by absolute path.
   */
  extraRoots?: string[];
  /** Called each time a file is read for the first time; `count` is how many so far. */
  onFileRead?: (count: number) => void;
}

export interface MacroDefinition {
  name: string;
  /** Parameter names (a named variadic parameter keeps its name; `...` appears as __VA_ARGS__). */
  params: string[] | null;
  variadic: boolean;
  /** Body spelling, tokens separated by single spaces where the source had whitespace. */
  body: string;
  location?: SourceLocation;
  /** False if the macro was #undef'd and not defined again. */
  defined: boolean;
  /** Predefined (from <built-in>, or a builtin such as __FILE__). */
  builtin: boolean;
}

export interface IncludeEdge {
  /** Display path of the including file ("<built-in>" for -include). */
  from: string;
  /** Display path of the included file. */
  to: string;
  line: number;
  kind: "include" | "include_next" | "forced";
}

/** Where the token stream enters or leaves a file, for `# N "file" flags` markers. */
export interface FileTransition {
  /** Index of the first token after the transition. */
  tokenIndex: number;
  file: string;
  /** Line the next token is counted from. */
  line: number;
  /** 1 entering an include, 2 returning to the includer, 0 a #line change or the start. */
  flag: 0 | 1 | 2;
  system: boolean;
  /** For an include: the line of the #include in the includer (clang -E moves there first). */
  includerLine?: number;
}

export interface PreprocessResult {
  tokens: PPToken[];
  macros: MacroDefinition[];
  includes: IncludeEdge[];
  /** Absolute paths of every file read, in first-read order (for a depfile). */
  files: string[];
  /**
   * Absolute paths looked for and not found (include search candidates, __has_include), in
   * first-lookup order: a file created at one of them would change the result.
   */
  missing: string[];
  /** Warnings (#warning, null characters, ...). */
  diagnostics: Diagnostic[];
  /** File entries and exits in token order, for line markers. */
  transitions: FileTransition[];
}
