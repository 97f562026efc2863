// The build directory's lazily generated texts: made on first read, once, in a stable order.
import { describe, expect, it } from "vitest";
import { copyTexts, LazyTexts, sortedCopy } from "../../src/preprocess/kernel-build/lazy-texts.js";

function counted() {
  const made: string[] = [];
  const texts = new LazyTexts();
  for (const name of ["b.h", "a.h", "c.h"])
    texts.setLazy(name, () => (made.push(name), `/* ${name} */`));
  return { texts, made };
}

describe("LazyTexts", () => {
  it("makes a text when it is first read, and only once", () => {
    const { texts, made } = counted();
    expect(texts.has("a.h")).toBe(true);
    expect(texts.size).toBe(3);
    expect(made).toEqual([]);
    expect(texts.get("a.h")).toBe("/* a.h */");
    expect(texts.get("a.h")).toBe("/* a.h */");
    expect(made).toEqual(["a.h"]);
    expect(texts.get("missing.h")).toBeUndefined();
  });

  it("makes every text when iterated, in the order the names were added", () => {
    const { texts, made } = counted();
    texts.get("c.h");
    expect([...texts]).toEqual([
      ["b.h", "/* b.h */"],
      ["a.h", "/* a.h */"],
      ["c.h", "/* c.h */"],
    ]);
    expect(new Map(texts).get("b.h")).toBe("/* b.h */");
    expect(made).toEqual(["c.h", "b.h", "a.h"]);
  });

  it("copies without making texts, and a copy's read serves the original", () => {
    const { texts, made } = counted();
    texts.set("given.h", "given");
    const sorted = sortedCopy(texts);
    const merged = new LazyTexts();
    copyTexts(merged, texts);
    expect([...sorted.keys()]).toEqual(["a.h", "b.h", "c.h", "given.h"]);
    expect(made).toEqual([]);
    expect(sorted.get("b.h")).toBe("/* b.h */");
    expect(merged.get("b.h")).toBe("/* b.h */");
    expect(texts.get("b.h")).toBe("/* b.h */");
    expect(made).toEqual(["b.h"]);
    expect(merged.get("given.h")).toBe("given");
  });

  it("lets set replace a text not made yet", () => {
    const { texts, made } = counted();
    texts.set("a.h", "replaced");
    expect(texts.get("a.h")).toBe("replaced");
    texts.delete("b.h");
    expect([...texts.keys()]).toEqual(["a.h", "c.h"]);
    expect(made).toEqual([]);
  });
});
