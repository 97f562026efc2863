// Runs clang-19 on the kpi wrapper the way a kernel module build would, for one release
// and arch, and caches the results for the run. Small and replaceable: the kernel-build
// stage will provide the canonical command line.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  clangCommand,
  kpiWrapper,
  sysTree,
  type FreeBSDRelease,
} from "../../support/environment.js";

const run = promisify(execFile);

export type OracleArch = "amd64" | "i386" | "arm64";

export interface KernelConfig {
  release: FreeBSDRelease;
  arch: OracleArch;
}

const TRIPLE_ARCH: Record<OracleArch, string> = { amd64: "x86_64", i386: "i386", arm64: "aarch64" };

export interface KernelSetup {
  sys: string;
  includeDirs: string[];
  args: string[];
  dir: string;
}

const setups = new Map<string, KernelSetup>();

/** Removes the scratch directories (symlinks, probe files); call from afterAll. */
export function removeKernelSetups(): void {
  for (const s of setups.values()) rmSync(s.dir, { recursive: true, force: true });
  setups.clear();
}

export function kernelSetup(cfg: KernelConfig): KernelSetup {
  const key = `${cfg.release}-${cfg.arch}`;
  let s = setups.get(key);
  if (s) return s;
  const sys = sysTree(cfg.release);
  const dir = mkdtempSync(join(tmpdir(), `kpi-parse-${key}-`));
  const inc = join(dir, "inc");
  const opt = join(dir, "opt");
  mkdirSync(inc);
  mkdirSync(opt);
  symlinkSync(join(sys, cfg.arch, "include"), join(inc, "machine"));
  if (cfg.arch !== "arm64") symlinkSync(join(sys, "x86", "include"), join(inc, "x86"));
  const args = [
    `--target=${TRIPLE_ARCH[cfg.arch]}-unknown-freebsd${cfg.release}`,
    "-ffreestanding",
    "-nostdinc",
    "-std=gnu99",
    "-D_KERNEL",
    "-DKLD_MODULE",
    "-I",
    inc,
    "-I",
    sys,
    ...(cfg.release === "13.0" ? ["-I", join(sys, "contrib", "ck", "include")] : []),
    "-I",
    opt,
  ];
  s = { sys, includeDirs: [inc, sys], args, dir };
  setups.set(key, s);
  return s;
}

async function clang(args: string[]): Promise<{ stdout: string; stderr: string; ok: boolean }> {
  try {
    const r = await run(clangCommand, args, { maxBuffer: 1 << 30, encoding: "utf8" });
    return { stdout: r.stdout, stderr: r.stderr, ok: true };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    if (typeof err.code !== "number") throw e;
    return { stdout: err.stdout ?? "", stderr: err.stderr ?? "", ok: false };
  }
}

const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, f: () => Promise<T>): Promise<T> {
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = f();
    memo.set(key, p);
  }
  return p;
}

/** `clang -E` of the wrapper: preprocessed text with line markers. */
export function preprocessWrapper(cfg: KernelConfig): Promise<string> {
  return once(`E:${cfg.release}-${cfg.arch}`, async () => {
    const r = await clang([...kernelSetup(cfg).args, "-E", kpiWrapper]);
    if (!r.ok) throw new Error(`clang -E failed:\n${r.stderr}`);
    return r.stdout;
  });
}

/** `clang -dM -E` of the wrapper: the macro table at the end of the unit. */
export function wrapperMacros(cfg: KernelConfig): Promise<string> {
  return once(`dM:${cfg.release}-${cfg.arch}`, async () => {
    const r = await clang([...kernelSetup(cfg).args, "-dM", "-E", kpiWrapper]);
    if (!r.ok) throw new Error(`clang -dM -E failed:\n${r.stderr}`);
    return r.stdout;
  });
}

/** clang's JSON AST of the wrapper (top level: TranslationUnitDecl). */
export function wrapperAst(cfg: KernelConfig): Promise<ClangNode> {
  return once(`ast:${cfg.release}-${cfg.arch}`, async () => {
    const r = await clang([
      ...kernelSetup(cfg).args,
      "-fsyntax-only",
      "-Wno-everything",
      "-Xclang",
      "-ast-dump=json",
      kpiWrapper,
    ]);
    if (!r.ok) throw new Error(`clang -ast-dump=json failed:\n${r.stderr}`);
    return JSON.parse(r.stdout) as ClangNode;
  });
}

export interface ClangNode {
  kind: string;
  name?: string;
  tagUsed?: string;
  completeDefinition?: boolean;
  isImplicit?: boolean;
  isBitfield?: boolean;
  value?: string;
  type?: { qualType: string; desugaredQualType?: string };
  inner?: ClangNode[];
  [k: string]: unknown;
}

/**
 * Compiles `source` (placed beside the probe directory, so it can #include the wrapper)
 * and returns the 1-based lines clang reported errors on, with the messages.
 */
export async function compileProbe(
  cfg: KernelConfig,
  name: string,
  source: string,
): Promise<Map<number, string>> {
  const setup = kernelSetup(cfg);
  const file = join(setup.dir, name);
  writeFileSync(file, source);
  const r = await clang([
    ...setup.args,
    "-fsyntax-only",
    "-Wno-everything",
    "-ferror-limit=0",
    file,
  ]);
  const errors = new Map<number, string>();
  const re = new RegExp(
    `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):\\d+: error: (.*)$`,
    "gm",
  );
  for (const m of r.stderr.matchAll(re))
    if (!errors.has(Number(m[1]))) errors.set(Number(m[1]), m[2]!);
  if (!r.ok && errors.size === 0)
    throw new Error(`probe failed without located errors:\n${r.stderr.slice(0, 2000)}`);
  return errors;
}
