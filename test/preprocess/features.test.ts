// __has_feature, __has_extension, __has_builtin, __has_attribute, __has_c_attribute,
// __has_declspec_attribute and __is_identifier: every name the FreeBSD trees ask about plus
// a broad sample of clang's own, answered as clang 19 answers them (gnu17 and gnu99).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import type { FeatureQueries } from "../../src/preprocess/index.js";
import {
  cAttributes,
  cExtensions,
  cFeatures,
  cKeywords,
  genericBuiltins,
  gnuAttributes,
} from "../../src/preprocess/feature-tables.js";
import { describeWith, needClang, needTree, sharedDir } from "../support/environment.js";
import { baseFlags, clang, defaultTarget } from "./support/clang-oracle.js";
import { renderP, runEngine } from "./support/run-engine.js";
import { spellings } from "../support/preprocessed-tokens.js";

type Query =
  | "__has_feature"
  | "__has_extension"
  | "__has_builtin"
  | "__has_attribute"
  | "__has_c_attribute"
  | "__has_declspec_attribute"
  | "__is_identifier";

/** Names the FreeBSD trees pass to the feature tests (only plain identifiers). */
function freebsdQueries(): [Query, string][] {
  const out = execFileSync(
    "grep",
    ["-rhoE", "__has_[a-z_]+\\([A-Za-z_0-9]+\\)", join(sharedDir, "freebsd")],
    { encoding: "utf8" },
  );
  const pairs = new Set(out.split("\n").filter(Boolean));
  return [...pairs]
    .map((p) => /^(__has_[a-z_]+)\((\w+)\)$/.exec(p)!)
    .filter((m) => m[1] !== "__has_include" && m[1] !== "__has_include_next")
    .map((m) => [m[1] as Query, m[2]!]);
}

/** Every n-th name of a list, to keep the query file small but broad. */
const every = (names: readonly string[], n: number) => names.filter((_, k) => k % n === 0);

function sampleQueries(): [Query, string][] {
  const attrNames = gnuAttributes.flatMap(([, names]) => names);
  const cAttrNames = cAttributes.flatMap(([, names]) => names);
  const negatives = [
    "not_a_feature",
    "__builtin_not_real",
    "no_such_attribute",
    "cxx_exceptions",
    "cxx_rvalue_references",
    "objc_arc",
    "blocks",
    "modules",
    "address_sanitizer",
    "dllexport",
    "selectany",
  ];
  const q: [Query, string][] = [];
  for (const n of [
    ...every(cFeatures, 2),
    ...negatives,
    "c_atomic",
    "c_alignas",
    "c_static_assert",
  ])
    q.push(["__has_feature", n]);
  for (const n of [...every(cExtensions, 2), ...negatives]) q.push(["__has_extension", n]);
  for (const n of [...every(genericBuiltins, 7), ...negatives]) q.push(["__has_builtin", n]);
  for (const n of [
    ...every(attrNames, 3),
    "__packed__",
    "__aligned__",
    "__section__",
    "__noinline__",
    ...negatives,
  ])
    q.push(["__has_attribute", n]);
  for (const n of [
    ...every(cAttrNames, 3),
    "gnu::packed",
    "clang::fallthrough",
    "gnu::__aligned__",
    ...negatives,
  ])
    q.push(["__has_c_attribute", n]);
  for (const n of ["dllexport", "dllimport", "noreturn", "selectany", ...negatives])
    q.push(["__has_declspec_attribute", n]);
  for (const n of [
    ...every(cKeywords, 2),
    "int",
    "asm",
    "typeof",
    "foo",
    "bool",
    "class",
    "_Bool",
    ...negatives,
  ])
    q.push(["__is_identifier", n]);
  return q;
}

const scratch = mkdtempSync(join(tmpdir(), "kpi-pp-features-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function queryFile(name: string, queries: [Query, string][]): string {
  // One query per line, tagged, so a mismatch names the query.
  const text = queries.map(([q, n], k) => `q${k} ${q}(${n})`).join("\n") + "\n";
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function compare(
  queries: [Query, string][],
  path: string,
  flags: string[],
  target = defaultTarget,
  hasFeature: FeatureQueries = {},
) {
  const theirs = await clang([`--target=${target}`, ...baseFlags, ...flags, "-E", "-P", path]);
  expect(theirs.code, theirs.stderr).toBe(0);
  const answers = (text: string) => text.split(/ (?=q\d+ )/);
  const ours = answers(
    spellings(renderP(await runEngine(path, flags, { hasFeature }, target))).join(" "),
  );
  const clangs = answers(spellings(theirs.stdout).join(" "));
  expect(ours.length).toBe(queries.length);
  const wrong = queries
    .map(([q, n], k) => ({ query: `${q}(${n})`, ours: ours[k], clang: clangs[k] }))
    .filter((x) => x.ours !== x.clang);
  expect(wrong).toEqual([]);
}

describeWith(
  [needClang(), needTree("13.0"), needTree("11.0")],
  "feature tests answer as clang 19",
  () => {
    it("answers every query the FreeBSD trees make (gnu99, as the kernel builds)", async () => {
      const queries = freebsdQueries();
      expect(queries.length).toBeGreaterThan(15);
      await compare(queries, queryFile("freebsd.c", queries), ["-std=gnu99"]);
    });

    it("answers a broad sample of clang's names (gnu17 and gnu99)", async () => {
      const queries = sampleQueries();
      const path = queryFile("sample.c", queries);
      await compare(queries, path, []);
      await compare(queries, path, ["-std=gnu99"]);
    });

    it("takes target builtins from the caller's hook", async () => {
      const queries: [Query, string][] = [
        ["__has_builtin", "__builtin_ia32_pause"],
        ["__has_builtin", "__builtin_expect"],
      ];
      const x86 = { builtin: (n: string) => (n.startsWith("__builtin_ia32_") ? 1 : undefined) };
      await compare(queries, queryFile("hook.c", queries), [], defaultTarget, x86);
    });

    it("answers the same sample for arm64 (target-independent names only)", async () => {
      const queries = sampleQueries().filter(([q]) => q !== "__has_builtin");
      await compare(
        queries,
        queryFile("sample-arm64.c", queries),
        [],
        "aarch64-unknown-freebsd13.0",
      );
    });
  },
);
