// A front-end result → a Snapshot. Pure: everything it reads is in the result.
import type { CType, EnumDecl, TranslationUnit } from "../ir/index.js";
import type { FrontEndResult } from "../pipeline/index.js";
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Provenance,
  type Snapshot,
  type SnapshotEnum,
  type SnapshotFunction,
  type SnapshotMacro,
  type SnapshotTypedef,
  type SnapshotVariable,
} from "./format.js";
import { compareText, placeOf, recordKeys, snapshotRecords } from "./records.js";
import {
  abiClass,
  callAbi,
  canonical,
  canonicalIfDifferent,
  measured,
  spelled,
  typeRefs,
  type TypeContext,
} from "./type-facts.js";

export interface SnapshotInputs {
  front: FrontEndResult;
  /** How the configuration was named on the command line; null for none. */
  kernconf: string | null;
  tool: string;
}

const byName = <T extends { name: string }>(a: T, b: T) => compareText(a.name, b.name);

function provenance(inputs: SnapshotInputs): Provenance {
  const { front } = inputs;
  const version = front.unit.macros.constants.find((c) => c.name === "__FreeBSD_version");
  const options = (front.kernelOptions?.collected.options ?? []).map((o) =>
    o.value === null ? o.name : `${o.name}=${o.value}`,
  );
  return {
    tool: inputs.tool,
    sysDir: front.spec.sysDir,
    freebsdVersion: version ? version.value : null,
    arch: front.spec.target.name,
    mode: front.spec.mode,
    kernconf: inputs.kernconf,
    options: [...new Set(options)].sort(compareText),
    header: front.spec.header,
  };
}

function functions(ctx: TypeContext, unit: TranslationUnit): SnapshotFunction[] {
  const out: SnapshotFunction[] = [];
  for (const f of unit.functions) {
    if (f.type.kind !== "function") continue;
    const ft = f.type;
    const params = ft.params.map((p) => {
      const type = spelled(ctx, p.type);
      return {
        name: p.name,
        type,
        ...canonicalIfDifferent(ctx, p.type, type),
        abi: abiClass(ctx, p.type),
        ...withCallAbi(ctx, p.type),
      };
    });
    const returns = spelled(ctx, ft.returnType);
    const returnsCanonical = canonical(ctx, ft.returnType);
    out.push({
      name: f.name,
      ...placeOf(f.location),
      returns,
      ...(returnsCanonical !== returns ? { returnsCanonical } : {}),
      returnsAbi: abiClass(ctx, ft.returnType),
      params,
      variadic: ft.variadic,
      prototyped: ft.prototyped,
      inline: f.inline,
      ...typeRefs(ctx, {
        kind: "function",
        returnType: ft.returnType,
        params: ft.params,
        variadic: false,
        prototyped: true,
      }),
    });
  }
  return out.sort(byName);
}

function withCallAbi(ctx: TypeContext, type: CType): { callAbi?: string } {
  const call = callAbi(ctx, type);
  return call === undefined ? {} : { callAbi: call };
}

function typeFields(ctx: TypeContext, type: CType): { type: string; canonical?: string } {
  const written = spelled(ctx, type);
  return { type: written, ...canonicalIfDifferent(ctx, type, written) };
}

function variables(ctx: TypeContext, unit: TranslationUnit): SnapshotVariable[] {
  return unit.variables
    .map((v) => ({
      name: v.name,
      ...placeOf(v.location),
      ...typeFields(ctx, v.type),
      size: measured(ctx, v.type)?.size ?? null,
      ...typeRefs(ctx, v.type),
    }))
    .sort(byName);
}

function typedefs(ctx: TypeContext, unit: TranslationUnit): SnapshotTypedef[] {
  return unit.typedefs
    .map((t) => {
      const m = measured(ctx, { kind: "typedef", name: t.name });
      return {
        name: t.name,
        ...placeOf(t.location),
        ...typeFields(ctx, t.type),
        size: m?.size ?? null,
        align: m?.align ?? null,
        ...withCallAbi(ctx, t.type),
      };
    })
    .sort(byName);
}

/** Tagged enums by tag, typedef-named ones by the typedef, the rest pooled per header. */
function enums(unit: TranslationUnit): SnapshotEnum[] {
  const names = new Map<string, string>();
  for (const t of unit.typedefs) {
    if (t.type.kind === "enum" && !names.has(t.type.id)) names.set(t.type.id, t.name);
  }
  const keyOf = (e: EnumDecl) =>
    e.tag !== null ? e.id : (names.get(e.id) ?? `enum <anonymous in ${e.location.header}>`);
  const pooled = new Map<string, SnapshotEnum>();
  for (const e of unit.enums) {
    if (!e.complete) continue;
    const key = keyOf(e);
    const entry = pooled.get(key) ?? {
      key,
      ...placeOf(e.location),
      underlying: e.underlying,
      enumerators: [],
    };
    entry.enumerators.push(...e.enumerators.map((x) => ({ name: x.name, value: x.value })));
    pooled.set(key, entry);
  }
  return [...pooled.values()].sort((a, b) => compareText(a.key, b.key));
}

function macros(unit: TranslationUnit): SnapshotMacro[] {
  return unit.macros.constants
    .map((c) => {
      const m: SnapshotMacro = {
        name: c.name,
        ...placeOf(c.location),
        kind: c.kind,
        value: c.value,
      };
      if (c.kind === "integer") m.type = c.type;
      return m;
    })
    .sort(byName);
}

export function buildSnapshot(inputs: SnapshotInputs): Snapshot {
  const { unit, layouts } = inputs.front;
  const keys = recordKeys(unit);
  const ctx: TypeContext = {
    layouts,
    recordKey: (id) => keys.get(id),
    recordSpelling: (id) => `${layouts.recordDecl(id)?.kind ?? "struct"} {...}`,
  };
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    provenance: provenance(inputs),
    records: snapshotRecords(ctx, keys),
    functions: functions(ctx, unit),
    variables: variables(ctx, unit),
    typedefs: typedefs(ctx, unit),
    enums: enums(unit),
    macros: macros(unit),
  };
}
