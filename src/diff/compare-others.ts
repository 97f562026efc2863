// Variables, typedefs, enums and macro constants.
import {
  canonicalOf,
  type SnapshotEnum,
  type SnapshotMacro,
  type SnapshotTypedef,
  type SnapshotVariable,
} from "../snapshot/index.js";
import type { Category, Change, ChangeKind, Severity } from "./model.js";
import { meaning, sideAt } from "./side.js";

function change(
  category: Category,
  kind: ChangeKind,
  severity: Severity,
  entity: string,
  header: string,
  message: string,
  extra: Partial<Change> = {},
): Change {
  return { category, kind, severity, entity, member: "", header, message, ...extra };
}

export function presence(
  category: Category,
  entity: string,
  item: { header: string; file: string; line: number },
  text: string,
  added: boolean,
): Change {
  return change(
    category,
    added ? "added" : "removed",
    added ? "compatible" : "api",
    entity,
    item.header,
    `${added ? "added" : "removed"}: ${text}`,
    {
      [added ? "new" : "old"]: sideAt(item, { text }),
    },
  );
}

/** Variables and typedefs: a different type is ABI when its size (or alignment) changed. */
export function compareTyped(
  category: "variables" | "typedefs",
  entity: string,
  old: SnapshotVariable | SnapshotTypedef,
  now: SnapshotVariable | SnapshotTypedef,
): Change[] {
  const sides = {
    old: sideAt(old, { text: old.type, ...(old.size !== null ? { size: old.size } : {}) }),
    new: sideAt(now, { text: now.type, ...(now.size !== null ? { size: now.size } : {}) }),
  };
  if (canonicalOf(old) !== canonicalOf(now)) {
    const oldAlign = "align" in old ? old.align : null;
    const newAlign = "align" in now ? now.align : null;
    // A function type's calls pass values differently: a callback's ABI changed.
    const oldCall = "callAbi" in old ? old.callAbi : undefined;
    const newCall = "callAbi" in now ? now.callAbi : undefined;
    const abi = old.size !== now.size || oldAlign !== newAlign || oldCall !== newCall;
    const sizes =
      old.size !== now.size
        ? ` (${old.size ?? "incomplete"} → ${now.size ?? "incomplete"} bytes)`
        : "";
    return [
      change(
        category,
        "type",
        abi ? "abi" : "api",
        entity,
        now.header,
        `type ${meaning(old.type, canonicalOf(old), now.type, canonicalOf(now))}${sizes}`,
        sides,
      ),
    ];
  }
  if (old.type !== now.type)
    return [
      change(
        category,
        "type",
        "compatible",
        entity,
        now.header,
        `spelled ${old.type} → ${now.type} (same type)`,
        sides,
      ),
    ];
  return [];
}

const INT_SIZED = new Set(["int", "unsigned int"]);

export function compareEnum(old: SnapshotEnum, now: SnapshotEnum): Change[] {
  const changes: Change[] = [];
  const entity = now.key;
  if (old.underlying !== now.underlying) {
    const abi = !(INT_SIZED.has(old.underlying) && INT_SIZED.has(now.underlying));
    changes.push(
      change(
        "enums",
        "underlying",
        abi ? "abi" : "api",
        entity,
        now.header,
        `underlying type ${old.underlying} → ${now.underlying}`,
        {
          old: sideAt(old, { text: old.underlying }),
          new: sideAt(now, { text: now.underlying }),
        },
      ),
    );
  }
  const before = new Map(old.enumerators.map((e) => [e.name, e.value]));
  const after = new Map(now.enumerators.map((e) => [e.name, e.value]));
  for (const e of now.enumerators) {
    const was = before.get(e.name);
    if (was === undefined) {
      changes.push({
        ...change(
          "enums",
          "enumerator-added",
          "compatible",
          entity,
          now.header,
          `${e.name} = ${e.value} added`,
        ),
        member: e.name,
        new: sideAt(now, { text: e.value }),
      });
    } else if (was !== e.value) {
      changes.push({
        ...change(
          "enums",
          "enumerator-value",
          "abi",
          entity,
          now.header,
          `${e.name} ${was} → ${e.value}`,
        ),
        member: e.name,
        old: sideAt(old, { text: was }),
        new: sideAt(now, { text: e.value }),
      });
    }
  }
  for (const e of old.enumerators) {
    if (!after.has(e.name))
      changes.push({
        ...change(
          "enums",
          "enumerator-removed",
          "api",
          entity,
          now.header,
          `${e.name} (= ${e.value}) removed`,
        ),
        member: e.name,
        old: sideAt(old, { text: e.value }),
      });
  }
  return changes;
}

export function macroText(m: SnapshotMacro): string {
  return m.kind === "string"
    ? JSON.stringify(m.value)
    : `${m.value}${m.type ? ` (${m.type})` : ""}`;
}

export function compareMacro(old: SnapshotMacro, now: SnapshotMacro): Change[] {
  const sides = {
    old: sideAt(old, { text: macroText(old) }),
    new: sideAt(now, { text: macroText(now) }),
  };
  const entity = `macro ${now.name}`;
  if (old.kind !== now.kind || old.value !== now.value)
    return [
      change(
        "macros",
        "value",
        "abi",
        entity,
        now.header,
        `value ${macroText(old)} → ${macroText(now)}`,
        sides,
      ),
    ];
  if (old.type !== now.type)
    return [
      change(
        "macros",
        "type",
        "api",
        entity,
        now.header,
        `type ${old.type} → ${now.type} (value ${now.value})`,
        sides,
      ),
    ];
  return [];
}
