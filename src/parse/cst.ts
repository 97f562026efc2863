// The syntax tree as plain objects, built in one cursor pass. Reading tree-sitter nodes
// through the native binding costs a call per property; the declaration walk asks for
// children, fields and positions many times, so it reads this copy instead.
import type Parser from "tree-sitter";
import { lineIndexAt } from "../diagnostics/index.js";

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
  // Declared, not initialized as class fields: each node is then made by plain assignments
  // in the constructor, which cost the unoptimized interpreter less than defining class
  // fields (about 6 ms of the copy of the KPI headers' 60 000 nodes).
  declare readonly type: string;
  declare readonly isNamed: boolean;
  declare readonly isMissing: boolean;
  /** The grammar field this node fills in its parent (declarator, type, body, ...). */
  declare readonly field: string | null;
  declare readonly startIndex: number;
  declare readonly endIndex: number;
  declare children: readonly CstNode[];
  /** True when this node or a descendant is ERROR or MISSING, or is cut at MAX_TREE_DEPTH. */
  declare hasError: boolean;
  /** True when this node lies deeper than MAX_TREE_DEPTH: its children were not copied. */
  declare tooDeep: boolean;
  declare parent: CstNode | null;
  declare private indexInParent: number;
  declare private readonly source: SourceText;
  declare private named: readonly CstNode[] | undefined;

  constructor(
    type: string,
    isNamed: boolean,
    isMissing: boolean,
    field: string | null,
    startIndex: number,
    endIndex: number,
    source: SourceText,
  ) {
    this.type = type;
    this.isNamed = isNamed;
    this.isMissing = isMissing;
    this.field = field;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.children = NO_CHILDREN;
    this.hasError = isMissing || type === "ERROR";
    this.tooDeep = false;
    this.parent = null;
    this.indexInParent = 0;
    this.source = source;
    this.named = undefined;
  }

  /** Row and column of the start, computed from the line table when asked. */
  get startPosition(): Position {
    const starts = this.source.lineStarts;
    const row = lineIndexAt(starts, this.startIndex);
    return { row, column: this.startIndex - starts[row]! };
  }

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  /** The named children; computed once (the walkers ask for them repeatedly). */
  get namedChildren(): readonly CstNode[] {
    let named = this.named;
    if (named === undefined) {
      const children = this.children;
      let all = true;
      for (let i = 0; i < children.length; i++) {
        if (!children[i]!.isNamed) {
          all = false;
          break;
        }
      }
      if (all) named = children;
      else {
        const some: CstNode[] = [];
        for (let i = 0; i < children.length; i++) {
          if (children[i]!.isNamed) some.push(children[i]!);
        }
        named = some;
      }
      this.named = named;
    }
    return named;
  }

  get namedChildCount(): number {
    const children = this.children;
    let n = 0;
    for (let i = 0; i < children.length; i++) if (children[i]!.isNamed) n++;
    return n;
  }

  get previousSibling(): CstNode | null {
    return this.indexInParent > 0 ? (this.parent?.children[this.indexInParent - 1] ?? null) : null;
  }

  get nextSibling(): CstNode | null {
    return this.parent?.children[this.indexInParent + 1] ?? null;
  }

  childForFieldName(name: string): CstNode | null {
    const children = this.children;
    for (let i = 0; i < children.length; i++) if (children[i]!.field === name) return children[i]!;
    return null;
  }

  childrenForFieldName(name: string): CstNode[] {
    const children = this.children;
    const out: CstNode[] = [];
    for (let i = 0; i < children.length; i++)
      if (children[i]!.field === name) out.push(children[i]!);
    return out;
  }

  /** Takes `children` (in order) as its children; once per node, in one call. */
  adopt(children: CstNode[]): void {
    this.children = children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      child.parent = this;
      child.indexInParent = i;
      if (child.hasError) this.hasError = true;
    }
  }
}

/** What a grammar symbol id stands for; looked up once per id, not once per node. */
interface SymbolInfo {
  type: string;
  isNamed: boolean;
  /** A token (identifier, literal, keyword), or a body the walkers skip: nothing to copy below. */
  isLeaf: boolean;
  /** Its children may fill grammar fields (false means every child's field is null). */
  hasFields: boolean;
  /** Keeps its anonymous children (keywords and punctuation), which the walkers read. */
  keepsTokens: boolean;
  /**
   * For its children with fields, by the child's symbol id: the one field (or null for none)
   * the grammar lets a child of that type fill here, or ASK_CURSOR when it leaves a choice.
   */
  fieldByChild: FieldChoice[];
  /** The same by the child's type name, from the grammar's node types. */
  fieldByChildType: ReadonlyMap<string, string | null> | undefined;
}

const ASK_CURSOR = false;
type FieldChoice = string | null | typeof ASK_CURSOR;

export interface NodeTypeInfo {
  type: string;
  named: boolean;
  fields?: Record<string, unknown>;
  children?: unknown;
  subtypes?: unknown;
}

interface NodeTypeRef {
  type: string;
  named: boolean;
}

/** The types a field or `children` entry of node-types.json lists (`{ types: [...] }`). */
function typesOf(entry: unknown): readonly NodeTypeRef[] {
  return (entry as { types?: readonly NodeTypeRef[] } | undefined)?.types ?? [];
}

/**
 * For a node type with fields, the field each named child type fills, kept only where the
 * grammar allows one answer (a field, or none); types it allows in two places are left out.
 */
function fieldsByChildType(
  info: NodeTypeInfo,
  typesByName: ReadonlyMap<string, NodeTypeInfo>,
): Map<string, string | null> {
  const choices = new Map<string, Set<string | null>>();
  const add = (ref: NodeTypeRef, field: string | null, seen: Set<string>): void => {
    if (!ref.named || seen.has(ref.type)) return;
    seen.add(ref.type);
    const subtypes = typesByName.get(ref.type)?.subtypes as readonly NodeTypeRef[] | undefined;
    if (subtypes) {
      for (const s of subtypes) add(s, field, seen);
      return;
    }
    let set = choices.get(ref.type);
    if (set === undefined) choices.set(ref.type, (set = new Set()));
    set.add(field);
  };
  for (const [name, field] of Object.entries(info.fields ?? {}))
    for (const ref of typesOf(field)) add(ref, name, new Set());
  for (const ref of typesOf(info.children)) add(ref, null, new Set());
  const result = new Map<string, string | null>();
  for (const [type, set] of choices) if (set.size === 1) result.set(type, [...set][0]!);
  return result;
}

/** The grammar's named node types by name. */
export function namedNodeTypes(nodeTypes: readonly NodeTypeInfo[]): Map<string, NodeTypeInfo> {
  const typesByName = new Map<string, NodeTypeInfo>();
  for (const t of nodeTypes) if (t.named) typesByName.set(t.type, t);
  return typesByName;
}

/**
 * What the copy keeps below a node of this type. Tokens have no children, and blanked
 * function bodies are not read; the walkers never read anonymous tokens except the words of
 * `unsigned long` and the contents of ERROR nodes (a MISSING token is always kept: it is a
 * syntax error).
 */
export function copyRules(
  type: string,
  isNamed: boolean,
  typesByName: ReadonlyMap<string, NodeTypeInfo>,
): { isLeaf: boolean; keepsTokens: boolean } {
  const info = isNamed ? typesByName.get(type) : undefined;
  return {
    isLeaf:
      !isNamed ||
      type === "compound_statement" ||
      (info !== undefined && !info.fields && !info.children && !info.subtypes),
    keepsTokens: type === "ERROR" || type === "sized_type_specifier",
  };
}

/**
 * Per-node questions cost a native call each, so the cursor copy asks only what the
 * grammar's node types leave open: children of a node without fields fill none.
 */
function symbolInfo(
  cursor: Parser.TreeCursor,
  typesByName: ReadonlyMap<string, NodeTypeInfo>,
): SymbolInfo {
  const type = cursor.nodeType;
  const isNamed = cursor.nodeIsNamed;
  const info = isNamed ? typesByName.get(type) : undefined;
  const hasFields =
    type === "ERROR" || info === undefined || Object.keys(info.fields ?? {}).length > 0;
  return {
    type,
    isNamed,
    ...copyRules(type, isNamed, typesByName),
    hasFields,
    fieldByChild: [],
    fieldByChildType:
      hasFields && info !== undefined ? fieldsByChildType(info, typesByName) : undefined,
  };
}

/**
 * The root's children, each copied (with its subtree) only when the walk reaches it; the
 * contents of compound statements (blanked bodies) are skipped. The walk drops each item
 * when done, so no copy of the whole tree is ever alive: less memory, and short-lived
 * objects are cheap for the garbage collector.
 *
 * An item without syntax errors (the usual case) is copied with fewer native calls: no
 * node in it is MISSING, and the field of a child is taken from the grammar's node types
 * wherever they allow only one. `exact` asks the cursor for everything, as for an item with
 * errors (the tests compare the two).
 */
export function* topLevelItems(
  tree: Parser.Tree,
  source: SourceText,
  nodeTypes: readonly NodeTypeInfo[],
  exact = false,
): Generator<CstNode> {
  const root = tree.rootNode;
  const cursor = root.walk();
  // Whether the item being copied may hold ERROR or MISSING nodes: asked per item only
  // when the tree has errors somewhere (the binding's node object costs a few calls).
  const treeHasError = exact || root.hasError;
  let checked = treeHasError;
  const typesByName = namedNodeTypes(nodeTypes);
  // Type and field names by numeric id: the ids cost no string per node.
  const symbols: SymbolInfo[] = [];
  const fields: string[] = [];
  const symbolAtCursor = (): SymbolInfo => {
    const typeId = cursor.nodeTypeId;
    return (symbols[typeId] ??= symbolInfo(cursor, typesByName));
  };
  const fieldAtCursor = (): string | null => {
    const fieldId = cursor.currentFieldId;
    if (fieldId === undefined) return null;
    return (fields[fieldId] ??= cursor.currentFieldName);
  };
  const fieldOfChild = (parent: SymbolInfo, child: SymbolInfo, typeId: number): string | null => {
    if (checked) return fieldAtCursor();
    let choice = parent.fieldByChild[typeId];
    if (choice === undefined) {
      const known = parent.fieldByChildType?.get(child.type);
      choice = parent.fieldByChild[typeId] = known === undefined ? ASK_CURSOR : known;
    }
    return choice === ASK_CURSOR ? fieldAtCursor() : choice;
  };
  const fill = (parent: CstNode, parentSymbol: SymbolInfo, depth: number): void => {
    if (parentSymbol.isLeaf || !cursor.gotoFirstChild()) return;
    if (depth >= MAX_TREE_DEPTH) {
      parent.tooDeep = true;
      parent.hasError = true;
      cursor.gotoParent();
      return;
    }
    const hasFields = parentSymbol.hasFields;
    const keepsTokens = parentSymbol.keepsTokens;
    let children: CstNode[] | null = null;
    do {
      const typeId = cursor.nodeTypeId;
      const symbol = (symbols[typeId] ??= symbolInfo(cursor, typesByName));
      let missing = false;
      if (!symbol.isNamed && !keepsTokens) {
        // Only a tree with errors has MISSING tokens.
        if (!checked || !cursor.nodeIsMissing) continue;
        missing = true;
      }
      const field = hasFields ? fieldOfChild(parentSymbol, symbol, typeId) : null;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      // Only an empty node can be MISSING: ask the binding just for those.
      if (checked && !missing && start === end) missing = cursor.nodeIsMissing;
      const child = new CstNode(symbol.type, symbol.isNamed, missing, field, start, end, source);
      fill(child, symbol, depth + 1);
      if (children === null) children = [child];
      else children.push(child);
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    if (children !== null) parent.adopt(children);
  };
  if (!cursor.gotoFirstChild()) return;
  do {
    if (treeHasError) checked = exact || cursor.currentNode.hasError;
    const symbol = symbolAtCursor();
    // The root may give its children fields even though the grammar gives it none.
    const field = fieldAtCursor();
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    const missing = start === end && cursor.nodeIsMissing;
    const item = new CstNode(symbol.type, symbol.isNamed, missing, field, start, end, source);
    fill(item, symbol, 1);
    yield item;
  } while (cursor.gotoNextSibling());
}
