// Shared by the diff tests: snapshots of the real trees (front end + snapshot, cached per
// run), and clang's record layouts for the same builds.
import {
  compileProbe,
  parseRecordDump,
  type DumpedMember,
  type DumpedRecord,
} from "../../src/verify/index.js";
import type { DiffResult } from "../../src/diff/index.js";
import { runFrontEnd, type FrontEndResult } from "../../src/pipeline/index.js";
import { buildSnapshot, toolVersion, type Snapshot } from "../../src/snapshot/index.js";
import { getTarget, type TargetName } from "../../src/targets/index.js";
import { clangCommand, kpiWrapper, sysTree, type FreeBSDRelease } from "../support/environment.js";

export interface RealSide {
  front: FrontEndResult;
  snapshot: Snapshot;
}

export function realSide(release: FreeBSDRelease, arch: TargetName = "amd64"): RealSide {
  const front = runFrontEnd({
    sysDir: sysTree(release),
    target: getTarget(arch),
    mode: "module",
    kernconf: "GENERIC",
    header: kpiWrapper,
  });
  return { front, snapshot: buildSnapshot({ front, kernconf: "GENERIC", tool: toolVersion() }) };
}

/**
 * clang's layouts of `keys` (record keys: "struct x" or a typedef name) in the side's
 * build, keyed by record key. The probe makes clang lay each one out with sizeof.
 */
export async function clangLayouts(
  side: RealSide,
  keys: string[],
): Promise<Map<string, DumpedRecord>> {
  // clang's dump names a typedef-named anonymous record by the typedef alone, without a
  // kind; a wrapper struct holding one gets a dump block whose only member lists its members.
  const tagged = (k: string) => /^(struct|union) /.test(k);
  const probe =
    `#include "${kpiWrapper}"\n` +
    keys
      .map((k, i) =>
        tagged(k)
          ? `typedef char kd_probe_${i}[sizeof(${k})];\n`
          : `struct kd_wrap_${i} { ${k} kd_m; };\ntypedef char kd_probe_${i}[sizeof(struct kd_wrap_${i})];\n`,
      )
      .join("");
  const result = await side.front.plan.withClangLayout((layout) =>
    compileProbe(
      clangCommand,
      [...layout.args, "-fsyntax-only", "-Wno-everything", "-Xclang", "-fdump-record-layouts"],
      probe,
    ),
  );
  if (result.exitCode !== 0)
    throw new Error(`clang rejected the probe:\n${result.stderr.slice(0, 2000)}`);
  const byName = new Map<string, DumpedRecord>();
  for (const r of parseRecordDump(result.stdout)) {
    if (!r.nested && !r.definedAt && !byName.has(`${r.kind} ${r.name}`))
      byName.set(`${r.kind} ${r.name}`, r);
  }
  const out = new Map<string, DumpedRecord>();
  keys.forEach((k, i) => {
    if (tagged(k)) {
      const found = byName.get(k);
      if (found) out.set(k, found);
      return;
    }
    const wrapper = byName.get(`struct kd_wrap_${i}`);
    const inner = wrapper?.members[0];
    if (wrapper && inner) out.set(k, { ...wrapper, name: k, members: inner.children });
  });
  return out;
}

/**
 * Member path → bit offset, in the snapshot's naming: anonymous records' members under
 * the enclosing names ("name." for a named member of anonymous type), tagged records
 * not expanded.
 */
export function dumpedPaths(
  record: DumpedRecord,
): Map<string, { bitOffset: number; bitWidth: number | null }> {
  const out = new Map<string, { bitOffset: number; bitWidth: number | null }>();
  const walk = (members: DumpedMember[], prefix: string) => {
    for (const m of members) {
      if (m.name !== "") out.set(prefix + m.name, { bitOffset: m.bitOffset, bitWidth: m.bitWidth });
      if (/\((unnamed|anonymous)\b[^)]* at /.test(m.typeText) && !/\[\d*\]$/.test(m.typeText))
        walk(m.children, m.name === "" ? prefix : `${prefix}${m.name}.`);
    }
  };
  walk(record.members, "");
  return out;
}

/** Kinds whose numbers are layout facts clang can confirm. */
const LAYOUT_KINDS = new Set([
  "size",
  "align",
  "member-added",
  "member-removed",
  "member-renamed",
  "member-retyped",
  "member-respelled",
  "member-moved",
  "bitfield-width",
]);

export interface CrossCheck {
  layoutChanges: number;
  /** Change sides whose numbers were compared with clang's. */
  checked: number;
  /** "struct x.m (old): ours 64, clang 32" */
  mismatches: string[];
  /** Members clang's dump does not list (inside arrays of anonymous records). */
  unreachable: string[];
}

/** Compares every size, alignment and member offset a diff reports with clang's, per side. */
export async function crossCheckWithClang(
  result: DiffResult,
  old: RealSide,
  now: RealSide,
): Promise<CrossCheck> {
  const layoutChanges = result.changes.filter(
    (c) => c.category === "records" && LAYOUT_KINDS.has(c.kind),
  );
  const keysOn = (side: "old" | "new") => [
    ...new Set(layoutChanges.filter((c) => c[side] !== undefined).map((c) => c.entity)),
  ];
  const [oldClang, newClang] = await Promise.all([
    clangLayouts(old, keysOn("old")),
    clangLayouts(now, keysOn("new")),
  ]);
  const out: CrossCheck = {
    layoutChanges: layoutChanges.length,
    checked: 0,
    mismatches: [],
    unreachable: [],
  };
  const compare = (
    what: string,
    ours: number | null | undefined,
    theirs: number | null | undefined,
  ) => {
    if (ours !== theirs) out.mismatches.push(`${what}: ours ${ours}, clang ${theirs}`);
  };
  for (const c of layoutChanges) {
    for (const [side, clang] of [
      ["old", oldClang],
      ["new", newClang],
    ] as const) {
      const facts = c[side];
      if (!facts) continue;
      const record = clang.get(c.entity);
      if (!record) {
        out.mismatches.push(`${c.entity} (${side}): not in clang's layout dump`);
        continue;
      }
      if (facts.size !== undefined && c.member === "")
        compare(`${c.entity} (${side}) size`, facts.size, record.size);
      if (facts.align !== undefined)
        compare(`${c.entity} (${side}) align`, facts.align, record.align);
      if (facts.bitOffset !== undefined) {
        const member = dumpedPaths(record).get(facts.name!);
        if (!member) {
          out.unreachable.push(`${c.entity}.${facts.name} (${side})`);
          continue;
        }
        compare(
          `${c.entity}.${facts.name} (${side}) bit offset`,
          facts.bitOffset,
          member.bitOffset,
        );
        if (facts.bitWidth !== undefined)
          compare(`${c.entity}.${facts.name} (${side}) width`, facts.bitWidth, member.bitWidth);
      }
      out.checked++;
    }
  }
  return out;
}
