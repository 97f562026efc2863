// The syntax tree as plain objects, built in one cursor pass. Reading tree-sitter nodes
// through the native binding costs a call per property; the declaration walk asks for
// children, fields and positions many times, so it reads this copy instead.
import type Parser from "tree-sitter";

export interface Position {
  row: number;
  column: number;
}

/** The parsed text and the offset where each of its lines starts. */
export interface SourceText {
  text: string;
  lineStarts: Int32Array;
}

/**
 * How deep the copy goes; a node below this depth is marked `tooDeep` and becomes an error.
 * The walkers and the expression evaluator recurse once or a few times per level, so a
 * deeper tree (`int ((((*x))))` nested thousands of times) would overflow the JavaScript
 * stack. 256 levels hold C11's minimum limits (63 nested parenthesized expressions or
 * declarators, 63 nested struct definitions at three levels each); the KPI headers reach 20.
 */
export const MAX_TREE_DEPTH = 256;

const NO_CHILDREN: readonly CstNode[] = Object.freeze([]);

export class CstNode {
  children: readonly CstNode[] = NO_CHILDREN;
  /** True when this node or a descendant is ERROR or MISSING, or is cut at MAX_TREE_DEPTH. */
  hasError = false;
  /** True when this node lies deeper than MAX_TREE_DEPTH: its children were not copied. */
  tooDeep = false;
  parent: CstNode | null = null;
  private indexInParent = 0;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    /** The grammar field this node fills in its parent (declarator, type, body, ...). */
    readonly field: string | null,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: SourceText,
  ) {}

  /** Row and column of the start, computed from the line table when asked. */
  get startPosition(): Position {
    const starts = this.source.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= this.startIndex) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: this.startIndex - starts[lo]! };
  }

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  private named: readonly CstNode[] | undefined;

  /** The named children; computed once (the walkers ask for them repeatedly). */
  get namedChildren(): readonly CstNode[] {
    this.named ??= this.children.every((c) => c.isNamed)
      ? this.children
      : this.children.filter((c) => c.isNamed);
    return this.named;
  }

  get namedChildCount(): number {
    let n = 0;
    for (const c of this.children) if (c.isNamed) n++;
    return n;
  }

  get previousSibling(): CstNode | null {
    return this.indexInParent > 0 ? (this.parent?.children[this.indexInParent - 1] ?? null) : null;
  }

  get nextSibling(): CstNode | null {
    return this.parent?.children[this.indexInParent + 1] ?? null;
  }

  childForFieldName(name: string): CstNode | null {
    for (const c of this.children) if (c.field === name) return c;
    return null;
  }

  childrenForFieldName(name: string): CstNode[] {
    return this.children.filter((c) => c.field === name);
  }

  adopt(child: CstNode): void {
    child.parent = this;
    child.indexInParent = this.children.length;
    if (this.children === NO_CHILDREN) this.children = [child];
    else (this.children as CstNode[]).push(child);
    if (child.hasError) this.hasError = true;
  }
}

/** What a grammar symbol id stands for; looked up once per id, not once per node. */
interface SymbolInfo {
  type: string;
  isNamed: boolean;
  /** A token (identifier, literal, keyword): nothing to descend into. */
  isLeaf: boolean;
  /** Its children may fill grammar fields (false means every child's field is null). */
  hasFields: boolean;
  /** Keeps its anonymous children (keywords and punctuation), which the walkers read. */
  keepsTokens: boolean;
}

interface NodeTypeInfo {
  type: string;
  named: boolean;
  fields?: Record<string, unknown>;
  children?: unknown;
  subtypes?: unknown;
}

/**
 * Per-node questions cost a native call each, so the copy asks only what the grammar's node
 * types leave open: tokens have no children, children of a node without fields fill none,
 * and the walkers never read anonymous tokens except the words of `unsigned long` and the
 * contents of ERROR nodes (a MISSING token is always kept: it is a syntax error).
 */
function symbolInfo(cursor: Parser.TreeCursor, nodeTypes: ReadonlyMap<string, NodeTypeInfo>) {
  const type = cursor.nodeType;
  const isNamed = cursor.nodeIsNamed;
  const info = isNamed ? nodeTypes.get(type) : undefined;
  const isError = type === "ERROR";
  return {
    type,
    isNamed,
    isLeaf: !isNamed || (info !== undefined && !info.fields && !info.children && !info.subtypes),
    hasFields: isError || info === undefined || Object.keys(info.fields ?? {}).length > 0,
    keepsTokens: isError || type === "sized_type_specifier",
  };
}

/**
 * The root's children, each copied (with its subtree) only when the walk reaches it; the
 * contents of compound statements (blanked bodies) are skipped. The walk drops each item
 * when done, so no copy of the whole tree is ever alive: less memory, and short-lived
 * objects are cheap for the garbage collector.
 */
export function* topLevelItems(
  tree: Parser.Tree,
  source: SourceText,
  nodeTypes: readonly NodeTypeInfo[],
): Generator<CstNode> {
  const cursor = tree.walk();
  const typesByName = new Map<string, NodeTypeInfo>();
  for (const t of nodeTypes) if (t.named) typesByName.set(t.type, t);
  // Type and field names by numeric id: the ids cost no string per node.
  const symbols = new Map<number, SymbolInfo>();
  const fields = new Map<number, string>();
  const symbolAtCursor = (): SymbolInfo => {
    const typeId = cursor.nodeTypeId;
    let symbol = symbols.get(typeId);
    if (symbol === undefined) {
      symbol = symbolInfo(cursor, typesByName);
      symbols.set(typeId, symbol);
    }
    return symbol;
  };
  const make = (symbol: SymbolInfo, inFields: boolean, missing: boolean | null): CstNode => {
    let field: string | null = null;
    const fieldId = inFields ? cursor.currentFieldId : 0;
    if (fieldId !== 0) {
      field = fields.get(fieldId) ?? null;
      if (field === null) {
        field = cursor.currentFieldName ?? null;
        if (field !== null) fields.set(fieldId, field);
      }
    }
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    // Only an empty node can be MISSING: ask the binding just for those.
    missing ??= start === end && cursor.nodeIsMissing;
    const node = new CstNode(symbol.type, symbol.isNamed, missing, field, start, end, source);
    if (missing || symbol.type === "ERROR") node.hasError = true;
    return node;
  };
  const fill = (parent: CstNode, parentSymbol: SymbolInfo, depth: number): void => {
    if (parentSymbol.isLeaf || parent.type === "compound_statement") return;
    if (!cursor.gotoFirstChild()) return;
    if (depth >= MAX_TREE_DEPTH) {
      parent.tooDeep = true;
      parent.hasError = true;
      cursor.gotoParent();
      return;
    }
    do {
      const symbol = symbolAtCursor();
      let missing: boolean | null = null;
      if (!symbol.isNamed && !parentSymbol.keepsTokens) {
        missing = cursor.nodeIsMissing;
        if (!missing) continue;
      }
      const child = make(symbol, parentSymbol.hasFields, missing);
      fill(child, symbol, depth + 1);
      parent.adopt(child);
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  };
  if (!cursor.gotoFirstChild()) return;
  do {
    const symbol = symbolAtCursor();
    // The root may give its children fields even though the grammar gives it none.
    const item = make(symbol, true, null);
    fill(item, symbol, 1);
    yield item;
  } while (cursor.gotoNextSibling());
}
