// The preprocessor on mutated real kernel headers, through an in-memory FileProvider laid
// over the planned kernel build: each case renders `clang -E` text or fails with a located
// DiagnosticError, within the time bound. Include cycles, unterminated constructs, NUL bytes
// and expansion bombs come from the inserted fragments.
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  preprocess,
  renderPreprocessed,
  type FileProvider,
  type PreprocessOptions,
} from "../../src/preprocess/index.js";
import {
  generatedBuildHeaders,
  planKernelBuild,
  type KernelBuildPlan,
} from "../../src/preprocess/kernel-build/index.js";
import { getTarget } from "../../src/targets/index.js";
import { describeWith, needTree, sysTree } from "../support/environment.js";
import { propertyTimeoutMs, reportTally } from "./support/budget.js";
import { expectDiagnosticOrResult, expectLocated, OutcomeTally } from "./support/invariants.js";
import { applyMutations, mutationsArbitrary } from "./support/mutations.js";
import { checkProperty } from "./support/check-property.js";
import { stopWatchdog, withinBound } from "./support/watchdog.js";
import { PREPROCESSOR_FRAGMENTS } from "./support/fragments.js";

/** Real headers the mutations start from: macros, inline functions, records, asm. */
export const SEED_HEADERS = [
  "sys/cdefs.h",
  "sys/queue.h",
  "sys/tree.h",
  "sys/param.h",
  "sys/types.h",
  "sys/systm.h",
  "sys/lock.h",
  "sys/mutex.h",
  "sys/malloc.h",
  "sys/kernel.h",
  "sys/sysctl.h",
  "sys/bus.h",
  "sys/mbuf.h",
  "sys/proc.h",
  "machine/atomic.h",
  "machine/cpufunc.h",
];

const MAIN = "/fuzz/main.c";

/** A FileProvider with some files in memory, the rest from the build. */
function overlay(base: FileProvider, memory: ReadonlyMap<string, string>): FileProvider {
  return {
    readFile: (path) => memory.get(posix.normalize(path)) ?? base.readFile(path),
    isDirectory: (path) => path === "/fuzz" || (base.isDirectory?.(path) ?? false),
    realPath: (path) =>
      memory.has(posix.normalize(path)) ? posix.normalize(path) : (base.realPath?.(path) ?? path),
  };
}

function run(
  plan: KernelBuildPlan,
  memory: ReadonlyMap<string, string>,
  extra: Partial<PreprocessOptions> = {},
): string {
  const setup = plan.preprocessor;
  const result = preprocess({
    files: overlay(setup.files, memory),
    mainFile: MAIN,
    quoteDirs: setup.quoteDirs,
    includeDirs: setup.includeDirs,
    predefines: setup.predefines,
    forcedIncludes: setup.forcedIncludes,
    displayPath: setup.displayPath,
    cStandard: plan.flags.standardYear,
    charIsSigned: plan.spec.target.abi.charIsSigned,
    ...extra,
  });
  expectLocated(result.diagnostics, "preprocess warnings");
  return renderPreprocessed(result, { lineMarkers: true });
}

describeWith([needTree("13.0")], "preprocess fuzz", () => {
  let plan: KernelBuildPlan;
  const seeds = new Map<string, string>();
  beforeAll(() => {
    plan = planKernelBuild({
      sysDir: sysTree("13.0"),
      target: getTarget("amd64"),
      mode: "module",
      generatedHeaders: generatedBuildHeaders(sysTree("13.0")),
      user: { macros: [], includeDirs: [] },
    });
    for (const header of SEED_HEADERS) {
      const path = header.startsWith("machine/")
        ? join(sysTree("13.0"), "amd64", "include", header.slice("machine/".length))
        : join(sysTree("13.0"), header);
      seeds.set(header, readFileSync(path, "latin1"));
    }
  });
  afterAll(stopWatchdog);
  const mutations = mutationsArbitrary(PREPROCESSOR_FRAGMENTS, 4);

  it("preprocesses every unmutated seed", () => {
    for (const header of SEED_HEADERS) {
      const memory = new Map([[MAIN, `#include <sys/param.h>\n#include <${header}>\n`]]);
      expect(run(plan, memory).length).toBeGreaterThan(0);
    }
  });

  it(
    "a mutated real header, included by a unit, preprocesses or fails located",
    async () => {
      const tally = new OutcomeTally();
      await checkProperty(
        fc.property(fc.nat(SEED_HEADERS.length - 1), mutations, (index, list) => {
          const header = SEED_HEADERS[index]!;
          const text = applyMutations(seeds.get(header)!, list);
          // The mutated header replaces the real one where the build finds it, so its own
          // includes, guards and #include_next behave as in the tree.
          const realPath = plan.preprocessor.files.realPath(
            header.startsWith("machine/")
              ? join(sysTree("13.0"), "amd64", "include", header.slice(8))
              : join(sysTree("13.0"), header),
          );
          const memory = new Map([
            [MAIN, `#include <sys/param.h>\n#include <${header}>\n`],
            [realPath, text],
          ]);
          withinBound(`preprocess ${header}`, text, () =>
            tally.record(expectDiagnosticOrResult("preprocess", () => run(plan, memory))),
          );
        }),
        { ciRuns: 40, weight: 5 },
      );
      reportTally("preprocess real headers", tally);
    },
    propertyTimeoutMs,
  );

  it(
    "mutated headers in memory that include each other preprocess or fail located",
    async () => {
      const tally = new OutcomeTally();
      const pieces = fc.tuple(
        fc.nat(SEED_HEADERS.length - 1),
        fc.nat(),
        fc.integer({ min: 1, max: 200 }),
        mutations,
      );
      await checkProperty(
        fc.property(fc.array(pieces, { minLength: 1, maxLength: 3 }), (files) => {
          // Each file is a slice of a real header, mutated; a.h, b.h and c.h may include one
          // another (and themselves) through the inserted fragments.
          const memory = new Map<string, string>();
          const names = ["/fuzz/main.c", "/fuzz/a.h", "/fuzz/b.h"];
          files.forEach(([index, start, count, list], i) => {
            const lines = seeds.get(SEED_HEADERS[index]!)!.split("\n");
            const from = start % lines.length;
            const slice = lines.slice(from, from + count).join("\n");
            memory.set(names[i]!, applyMutations(slice, list));
          });
          const input = JSON.stringify(Object.fromEntries(memory));
          withinBound("preprocess memory files", input, () =>
            tally.record(
              expectDiagnosticOrResult("preprocess", () =>
                run(plan, memory, { includeDirs: ["/fuzz", ...plan.preprocessor.includeDirs] }),
              ),
            ),
          );
        }),
        { ciRuns: 200 },
      );
      reportTally("preprocess memory files", tally);
    },
    propertyTimeoutMs,
  );
});
