// Parsing text handed over in pieces, as `generate` does while the preprocessor is still
// running: the line-marker scan carries its state from piece to piece, the renderer cuts
// only at file-scope boundaries, and the unit parsed piece by piece, with its macros
// classified before the declarations are known, is the one parsed whole.
import { beforeAll, describe, expect, it } from "vitest";
import { LineMarkerScanner, packAt, scanLineMarkers } from "../../src/parse/line-markers.js";
import {
  UnitParser,
  classifyMacros,
  parseTranslationUnitLenient,
  unitToJson,
} from "../../src/parse/index.js";
import {
  frontEndParseOptions,
  headerPathResolver,
  preprocessFrontEnd,
  type PreprocessedFrontEnd,
} from "../../src/pipeline/index.js";
import { getTarget, type TargetName } from "../../src/targets/index.js";
import {
  describeWith,
  freebsdVersions,
  kpiWrapper,
  needTree,
  sysTree,
} from "../support/environment.js";

const SAMPLE = [
  '# 1 "/src/sys/sys/a.h"',
  "int a;",
  '# 1 "/src/sys/sys/b.h" 1',
  "",
  "int b;",
  "#pragma pack(push, 4)",
  "struct p { char c; int i; };",
  "#line 30",
  "#pragma pack(push, 2)",
  "struct q { char c; int i; };",
  "#pragma pack(pop)",
  "struct r { char c; int i; };",
  "#pragma pack(pop)",
  '# 7 "/src/sys/sys/a.h" 2',
  "int c;",
  "",
].join("\n");

describe("line markers scanned in pieces", () => {
  const whole = scanLineMarkers(SAMPLE);
  const lines = SAMPLE.split(/(?<=\n)/);

  for (const cut of [1, 2, 3, 5, 7]) {
    it(`locates every row and pack state as one scan does (pieces of ${cut} lines)`, () => {
      const scanner = new LineMarkerScanner();
      let row = 0;
      let offset = 0;
      for (let i = 0; i < lines.length; i += cut) {
        const piece = lines.slice(i, i + cut).join("");
        const part = scanner.scan(piece);
        expect(part.text).toBe(whole.text.slice(offset, offset + piece.length));
        const rows = piece.split("\n").length - 1;
        for (let r = 0; r < rows; r++) {
          expect(part.originOf(r), `row ${row + r}`).toEqual(whole.originOf(row + r));
          const at = part.lineStarts[r]!;
          expect(packAt(part.pragmaPacks, at, part.packBefore), `pack at row ${row + r}`).toBe(
            packAt(whole.pragmaPacks, offset + at),
          );
        }
        row += rows;
        offset += piece.length;
      }
      expect(offset).toBe(SAMPLE.length);
    });
  }
});

/** The last line of a piece that is neither blank nor a directive (marker or pragma). */
function lastTextLine(piece: string): string {
  const lines = piece.split("\n").filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return lines[lines.length - 1] ?? "";
}

const arches: TargetName[] = ["amd64", "arm64", "i386"];

for (const release of freebsdVersions) {
  describeWith([needTree(release)], `the KPI wrapper in pieces (${release})`, () => {
    for (const arch of arches) {
      describe(arch, () => {
        const target = getTarget(arch);
        const spec = {
          sysDir: sysTree(release),
          target,
          mode: "module" as const,
          kernconf: "GENERIC",
          header: kpiWrapper,
        };
        let whole: PreprocessedFrontEnd;
        beforeAll(() => {
          whole = preprocessFrontEnd(spec);
        });

        // 1 character: a piece at every file-scope boundary, the most cuts there can be.
        for (const pieceChars of [1, 4096]) {
          it(`renders pieces that join to the text, each ending at file scope (${pieceChars})`, () => {
            const pieces: string[] = [];
            const streamed = preprocessFrontEnd(spec, {
              onPiece: (t) => pieces.push(t),
              pieceChars,
            });
            expect(streamed.text).toBe("");
            expect(pieces.join("")).toBe(whole.text);
            expect(pieces.length).toBeGreaterThan(pieceChars === 1 ? 1000 : 20);
            for (const piece of pieces.slice(0, -1)) {
              expect(piece.endsWith("\n")).toBe(true);
              expect(lastTextLine(piece).trimEnd().endsWith(";")).toBe(true);
            }

            const parser = new UnitParser(frontEndParseOptions(target));
            for (const piece of pieces) parser.add(piece);
            // As generate does: the macros classified beside the parser, finished after it.
            const classified = classifyMacros(whole.macros, target.abi, headerPathResolver(target));
            const pending = classified.decisions.filter((d) => d.list === "pending").length;
            expect(pending).toBeLessThan(classified.decisions.length / 10);
            const inPieces = parser.finish(classified);
            const inOne = parseTranslationUnitLenient(whole.text, {
              ...frontEndParseOptions(target),
              macros: whole.macros,
            });
            expect(inPieces.diagnostics).toEqual(inOne.diagnostics);
            expect(JSON.stringify(unitToJson(inPieces.unit))).toBe(
              JSON.stringify(unitToJson(inOne.unit)),
            );
          });
        }
      });
    }
  });
}

describe("macros classified before the declarations are known", () => {
  const text = ["enum { A = 3 };", "typedef int myint;", "struct s { int a; long b; };", ""].join(
    "\n",
  );
  const macro = (name: string, body: string) => ({ name, params: null, body, defined: true });
  const table = [
    macro("W", "(7 << 2)"),
    macro("X", "(A + 1)"),
    macro("Y", "sizeof(struct s)"),
    macro("Z", "((myint)-1)"),
    macro("S", '"str" "ing"'),
    macro("E", ""),
    { name: "F", params: ["x"], body: "((x) + W)", defined: true },
    macro("U", "(1 / 0)"),
  ];
  const target = getTarget("amd64");

  it("decides what needs no declaration and leaves the rest pending", () => {
    const classified = classifyMacros(table, target.abi, headerPathResolver(target));
    const byName = new Map(
      classified.decisions.map((d) => [d.list === "pending" ? d.name : d.entry.name, d.list]),
    );
    expect(Object.fromEntries(byName)).toEqual({
      E: "other",
      F: "functionLike",
      S: "constants",
      U: "other",
      W: "constants",
      X: "pending",
      Y: "pending",
      Z: "pending",
    });
  });

  it("finishes to the summary made with the declarations", () => {
    const options = { ...frontEndParseOptions(target), macros: table };
    const direct = parseTranslationUnitLenient(text, options).unit.macros;
    const parser = new UnitParser(options);
    parser.add(text);
    const finished = parser.finish(classifyMacros(table, target.abi, headerPathResolver(target)));
    expect(finished.unit.macros).toEqual(direct);
    const values = Object.fromEntries(
      direct.constants.map((c) => [c.name, c.kind === "integer" ? c.value : c.value]),
    );
    expect(values).toEqual({ S: "string", W: "28", X: "4", Y: "16", Z: "-1" });
  });
});
