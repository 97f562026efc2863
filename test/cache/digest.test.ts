import { describe, expect, it } from "vitest";
import { digest } from "../../src/cache/digest.js";

describe("digest", () => {
  it("hashes a string as its UTF-8 bytes", () => {
    for (const text of ["", "ascii", "é€漢字", "\u{1F600}", "lone \ud800 surrogate", "nul\u0000"]) {
      expect(digest(text, "k")).toBe(digest(Buffer.from(text, "utf8"), Buffer.from("k")));
    }
  });

  it("keeps the parts apart", () => {
    expect(digest("ab", "c")).not.toBe(digest("a", "bc"));
  });
});
