// Intl.Segmenter as the bundle sees it (the "bundle" script in package.json: esbuild's
// --define and --inject). The string-width package, which lays out yargs' help, creates a
// segmenter as soon as it is loaded, and creating the first one in a process costs some 7 ms
// (ICU reads its break rules): every run paid that, though only --help measures text. This
// stand-in creates the real segmenter the first time it is used.
type SegmenterArgs = ConstructorParameters<typeof Intl.Segmenter>;

export class LazySegmenter {
  static supportedLocalesOf(...args: Parameters<typeof Intl.Segmenter.supportedLocalesOf>) {
    return globalThis.Intl.Segmenter.supportedLocalesOf(...args);
  }

  readonly #args: SegmenterArgs;
  #real: Intl.Segmenter | undefined;

  constructor(...args: SegmenterArgs) {
    this.#args = args;
  }

  // `globalThis.Intl`, not `Intl`: the bundle's --define replaces `Intl.Segmenter` here too.
  #segmenter(): Intl.Segmenter {
    return (this.#real ??= new globalThis.Intl.Segmenter(...this.#args));
  }

  segment(input: string): Intl.Segments {
    return this.#segmenter().segment(input);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.#segmenter().resolvedOptions();
  }
}
