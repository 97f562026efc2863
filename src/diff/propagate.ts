// Changes that reach a declaration only through another record. A record embedding a
// changed record by value (at any depth) shares its layout change; one reaching it through
// a pointer (one pointer step on the way, no more) sees only its API. Functions and
// variables are reported when they hold a changed record by value: their calling
// convention or storage changed. Pointer uses from functions are left to the record's own
// entry: nearly every KPI function takes a pointer to some changed record.
import type { Snapshot, SnapshotRecord, TypeRefs } from "../snapshot/index.js";
import { worse, type Change, type Severity } from "./model.js";
import { sideAt } from "./side.js";

interface Edge {
  from: string;
  member: string;
}

/** Reverse edges: record key → the record members holding it (by value or by pointer). */
function reverseEdges(records: SnapshotRecord[]) {
  const byValue = new Map<string, Edge[]>();
  const byPointer = new Map<string, Edge[]>();
  const push = (map: Map<string, Edge[]>, to: string, edge: Edge) => {
    const list = map.get(to) ?? [];
    list.push(edge);
    map.set(to, list);
  };
  for (const r of records) {
    for (const m of r.members) {
      for (const to of m.byValue ?? [])
        if (to !== r.key) push(byValue, to, { from: r.key, member: m.path });
      for (const to of m.byPointer ?? [])
        if (to !== r.key) push(byPointer, to, { from: r.key, member: m.path });
    }
  }
  return { byValue, byPointer };
}

/** key → the step toward the changed record; the changed record itself maps to null. */
type Trail = Map<string, { member: string; next: string } | null>;

function valueClosure(starts: Trail, byValue: Map<string, Edge[]>, exclude: Trail): Trail {
  const reached: Trail = new Map(starts);
  const queue = [...starts.keys()];
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i];
    for (const e of byValue.get(key) ?? []) {
      if (reached.has(e.from) || exclude.has(e.from)) continue;
      reached.set(e.from, { member: e.member, next: key });
      queue.push(e.from);
    }
  }
  return reached;
}

function pathOf(trail: Trail, start: string): string[] {
  const steps: string[] = [];
  let key = start;
  for (let step = trail.get(key); step; step = trail.get(key)) {
    steps.push(`${step.member} → ${step.next}`);
    key = step.next;
  }
  return steps;
}

function recordSeverities(direct: Change[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const c of direct) {
    if (
      c.category !== "records" ||
      c.kind === "added" ||
      c.kind === "removed" ||
      c.severity === "compatible"
    )
      continue;
    out.set(c.entity, worse(out.get(c.entity) ?? "compatible", c.severity));
  }
  return out;
}

export function propagate(old: Snapshot, now: Snapshot, direct: Change[]): Change[] {
  const inOld = new Set(old.records.map((r) => r.key));
  const records = now.records.filter((r) => inOld.has(r.key));
  const recordByKey = new Map(records.map((r) => [r.key, r]));
  const { byValue, byPointer } = reverseEdges(records);
  const out: Change[] = [];

  const usersByValue = (items: (TypeRefs & { name: string })[]) => {
    const map = new Map<string, string[]>();
    for (const item of items)
      for (const k of item.byValue ?? []) map.set(k, [...(map.get(k) ?? []), item.name]);
    return map;
  };
  const functionUsers = usersByValue(now.functions);
  const variableUsers = usersByValue(now.variables);
  const functions = new Map(now.functions.map((f) => [f.name, f]));
  const variables = new Map(now.variables.map((v) => [v.name, v]));
  const oldFunctions = new Set(old.functions.map((f) => f.name));
  const oldVariables = new Set(old.variables.map((v) => v.name));

  for (const [changed, severity] of recordSeverities(direct)) {
    const start: Trail = new Map([[changed, null]]);
    const viaValue = valueClosure(start, byValue, new Map());
    const pointerStarts: Trail = new Map();
    for (const key of viaValue.keys()) {
      for (const e of byPointer.get(key) ?? []) {
        if (!viaValue.has(e.from) && !pointerStarts.has(e.from))
          pointerStarts.set(e.from, { member: e.member, next: key });
      }
    }
    const viaPointer = valueClosure(pointerStarts, byValue, viaValue);
    const report = (trail: Trail, combined: Trail, sev: Severity, how: string) => {
      for (const key of trail.keys()) {
        if (key === changed) continue;
        const r = recordByKey.get(key)!;
        const via = pathOf(combined, key);
        out.push({
          category: "records",
          kind: "affected",
          severity: sev,
          entity: key,
          member: via[0].split(" → ")[0],
          header: r.header,
          message: `affected ${how} through ${via.join(", ")}`,
          new: sideAt(r),
          via,
        });
      }
    };
    report(viaValue, viaValue, severity, "by value");
    report(viaPointer, new Map([...viaValue, ...viaPointer]), "api", "by pointer");

    for (const key of viaValue.keys()) {
      const tail = pathOf(viaValue, key);
      for (const name of functionUsers.get(key) ?? []) {
        const f = functions.get(name)!;
        if (!oldFunctions.has(name)) continue;
        const via = [`by value → ${key}`, ...tail];
        out.push({
          category: "functions",
          kind: "affected",
          severity: f.inline && severity === "abi" ? "api" : severity,
          entity: `function ${name}`,
          member: "",
          header: f.header,
          message: `passes ${key} by value, which changed (through ${via.join(", ")})`,
          new: sideAt(f),
          via,
        });
      }
      for (const name of variableUsers.get(key) ?? []) {
        const v = variables.get(name)!;
        if (!oldVariables.has(name)) continue;
        const via = [`by value → ${key}`, ...tail];
        out.push({
          category: "variables",
          kind: "affected",
          severity,
          entity: `variable ${name}`,
          member: "",
          header: v.header,
          message: `holds ${key} by value, which changed (through ${via.join(", ")})`,
          new: sideAt(v),
          via,
        });
      }
    }
  }
  return out;
}
