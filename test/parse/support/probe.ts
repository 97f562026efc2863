// Probe files: one `_Static_assert` per claim we make about a constant (its value, its
// type), compiled by clang after the wrapper. A failing line is a claim clang disagrees with.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { IntegerKind } from "../../../src/ir/index.js";
import { clangCommand } from "../../support/environment.js";

const runFile = promisify(execFile);

export interface Claim {
  /** What the line checks, for the failure list. */
  label: string;
  /** A C integer constant expression that must be non-zero. */
  condition: string;
}

/** `(type)(value)` written so that every value of every type (up to 64 bits) is exact. */
export function typedLiteral(value: bigint, type: IntegerKind): string {
  const lit = value >= 0n ? `${value}ULL` : `(-${-value - 1n}LL - 1)`;
  return `((${type})${lit})`;
}

export function valueClaims(name: string, expr: string, value: bigint, type: IntegerKind): Claim[] {
  return [
    { label: `${name} == ${value}`, condition: `(${expr}) == ${typedLiteral(value, type)}` },
    {
      label: `${name} has type ${type}`,
      condition: `__builtin_types_compatible_p(__typeof__(${expr}), ${type})`,
    },
  ];
}

export function probeSource(
  include: string,
  claims: readonly Claim[],
): { source: string; firstLine: number } {
  const head = [`#include "${include}"`];
  const lines = claims.map((c) => `_Static_assert(${c.condition}, "");`);
  return { source: [...head, ...lines, ""].join("\n"), firstLine: head.length + 1 };
}

/** The claims clang rejected, with its message. */
export function rejectedClaims(
  claims: readonly Claim[],
  firstLine: number,
  errors: Map<number, string>,
): string[] {
  const out: string[] = [];
  for (const [line, message] of errors) {
    const claim = claims[line - firstLine];
    out.push(claim ? `${claim.label}: ${message}` : `line ${line}: ${message}`);
  }
  return out.sort();
}

/** The FreeBSD triples the standalone expression probes compile for. */
export const PROBE_TRIPLES = { amd64: "x86_64", i386: "i386", arm64: "aarch64" } as const;

/**
 * Writes a probe of `claims` after `prelude` into `dir`, compiles it with clang for `arch`
 * and returns the claims clang rejected, with its message.
 */
export async function clangRejections(
  dir: string,
  arch: keyof typeof PROBE_TRIPLES,
  prelude: string,
  claims: readonly Claim[],
): Promise<string[]> {
  const { source, firstLine } = probeSource(prelude, claims);
  const file = join(dir, `probe-${arch}.c`);
  writeFileSync(file, source);
  const stderr = await runFile(clangCommand, [
    `--target=${PROBE_TRIPLES[arch]}-unknown-freebsd13.0`,
    "-ffreestanding",
    "-std=gnu99",
    "-fsyntax-only",
    "-Wno-everything",
    "-ferror-limit=0",
    file,
  ]).then(
    (ok) => ok.stderr,
    (e: { stderr?: string }) => e.stderr ?? "",
  );
  const errors = new Map<number, string>();
  for (const m of stderr.matchAll(/^.*probe-\w+\.c:(\d+):\d+: error: (.*)$/gm))
    errors.set(Number(m[1]), m[2]!);
  return rejectedClaims(claims, firstLine, errors);
}
