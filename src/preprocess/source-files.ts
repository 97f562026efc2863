// Reading the files of a translation unit: the shared read-and-lex cache, the size limit
// (checked before reading when the provider knows sizes), the include-root check, and the
// list of files read for depfiles and progress.
import { fail, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";
import type { PreprocessLimits, PreprocessOptions } from "./api.js";
import { IncludeRoots } from "./include-roots.js";
import { lexFile, type LexedFile } from "./lexer.js";

/** Files read and lexed, shared by every translation unit of one preprocessor. */
export interface FileCache {
  contents: Map<string, string | undefined>;
  lexed: Map<string, LexedFile>;
  /** Translation units started with this cache. */
  unitsRun: number;
}

export class SourceFiles {
  /** Absolute paths of the files read, in first-read order. */
  readonly filesRead: string[] = [];
  private readonly filesReadSet = new Set<string>();
  /** Paths looked for and not found, in first-lookup order. */
  readonly filesMissing: string[] = [];
  private readonly filesMissingSet = new Set<string>();
  /** Sizes of files found too large before reading them. */
  private readonly oversized = new Map<string, number>();
  /** Null when files outside the roots are allowed. */
  private readonly includeRoots: IncludeRoots | null;

  constructor(
    private readonly options: PreprocessOptions,
    private readonly limits: PreprocessLimits,
    private readonly cache: FileCache,
    private readonly display: (abs: string) => string,
    /** Where the lexer's warnings of each newly read file go. */
    private readonly warnings: Diagnostic[],
  ) {
    this.includeRoots = options.allowOutsideRoots ? null : new IncludeRoots(options.files, options);
  }

  exists(abs: string): boolean {
    if (this.readSource(abs) !== undefined) return true;
    if (!this.filesMissingSet.has(abs)) {
      this.filesMissingSet.add(abs);
      this.filesMissing.push(abs);
    }
    return false;
  }

  /** Text of a file, or undefined if there is none; "" for a file too large to read. */
  private readSource(abs: string): string | undefined {
    if (this.cache.contents.has(abs)) return this.cache.contents.get(abs);
    const size = this.options.files.fileSize?.(abs);
    if (size !== undefined && size > this.limits.maxFileSize) {
      // Not read (nor cached: another unit may allow more); load() reports it.
      this.oversized.set(abs, size);
      return "";
    }
    const text = this.options.files.readFile(abs);
    this.cache.contents.set(abs, text);
    return text;
  }

  /**
   * Reads and lexes a file (once per cache, or once for every provider sharing its lexing),
   * enforcing the size limit at `at`.
   */
  load(abs: string, at: SourceLocation | undefined): LexedFile {
    let lexed = this.cache.lexed.get(abs);
    if (!lexed) {
      const shared = this.options.files.sharedLexing?.(abs);
      let entry = shared?.cache.get(shared.key);
      if (!entry) {
        const text = this.readSource(abs);
        if (text === undefined) fail(`'${abs}' file not found`, at);
        const unread = this.oversized.get(abs);
        entry = {
          lexed: lexFile(text, abs.startsWith("<") ? abs : this.display(abs)),
          size: unread ?? text.length,
        };
        // A file too large to read was not lexed: another unit's limit may be larger.
        if (unread === undefined) shared?.cache.set(shared.key, entry);
      }
      if (entry.size > this.limits.maxFileSize) {
        fail(
          `file '${this.display(abs)}' is too large (${entry.size} bytes; the limit is ${this.limits.maxFileSize})`,
          at,
        );
      }
      lexed = entry.lexed;
      this.cache.lexed.set(abs, lexed);
    }
    if (!this.filesReadSet.has(abs)) {
      this.filesReadSet.add(abs);
      if (!abs.startsWith("<")) {
        this.filesRead.push(abs);
        this.options.onFileRead?.(this.filesRead.length);
      }
      this.warnings.push(...lexed.warnings);
    }
    return lexed;
  }

  /**
   * Refuses a header that include search found outside the include roots, unless the
   * options allow it; `at` is the header name in the #include.
   */
  checkIncludeRoot(name: string, abs: string, at: SourceLocation): void {
    const outside = this.includeRoots?.outside(abs);
    if (outside) fail(`'${name}' resolves to '${outside}', outside the include roots`, at);
  }
}
