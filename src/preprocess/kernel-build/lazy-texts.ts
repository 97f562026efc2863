// A name → text map whose texts may be computed on first read. The build directory serves
// every generated header of the tree, while a translation unit reads a handful of them, so
// each is generated when the preprocessor first asks for it.

export class LazyTexts extends Map<string, string> {
  /** Names whose text is not computed yet (the map holds "" for them until then). */
  private readonly pending = new Map<string, () => string>();

  constructor() {
    // No initial entries: Map's constructor would call set() before `pending` exists.
    super();
  }

  /** Adds `name`, with its text computed by `make` when first read (once, even in copies). */
  setLazy(name: string, make: () => string): this {
    let text: string | undefined;
    super.set(name, "");
    this.pending.set(name, () => (text ??= make()));
    return this;
  }

  /** How `name`'s text is made while it has not been read yet (for copying lazily). */
  pendingText(name: string): (() => string) | undefined {
    return this.pending.get(name);
  }

  override get(name: string): string | undefined {
    const make = this.pending.get(name);
    if (make !== undefined) {
      // Setting an existing key keeps its place, so iteration order is the order added.
      super.set(name, make());
      this.pending.delete(name);
    }
    return super.get(name);
  }

  override set(name: string, text: string): this {
    this.pending?.delete(name);
    return super.set(name, text);
  }

  override delete(name: string): boolean {
    this.pending.delete(name);
    return super.delete(name);
  }

  override clear(): void {
    this.pending.clear();
    super.clear();
  }

  // Everything that reads all the texts computes them first.
  override forEach(
    callback: (text: string, name: string, map: Map<string, string>) => void,
    thisArg?: unknown,
  ): void {
    this.computeAll();
    super.forEach(callback, thisArg);
  }

  override entries(): IterableIterator<[string, string]> {
    this.computeAll();
    return super.entries();
  }

  override values(): IterableIterator<string> {
    this.computeAll();
    return super.values();
  }

  override [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  private computeAll(): void {
    for (const name of [...this.pending.keys()]) this.get(name);
  }
}

/** Adds every entry of `source` to `target`; entries not computed yet stay so. */
export function copyTexts(target: LazyTexts, source: ReadonlyMap<string, string>): void {
  for (const name of source.keys()) {
    const make = source instanceof LazyTexts ? source.pendingText(name) : undefined;
    if (make !== undefined) target.setLazy(name, make);
    else target.set(name, source.get(name)!);
  }
}

/** A copy of `source` with the names sorted by code units (lazy entries stay lazy). */
export function sortedCopy(source: LazyTexts): LazyTexts {
  const sorted = new LazyTexts();
  const names = [...source.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const make = source.pendingText(name);
    if (make !== undefined) sorted.setLazy(name, make);
    else sorted.set(name, source.get(name)!);
  }
  return sorted;
}
