// State shared by the tree walkers of one translation unit: the text, where each position
// came from, the GNU side tables, the tables being built, and diagnostics.
import type { CstNode as SyntaxNode } from "./cst.js";
import {
  evaluate,
  ExprParser,
  typeOfExpr,
  NotConstantError,
  parseConstExpr,
  ExprSyntaxError,
  scalarLayout,
  tokenize,
  type ConstExpr,
  type EvalEnv,
  type IntValue,
  type Token,
  type TypeNameContext,
} from "../consteval/index.js";
import {
  DiagnosticError,
  error,
  lineIndexAt,
  warning,
  type Diagnostic,
} from "../diagnostics/index.js";
import type { CType, DeclLocation, LayoutQuery, TranslationUnit } from "../ir/index.js";
import type { TargetAbi } from "../targets/types.js";
import { firstAtOrAfter } from "./gnu-forms.js";
import type { AsmLabel, AttributeGroup, GnuForms, MemberAssert, TypeofForm } from "./gnu-forms.js";

const NO_GROUPS: readonly AttributeGroup[] = Object.freeze([]);

import type { ScannedSource } from "./line-markers.js";
import type { PathResolver } from "./paths.js";
import type { UnitBuilder } from "./unit-builder.js";
import { findField } from "./unit-env.js";

/** A place in the parsed text diagnostics can point at: a tree node or a bare offset. */
export type Spot = Pick<SyntaxNode, "startIndex" | "startPosition">;

/** Builds a LayoutQuery for records from the unit as built so far. */
export type RecordLayoutProvider = (unit: TranslationUnit) => LayoutQuery;

/**
 * What the contexts of one unit share when its text is parsed in pieces: diagnostics, the
 * numbering of anonymous records, and the layout of the records declared so far.
 */
export interface UnitParseState {
  readonly diagnostics: Diagnostic[];
  /** Anonymous records defined so far per parent record id. */
  readonly anonymousCounters: Map<string, number>;
  cachedLayout?: { version: number; query: LayoutQuery };
}

export function newUnitParseState(): UnitParseState {
  return { diagnostics: [], anonymousCounters: new Map() };
}

export class ParseContext {
  private readonly claimedAttributes = new Set<AttributeGroup>();
  private readonly claimedLabels = new Set<AsmLabel>();
  private readonly claimedComplex = new Set<number>();

  constructor(
    readonly text: string,
    readonly source: ScannedSource,
    readonly resolvePath: PathResolver,
    private readonly gnu: GnuForms,
    readonly abi: TargetAbi,
    readonly unit: UnitBuilder,
    readonly recordLayout?: RecordLayoutProvider,
    private readonly shared: UnitParseState = newUnitParseState(),
  ) {}

  get diagnostics(): Diagnostic[] {
    return this.shared.diagnostics;
  }

  get anonymousCounters(): Map<string, number> {
    return this.shared.anonymousCounters;
  }

  get typeofs(): ReadonlyMap<string, TypeofForm> {
    return this.gnu.typeofs;
  }

  private readonly placeholderTypes = new Map<string, CType | null>();

  /**
   * The type a `__typeof(...)` placeholder stands for: the operand's type name, or the type
   * of the operand expression. Null (after an error diagnostic) when it cannot be resolved.
   */
  typeOfPlaceholder(name: string): CType | null {
    const known = this.placeholderTypes.get(name);
    if (known !== undefined) return known;
    const form = this.gnu.typeofs.get(name)!;
    let type: CType | null = null;
    try {
      const parser = new ExprParser(form.operand, this.abi, this.typeNames());
      if (parser.startsTypeName()) {
        type = parser.typeName();
        if (!parser.atEnd())
          throw new ExprSyntaxError("unexpected tokens after the type name", undefined);
      } else {
        type = typeOfExpr(this.evalEnv(), parseConstExpr(form.operand, this.abi, this.typeNames()));
      }
    } catch (e) {
      if (!(e instanceof ExprSyntaxError || e instanceof NotConstantError)) throw e;
      this.report(this.spotAt(form.start), `cannot resolve typeof: ${e.message}`);
      type = null;
    }
    this.placeholderTypes.set(name, type);
    return type;
  }

  /** `_Static_assert`s written inside record bodies in [from, to), not yet claimed. */
  claimMemberAsserts(from: number, to: number): MemberAssert[] {
    const table = this.gnu.memberAsserts;
    const out: MemberAssert[] = [];
    for (let i = firstAtOrAfter(table, from); i < table.length; i++) {
      const a = table[i]!;
      if (a.start >= to) break;
      if (this.claimedAsserts.has(a)) continue;
      this.claimedAsserts.add(a);
      out.push(a);
    }
    return out;
  }

  private readonly claimedAsserts = new Set<MemberAssert>();

  /** Side-table entries no declaration claimed: GNU forms that would otherwise be lost. */
  unclaimed(): {
    attributes: AttributeGroup[];
    asmLabels: AsmLabel[];
    memberAsserts: MemberAssert[];
  } {
    return {
      attributes: this.gnu.attributes.filter((g) => !this.claimedAttributes.has(g)),
      asmLabels: this.gnu.asmLabels.filter((l) => !this.claimedLabels.has(l)),
      memberAsserts: this.gnu.memberAsserts.filter((a) => !this.claimedAsserts.has(a)),
    };
  }

  location(node: Spot): DeclLocation {
    const offset = node.startIndex;
    const row = this.rowOf(offset);
    return this.locationAt(row, offset - this.source.lineStarts[row]!);
  }

  /** The row last asked for: the walk asks in text order, mostly for the same or a near row. */
  private rowHint = 0;

  /** The row (line of the parsed text) holding `offset`. */
  private rowOf(offset: number): number {
    const starts = this.source.lineStarts;
    const last = starts.length - 1;
    let from = 0;
    const hint = this.rowHint;
    if (hint <= last && starts[hint]! <= offset) {
      // A few rows on from the last one, or else a search above it.
      for (let r = hint, stop = Math.min(hint + 4, last); ; r++) {
        if (r === last || starts[r + 1]! > offset) return (this.rowHint = r);
        if (r === stop) break;
      }
      from = hint;
    }
    return (this.rowHint = lineIndexAt(starts, offset, from));
  }

  locationAt(row: number, column: number): DeclLocation {
    const origin = this.source.originOf(row);
    const { file, header } = this.resolvePath(origin.path);
    return { file, line: origin.line, column: column + 1, header };
  }

  locationOfOffset(offset: number): DeclLocation {
    return this.location(this.spotAt(offset));
  }

  /** A Spot for a bare offset (side-table entries have no tree node). */
  spotAt(offset: number): Spot {
    const starts = this.source.lineStarts;
    const row = lineIndexAt(starts, offset);
    return { startIndex: offset, startPosition: { row, column: offset - starts[row]! } };
  }

  private sourceLineOf(node: Spot): string {
    const starts = this.source.lineStarts;
    const row = node.startPosition.row;
    // The line as written (the parsed text has attributes and bodies blanked).
    const original = this.source.text;
    const end = row + 1 < starts.length ? starts[row + 1]! - 1 : original.length;
    return original.slice(starts[row]!, end);
  }

  report(node: Spot, message: string): void {
    const loc = this.location(node);
    this.diagnostics.push(
      error(
        message,
        { file: loc.file, line: loc.line, column: loc.column },
        this.sourceLineOf(node),
      ),
    );
  }

  warn(node: Spot, message: string): void {
    const loc = this.location(node);
    this.diagnostics.push(warning(message, { file: loc.file, line: loc.line, column: loc.column }));
  }

  /**
   * Attribute groups in [from, to) not yet attached to anything; they become claimed. With
   * `before`, the result is those groups followed by the new ones (`before` itself when there
   * are none): declarations join the groups of their specifiers and of each declarator.
   */
  claimAttributes(
    from: number,
    to: number,
    before: readonly AttributeGroup[] = NO_GROUPS,
  ): readonly AttributeGroup[] {
    const table = this.gnu.attributes;
    let i = firstAtOrAfter(table, from);
    if (i >= table.length || table[i]!.start >= to) return before;
    let out: AttributeGroup[] | null = null;
    for (; i < table.length; i++) {
      const g = table[i]!;
      if (g.start >= to) break;
      if (this.claimedAttributes.has(g)) continue;
      this.claimedAttributes.add(g);
      if (out === null) out = before.slice();
      out.push(g);
    }
    return out ?? before;
  }

  claimAsmLabel(from: number, to: number): string | undefined {
    const table = this.gnu.asmLabels;
    for (let i = firstAtOrAfter(table, from); i < table.length; i++) {
      const l = table[i]!;
      if (l.start >= to) break;
      if (this.claimedLabels.has(l)) continue;
      this.claimedLabels.add(l);
      return l.label;
    }
    return undefined;
  }

  claimComplex(from: number, to: number): boolean {
    const marks = this.gnu.complexMarks;
    if (marks.length === 0) return false;
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    let found = false;
    for (let i = lo; i < marks.length && marks[i]! < to; i++) {
      if (this.claimedComplex.has(marks[i]!)) continue;
      this.claimedComplex.add(marks[i]!);
      found = true;
    }
    return found;
  }

  private typeNameContext: TypeNameContext | undefined;
  private evalEnvironment: EvalEnv | undefined;

  /** The unit's type names; one object serves every parse (it reads the live tables). */
  typeNames(): TypeNameContext {
    this.typeNameContext ??= this.makeTypeNames();
    return this.typeNameContext;
  }

  private makeTypeNames(): TypeNameContext {
    const unit = this.unit;
    return {
      isTypedefName: (name) => unit.isTypedefName(name) || this.gnu.typeofs.has(name),
      recordRef: (kind, tag) => ({ kind: "record", recordKind: kind, id: unit.tagId(kind, tag) }),
      enumRef: (tag) => ({ kind: "enum", id: unit.tagId("enum", tag) }),
    };
  }

  /** The evaluation environment; one serves every evaluation (it reads the live tables). */
  evalEnv(): EvalEnv {
    this.evalEnvironment ??= this.makeEvalEnv();
    return this.evalEnvironment;
  }

  private makeEvalEnv(): EvalEnv {
    const unit = this.unit;
    const base = {
      abi: this.abi,
      resolveTypedef: (name: string) =>
        unit.resolveTypedef(name) ??
        (this.gnu.typeofs.has(name) ? (this.typeOfPlaceholder(name) ?? undefined) : undefined),
      typedefAlign: (name: string) => unit.typedefs.get(name)?.aligned,
      enumUnderlying: (id: string) => unit.enumUnderlying(id),
    };
    const provider = this.recordLayout;
    const get = (): LayoutQuery => {
      // One layout per state of the declarations: rebuilt only after something changed.
      const shared = this.shared;
      if (!shared.cachedLayout || shared.cachedLayout.version !== unit.version) {
        shared.cachedLayout = { version: unit.version, query: provider!(unit.build()) };
      }
      return shared.cachedLayout.query;
    };
    const records: LayoutQuery | undefined = provider
      ? {
          sizeOf: (t) => get().sizeOf(t),
          alignOf: (t, p) => get().alignOf(t, p),
          offsetOf: (t, path) => get().offsetOf(t, path),
        }
      : undefined;
    return {
      ...base,
      layout: scalarLayout(base, records),
      enumConstant: (name) => unit.enumConstants.get(name),
      objectType: (name: string) =>
        unit.variables.get(name)?.type ?? unit.functions.get(name)?.type,
      fieldType: (record: CType, field: string) => {
        if (record.kind !== "record") return undefined;
        return findField(unit.records, record.id, field);
      },
    };
  }

  tokensOf(node: SyntaxNode): Token[] {
    return tokenize(this.text, node.startIndex, node.endIndex);
  }

  /** Parses the node's tokens as a constant expression, after its first `skip` tokens. */
  parseExpr(node: SyntaxNode, skip = 0): ConstExpr | null {
    try {
      return parseConstExpr(this.tokensOf(node).slice(skip), this.abi, this.typeNames());
    } catch (e) {
      if (e instanceof ExprSyntaxError) {
        this.report(node, e.message);
        return null;
      }
      throw e;
    }
  }

  /**
   * Evaluates an integer constant expression. A value that needs record layout is a
   * warning (null result) unless `required`; anything else that is not constant is an error.
   */
  evaluateNode(node: SyntaxNode, what: string, skip = 0): IntValue | null {
    const expr = this.parseExpr(node, skip);
    if (!expr) return null;
    return this.evaluateExpr(node, expr, what);
  }

  /** Whether the last evaluation of `node` failed only for lack of record layout. */
  needsLayout(node: SyntaxNode): boolean {
    return this.layoutPending.has(node.startIndex);
  }

  private readonly layoutPending = new Set<number>();

  evaluateExpr(node: Spot, expr: ConstExpr, what: string): IntValue | null {
    try {
      return evaluate(this.evalEnv(), expr);
    } catch (e) {
      if (e instanceof NotConstantError) {
        if (e.reason === "layout") this.layoutPending.add(node.startIndex);
        if (e.reason === "layout") this.warn(node, `${what} not evaluated: ${e.message}`);
        else this.report(node, `${what} is not an integer constant: ${e.message}`);
        return null;
      }
      if (e instanceof DiagnosticError) {
        // The layout stage's own diagnostics (e.g. sizeof of an incomplete record) stand,
        // placed at the expression when the layout stage had no place to name.
        const loc = this.location(node);
        const at = { file: loc.file, line: loc.line, column: loc.column };
        this.diagnostics.push(
          ...e.diagnostics.map((d) => (d.location ? d : { ...d, location: at })),
        );
        return null;
      }
      throw e;
    }
  }
}
