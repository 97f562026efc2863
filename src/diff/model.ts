// What a diff reports: one Change per difference, each classified, plus the summary.
import type { Provenance } from "../snapshot/index.js";

export const CATEGORIES = [
  "records",
  "functions",
  "variables",
  "typedefs",
  "enums",
  "macros",
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * abi: layout or calling convention changed (built modules misbehave);
 * api: a name or signature code uses is gone or different (sources stop compiling);
 * compatible: an addition, or a spelling that means the same.
 */
export type Severity = "abi" | "api" | "compatible";
export const SEVERITIES: readonly Severity[] = ["abi", "api", "compatible"];

export type ChangeKind =
  | "added"
  | "removed"
  | "size"
  | "align"
  | "member-added"
  | "member-removed"
  | "member-renamed"
  | "member-retyped"
  | "member-respelled"
  | "member-moved"
  | "bitfield-width"
  | "affected"
  | "return-type"
  | "param-type"
  | "param-count"
  | "variadic"
  | "prototype"
  | "inline"
  | "type"
  | "underlying"
  | "enumerator-added"
  | "enumerator-removed"
  | "enumerator-value"
  | "value";

/** One side of a change: where it is, and the values a reader (or a check) needs. */
export interface ChangeSide {
  file: string;
  line: number;
  /** Type, value or signature as text. */
  text?: string;
  /** Member name for renames. */
  name?: string;
  bitOffset?: number;
  bitWidth?: number;
  size?: number;
  align?: number;
}

export interface Change {
  category: Category;
  kind: ChangeKind;
  severity: Severity;
  /** The declaration changed: "struct proc", "function malloc", "macro M_WAITOK", ... */
  entity: string;
  /** The part of it: a member path, parameter ("param 2"), enumerator; "" for the whole. */
  member: string;
  /** Header as included, on the new side when present. */
  header: string;
  /** One line for people. */
  message: string;
  old?: ChangeSide;
  new?: ChangeSide;
  /** For "affected": the member → record steps from the entity to the changed record. */
  via?: string[];
}

export type SeverityCounts = Record<Severity, number>;

export interface DiffSummary {
  byCategory: Record<Category, SeverityCounts>;
  total: SeverityCounts;
  /** Changes left out by --allow. */
  allowed: number;
}

export interface DiffResult {
  old: Provenance;
  new: Provenance;
  changes: Change[];
  summary: DiffSummary;
}

/** The subject a --allow pattern is matched against: "struct proc.p_flag", "function f param 2". */
export function changeSubject(change: Change): string {
  if (change.member === "") return change.entity;
  return change.category === "records"
    ? `${change.entity}.${change.member}`
    : `${change.entity} ${change.member}`;
}

export function worse(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}
