// Runs the kernel build's generator scripts the way the build does: from a fresh build
// directory, `awk -f $S/tools/<script> <source as named on the command line> <mode>`, and
// collects the files they write there.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** FreeBSD's own awk (the one a FreeBSD kernel build runs), packaged as original-awk. */
export const freebsdAwk = process.env.KPI_FREEBSD_AWK ?? "original-awk";
/** Whatever `awk` this machine has (Debian: mawk). */
export const machineAwk = process.env.KPI_AWK ?? "awk";

export interface AwkRun {
  status: number | null;
  timedOut: boolean;
  stderr: string;
  /** Output files left in the build directory, by name. */
  files: Map<string, string>;
}

export interface AwkInvocation {
  awk: string;
  script: string;
  /** The source argument exactly as the build passes it. */
  source: string;
  modes: string[];
  /** Directory the command runs in; a fresh temporary one when omitted. */
  cwd?: string;
  timeoutMs?: number;
}

export function runAwk(inv: AwkInvocation): AwkRun {
  const dir = inv.cwd ?? mkdtempSync(join(tmpdir(), "kobj-awk-"));
  try {
    const before = new Set(readdirSync(dir));
    const result = spawnSync(inv.awk, ["-f", inv.script, inv.source, ...inv.modes], {
      cwd: dir,
      encoding: "utf8",
      timeout: inv.timeoutMs ?? 20_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const files = new Map<string, string>();
    for (const name of readdirSync(dir)) {
      if (!before.has(name)) files.set(name, readFileSync(join(dir, name), "utf8"));
    }
    return {
      status: result.status,
      timedOut:
        result.error !== undefined && (result.error as NodeJS.ErrnoException).code === "ETIMEDOUT",
      stderr: result.stderr ?? "",
      files,
    };
  } finally {
    if (!inv.cwd) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs with a time limit and reports whether the script was still running when it ran out. */
export function awkHangs(inv: AwkInvocation, limitMs = 2_000): boolean {
  return runAwk({ ...inv, timeoutMs: limitMs }).timedOut;
}

const slotBlock =
  /\tvop = orig_vop;\n\twhile \(vop != NULL && \\\n\t {4}vop->\w+ == NULL && vop->vop_bypass == NULL\)\n\t\tvop = vop->vop_default;\n\tif \(vop != NULL\)\n\t\torig_vop->\w+ = vop->\w+;\n\n/g;
const bypassBlock =
  /\tif \(orig_vop->\w+ == NULL\)\n\t\torig_vop->\w+ = \(void \*\)orig_vop->vop_bypass;\n/g;

function sortRun(text: string, block: RegExp): string {
  const blocks = text.match(block);
  if (!blocks) return text;
  const run = blocks.join("");
  const start = text.indexOf(run);
  if (start < 0) throw new Error("registration blocks are not contiguous");
  return text.slice(0, start) + [...blocks].sort().join("") + text.slice(start + run.length);
}

/**
 * vnode_if.c with the per-operation blocks of vfs_vector_op_register() sorted. Their order is
 * the awk's `for (k in a)` order, which POSIX leaves to the implementation; sorting is the only
 * change, so two outputs equal after it differ in nothing else.
 */
export function withRegistrationSorted(vnodeIfC: string): string {
  return sortRun(sortRun(vnodeIfC, slotBlock), bypassBlock);
}
