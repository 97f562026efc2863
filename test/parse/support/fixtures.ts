// The hand-written front-end fixtures: C files beside their expected IR.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../support/environment.js";

export const fixtureDir = join(repoRoot, "fixtures", "parse");

export interface Expected {
  about: string;
  target: string;
  diagnostics: string[];
  records?: Record<string, object>;
  enums?: Record<string, object>;
  typedefs?: Record<string, object>;
  functions?: Record<string, object>;
  variables?: Record<string, object>;
  staticAsserts?: object[];
}

export interface Fixture {
  name: string;
  /** Path relative to the repository, as line markers and diagnostics name it. */
  relPath: string;
  absPath: string;
  source: string;
  expected: Expected;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith(".c"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -2);
      const absPath = join(fixtureDir, f);
      return {
        name,
        relPath: `fixtures/parse/${f}`,
        absPath,
        source: readFileSync(absPath, "utf8"),
        expected: JSON.parse(
          readFileSync(join(fixtureDir, `${name}.expected.json`), "utf8"),
        ) as Expected,
      };
    });
}

/** The fixture as preprocessed text: one line marker naming it, then the file. */
export function asPreprocessed(f: Fixture): string {
  return `# 1 "${f.relPath}"\n${f.source}`;
}
