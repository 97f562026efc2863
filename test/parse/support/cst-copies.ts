// The syntax tree copies the front end can make of one text, dumped as plain data to compare:
// through the tree-sitter binding's cursor (fast, and exact: asking about every node) and
// from the tree reader addon's flat array.
import Parser from "tree-sitter";
import C from "tree-sitter-c";
import { topLevelItems, type CstNode } from "../../../src/parse/cst.js";
import { flatTreeReader } from "../../../src/parse/flat-tree.js";
import { rewriteGnuForms } from "../../../src/parse/gnu-forms.js";
import { LineMarkerScanner } from "../../../src/parse/line-markers.js";
import { neutralize } from "../../../src/parse/neutralize.js";
import { applyEdits } from "../../../src/parse/text-edits.js";

/** The text tree-sitter parses, made from preprocessed text as the front end makes it. */
export function parserText(preprocessed: string) {
  const source = new LineMarkerScanner().scan(preprocessed);
  const neutral = neutralize(source.text);
  const gnu = rewriteGnuForms(neutral.tokens);
  const text = applyEdits(source.text, [...neutral.edits, ...gnu.edits]);
  return { text, lineStarts: source.lineStarts };
}

export type Dumped = [
  string,
  boolean,
  boolean,
  string | null,
  number,
  number,
  boolean,
  boolean,
  Dumped[],
];

export function dump(n: CstNode): Dumped {
  const { type, isNamed, isMissing, field, startIndex, endIndex, hasError, tooDeep } = n;
  return [
    type,
    isNamed,
    isMissing,
    field,
    startIndex,
    endIndex,
    hasError,
    tooDeep,
    n.children.map(dump),
  ];
}

export function copies(preprocessed: string): {
  fast: Dumped[];
  exact: Dumped[];
  hasError: boolean;
} {
  const source = parserText(preprocessed);
  const parser = new Parser();
  parser.setLanguage(C);
  const tree = parser.parse(source.text);
  return {
    fast: [...topLevelItems(tree, source, C.nodeTypeInfo)].map(dump),
    exact: [...topLevelItems(tree, source, C.nodeTypeInfo, true)].map(dump),
    hasError: tree.rootNode.hasError,
  };
}

/** The copy made by the tree reader addon. */
export function flatCopy(preprocessed: string): Dumped[] {
  const reader = flatTreeReader()!;
  const source = parserText(preprocessed);
  return [...reader.items(reader.read(source.text), source)].map(dump);
}
