// Records: added, removed, size and alignment, and every member matched by path (a member
// gone on one side and new on the other at the same place with the same type is a rename).
import { canonicalOf, type SnapshotMember, type SnapshotRecord } from "../snapshot/index.js";
import type { Change, ChangeKind, Severity } from "./model.js";
import { describeOffset, meaning, sideAt } from "./side.js";

function memberSide(record: SnapshotRecord, m: SnapshotMember) {
  return sideAt(record, {
    text: m.type,
    name: m.path,
    bitOffset: m.bitOffset,
    ...(m.bitWidth !== undefined ? { bitWidth: m.bitWidth } : {}),
    size: m.size,
  });
}

function samePlaceAndType(a: SnapshotMember, b: SnapshotMember): boolean {
  return (
    a.bitOffset === b.bitOffset &&
    a.bitWidth === b.bitWidth &&
    (a.depth ?? 0) === (b.depth ?? 0) &&
    canonicalOf(a) === canonicalOf(b)
  );
}

/**
 * A member now holding a different record by value (struct rwlock → struct mtx) has a new
 * inner layout even at the same size. Anonymous records are compared member by member
 * instead, so a change to or from one is left to those members.
 */
function embedsOtherRecords(a: SnapshotMember, b: SnapshotMember): boolean {
  if (canonicalOf(a).includes("{...}") || canonicalOf(b).includes("{...}")) return false;
  return (a.byValue ?? []).join("\n") !== (b.byValue ?? []).join("\n");
}

/** "a.b" → "a", "a[].b" → "a", "a" → "". */
function containerPath(path: string): string {
  const cut = path.lastIndexOf(".");
  return cut < 0 ? "" : path.slice(0, cut).replace(/\[\]$/, "");
}

export function compareRecord(old: SnapshotRecord, now: SnapshotRecord): Change[] {
  const changes: Change[] = [];
  const add = (
    kind: ChangeKind,
    severity: Severity,
    member: string,
    message: string,
    extra: Partial<Change> = {},
  ) =>
    changes.push({
      category: "records",
      kind,
      severity,
      entity: now.key,
      member,
      header: now.header,
      message,
      ...extra,
    });

  if (old.kind !== now.kind)
    add("size", "abi", "", `${old.kind} became a ${now.kind}`, {
      old: sideAt(old, { text: old.kind }),
      new: sideAt(now, { text: now.kind }),
    });
  if (old.size !== now.size)
    add("size", "abi", "", `size ${old.size} → ${now.size} bytes`, {
      old: sideAt(old, { size: old.size }),
      new: sideAt(now, { size: now.size }),
    });
  if (old.align !== now.align)
    add("align", "abi", "", `alignment ${old.align} → ${now.align}`, {
      old: sideAt(old, { align: old.align }),
      new: sideAt(now, { align: now.align }),
    });

  const named = (r: SnapshotRecord) => r.members.filter((m) => !m.anonymous);
  const oldByPath = new Map(named(old).map((m) => [m.path, m]));
  const newByPath = new Map(named(now).map((m) => [m.path, m]));
  const gone = named(old).filter((m) => !newByPath.has(m.path));
  const fresh = named(now).filter((m) => !oldByPath.has(m.path));

  // Renames: pair each vanished member with the first new one at its place and type.
  const renamedTo = new Map<SnapshotMember, SnapshotMember>();
  const taken = new Set<SnapshotMember>();
  for (const g of gone) {
    const match = fresh.find((f) => !taken.has(f) && samePlaceAndType(g, f));
    if (match) {
      renamedTo.set(match, g);
      taken.add(match);
    }
  }

  const moved = new Map<string, number>();
  for (const m of named(now)) {
    const before = oldByPath.get(m.path);
    if (!before) {
      const renamedFrom = renamedTo.get(m);
      if (renamedFrom) {
        add(
          "member-renamed",
          "api",
          m.path,
          `member ${renamedFrom.path} renamed to ${m.path} (${describeOffset(m.bitOffset)}, ${m.type})`,
          {
            old: memberSide(old, renamedFrom),
            new: memberSide(now, m),
          },
        );
      } else {
        add(
          "member-added",
          "compatible",
          m.path,
          `member ${m.path} added at ${describeOffset(m.bitOffset)} (${m.type}, ${m.size} bytes)`,
          {
            new: memberSide(now, m),
          },
        );
      }
      continue;
    }
    const sides = { old: memberSide(old, before), new: memberSide(now, m) };
    if (canonicalOf(before) !== canonicalOf(m)) {
      const resized = before.size !== m.size;
      const shown = meaning(before.type, canonicalOf(before), m.type, canonicalOf(m));
      const sizes = resized ? ` (${before.size} → ${m.size} bytes)` : "";
      add(
        "member-retyped",
        resized || embedsOtherRecords(before, m) || before.callAbi !== m.callAbi ? "abi" : "api",
        m.path,
        `member ${m.path} type ${shown}${sizes}`,
        sides,
      );
    } else if (before.type !== m.type) {
      add(
        "member-respelled",
        "compatible",
        m.path,
        `member ${m.path} spelled ${before.type} → ${m.type} (same type)`,
        sides,
      );
    }
    if (before.bitWidth !== m.bitWidth)
      add(
        "bitfield-width",
        "abi",
        m.path,
        `member ${m.path} width ${before.bitWidth ?? "none"} → ${m.bitWidth ?? "none"} bits`,
        sides,
      );
    const delta = m.bitOffset - before.bitOffset;
    moved.set(m.path, delta);
    // A member inside a moved member moves with it: only its container is reported.
    if (delta !== 0 && moved.get(containerPath(m.path)) !== delta)
      add(
        "member-moved",
        "abi",
        m.path,
        `member ${m.path} moved ${describeOffset(before.bitOffset)} → ${describeOffset(m.bitOffset)}`,
        sides,
      );
  }
  for (const g of gone) {
    if ([...renamedTo.values()].includes(g)) continue;
    add(
      "member-removed",
      "api",
      g.path,
      `member ${g.path} removed (was at ${describeOffset(g.bitOffset)}, ${g.type})`,
      {
        old: memberSide(old, g),
      },
    );
  }
  return changes;
}

export function recordAdded(r: SnapshotRecord): Change {
  return {
    category: "records",
    kind: "added",
    severity: "compatible",
    entity: r.key,
    member: "",
    header: r.header,
    message: `${r.kind} added (${r.size} bytes, ${r.members.filter((m) => !m.depth).length} members)`,
    new: sideAt(r, { size: r.size, align: r.align }),
  };
}

export function recordRemoved(r: SnapshotRecord): Change {
  return {
    category: "records",
    kind: "removed",
    severity: "api",
    entity: r.key,
    member: "",
    header: r.header,
    message: `${r.kind} removed`,
    old: sideAt(r, { size: r.size, align: r.align }),
  };
}
