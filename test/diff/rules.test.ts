// The change rules and their classification on hand-written snapshots (fixtures/diff):
// every kind of change once, the paths of changes reached through other records, filters,
// exit status bits, and the diagnostics for bad snapshot files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticError, formatDiagnostic } from "../../src/diagnostics/index.js";
import {
  diffSnapshots,
  exitStatus,
  renderJson,
  renderMarkdown,
  renderText,
} from "../../src/diff/index.js";
import { parseSnapshot, snapshotToJson, type Snapshot } from "../../src/snapshot/index.js";
import { repoRoot } from "../support/environment.js";

const fixtures = join(repoRoot, "fixtures", "diff");
const load = (name: string): Snapshot =>
  parseSnapshot(readFileSync(join(fixtures, name), "utf8"), name);

function brief(snapshotOld: Snapshot, snapshotNew: Snapshot) {
  return diffSnapshots(snapshotOld, snapshotNew).changes.map(
    (c) => `${c.severity} ${c.entity} ${c.kind}${c.member ? ` ${c.member}` : ""}`,
  );
}

describe("diff rules", () => {
  const old = load("old.json");
  const now = load("new.json");

  it("finds every change with its classification", () => {
    expect(brief(old, now).sort()).toEqual(
      [
        // struct a: y → yy at the same place and type; q inserted; p moved; grew.
        "abi struct a size",
        "api struct a member-renamed yy",
        "compatible struct a member-added q",
        "abi struct a member-moved p",
        // struct b: bitfield widened, int → unsigned int (same size), u_int → uint32_t (same type).
        "abi struct b bitfield-width f",
        "api struct b member-retyped g",
        "compatible struct b member-respelled h",
        // struct rwlock → struct mtx: the same size, but another record's layout inside.
        "abi struct b member-retyped lk",
        // struct c embeds struct a: it grew, and says why (the member's type name is unchanged).
        "abi struct c size",
        "abi struct c affected inner",
        // struct d points to struct c (changed size) and, through it, to struct a: one
        // pointer step each. struct e is two pointer steps away: not reported.
        "api struct d affected ptr",
        "api struct d affected ptr",
        "api struct gone removed",
        "compatible struct fresh added",
        "abi function f1 param-count params",
        "abi function f2 param-type param 1",
        "api function f3 param-type param 1",
        // static inline: compiled into the caller, so an argument-passing change is API only.
        "api function f4 param-type param 1",
        "abi function f5 variadic variadic",
        "api function f6 removed",
        "compatible function f7 added",
        "abi function f8 affected",
        // A callback parameter that now takes another argument: a pointer either way, but
        // calls through it pass values differently.
        "abi function f9 param-type param 1",
        "abi variable v1 type",
        "abi typedef t1 type",
        "compatible typedef t2 type",
        // A function type whose parameter is now passed as 64 bits: callbacks break.
        "abi typedef t3 type",
        "abi enum e enumerator-value B",
        "compatible enum e enumerator-added C",
        "api enum e enumerator-removed D",
        "abi macro M1 value",
        "api macro M2 removed",
        "compatible macro M3 added",
        "api macro M4 type",
      ].sort(),
    );
  });

  it("reports the old and new offsets of moved and renamed members", () => {
    const changes = diffSnapshots(old, now).changes;
    const moved = changes.find((c) => c.kind === "member-moved")!;
    expect(moved.old).toMatchObject({ bitOffset: 64, file: "sys/a.h", line: 10 });
    expect(moved.new).toMatchObject({ bitOffset: 128, file: "sys/a.h", line: 11 });
    expect(moved.message).toBe("member p moved offset 8 → offset 16");
    const renamed = changes.find((c) => c.kind === "member-renamed")!;
    expect(renamed.old?.name).toBe("y");
    expect(renamed.message).toContain("member y renamed to yy");
  });

  it("gives the path through which a change reaches another record", () => {
    const changes = diffSnapshots(old, now).changes;
    expect(changes.find((c) => c.kind === "affected" && c.entity === "struct c")?.via).toEqual([
      "inner → struct a",
    ]);
    expect(changes.find((c) => c.kind === "affected" && c.entity === "struct d")?.via).toEqual([
      "ptr → struct c",
      "inner → struct a",
    ]);
    expect(changes.find((c) => c.kind === "affected" && c.entity === "function f8")?.via).toEqual([
      "by value → struct a",
    ]);
  });

  it("reports nothing for a snapshot against itself", () => {
    expect(diffSnapshots(now, now).changes).toEqual([]);
    expect(exitStatus(diffSnapshots(now, now), "any")).toBe(0);
  });

  it("filters by category and by --allow patterns, counting what was allowed", () => {
    const onlyMacros = diffSnapshots(old, now, { only: ["macros"] });
    expect(new Set(onlyMacros.changes.map((c) => c.category))).toEqual(new Set(["macros"]));
    const allowed = diffSnapshots(old, now, { allow: [/^struct a\b/, /^macro M\d$/] });
    expect(
      allowed.changes.some((c) => c.entity === "struct a" || c.entity.startsWith("macro ")),
    ).toBe(false);
    expect(allowed.summary.allowed).toBe(8);
    // Subjects join entity and member: a pattern can pick one member.
    const oneMember = diffSnapshots(old, now, { allow: [/^struct a\.p$/] });
    expect(oneMember.changes.some((c) => c.entity === "struct a" && c.member === "p")).toBe(false);
    expect(oneMember.changes.some((c) => c.entity === "struct a" && c.member === "q")).toBe(true);
  });

  it("sets the exit status bits for each --fail-on level", () => {
    const all = diffSnapshots(old, now);
    expect(exitStatus(all, "abi")).toBe(4 | 8 | 16);
    expect(exitStatus(all, "api")).toBe(4 | 8 | 16);
    expect(exitStatus(all, "any")).toBe(4 | 8 | 16);
    expect(exitStatus(all, "none")).toBe(0);
    const compatibleOnly = diffSnapshots(old, now, { only: ["macros"], allow: [/M1|M2|M4/] });
    expect(exitStatus(compatibleOnly, "any")).toBe(4);
    expect(exitStatus(compatibleOnly, "api")).toBe(0);
    const apiOnly = diffSnapshots(old, now, { only: ["macros"], allow: [/M1/] });
    expect(exitStatus(apiOnly, "abi")).toBe(0);
    expect(exitStatus(apiOnly, "api")).toBe(4 | 8);
  });

  it("renders text with a summary first, Markdown tables and JSON that parses back", () => {
    const result = diffSnapshots(old, now);
    const text = renderText(result, { color: false });
    expect(text).not.toContain("\x1b[");
    expect(text.indexOf("total")).toBeLessThan(text.indexOf("== sys/a.h =="));
    expect(text).toMatch(/\[ABI\]\s+size 16 → 24 bytes\s+sys\/a\.h:10 → sys\/a\.h:11/);
    expect(renderText(result, { color: true })).toContain("\x1b[31m[ABI]");
    const md = renderMarkdown(result);
    expect(md).toContain("| total | 16 | 11 | 7 |");
    expect(md).toContain("### `struct a`");
    const json = JSON.parse(renderJson(result));
    expect(json.format).toBe("kpi-bindgen-diff");
    expect(json.changes).toHaveLength(result.changes.length);
    expect(json.summary.total).toEqual({ abi: 16, api: 11, compatible: 7 });
  });

  it("writes snapshots that read back to the same data, byte for byte", () => {
    const text = snapshotToJson(now);
    expect(snapshotToJson(parseSnapshot(text, "again.json"))).toBe(text);
  });
});

describe("bad snapshot files", () => {
  const diagnose = (name: string, text = readFileSync(join(fixtures, name), "utf8")) => {
    try {
      parseSnapshot(text, name);
    } catch (e) {
      if (e instanceof DiagnosticError) return e.diagnostics.map(formatDiagnostic).join("\n");
      throw e;
    }
    throw new Error("accepted a bad snapshot");
  };

  it("locates invalid JSON", () => {
    expect(diagnose("bad-truncated.json")).toMatch(
      /^bad-truncated\.json:3:\d+: error: not a snapshot: invalid JSON/,
    );
  });

  it("rejects another format or version", () => {
    expect(diagnose("x.json", '{"format":"other"}')).toMatch(
      /^x\.json:1:1: error: not a snapshot: expected "format"/,
    );
    expect(diagnose("bad-version.json")).toContain("snapshot format version 7 is not supported");
  });

  it("names the item and field of a malformed entry, on its line", () => {
    expect(diagnose("bad-field.json")).toBe(
      "bad-field.json:3:1: error: records[0].size: expected number, found string",
    );
  });
});
