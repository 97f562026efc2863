// The parser glue (tree-sitter, the CST walk, the IR builder, macro summaries and the layout
// of what it built) on mutated preprocessed text of real headers, line markers included.
// Each case yields a unit or located diagnostics, never another exception, within the bound.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { LayoutEngine, recordLayoutProvider } from "../../src/layout/index.js";
import { parseTranslationUnitLenient } from "../../src/parse/index.js";
import { headerPathResolver } from "../../src/pipeline/header-paths.js";
import {
  generatedBuildHeaders,
  planKernelBuild,
  preprocessInBuild,
} from "../../src/preprocess/kernel-build/index.js";
import { getTarget } from "../../src/targets/index.js";
import { describeWith, inCI, needTree, needTreeReader, sysTree } from "../support/environment.js";
import { copies, flatCopy } from "../parse/support/cst-copies.js";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { longRun, propertyTimeoutMs, reportTally } from "./support/budget.js";
import {
  expectDiagnosticOrResult,
  expectLocated,
  OutcomeTally,
  type LocationRules,
} from "./support/invariants.js";
import { applyMutations, mutationsArbitrary } from "./support/mutations.js";
import { checkProperty } from "./support/check-property.js";
import { stopWatchdog, withinBound } from "./support/watchdog.js";
import { DiagnosticError, hasErrors } from "../../src/diagnostics/index.js";

/** Units whose preprocessed text seeds the mutations (small enough to parse in a few ms). */
const SEED_UNITS = [
  ["sys/param.h", "sys/queue.h", "sys/tree.h"],
  ["sys/param.h", "sys/systm.h", "sys/lock.h", "sys/mutex.h"],
  ["sys/param.h", "sys/malloc.h", "sys/callout.h"],
  ["sys/param.h", "sys/bus.h"],
];

const C_FRAGMENTS = [
  "struct ",
  "struct s { int a; };",
  "union u { char c; long l; };",
  "enum e { A = 1 << 40, B };",
  "typedef ",
  "typedef int t;",
  "int x : 3;",
  "int y : 99;",
  "char z[-1];",
  "char w[1ULL << 63];",
  "__attribute__((",
  "__attribute__((aligned(3)))",
  "__attribute__((packed))",
  "__attribute__((__mode__(__DI__)))",
  "_Alignas(",
  "_Static_assert(",
  '_Static_assert(0, "x");',
  '__asm__("x")',
  "__typeof__(",
  "static inline int f(void) {",
  "sizeof(struct s)",
  "__builtin_offsetof(struct s, a)",
  "[",
  "]",
  ":",
  "*",
  "...",
  '# 1 "/fuzz/x.h" 1\n',
  '# 99999999999 "y.h" 2\n',
  '# 1 "',
  "#pragma pack(1)\n",
  "#pragma pack(pop)\n",
  "\n#define\n",
];

describeWith([needTree("13.0")], "parse fuzz", () => {
  const target = getTarget("amd64");
  const seeds: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "kpi-fuzz-parse-"));
  beforeAll(() => {
    const plan = planKernelBuild({
      sysDir: sysTree("13.0"),
      target,
      mode: "module",
      generatedHeaders: generatedBuildHeaders(sysTree("13.0")),
      user: { macros: [], includeDirs: [] },
    });
    SEED_UNITS.forEach((headers, i) => {
      const wrapper = join(scratch, `unit${i}.c`);
      writeFileSync(wrapper, headers.map((h) => `#include <${h}>\n`).join(""));
      // The scratch path differs per run; a fixed name keeps a seed replaying the same text.
      const text = preprocessInBuild(plan, wrapper, { lineMarkers: true }).text;
      seeds.push(text.split(wrapper).join(`/fuzz/unit${i}.c`));
    });
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await stopWatchdog();
  });

  /** The front end's parse and layout steps; every diagnostic they return must be located. */
  /** Input whose own markers name an empty file or line 0, as clang then reports them. */
  const rulesFor = (text: string): LocationRules => ({
    emptyFileNamed: /^[ \t]*#[ \t]*(line[ \t]+)?\d+[ \t]+""/m.test(text),
    lineZeroNamed: /^[ \t]*#[ \t]*(line[ \t]+)?0+([ \t]|$)/m.test(text),
  });

  function parseAndLayout(text: string): number {
    const rules = rulesFor(text);
    const parsed = parseTranslationUnitLenient(text, {
      target: target.name,
      abi: target.abi,
      resolvePath: headerPathResolver(target),
      recordLayout: recordLayoutProvider(target),
    });
    expectLocated(parsed.diagnostics, "parse diagnostics", rules);
    if (hasErrors(parsed.diagnostics))
      throw new DiagnosticError(
        parsed.diagnostics.filter((d: Diagnostic) => d.severity === "error"),
      );
    const { layouts, diagnostics } = new LayoutEngine(parsed.unit, target).layoutAll();
    expectLocated(diagnostics, "layout diagnostics", rules);
    return layouts.length;
  }

  /**
   * A window of up to 3000 lines of a seed, mutated. It starts at a line marker, so most of
   * it is located like the original; the mutations may then break markers too.
   */
  const mutatedWindow = fc
    .tuple(
      fc.nat(SEED_UNITS.length - 1),
      fc.nat(),
      fc.integer({ min: 50, max: 3000 }),
      mutationsArbitrary(C_FRAGMENTS, 4),
    )
    .map(([index, start, count, list]) => {
      const lines = seeds[index]!.split("\n");
      const markers = lines.flatMap((l, i) => (l.startsWith("# ") ? [i] : []));
      const from = markers[start % markers.length]!;
      return applyMutations(lines.slice(from, from + count).join("\n") + "\n", list);
    });

  it("parses every unmutated seed without errors", () => {
    for (const text of seeds) expect(parseAndLayout(text)).toBeGreaterThan(0);
  });

  it(
    "a window of mutated preprocessed text parses or fails located",
    async () => {
      const tally = new OutcomeTally();
      await checkProperty(
        fc.property(mutatedWindow, (text) => {
          withinBound("parse", text, () =>
            tally.record(
              expectDiagnosticOrResult("parse", () => parseAndLayout(text), rulesFor(text)),
            ),
          );
        }),
        { ciRuns: 40, weight: 3 },
      );
      reportTally("parse windows", tally);
    },
    propertyTimeoutMs,
  );

  it(
    "the tree reader addon copies a mutated window exactly as the binding's cursor does",
    async () => {
      if (!needTreeReader().present) {
        // describeWith's rule, for one property: said when skipped, never skipped in CI.
        if (inCI) throw new Error("required in CI but missing: the tree reader addon");
        process.stderr.write("SKIP tree reader fuzz: the addon is not built\n");
        return;
      }
      let compared = 0;
      await checkProperty(
        fc.property(mutatedWindow, (text) => {
          withinBound("tree reader", text, () => {
            expect(flatCopy(text)).toEqual(copies(text).exact);
            compared++;
          });
        }),
        { ciRuns: 20, weight: 3 },
      );
      expect(compared).toBeGreaterThan(0);
      if (longRun) process.stderr.write(`FUZZ tree reader windows: ${compared} copies equal\n`);
    },
    propertyTimeoutMs,
  );

  it(
    "a whole mutated unit parses or fails located",
    async () => {
      const tally = new OutcomeTally();
      await checkProperty(
        fc.property(
          fc.nat(SEED_UNITS.length - 1),
          mutationsArbitrary(C_FRAGMENTS, 3),
          (index, list) => {
            const text = applyMutations(seeds[index]!, list);
            withinBound("parse unit", text, () =>
              tally.record(
                expectDiagnosticOrResult("parse", () => parseAndLayout(text), rulesFor(text)),
              ),
            );
          },
        ),
        { ciRuns: 10, weight: 20 },
      );
      reportTally("parse units", tally);
    },
    propertyTimeoutMs,
  );
});
