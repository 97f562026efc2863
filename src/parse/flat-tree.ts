// The syntax tree read through the project's own addon (native/flat-tree.c, built from
// binding.gyp by `npm ci`): one call parses a piece of text and returns every kept node in
// one Int32Array, which becomes the same CstNode copy that cst.ts makes through the
// tree-sitter binding's cursor, without a native call per node. When the addon is not built
// (no C compiler at install) or KPI_BINDGEN_TREE_READER=binding, the binding is used.
import { createRequire } from "node:module";
import C from "tree-sitter-c";
import { copyRules, CstNode, MAX_TREE_DEPTH, namedNodeTypes, type SourceText } from "./cst.js";

interface FlatTreeAddon {
  parse(text: string, language: unknown, policy: Uint8Array): Int32Array;
  grammar(language: unknown): { names: string[]; named: boolean[]; fields: (string | null)[] };
}

// The layout of one node in the addon's output; see native/flat-tree.c.
const NODE_WORDS = 6;
const FLAG_NAMED = 1;
const FLAG_MISSING = 2;
const FLAG_HAS_CHILDREN = 4;
const POLICY_DESCEND = 1;
const POLICY_KEEP_TOKENS = 2;
/** tree-sitter's symbol for ERROR nodes, past the grammar's own symbols. */
const ERROR_SYMBOL = 0xffff;

/** The grammar by symbol and field id, and the copy's policy for the addon. */
interface FlatGrammar {
  types: string[];
  fields: (string | null)[];
  policy: Uint8Array;
}

export interface FlatTreeReader {
  /** Parses `text` on this thread. */
  read(text: string): Int32Array;
  /** The file-scope items of a tree `read` returned, as `topLevelItems` gives them. */
  items(tree: Int32Array, source: SourceText): Generator<CstNode>;
}

function grammarOf(addon: FlatTreeAddon): FlatGrammar {
  const { names, named, fields } = addon.grammar(C.language);
  const typesByName = namedNodeTypes(C.nodeTypeInfo);
  const policy = new Uint8Array(names.length);
  for (let symbol = 0; symbol < names.length; symbol++) {
    const rules = copyRules(names[symbol]!, named[symbol]!, typesByName);
    policy[symbol] =
      (rules.isLeaf ? 0 : POLICY_DESCEND) | (rules.keepsTokens ? POLICY_KEEP_TOKENS : 0);
  }
  return { types: names, fields: fields.map((f) => f ?? null), policy };
}

/** The node at `at` with its kept subtree, `depth` levels below the root. */
function build(
  tree: Int32Array,
  at: number,
  depth: number,
  grammar: FlatGrammar,
  source: SourceText,
): CstNode {
  const symbol = tree[at]!;
  const field = tree[at + 1]!;
  const flags = tree[at + 4]!;
  const isError = symbol === ERROR_SYMBOL;
  const node = new CstNode(
    isError ? "ERROR" : grammar.types[symbol]!,
    (flags & FLAG_NAMED) !== 0,
    (flags & FLAG_MISSING) !== 0,
    field === 0 ? null : grammar.fields[field]!,
    tree[at + 2]!,
    tree[at + 3]!,
    source,
  );
  if (
    depth >= MAX_TREE_DEPTH &&
    (flags & FLAG_HAS_CHILDREN) !== 0 &&
    // ERROR lies past the policy table, and the addon descends into it.
    (isError || (grammar.policy[symbol]! & POLICY_DESCEND) !== 0)
  ) {
    // As the cursor copy does: below this depth nothing is copied, and the node is an error.
    node.tooDeep = true;
    node.hasError = true;
    return node;
  }
  const kept = tree[at + 5]!;
  if (kept > 0) {
    const children: CstNode[] = [];
    const end = at + NODE_WORDS * (kept + 1);
    for (let child = at + NODE_WORDS; child < end; child += NODE_WORDS * (tree[child + 5]! + 1)) {
      children.push(build(tree, child, depth + 1, grammar, source));
    }
    node.adopt(children);
  }
  return node;
}

function* itemsOf(tree: Int32Array, source: SourceText, grammar: FlatGrammar): Generator<CstNode> {
  for (let at = 0; at < tree.length; at += NODE_WORDS * (tree[at + 5]! + 1)) {
    yield build(tree, at, 1, grammar, source);
  }
}

let reader: FlatTreeReader | null | undefined;

/** The addon's reader, or null when it is not built or is turned off. */
export function flatTreeReader(): FlatTreeReader | null {
  if (reader !== undefined) return reader;
  reader = null;
  if (process.env.KPI_BINDGEN_TREE_READER === "binding") return reader;
  let addon: FlatTreeAddon;
  try {
    // dist/parse, dist/bundle and src/parse all sit two levels below the package root.
    addon = createRequire(import.meta.url)("../../build/Release/kpi_flat_tree.node");
  } catch {
    return reader;
  }
  const grammar = grammarOf(addon);
  reader = {
    read: (text) => addon.parse(text, C.language, grammar.policy),
    items: (tree, source) => itemsOf(tree, source, grammar),
  };
  return reader;
}
