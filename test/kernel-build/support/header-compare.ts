// One translation unit per header, preprocessed by us and by clang under the same build,
// and the verdict: same tokens, both fail at the same first error, or a difference to chase.
import { realpathSync } from "node:fs";
import { relative } from "node:path";
import { setImmediate as nextTick } from "node:timers/promises";
import { DiagnosticError, formatDiagnostic } from "../../../src/diagnostics/index.js";
import type { ClangLayout } from "../../../src/preprocess/kernel-build/clang-layout.js";
import type { KernelBuildPlan } from "../../../src/preprocess/kernel-build/plan.js";
import { preprocessInBuild } from "../../../src/preprocess/kernel-build/run.js";
import { runClang, type ClangResult } from "./clang-runner.js";
import { firstDifference, formatDifference, tokenize } from "../../support/preprocessed-tokens.js";

export type Verdict =
  | { kind: "same"; header: string }
  | { kind: "both-fail"; header: string }
  | { kind: "different"; header: string; detail: string };

/** Splits `clang -M` output into its dependency paths (after the `target:`). */
export function parseMakeDependencies(text: string): string[] {
  const joined = text.replace(/\\\n/g, " ");
  const colon = joined.indexOf(": ");
  const body = colon < 0 ? joined : joined.slice(colon + 2);
  const deps: string[] = [];
  let current = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\" && body[i + 1] === " ") {
      current += " ";
      i++;
    } else if (/\s/.test(c)) {
      if (current) deps.push(current);
      current = "";
    } else current += c;
  }
  if (current) deps.push(current);
  return deps;
}

/**
 * The real files of the tree that `mainFile` reaches under clang, sorted, the main file
 * and the build directory's generated headers left out.
 */
export async function reachedHeaders(
  layout: ClangLayout,
  sysDir: string,
  mainFile: string,
): Promise<string[]> {
  const result = await runClang([...layout.args, "-M", mainFile]);
  if (result.status !== 0) throw new Error(`clang -M ${mainFile} failed:\n${result.stderr}`);
  const buildDir = realpathSync(layout.buildDir);
  const sys = realpathSync(sysDir);
  const headers = new Set<string>();
  for (const dep of parseMakeDependencies(result.stdout)) {
    const real = realpathSync(dep);
    if (real === realpathSync(mainFile) || real.startsWith(buildDir + "/")) continue;
    if (!relative(sys, real).startsWith("..")) headers.add(real);
  }
  return [...headers].sort();
}

/** Makes clang's paths comparable with ours in reports: tree-relative, `<build>/...`. */
export function clangPathRenamer(layout: ClangLayout, sysDir: string): (file: string) => string {
  return (file) =>
    file
      .split(layout.buildDir)
      .join("<build>")
      .split(sysDir + "/")
      .join("");
}

/**
 * Where clang's first error is, in our display form: links followed to the real file, tree
 * files relative to the tree, generated files as `<build>/name`.
 */
export function clangErrorLocation(stderr: string, layout: ClangLayout, sysDir: string): string {
  const m = /^(.*?):(\d+):(\d+): (?:fatal )?error: /m.exec(stderr);
  if (!m) return "<no location>";
  let file = m[1];
  try {
    const real = realpathSync(file);
    const buildDir = realpathSync(layout.buildDir);
    const inTree = relative(realpathSync(sysDir), real);
    if (real.startsWith(buildDir + "/")) file = `<build>/${relative(buildDir, real)}`;
    else if (!inTree.startsWith("..")) file = inTree;
    else file = real;
  } catch {
    // A path clang names but that does not exist stays as printed.
  }
  return `${file}:${m[2]}:${m[3]}`;
}

function firstLine(text: string): string {
  return text.split("\n").find((l) => /error/.test(l)) ?? text.split("\n")[0] ?? "";
}

/** clang -E of one header in the layout (queued in the shared pool). */
export function clangPreprocess(layout: ClangLayout, header: string): Promise<ClangResult> {
  return runClang([...layout.args, "-E", header], { cache: false });
}

/**
 * Compares one header as its own translation unit. `clangRun` lets a caller start clang
 * ahead of time so the pool stays busy while ours runs.
 */
export async function compareHeader(
  plan: KernelBuildPlan,
  layout: ClangLayout,
  header: string,
  clangRun: Promise<ClangResult> = clangPreprocess(layout, header),
): Promise<Verdict> {
  const inTree = relative(plan.spec.sysDir, header);
  const name = inTree.startsWith("..") ? header : inTree;
  // Let clang processes start before our synchronous work holds the event loop.
  await nextTick();
  let ours: { text: string } | { error: DiagnosticError };
  try {
    ours = preprocessInBuild(plan, header);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    ours = { error: e };
  }
  const clang = await clangRun;
  const clangFailed = clang.status !== 0;
  if ("error" in ours) {
    const located = ours.error.diagnostics.find((d) => d.severity === "error" && d.location);
    const ourMessage = formatDiagnostic(ours.error.diagnostics[0]);
    if (!clangFailed)
      return {
        kind: "different",
        header: name,
        detail: `ours failed, clang succeeded: ${ourMessage}`,
      };
    if (!located?.location)
      return {
        kind: "different",
        header: name,
        detail: `both fail, but ours names no location: ${ourMessage}`,
      };
    const clangAt = clangErrorLocation(clang.stderr, layout, plan.spec.sysDir);
    const oursAt = `${located.location.file}:${located.location.line}:${located.location.column}`;
    if (clangAt !== oursAt)
      return {
        kind: "different",
        header: name,
        detail: `both fail, at different places:\n  ours:  ${ourMessage}\n  clang: ${firstLine(clang.stderr)} (${clangAt})`,
      };
    return { kind: "both-fail", header: name };
  }
  if (clangFailed) {
    return {
      kind: "different",
      header: name,
      detail: `clang failed, ours succeeded: ${firstLine(clang.stderr)}`,
    };
  }
  const diff = firstDifference(tokenize(ours.text), tokenize(clang.stdout));
  if (!diff) return { kind: "same", header: name };
  return {
    kind: "different",
    header: name,
    detail: formatDifference(diff, clangPathRenamer(layout, plan.spec.sysDir)),
  };
}
