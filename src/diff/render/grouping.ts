// Shared by the renderers: changes grouped by header, then by the declaration they touch.
import type { Change, DiffResult, Severity } from "../model.js";
import type { Provenance } from "../../snapshot/index.js";

export interface EntityGroup {
  entity: string;
  changes: Change[];
}

export interface HeaderGroup {
  header: string;
  entities: EntityGroup[];
}

/** The changes are already ordered by header and entity; this only cuts them up. */
export function groupChanges(changes: Change[]): HeaderGroup[] {
  const groups: HeaderGroup[] = [];
  for (const c of changes) {
    let h = groups[groups.length - 1];
    if (!h || h.header !== c.header) groups.push((h = { header: c.header, entities: [] }));
    let e = h.entities[h.entities.length - 1];
    if (!e || e.entity !== c.entity) h.entities.push((e = { entity: c.entity, changes: [] }));
    e.changes.push(c);
  }
  return groups;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  abi: "ABI",
  api: "API",
  compatible: "compatible",
};

/** "13.0 (1300139) amd64 module GENERIC" */
export function describeSide(p: Provenance): string {
  const release = p.freebsdVersion ? `__FreeBSD_version ${p.freebsdVersion}` : "unknown version";
  return `${p.sysDir} (${release}), ${p.arch}, ${p.mode}, ${p.kernconf ?? "no kernel config"}, ${p.header}`;
}

/** "file:line" of each side, for locating the change in both trees. */
export function where(c: Change): string {
  const at = (s: Change["old"]) => (s && s.file ? `${s.file}:${s.line}` : "");
  const before = at(c.old);
  const after = at(c.new);
  if (before && after) return before === after ? before : `${before} → ${after}`;
  return before || after;
}

export function summaryRows(
  result: DiffResult,
): { label: string; abi: number; api: number; compatible: number }[] {
  const rows = Object.entries(result.summary.byCategory).map(([label, counts]) => ({
    label,
    ...counts,
  }));
  rows.push({ label: "total", ...result.summary.total });
  return rows;
}
