// Snapshot files: written one item per line (readable in a review, stable in version
// control), read back with the format, version and shape checked.
import { fail, type SourceLocation } from "../diagnostics/index.js";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from "./format.js";

const SECTIONS = ["records", "functions", "variables", "typedefs", "enums", "macros"] as const;

/** Deterministic text: the same snapshot always gives the same bytes. */
export function snapshotToJson(snapshot: Snapshot): string {
  const parts = [
    `{"format":${JSON.stringify(snapshot.format)},"version":${snapshot.version},`,
    `"provenance":${JSON.stringify(snapshot.provenance)}`,
  ];
  for (const section of SECTIONS) {
    const items = snapshot[section] as unknown[];
    const body = items.map((item) => JSON.stringify(item)).join(",\n");
    parts.push(`,\n"${section}":[${items.length ? `\n${body}\n` : ""}]`);
  }
  return parts.join("") + "}\n";
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Fields each section's items must have, with their JSON types. */
const REQUIRED: Record<(typeof SECTIONS)[number], Record<string, string>> = {
  records: {
    key: "string",
    kind: "string",
    size: "number",
    align: "number",
    members: "array",
    holes: "array",
    header: "string",
  },
  functions: {
    name: "string",
    returns: "string",
    returnsAbi: "string",
    params: "array",
    variadic: "boolean",
    header: "string",
  },
  variables: { name: "string", type: "string", header: "string" },
  typedefs: { name: "string", type: "string", header: "string" },
  enums: { key: "string", underlying: "string", enumerators: "array", header: "string" },
  macros: { name: "string", kind: "string", value: "string", header: "string" },
};

function typeName(v: unknown): string {
  return Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
}

/** Reads a snapshot file's text; `file` names it in diagnostics. */
export function parseSnapshot(text: string, file: string): Snapshot {
  const at = (line = 1, column = 1): SourceLocation => ({ file, line, column });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : /end of JSON/.test(message) ? text.trimEnd().length : 0;
    const where = positionOf(text, offset);
    fail(`not a snapshot: invalid JSON (${message})`, at(where.line, where.column));
  }
  if (!isObject(data) || data.format !== SNAPSHOT_FORMAT)
    fail(
      `not a snapshot: expected "format": "${SNAPSHOT_FORMAT}" (write one with 'kpi-bindgen snapshot')`,
      at(),
    );
  if (data.version !== SNAPSHOT_VERSION)
    fail(
      `snapshot format version ${String(data.version)} is not supported (this tool reads version ${SNAPSHOT_VERSION}); take the snapshot again`,
      at(),
    );
  if (!isObject(data.provenance) || typeof data.provenance.arch !== "string")
    fail("snapshot has no provenance", at());
  for (const section of SECTIONS) {
    const items = data[section];
    if (!Array.isArray(items)) fail(`snapshot has no "${section}" list`, at());
    // Snapshots put one item per line after the section's opening line.
    const opening = text.indexOf(`"${section}":[`);
    const firstLine = opening < 0 ? 1 : positionOf(text, opening).line + 1;
    items.forEach((item, i) => {
      if (!isObject(item)) fail(`${section}[${i}] is not an object`, at(firstLine + i));
      for (const [field, type] of Object.entries(REQUIRED[section])) {
        if (typeName(item[field]) !== type)
          fail(
            `${section}[${i}].${field}: expected ${type}, found ${typeName(item[field])}`,
            at(firstLine + i),
          );
      }
    });
  }
  return data as unknown as Snapshot;
}
