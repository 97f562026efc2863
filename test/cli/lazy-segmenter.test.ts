import { describe, expect, it } from "vitest";
import { LazySegmenter } from "../../src/cli/lazy-segmenter.js";

describe("LazySegmenter (Intl.Segmenter in the bundle)", () => {
  it("segments as Intl.Segmenter does", () => {
    const text = "kpi-bindgen \u{1F600} 漢字 e\u0301 \u{1F468}\u200D\u{1F469}";
    const segments = (s: { segment(t: string): Intl.Segments }) =>
      [...s.segment(text)].map((x) => x.segment);
    expect(segments(new LazySegmenter())).toEqual(segments(new Intl.Segmenter()));
    expect(segments(new LazySegmenter("en", { granularity: "word" }))).toEqual(
      segments(new Intl.Segmenter("en", { granularity: "word" })),
    );
    expect(new LazySegmenter("en", { granularity: "word" }).resolvedOptions()).toEqual(
      new Intl.Segmenter("en", { granularity: "word" }).resolvedOptions(),
    );
  });
});
