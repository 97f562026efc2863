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

export class CstNode {
  readonly children: CstNode[] = [];
  /** True when this node or a descendant is ERROR or MISSING. */
  hasError = false;
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

  get namedChildren(): CstNode[] {
    return this.children.filter((c) => c.isNamed);
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
    this.children.push(child);
    if (child.hasError) this.hasError = true;
  }
}

/** Copies the tree; the contents of compound statements (blanked bodies) are skipped. */
export function buildCst(tree: Parser.Tree, source: SourceText): CstNode {
  const cursor = tree.walk();
  const make = (): CstNode => {
    const type = cursor.nodeType;
    const missing = cursor.nodeIsMissing;
    const node = new CstNode(
      type,
      cursor.nodeIsNamed,
      missing,
      cursor.currentFieldName ?? null,
      cursor.startIndex,
      cursor.endIndex,
      source,
    );
    if (type === "ERROR" || missing) node.hasError = true;
    return node;
  };
  const root = make();
  const fill = (parent: CstNode): void => {
    if (parent.type === "compound_statement" || !cursor.gotoFirstChild()) return;
    do {
      const child = make();
      fill(child);
      parent.adopt(child);
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  };
  fill(root);
  return root;
}
