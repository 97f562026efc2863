// Functions: presence, return type, each parameter, variadic, prototype. A change that
// alters how arguments are passed is an ABI break, unless the function is static inline
// (compiled into each caller, so only its source interface matters).
import { canonicalOf, type SnapshotFunction } from "../snapshot/index.js";
import type { Change, ChangeKind, Severity } from "./model.js";
import { meaning, sideAt } from "./side.js";

export function signature(f: SnapshotFunction): string {
  const params = f.params.map((p) => p.type);
  if (f.variadic) params.push("...");
  const list = f.prototyped ? (params.length ? params.join(", ") : "void") : "";
  return `${f.inline ? "static inline " : ""}${f.returns} ${f.name}(${list})`;
}

export function compareFunction(old: SnapshotFunction, now: SnapshotFunction): Change[] {
  const changes: Change[] = [];
  const entity = `function ${now.name}`;
  const sides = {
    old: sideAt(old, { text: signature(old) }),
    new: sideAt(now, { text: signature(now) }),
  };
  const cap = (s: Severity): Severity => (s === "abi" && old.inline && now.inline ? "api" : s);
  const add = (kind: ChangeKind, severity: Severity, member: string, message: string) =>
    changes.push({
      category: "functions",
      kind,
      severity: cap(severity),
      entity,
      member,
      header: now.header,
      message,
      ...sides,
    });

  const oldReturn = old.returnsCanonical ?? old.returns;
  const newReturn = now.returnsCanonical ?? now.returns;
  if (oldReturn !== newReturn)
    add(
      "return-type",
      old.returnsAbi !== now.returnsAbi ? "abi" : "api",
      "return",
      `returns ${meaning(old.returns, oldReturn, now.returns, newReturn)}`,
    );
  else if (old.returns !== now.returns)
    add(
      "return-type",
      "compatible",
      "return",
      `return spelled ${old.returns} → ${now.returns} (same type)`,
    );

  const shared = Math.min(old.params.length, now.params.length);
  for (let i = 0; i < shared; i++) {
    const a = old.params[i];
    const b = now.params[i];
    const label = `param ${i + 1}${b.name ? ` (${b.name})` : ""}`;
    if (canonicalOf(a) !== canonicalOf(b))
      add(
        "param-type",
        a.abi !== b.abi || a.callAbi !== b.callAbi ? "abi" : "api",
        `param ${i + 1}`,
        `${label}: ${meaning(a.type, canonicalOf(a), b.type, canonicalOf(b))}`,
      );
    else if (a.type !== b.type)
      add(
        "param-type",
        "compatible",
        `param ${i + 1}`,
        `${label} spelled ${a.type} → ${b.type} (same type)`,
      );
  }
  if (old.params.length !== now.params.length)
    add("param-count", "abi", "params", `${old.params.length} → ${now.params.length} parameters`);
  if (old.variadic !== now.variadic)
    add("variadic", "abi", "variadic", now.variadic ? "became variadic" : "no longer variadic");
  if (old.prototyped !== now.prototyped)
    add(
      "prototype",
      "api",
      "prototype",
      now.prototyped ? "gained a prototype" : "lost its prototype",
    );
  if (old.inline !== now.inline)
    add("inline", "api", "inline", now.inline ? "became static inline" : "no longer static inline");
  return changes;
}

export function functionPresence(f: SnapshotFunction, added: boolean): Change {
  return {
    category: "functions",
    kind: added ? "added" : "removed",
    severity: added ? "compatible" : "api",
    entity: `function ${f.name}`,
    member: "",
    header: f.header,
    message: `${added ? "added" : "removed"}: ${signature(f)}`,
    [added ? "new" : "old"]: sideAt(f, { text: signature(f) }),
  };
}
