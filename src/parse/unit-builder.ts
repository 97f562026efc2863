// The tables a translation unit is built into while walking the tree, with the C rules
// for merging redeclarations (a forward record and its definition are one record; a
// prototype and a definition are one function).
import type {
  CType,
  DeclLocation,
  EnumDecl,
  FunctionDecl,
  IntegerKind,
  RecordDecl,
  StaticAssertDecl,
  TranslationUnit,
  TypedefDecl,
  VariableDecl,
} from "../ir/index.js";
import type { IntValue } from "../consteval/index.js";

export class UnitBuilder {
  readonly records = new Map<string, RecordDecl>();
  readonly enums = new Map<string, EnumDecl>();
  readonly typedefs = new Map<string, TypedefDecl>();
  readonly functions = new Map<string, FunctionDecl>();
  readonly variables = new Map<string, VariableDecl>();
  readonly staticAsserts: StaticAssertDecl[] = [];
  readonly enumConstants = new Map<string, IntValue>();
  /** Bumped whenever a record, enum or typedef is added or completed. */
  version = 0;

  /** Marks that declarations changed (a definition completed), invalidating cached layouts. */
  touch(): void {
    this.version++;
  }

  constructor(readonly target: string) {}

  private readonly tagIds = {
    struct: new Map<string, string>(),
    union: new Map<string, string>(),
    enum: new Map<string, string>(),
  };

  /**
   * The id of a tagged record or enum (`struct tag`): one string per tag, shared by every
   * type that refers to it, so the tables keyed by id hash each id once.
   */
  tagId(kind: "struct" | "union" | "enum", tag: string): string {
    const ids = this.tagIds[kind];
    let id = ids.get(tag);
    if (id === undefined) {
      id = `${kind} ${tag}`;
      ids.set(tag, id);
    }
    return id;
  }

  /** The record for `id`, created incomplete at `location` on first mention. */
  recordFor(
    id: string,
    kind: "struct" | "union",
    tag: string | null,
    location: DeclLocation,
  ): RecordDecl {
    let r = this.records.get(id);
    if (!r) {
      r = {
        id,
        kind,
        tag,
        complete: false,
        fields: [],
        attributes: {},
        pragmaPack: null,
        parent: null,
        location,
      };
      this.records.set(id, r);
    }
    return r;
  }

  enumFor(id: string, tag: string | null, location: DeclLocation): EnumDecl {
    let e = this.enums.get(id);
    if (!e) {
      e = {
        id,
        tag,
        complete: false,
        enumerators: [],
        underlying: "unsigned int",
        packed: false,
        parent: null,
        location,
      };
      this.enums.set(id, e);
      this.touch();
    }
    return e;
  }

  isTypedefName(name: string): boolean {
    return this.typedefs.has(name);
  }

  resolveTypedef(name: string): CType | undefined {
    return this.typedefs.get(name)?.type;
  }

  enumUnderlying(id: string): IntegerKind | undefined {
    const e = this.enums.get(id);
    return e?.complete ? e.underlying : undefined;
  }

  /** Adds a typedef; a compatible redefinition (C11) keeps the first. */
  addTypedef(t: TypedefDecl): void {
    if (!this.typedefs.has(t.name)) {
      this.typedefs.set(t.name, t);
      this.touch();
    }
  }

  addFunction(f: FunctionDecl): void {
    const prev = this.functions.get(f.name);
    if (!prev) {
      this.functions.set(f.name, f);
      return;
    }
    // Later declarations add what they say: a body, inline, attributes.
    if (f.body && !prev.body) prev.body = f.body;
    if (f.inline) prev.inline = true;
    if (prev.storage === "none" && f.storage !== "none") prev.storage = f.storage;
    mergeAttributes(prev.attributes, f.attributes);
  }

  addVariable(v: VariableDecl): void {
    const prev = this.variables.get(v.name);
    if (!prev) {
      this.variables.set(v.name, v);
      return;
    }
    // `extern int a[];` then `int a[4];`: the completed type wins.
    if (prev.type.kind === "array" && prev.type.length === null && v.type.kind === "array")
      prev.type = v.type;
    if (prev.storage === "extern" && v.storage !== "extern") prev.storage = v.storage;
    mergeAttributes(prev.attributes, v.attributes);
  }

  build(): TranslationUnit {
    return {
      target: this.target,
      records: [...this.records.values()],
      enums: [...this.enums.values()],
      typedefs: [...this.typedefs.values()],
      functions: [...this.functions.values()],
      variables: [...this.variables.values()],
      staticAsserts: this.staticAsserts,
      macros: { constants: [], functionLike: [], other: [] },
    };
  }
}

function mergeAttributes(intoAttrs: object, fromAttrs: object): void {
  const into = intoAttrs as Record<string, unknown>;
  const from = fromAttrs as Record<string, unknown>;
  for (const [k, v] of Object.entries(from)) {
    if (k === "other" && Array.isArray(v)) {
      const merged = new Set([...((into.other as string[] | undefined) ?? []), ...v]);
      into.other = [...merged].sort();
    } else if (k === "format" && Array.isArray(v)) {
      const have = (into.format as unknown[] | undefined) ?? [];
      const seen = new Set(have.map((x) => JSON.stringify(x)));
      into.format = [...have, ...v.filter((x) => !seen.has(JSON.stringify(x)))];
    } else if (into[k] === undefined) into[k] = v;
  }
}
