// Checks our layouts of one translation unit against the C compiler with a single compile:
// a probe of _Static_asserts (size, alignment, offsets) plus the compiler's record dump
// (bitfield positions and records C cannot name).
import { DiagnosticError, error, type Diagnostic } from "../diagnostics/index.js";
import type { TranslationUnit } from "../ir/index.js";
import { LayoutEngine, type RecordLayout } from "../layout/index.js";
import type { TargetDescription } from "../targets/types.js";
import { compareWithDump, DumpIndex, type Mismatch } from "./compare.js";
import { parseProbeDiagnostics, type ProbeDiagnostics } from "./compiler-diagnostics.js";
import { buildProbe, probeSpellings, WRAPPER_TAG, type ProbeCheck } from "./probe.js";
import { fileScopeRecords } from "./presence.js";
import { parseRecordDump } from "./record-dump.js";
import { compileProbe, type CompileResult } from "./run-compiler.js";

export interface VerifyRequest {
  unit: TranslationUnit;
  target: TargetDescription;
  /** The compiler to ask, e.g. "clang-19". */
  compiler: string;
  /**
   * Arguments that put the compiler in the unit's configuration (--target, -D, -I, ...),
   * without an input file or output mode.
   */
  compilerArgs: string[];
  /** The checked source: a file the probe #includes, or preprocessed text it embeds. */
  source: { includePath: string } | { text: string };
}

export interface VerifyReport {
  recordsChecked: number;
  fieldsChecked: number;
  mismatches: Mismatch[];
  /** Records we could not lay out (e.g. a member of incomplete type): each is a failure. */
  layoutFailures: Diagnostic[];
  /** Records neither the probe nor the dump could reach, with the reason. */
  unchecked: { recordId: string; reason: string }[];
}

/** For findings about records the front end never saw. */
const NO_LOCATION = { file: "", line: 0, column: 0, header: "" };

function mismatchKey(m: Pick<Mismatch, "recordId" | "member" | "property">): string {
  return `${m.recordId}\u0000${m.member}\u0000${m.property}`;
}

function fromFailedCheck(
  check: ProbeCheck,
  actual: number | null,
  rejection: string | null,
): Mismatch {
  return {
    recordId: check.recordId,
    member: check.member,
    property: rejection !== null ? "rejected" : check.property,
    ours: String(check.expected),
    compiler: rejection ?? (actual === null ? "unknown" : String(actual)),
    location: check.location,
  };
}

export function probeText(source: VerifyRequest["source"], assertions: string): string {
  const body =
    "includePath" in source
      ? `#include "${source.includePath.replace(/(["\\])/g, "\\$1")}"\n`
      : source.text;
  return `${body}${body.endsWith("\n") ? "" : "\n"}${assertions}`;
}

/** Flags for the one compile: every error reported, and the record layout dump. */
function probeArgs(compilerArgs: string[]): string[] {
  return [
    ...compilerArgs,
    "-fsyntax-only",
    "-ferror-limit=0",
    "-Wno-everything",
    // The plain dump, not "-complete": clang 19 lays records out for that one before
    // attributes after the closing brace (`} __packed;`) are attached, and dumps wrong sizes.
    // Our sizeof assertions make the compiler lay out every record C can name.
    "-Xclang",
    "-fdump-record-layouts",
  ];
}

/** The checked source must compile; when it does not, the compiler's errors are the answer. */
function requireCompiled(
  compiler: string,
  result: CompileResult,
  parsed: ProbeDiagnostics,
  checks: number,
): void {
  const helperErrors = parsed.failed.filter((f) => f.index >= checks);
  if (parsed.otherErrors.length === 0 && helperErrors.length === 0) {
    if (result.exitCode === 0 || parsed.failed.length > 0) return;
  }
  const shown = parsed.otherErrors.slice(0, 20).map((e) =>
    error(`${compiler} rejected the checked source: ${e.message}`, {
      file: e.file,
      line: e.line,
      column: e.column,
    }),
  );
  for (const h of helperErrors)
    shown.push(
      error(`${compiler} rejected a probe declaration: ${h.rejection ?? "unknown error"}`),
    );
  if (shown.length === 0) {
    const first = result.stderr.trim().split("\n")[0] ?? "";
    shown.push(error(`${compiler} failed (exit ${result.exitCode}): ${first}`));
  }
  throw new DiagnosticError(shown);
}

export async function verifyLayouts(request: VerifyRequest): Promise<VerifyReport> {
  const engine = new LayoutEngine(request.unit, request.target);
  const { layouts, diagnostics: layoutFailures } = engine.layoutAll();
  const spellings = probeSpellings(request.unit);
  const probe = buildProbe(layouts, engine, spellings);
  const args = probeArgs(request.compilerArgs);
  const compile = (assertions: string) =>
    compileProbe(request.compiler, args, probeText(request.source, assertions));

  const result = await compile(probe.assertions);
  const parsed = parseProbeDiagnostics(result.stderr);
  requireCompiled(request.compiler, result, parsed, probe.checks.length);

  const mismatches = new Map<string, Mismatch>();
  const note = (m: Mismatch) => {
    if (!mismatches.has(mismatchKey(m))) mismatches.set(mismatchKey(m), m);
  };
  const fields = new Set<string>();
  const checkedRecords = new Set<string>();
  for (const check of probe.checks) {
    checkedRecords.add(check.recordId);
    if (check.property === "offset") fields.add(`${check.recordId}\u0000${check.member}`);
  }
  for (const failed of parsed.failed) {
    const check = probe.checks[failed.index];
    if (check) note(fromFailedCheck(check, failed.actual, failed.rejection));
  }

  const dumped = parseRecordDump(result.stdout);
  // Bitfield positions come only from the dump: without one, nothing would check them.
  if (dumped.length === 0 && probe.checks.length > 0) {
    throw new DiagnosticError(
      error(
        `${request.compiler} printed no record layouts (it needs to accept -Xclang -fdump-record-layouts)`,
      ),
    );
  }
  const dump = new DumpIndex(dumped);
  const expandable = (id: string) => !spellings.has(id);
  const unchecked: VerifyReport["unchecked"] = [];
  for (const layout of layouts) {
    if (/::anon\d+$/.test(layout.id)) continue;
    const wrapper = probe.wrappers.get(layout.id);
    const dumped =
      wrapper === undefined
        ? dump.find(layout, engine.recordDecl(layout.id)?.tag ?? null)
        : dump.unwrap(layout, wrapper);
    if (!dumped) {
      if (!checkedRecords.has(layout.id)) {
        unchecked.push({
          recordId: layout.id,
          reason: "not in the compiler's layout dump and not nameable in C",
        });
      }
      continue;
    }
    checkedRecords.add(layout.id);
    const comparison = compareWithDump(engine, layout, dumped, expandable);
    for (const member of comparison.members) fields.add(`${layout.id}\u0000${member}`);
    comparison.mismatches.forEach(note);
  }

  // Records the compiler has that we do not: our preprocessing or parsing went another way.
  const candidates = dump
    .tagged()
    .filter(([id]) => !id.startsWith(`struct ${WRAPPER_TAG}`) && !engine.recordDecl(id)?.complete);
  for (const [id, dumped] of await fileScopeRecords(candidates, compile)) {
    const decl = engine.recordDecl(id);
    note({
      recordId: id,
      member: "",
      property: "presence",
      ours: decl ? "only declares it" : "does not have it",
      compiler: `size ${dumped.size}`,
      location: decl?.location ?? NO_LOCATION,
    });
  }

  return {
    recordsChecked: checkedRecords.size,
    fieldsChecked: fields.size,
    mismatches: sortMismatches([...mismatches.values()], layouts),
    layoutFailures,
    unchecked,
  };
}

function sortMismatches(list: Mismatch[], layouts: RecordLayout[]): Mismatch[] {
  const order = new Map(layouts.map((l, i) => [l.id, i]));
  return list.sort(
    (a, b) =>
      (order.get(a.recordId) ?? order.size) - (order.get(b.recordId) ?? order.size) ||
      a.recordId.localeCompare(b.recordId) ||
      a.location.line - b.location.line ||
      a.member.localeCompare(b.member) ||
      a.property.localeCompare(b.property),
  );
}
