// Mutations of real inputs: byte ranges and lines deleted, duplicated or swapped, and syntax
// fragments inserted. Positions are drawn as plain numbers and taken modulo the text's
// length when applied, so one mutation list applies to any seed and shrinks toward the start.
import fc from "fast-check";

export type Mutation =
  | { op: "delete-bytes"; at: number; length: number }
  | { op: "duplicate-bytes"; at: number; length: number; to: number }
  | { op: "swap-bytes"; at: number; length: number; with: number }
  | { op: "delete-lines"; line: number; count: number }
  | { op: "duplicate-lines"; line: number; count: number; to: number }
  | { op: "swap-lines"; line: number; with: number }
  | { op: "insert"; at: number; fragment: string }
  | { op: "insert-line"; line: number; fragment: string }
  | { op: "truncate"; at: number };

/** Fragments every language here reacts to. */
export const COMMON_FRAGMENTS = [
  "(",
  ")",
  "{",
  "}",
  '"',
  "'",
  "\\",
  "\\\n",
  "\n",
  "\0",
  "/*",
  "*/",
  "//",
  "#",
  "##",
  ",",
  ";",
  "=",
  "\t",
  "\r",
  "\r\n",
  "\uFEFF",
  "\u00e9",
  "99999999999999999999999999999999",
  "0x",
  "1e",
  "-",
];

/** Large nesting and repetition, built on demand so the lists stay short. */
const stressFragment: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("(", "((", "{", "[", "#if 1\n", "-", "!", "~"),
    fc.integer({ min: 50, max: 3000 }),
  )
  .map(([piece, count]) => piece.repeat(count));

/** Inserted fragments: the language's own syntax, common punctuation, stress pieces, noise. */
export function fragmentArbitrary(languageFragments: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...languageFragments) },
    { weight: 4, arbitrary: fc.constantFrom(...COMMON_FRAGMENTS) },
    { weight: 1, arbitrary: stressFragment },
    { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: "binary" }) },
  );
}

const position = fc.nat();
const span = fc.integer({ min: 1, max: 400 });
const lineCount = fc.integer({ min: 1, max: 30 });

export function mutationArbitrary(languageFragments: readonly string[]): fc.Arbitrary<Mutation> {
  const fragment = fragmentArbitrary(languageFragments);
  return fc.oneof(
    fc.record({ op: fc.constant("delete-bytes" as const), at: position, length: span }),
    fc.record({
      op: fc.constant("duplicate-bytes" as const),
      at: position,
      length: span,
      to: position,
    }),
    fc.record({
      op: fc.constant("swap-bytes" as const),
      at: position,
      length: span,
      with: position,
    }),
    fc.record({ op: fc.constant("delete-lines" as const), line: position, count: lineCount }),
    fc.record({
      op: fc.constant("duplicate-lines" as const),
      line: position,
      count: lineCount,
      to: position,
    }),
    fc.record({ op: fc.constant("swap-lines" as const), line: position, with: position }),
    fc.record({ op: fc.constant("insert" as const), at: position, fragment }),
    fc.record({ op: fc.constant("insert" as const), at: position, fragment }),
    fc.record({ op: fc.constant("insert-line" as const), line: position, fragment }),
    fc.record({ op: fc.constant("truncate" as const), at: position }),
  );
}

/** One to `max` mutations, applied in order. */
export function mutationsArbitrary(
  languageFragments: readonly string[],
  max = 6,
): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArbitrary(languageFragments), { minLength: 1, maxLength: max });
}

const within = (n: number, size: number) => (size === 0 ? 0 : n % size);

function mutateLines(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const n = lines.length;
  switch (m.op) {
    case "delete-lines": {
      const at = within(m.line, n);
      lines.splice(at, m.count);
      break;
    }
    case "duplicate-lines": {
      const at = within(m.line, n);
      const copy = lines.slice(at, at + m.count);
      lines.splice(within(m.to, n + 1), 0, ...copy);
      break;
    }
    case "swap-lines": {
      const a = within(m.line, n);
      const b = within(m.with, n);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      break;
    }
    case "insert-line":
      lines.splice(within(m.line, n + 1), 0, m.fragment);
      break;
    default:
      return text;
  }
  return lines.join("\n");
}

export function applyMutation(text: string, m: Mutation): string {
  const size = text.length;
  switch (m.op) {
    case "delete-bytes": {
      const at = within(m.at, size);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "duplicate-bytes": {
      const at = within(m.at, size);
      const piece = text.slice(at, at + m.length);
      const to = within(m.to, size + 1);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case "swap-bytes": {
      // Two ranges of the same length, trimmed so they do not overlap.
      let a = within(m.at, size);
      let b = within(m.with, size);
      if (a > b) [a, b] = [b, a];
      const length = Math.min(m.length, b - a, size - b);
      if (length <= 0) return text;
      return (
        text.slice(0, a) +
        text.slice(b, b + length) +
        text.slice(a + length, b) +
        text.slice(a, a + length) +
        text.slice(b + length)
      );
    }
    case "insert": {
      const at = within(m.at, size + 1);
      return text.slice(0, at) + m.fragment + text.slice(at);
    }
    case "truncate":
      return text.slice(0, within(m.at, size + 1));
    default:
      return mutateLines(text, m);
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}
