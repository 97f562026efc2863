// Deterministic random records: every combination of field kinds, bitfields, packed,
// aligned, #pragma pack, unions, nesting and flexible arrays the layout rules care about.
import type {
  BuiltinKind,
  CType,
  DeclLocation,
  EnumDecl,
  Field,
  RecordDecl,
  TranslationUnit,
  TypedefDecl,
} from "../../../src/ir/index.js";

/** A small seeded 32-bit generator, so every run builds the same records. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILE = "random.c";
const at = (line: number): DeclLocation => ({ file: FILE, line, column: 1, header: FILE });

const plainScalars: BuiltinKind[] = [
  "char",
  "signed char",
  "unsigned char",
  "short",
  "unsigned short",
  "int",
  "unsigned int",
  "long",
  "unsigned long",
  "long long",
  "unsigned long long",
  "_Bool",
  "float",
  "double",
  "long double",
];
/** Bitfield types with the widest width valid on every target. */
const bitfieldTypes: [BuiltinKind, number][] = [
  ["char", 8],
  ["unsigned char", 8],
  ["short", 16],
  ["unsigned short", 16],
  ["int", 32],
  ["unsigned int", 32],
  ["long long", 64],
  ["unsigned long long", 64],
  ["_Bool", 1],
  // long is 32 or 64 bits depending on the target; widths up to 32 suit both.
  ["long", 32],
  ["unsigned long", 32],
];

const builtin = (name: BuiltinKind): CType => ({ kind: "builtin", name });

export function randomUnit(seed: number, count: number): TranslationUnit {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  let line = 1;
  // Members of anonymous members share the parent's namespace, so names are unique per unit.
  let nextName = 0;

  const enums: EnumDecl[] = [
    {
      id: "enum small",
      tag: "small",
      complete: true,
      underlying: "unsigned int",
      packed: false,
      parent: null,
      location: at(line++),
      enumerators: [{ name: "SMALL_A", value: "3", location: at(line) }],
    },
    {
      id: "enum signed_e",
      tag: "signed_e",
      complete: true,
      underlying: "int",
      packed: false,
      parent: null,
      location: at(line++),
      enumerators: [{ name: "SIGNED_A", value: "-2", location: at(line) }],
    },
  ];
  const typedefs: (TypedefDecl & { aligned?: number })[] = [
    { name: "int_a8", type: builtin("int"), aligned: 8, location: at(line++) },
    { name: "ll_a4", type: builtin("long long"), aligned: 4, location: at(line++) },
    { name: "short_a16", type: builtin("short"), aligned: 16, location: at(line++) },
    { name: "plain_u32", type: builtin("unsigned int"), location: at(line++) },
  ];
  const records: RecordDecl[] = [];
  /** Records that may be embedded in later ones (no flexible array member). */
  const embeddable: RecordDecl[] = [];

  const scalarType = (): CType => {
    const r = rnd();
    if (r < 0.08) return { kind: "pointer", pointee: builtin("void") };
    if (r < 0.12) return { kind: "enum", id: pick(enums).id };
    if (r < 0.2) return { kind: "typedef", name: pick(typedefs).name };
    return builtin(pick(plainScalars));
  };

  const bitfield = (): Field => {
    const r = rnd();
    const [type, bits]: [CType, number] =
      r < 0.1
        ? [{ kind: "enum", id: pick(enums).id }, 32]
        : r < 0.2
          ? // Typedefs whose aligned() differs from the storage unit's size.
            pick<[CType, number]>([
              [{ kind: "typedef", name: "int_a8" }, 32],
              [{ kind: "typedef", name: "ll_a4" }, 64],
              [{ kind: "typedef", name: "short_a16" }, 16],
              [{ kind: "typedef", name: "plain_u32" }, 32],
            ])
          : (([n, b]) => [builtin(n), b] as [CType, number])(pick(bitfieldTypes));
    const width = chance(0.12) ? 0 : 1 + Math.floor(rnd() * bits);
    const named = width !== 0 && !chance(0.1);
    return {
      name: named ? `b${nextName++}` : null,
      type,
      bitWidth: width,
      attributes: {
        ...(chance(0.1) ? { packed: true as const } : {}),
        ...(chance(0.05) ? { aligned: pick([1, 2, 4, 8]) } : {}),
      },
      location: at(line++),
    };
  };

  const makeRecord = (
    parent: RecordDecl | null,
    anonIndex: number,
    depth: number,
    pragmaPack: number | null,
  ): RecordDecl => {
    const kind = chance(0.2) ? "union" : "struct";
    const tag = parent ? null : `r${records.length}`;
    const id = parent ? `${parent.id}::anon${anonIndex}` : `${kind} ${tag}`;
    const rec: RecordDecl = {
      id,
      kind,
      tag,
      complete: true,
      fields: [],
      parent: parent?.id ?? null,
      pragmaPack,
      attributes: {
        ...(chance(0.1) ? { packed: true as const } : {}),
        ...(chance(0.08) ? { aligned: pick([2, 4, 8, 16]) } : {}),
      },
      location: at(line++),
    };
    let anonCount = 0;
    const n = 1 + Math.floor(rnd() * 7);
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.35) {
        rec.fields.push(bitfield());
        continue;
      }
      let type: CType;
      let name: string | null = `f${nextName++}`;
      if (r < 0.45 && depth < 2) {
        const inner = makeRecord(rec, ++anonCount, depth + 1, pragmaPack);
        type = { kind: "record", recordKind: inner.kind, id: inner.id };
        if (chance(0.6)) name = null;
        else if (chance(0.3)) type = { kind: "array", element: type, length: 2 };
      } else if (r < 0.55 && embeddable.length > 0) {
        const other = pick(embeddable);
        type = { kind: "record", recordKind: other.kind, id: other.id };
        if (chance(0.3)) type = { kind: "array", element: type, length: 1 + Math.floor(rnd() * 3) };
      } else {
        type = scalarType();
        const isOveraligned = type.kind === "typedef" && type.name !== "plain_u32";
        if (!isOveraligned && chance(0.15))
          type = { kind: "array", element: type, length: Math.floor(rnd() * 4) };
      }
      // Attributes written after an anonymous member's body belong to its record, not to a field.
      const attributes =
        name === null
          ? {}
          : {
              ...(chance(0.1) ? { packed: true as const } : {}),
              ...(chance(0.08) ? { aligned: pick([1, 2, 4, 8, 16]) } : {}),
            };
      rec.fields.push({ name, type, bitWidth: null, attributes, location: at(line++) });
    }
    const hasNamed = rec.fields.some((f) => f.name !== null && f.bitWidth === null);
    const flexible = !parent && kind === "struct" && hasNamed && chance(0.1);
    if (flexible) {
      rec.fields.push({
        name: "tail",
        type: { kind: "array", element: builtin(pick(plainScalars)), length: null },
        bitWidth: null,
        attributes: {},
        location: at(line++),
      });
    }
    records.push(rec);
    if (!parent && !flexible) embeddable.push(rec);
    return rec;
  };

  for (let i = 0; i < count; i++) {
    makeRecord(null, 0, 0, chance(0.12) ? pick([1, 2, 4, 8]) : null);
  }
  return {
    target: "any",
    records,
    enums,
    typedefs,
    functions: [],
    variables: [],
    staticAsserts: [],
    macros: { constants: [], functionLike: [], other: [] },
  };
}
