// Runs one layout fixture through the front end and the verifier for one target, caching
// results so several assertions share a single pair of compiles.
import { join } from "node:path";
import type { TranslationUnit } from "../../../src/ir/index.js";
import { LayoutEngine } from "../../../src/layout/index.js";
import { clangTriple, getTarget, type TargetName } from "../../../src/targets/index.js";
import { loadCSource, verifyLayouts, type VerifyReport } from "../../../src/verify/index.js";
import { clangCommand, repoRoot } from "../../support/environment.js";

export const fixtureDir = join(repoRoot, "fixtures", "layout");

export function fixtureArgs(name: TargetName): string[] {
  const triple = clangTriple(getTarget(name), { major: 13, minor: 0 });
  return [`--target=${triple}`, "-ffreestanding", "-nostdinc", "-std=gnu99"];
}

export interface FixtureRun {
  unit: TranslationUnit;
  engine: LayoutEngine;
  report: VerifyReport;
}

const cache = new Map<string, Promise<FixtureRun>>();

export function runFixture(fixture: string, name: TargetName): Promise<FixtureRun> {
  const key = `${fixture}\u0000${name}`;
  let run = cache.get(key);
  if (!run) {
    run = (async () => {
      const target = getTarget(name);
      const file = join(fixtureDir, fixture);
      const compilerArgs = fixtureArgs(name);
      const { unit } = await loadCSource({ file, target, compiler: clangCommand, compilerArgs });
      const report = await verifyLayouts({
        unit,
        target,
        compiler: clangCommand,
        compilerArgs,
        source: { includePath: file },
      });
      return { unit, engine: new LayoutEngine(unit, target), report };
    })();
    cache.set(key, run);
  }
  return run;
}
