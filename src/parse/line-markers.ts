// Preprocessed text carries `# N "file" flags` line markers and a few surviving directives
// (#pragma). The grammar knows neither, so they are blanked in place (offsets unchanged)
// after recording where each line came from and which `#pragma pack` lines were seen.

export interface Origin {
  /** Path exactly as the marker spells it. */
  path: string;
  line: number;
}

export interface PragmaPackEvent {
  /** Offset of the directive in the text; applies to everything after it. */
  offset: number;
  action: "set" | "push" | "pop" | "reset";
  /** Alignment for "set" and "push" with a value. */
  value: number | null;
}

/** The `#pragma pack` state: the alignment in effect (null: off) and the pushed ones. */
export interface PackState {
  current: number | null;
  stack: readonly (number | null)[];
}

const NO_PACK: PackState = { current: null, stack: [] };

export interface ScannedSource {
  /** The input with every directive line replaced by spaces; same length and line breaks. */
  text: string;
  /** Start offset of each line of `text`. */
  lineStarts: Int32Array;
  /** Origin of a 0-based row of the text. */
  originOf(row: number): Origin;
  pragmaPacks: PragmaPackEvent[];
  /** The pack state at the start of this text (pieces after the first inherit one). */
  packBefore: PackState;
}

// Each flag follows blanks: `(?:\d+\s*)*` could split a run of digits every possible way,
// which took minutes on a marker with a long number where a name should be.
const MARKER = /^#\s*(?:line\s+)?(\d+)(?:\s+"((?:[^"\\]|\\.)*)")?(?:\s+\d+)*\s*$/;
const MAX_LINE = 0x7fffffff;
const PACK = /^#\s*pragma\s+pack\s*\(\s*([^)]*)\)/;

function parsePack(args: string, offset: number): PragmaPackEvent | null {
  const parts = args
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0) return { offset, action: "reset", value: null };
  const numeric = parts.find((p) => /^\d+$/.test(p));
  const value = numeric === undefined ? null : Number(numeric);
  if (parts[0] === "push") return { offset, action: "push", value };
  if (parts[0] === "pop") return { offset, action: "pop", value: null };
  if (value !== null) return { offset, action: "set", value };
  return null;
}

function unescapePath(p: string): string {
  return p.replace(/\\(.)/g, "$1");
}

/** Whether input[start, end) starts with `#` after whitespace (as trimStart() sees it). */
function isDirectiveLine(input: string, start: number, end: number): boolean {
  if (start === end) return false;
  const c = input.charCodeAt(start);
  if (c === 35) return true;
  // Any other printable ASCII character starts a text line; anything else may be
  // whitespace of some kind, which trimStart() knows best.
  if (c > 32 && c < 127) return false;
  return input.slice(start, end).trimStart().startsWith("#");
}

/**
 * Scans preprocessed text given in consecutive pieces, each but the last ending with a
 * newline: the file,
 * line and `#pragma pack` state at the end of one piece carry into the next, so each piece's
 * ScannedSource locates its own rows as a scan of the whole text would.
 */
export class LineMarkerScanner {
  private readonly files: string[] = ["<stdin>"];
  private readonly fileIndex = new Map<string, number>([["<stdin>", 0]]);
  private currentFile = 0;
  private currentLine = 1;
  private pack: PackState = NO_PACK;

  scan(input: string): ScannedSource {
    const lineStartList: number[] = [];
    const rowFile: number[] = [];
    const rowLine: number[] = [];
    const { files, fileIndex } = this;
    const pragmaPacks: PragmaPackEvent[] = [];
    const pieces: string[] = [];
    let currentFile = this.currentFile;
    let currentLine = this.currentLine;
    // Text lines are copied in runs; only directive lines are replaced (by spaces).
    let runStart = 0;
    let pos = 0;
    while (pos <= input.length) {
      const nl = input.indexOf("\n", pos);
      const end = nl < 0 ? input.length : nl;
      lineStartList.push(pos);
      rowFile.push(currentFile);
      rowLine.push(currentLine);
      if (isDirectiveLine(input, pos, end)) {
        const line = input.slice(pos, end);
        const trimmed = line.trimStart();
        const marker = MARKER.exec(trimmed);
        // Line numbers live in an Int32Array; clang rejects larger ones too ("out of range").
        if (marker && Number(marker[1]) <= MAX_LINE) {
          // `# N` alone renumbers the current file; with a name it switches files.
          if (marker[2] !== undefined) {
            const path = unescapePath(marker[2]);
            let idx = fileIndex.get(path);
            if (idx === undefined) {
              idx = files.length;
              files.push(path);
              fileIndex.set(path, idx);
            }
            currentFile = idx;
          }
          currentLine = Number(marker[1]);
        } else {
          const pack = PACK.exec(trimmed);
          if (pack) {
            const ev = parsePack(pack[1]!, pos);
            if (ev) pragmaPacks.push(ev);
          }
          currentLine++;
        }
        pieces.push(input.slice(runStart, pos), " ".repeat(line.length));
        runStart = end;
      } else {
        currentLine++;
      }
      if (nl < 0) break;
      pos = nl + 1;
    }
    pieces.push(input.slice(runStart));
    // A piece ends at a line end, so its last row is empty: the next piece's first line.
    this.currentFile = rowFile[rowFile.length - 1]!;
    this.currentLine = rowLine[rowLine.length - 1]!;
    const packBefore = this.pack;
    this.pack = applyPackEvents(packBefore, pragmaPacks, Infinity);
    const rf = Int32Array.from(rowFile);
    const rl = Int32Array.from(rowLine);
    return {
      text: pieces.join(""),
      lineStarts: Int32Array.from(lineStartList),
      originOf(row: number): Origin {
        const r = Math.max(0, Math.min(row, rf.length - 1));
        return { path: files[rf[r]!]!, line: rl[r]! };
      },
      pragmaPacks,
      packBefore,
    };
  }
}

export function scanLineMarkers(input: string): ScannedSource {
  return new LineMarkerScanner().scan(input);
}

function applyPackEvents(
  before: PackState,
  events: readonly PragmaPackEvent[],
  offset: number,
): PackState {
  const stack = [...before.stack];
  let current = before.current;
  for (const ev of events) {
    if (ev.offset > offset) break;
    switch (ev.action) {
      case "set":
        current = ev.value;
        break;
      case "reset":
        current = null;
        break;
      case "push":
        stack.push(current);
        if (ev.value !== null) current = ev.value;
        break;
      case "pop":
        current = stack.length > 0 ? stack.pop()! : null;
        break;
    }
  }
  return { current, stack };
}

/**
 * The `#pragma pack` alignment in effect at `offset`; null when packing is off. `before` is
 * the state the text started in (see ScannedSource.packBefore).
 */
export function packAt(
  events: readonly PragmaPackEvent[],
  offset: number,
  before: PackState = NO_PACK,
): number | null {
  return applyPackEvents(before, events, offset).current;
}
