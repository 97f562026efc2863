// The depfile format.
import { describe, expect, it } from "vitest";
import { escapeMakePath, formatDepfile } from "../../src/preprocess/kernel-build/depfile.js";

describe("depfile", () => {
  it("writes one make rule, each dependency once, escaped", () => {
    expect(formatDepfile("out.i", ["/a b/x.h", "/y.h", "/a b/x.h", "/c$d#.h"])).toBe(
      "out.i: /a\\ b/x.h /y.h /c$$d\\#.h\n",
    );
    expect(escapeMakePath("plain/path.h")).toBe("plain/path.h");
  });
});
