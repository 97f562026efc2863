// Every fixture through the engine and through clang-19 -E with the same flags: the token
// spellings must match, with and without line markers (with markers, each token must also
// land on the same file and line).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { renderPreprocessed } from "../../src/preprocess/index.js";
import { describeWith, needClang, repoRoot } from "../support/environment.js";
import { baseFlags, clang, defaultTarget } from "./support/clang-oracle.js";
import { renderP, runEngine } from "./support/run-engine.js";
import { firstSpellingDifference, spellings, tokenize } from "../support/preprocessed-tokens.js";

const dir = join(repoRoot, "fixtures", "preprocess");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".c"))
  .sort();
const includeFlags = [
  "-I",
  join(dir, "include"),
  "-I",
  join(dir, "include", "next1"),
  "-I",
  join(dir, "include", "next2"),
];

function extraFlags(path: string): string[] {
  const m = /^\/\/ flags: (.*)$/m.exec(readFileSync(path, "utf8"));
  return m ? m[1]!.trim().split(/\s+/) : [];
}

describeWith([needClang()], "preprocessor fixtures match clang -E", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThan(10));
  for (const name of fixtures) {
    const path = join(dir, name);
    const flags = [...includeFlags, ...extraFlags(path)];
    const clangArgs = [`--target=${defaultTarget}`, ...baseFlags, ...flags];

    it(`${name}: same tokens as clang -E -P`, async () => {
      const theirs = await clang([...clangArgs, "-E", "-P", path]);
      expect(theirs.code, theirs.stderr).toBe(0);
      const ours = await runEngine(path, flags);
      expect(
        firstSpellingDifference(spellings(renderP(ours), true), spellings(theirs.stdout, true)),
      ).toBe("");
    });

    it(`${name}: same tokens on the same lines as clang -E`, async () => {
      const theirs = await clang([...clangArgs, "-E", path]);
      expect(theirs.code, theirs.stderr).toBe(0);
      const ours = renderPreprocessed(await runEngine(path, flags), { lineMarkers: true });
      const show = (t: { file: string; line: number; text: string }) =>
        `${t.file}:${t.line}:${t.text}`;
      const a = tokenize(ours, "", true).map(show);
      const b = tokenize(theirs.stdout, "", true)
        .filter((t) => !t.file.startsWith("<"))
        .map(show);
      expect(firstSpellingDifference(a, b)).toBe("");
    });
  }
});
