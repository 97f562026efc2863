// Parsing text handed over in pieces, as `generate` does while the preprocessor is still
// running: the line-marker scan carries its state from piece to piece, the renderer cuts
// only at file-scope boundaries, and the unit parsed piece by piece is the one parsed whole.
import { beforeAll, describe, expect, it } from "vitest";
import { LineMarkerScanner, packAt, scanLineMarkers } from "../../src/parse/line-markers.js";
import { UnitParser, parseTranslationUnitLenient, unitToJson } from "../../src/parse/index.js";
import {
  frontEndParseOptions,
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
            const inPieces = parser.finish(whole.macros);
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
