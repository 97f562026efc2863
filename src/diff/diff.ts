// Two snapshots → every change, classified, filtered and in a fixed order.
import type { Snapshot } from "../snapshot/index.js";
import { compareFunction, functionPresence } from "./compare-functions.js";
import { compareEnum, compareMacro, compareTyped, macroText, presence } from "./compare-others.js";
import { compareRecord, recordAdded, recordRemoved } from "./compare-records.js";
import {
  CATEGORIES,
  changeSubject,
  type Category,
  type Change,
  type DiffResult,
  type DiffSummary,
  type SeverityCounts,
} from "./model.js";
import { propagate } from "./propagate.js";

export interface DiffOptions {
  /** Categories to report; all when absent or empty. */
  only?: Category[];
  /** Changes whose subject matches any of these are left out (known changes). */
  allow?: RegExp[];
}

/** Items present on both sides, and the ones on one side only, in key order. */
function pair<T>(
  olds: T[],
  news: T[],
  key: (t: T) => string,
  visit: {
    both(a: T, b: T): Change[];
    added(b: T): Change;
    removed(a: T): Change;
  },
): Change[] {
  const before = new Map(olds.map((t) => [key(t), t]));
  const after = new Map(news.map((t) => [key(t), t]));
  const out: Change[] = [];
  for (const b of news) {
    const a = before.get(key(b));
    if (a === undefined) out.push(visit.added(b));
    else out.push(...visit.both(a, b));
  }
  for (const a of olds) if (!after.has(key(a))) out.push(visit.removed(a));
  return out;
}

function directChanges(old: Snapshot, now: Snapshot): Change[] {
  return [
    ...pair(old.records, now.records, (r) => r.key, {
      both: compareRecord,
      added: recordAdded,
      removed: recordRemoved,
    }),
    ...pair(old.functions, now.functions, (f) => f.name, {
      both: compareFunction,
      added: (f) => functionPresence(f, true),
      removed: (f) => functionPresence(f, false),
    }),
    ...pair(old.variables, now.variables, (v) => v.name, {
      both: (a, b) => compareTyped("variables", `variable ${b.name}`, a, b),
      added: (v) => presence("variables", `variable ${v.name}`, v, v.type, true),
      removed: (v) => presence("variables", `variable ${v.name}`, v, v.type, false),
    }),
    ...pair(old.typedefs, now.typedefs, (t) => t.name, {
      both: (a, b) => compareTyped("typedefs", `typedef ${b.name}`, a, b),
      added: (t) => presence("typedefs", `typedef ${t.name}`, t, t.type, true),
      removed: (t) => presence("typedefs", `typedef ${t.name}`, t, t.type, false),
    }),
    ...pair(old.enums, now.enums, (e) => e.key, {
      both: compareEnum,
      added: (e) => presence("enums", e.key, e, `${e.enumerators.length} enumerators`, true),
      removed: (e) => presence("enums", e.key, e, `${e.enumerators.length} enumerators`, false),
    }),
    ...pair(old.macros, now.macros, (m) => m.name, {
      both: compareMacro,
      added: (m) => presence("macros", `macro ${m.name}`, m, macroText(m), true),
      removed: (m) => presence("macros", `macro ${m.name}`, m, macroText(m), false),
    }),
  ];
}

const zero = (): SeverityCounts => ({ abi: 0, api: 0, compatible: 0 });

export function summarize(changes: Change[], allowed: number): DiffSummary {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<
    Category,
    SeverityCounts
  >;
  const total = zero();
  for (const c of changes) {
    byCategory[c.category][c.severity]++;
    total[c.severity]++;
  }
  return { byCategory, total, allowed };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Header, then category, then entity; within an entity the order changes were found in. */
function ordered(changes: Change[]): Change[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort(
      (x, y) =>
        byCodePoint(x.c.header, y.c.header) ||
        CATEGORIES.indexOf(x.c.category) - CATEGORIES.indexOf(y.c.category) ||
        byCodePoint(x.c.entity, y.c.entity) ||
        x.i - y.i,
    )
    .map((x) => x.c);
}

export function diffSnapshots(old: Snapshot, now: Snapshot, options: DiffOptions = {}): DiffResult {
  const direct = directChanges(old, now);
  const all = [...direct, ...propagate(old, now, direct)];
  const only = options.only && options.only.length > 0 ? new Set(options.only) : null;
  const allow = options.allow ?? [];
  let allowed = 0;
  const kept = all.filter((c) => {
    if (only && !only.has(c.category)) return false;
    const subject = changeSubject(c);
    if (allow.some((re) => re.test(subject))) {
      allowed++;
      return false;
    }
    return true;
  });
  const changes = ordered(kept);
  return {
    old: old.provenance,
    new: now.provenance,
    changes,
    summary: summarize(changes, allowed),
  };
}
