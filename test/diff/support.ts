// Shared by the diff tests: snapshots of the real trees (front end + snapshot, cached per
// run), and clang's record layouts for the same builds.
import {
  compileProbe,
  parseRecordDump,
  type DumpedMember,
  type DumpedRecord,
} from "../../src/verify/index.js";
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
  const records = new Map(side.snapshot.records.map((r) => [r.key, r]));
  const probe =
    `#include "${kpiWrapper}"\n` +
    keys.map((k, i) => `typedef char kd_probe_${i}[sizeof(${k})];\n`).join("");
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
  const unnamed: DumpedRecord[] = [];
  for (const r of parseRecordDump(result.stdout)) {
    if (r.nested) continue;
    if (r.definedAt) unnamed.push(r);
    else if (!byName.has(`${r.kind} ${r.name}`)) byName.set(`${r.kind} ${r.name}`, r);
  }
  const out = new Map<string, DumpedRecord>();
  for (const k of keys) {
    // A typedef-named anonymous record is found by where it was defined.
    const place = records.get(k);
    const found =
      byName.get(k) ??
      unnamed.find(
        (r) => place && r.definedAt!.line === place.line && r.definedAt!.file.endsWith(place.file),
      );
    if (found) out.set(k, found);
  }
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
