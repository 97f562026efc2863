// The constant evaluator on random expressions: it returns a value or refuses with its own
// errors (syntax, not constant), never anything else; int-only expressions match a simple
// reference evaluation; and a batch of arbitrary ones is checked by clang-19 per target.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, expect, it, describe } from "vitest";
import { ExprSyntaxError, NotConstantError, type IntValue } from "../../src/consteval/index.js";
import type { IntegerKind, TranslationUnit } from "../../src/ir/index.js";
import { evaluateConstant, parseTranslationUnit } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";
import type { TargetAbi } from "../../src/targets/types.js";
import { describeWith, needClang } from "../support/environment.js";
import { clangRejections, PROBE_TRIPLES, valueClaims, type Claim } from "../parse/support/probe.js";
import { longRun, propertyTimeoutMs, reportTally } from "./support/budget.js";
import { cExpression, cExpressionFor, intExpression, PRELUDE } from "./support/c-expressions.js";
import { applyMutations, mutationsArbitrary } from "./support/mutations.js";
import { checkProperty } from "./support/check-property.js";
import { stopWatchdog, withinBound } from "./support/watchdog.js";

function preludeUnit(arch: keyof typeof PROBE_TRIPLES): { unit: TranslationUnit; abi: TargetAbi } {
  const abi = getTarget(arch).abi;
  return {
    unit: parseTranslationUnit(`# 1 "prelude.h"\n${PRELUDE}`, { target: arch, abi }).unit,
    abi,
  };
}

/** Our evaluation: a value, or the refusal the evaluator owes bad input. */
function evaluateOrRefuse(text: string, unit: TranslationUnit, abi: TargetAbi): IntValue | Error {
  return withinBound("consteval", text, () => {
    try {
      return evaluateConstant(text, unit, abi);
    } catch (e) {
      if (e instanceof NotConstantError || e instanceof ExprSyntaxError) return e;
      throw new Error(
        `'${text}' threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`,
      );
    }
  });
}

/**
 * Claims on a value and type; probe.ts writes literals exact to 64 bits, so an __int128
 * value beyond them is spelled from its two 64-bit halves.
 */
function claimsFor(text: string, value: bigint, type: IntegerKind): Claim[] {
  const claims = valueClaims(text, text, value, type);
  if (value >= -(1n << 63n) && value < 1n << 64n) return claims;
  const bits = BigInt.asUintN(128, value);
  const wide = `((${type})((((unsigned __int128)${bits >> 64n}ULL) << 64) | ${bits & ((1n << 64n) - 1n)}ULL))`;
  return [{ label: `${text} == ${value}`, condition: `(${text}) == ${wide}` }, claims[1]!];
}

/** Values and refusals counted, as OutcomeTally counts results and diagnostics. */
class RefusalTally {
  ok = 0;
  failed = 0;
  private readonly reasons = new Map<string, number>();
  record(outcome: IntValue | Error): void {
    if (!(outcome instanceof Error)) {
      this.ok++;
      return;
    }
    this.failed++;
    const reason = outcome.message.replace(/'[^']*'/g, "'…'");
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  summary(): string {
    const top = [...this.reasons].sort((a, b) => b[1] - a[1]).slice(0, 6);
    return `${this.ok} evaluated, ${this.failed} refused; ${top.map(([m, n]) => `${n}× ${m}`).join("; ")}`;
  }
}

const EXPRESSION_FRAGMENTS = [
  "(",
  ")",
  "?",
  ":",
  "sizeof",
  "(int)",
  "<<",
  "0x",
  "'",
  "\\",
  "L'",
  "1e3",
  "1.5",
  "u8",
  ",",
  "defined",
  "__builtin_offsetof(",
  "~",
  "!",
];

describe("constant evaluation fuzz", () => {
  afterAll(stopWatchdog);
  const amd64 = preludeUnit("amd64");

  it(
    "random expressions evaluate or are refused with the evaluator's own errors",
    async () => {
      const tally = new RefusalTally();
      await checkProperty(
        fc.property(cExpression, (text) => {
          tally.record(evaluateOrRefuse(text, amd64.unit, amd64.abi));
        }),
        { ciRuns: 1000 },
      );
      reportTally("consteval random expressions", tally);
    },
    propertyTimeoutMs,
  );

  it(
    "mutated expressions evaluate or are refused with the evaluator's own errors",
    async () => {
      const tally = new RefusalTally();
      await checkProperty(
        fc.property(cExpression, mutationsArbitrary(EXPRESSION_FRAGMENTS, 3), (text, list) => {
          tally.record(evaluateOrRefuse(applyMutations(text, list), amd64.unit, amd64.abi));
        }),
        { ciRuns: 200, weight: 3 },
      );
      reportTally("consteval mutated expressions", tally);
    },
    propertyTimeoutMs,
  );

  it(
    "int-only expressions have the reference value and type int",
    async () => {
      let compared = 0;
      await checkProperty(
        fc.property(intExpression, ({ text, value }) => {
          if (value === null) return;
          compared++;
          const result = evaluateOrRefuse(text, amd64.unit, amd64.abi);
          expect(result).toEqual({ value, type: "int" });
        }),
        { ciRuns: 1000 },
      );
      expect(compared).toBeGreaterThan(0);
      if (longRun) process.stderr.write(`FUZZ consteval int-only: ${compared} compared\n`);
    },
    propertyTimeoutMs,
  );
});

describeWith([needClang()], "constant evaluation fuzz vs clang-19", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-fuzz-consteval-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const arch of Object.keys(PROBE_TRIPLES) as (keyof typeof PROBE_TRIPLES)[]) {
    it(
      `a batch of random expressions agrees with clang on ${arch} (value, type, refusal)`,
      async () => {
        const { unit, abi } = preludeUnit(arch);
        const prelude = join(dir, "prelude.h");
        writeFileSync(prelude, PRELUDE);
        await checkProperty(
          fc.asyncProperty(
            fc.array(cExpressionFor(arch === "amd64"), { minLength: 20, maxLength: 150 }),
            async (texts) => {
              const claims: Claim[] = [];
              const refused: Claim[] = [];
              for (const text of texts) {
                const v = evaluateOrRefuse(text, unit, abi);
                if (v instanceof Error)
                  refused.push({ label: `refused: ${text}`, condition: `(${text}) == (${text})` });
                else claims.push(...claimsFor(text, v.value, v.type));
              }
              claims.push(...refused);
              const rejected = await clangRejections(dir, arch, prelude, claims);
              // Every value and type we claim, clang confirms; everything we refuse, clang refuses.
              const disputed = rejected.filter((r) => !r.startsWith("refused: "));
              if (disputed.length > 0)
                throw new Error(`clang rejects our claims:\n${disputed.join("\n")}`);
              const clangRefused = new Set(
                rejected
                  .filter((r) => r.startsWith("refused: "))
                  .map((r) => r.slice(0, r.lastIndexOf(": "))),
              );
              const accepted = refused.map((c) => c.label).filter((l) => !clangRefused.has(l));
              if (accepted.length > 0)
                throw new Error(`clang evaluates what we refused:\n${accepted.join("\n")}`);
            },
          ),
          { ciRuns: 3, weight: 200 },
        );
      },
      propertyTimeoutMs,
    );
  }
});
