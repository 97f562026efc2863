// Replaying a whole `generate` invocation from the cache, before the CLI is even loaded.
// A successful cached run records what it wrote (the crate's files), what it printed on
// stderr, and every file it read, under a key made from the exact command line, working
// directory and environment. Running the same command again with every one of those files
// unchanged prints the same text and leaves the crate as the run wrote it: the files are
// rewritten from the cache unless every one of them is still there, unchanged since it
// was written (size, modification time, inode), and nothing else is. Anything else,
// including a command line spelled differently, takes the full path, where the per-target
// cache still applies.
//
// Each replayable invocation also gets a fast file (fast-replay.ts) from which the shell
// launcher replays it without starting Node at all, when its stamps alone show it unchanged.
// Whenever the launcher could not (this code runs), a replay here refreshes that file.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  CacheStore,
  defaultCacheDirectory,
  digest,
  fileStamp,
  recordDependencies,
  recordedBuildId,
  refreshDependencies,
  toolIdentity,
  type Dependency,
} from "../cache/index.js";
import { writeDirAtomic } from "../io/atomic-output.js";
import { toolManifest } from "../snapshot/tool-version.js";
import { writeFastReplay } from "./fast-replay.js";

interface InvocationRecord {
  outDir: string;
  crateKey: string;
  stderr: string;
  dependencies: Dependency[];
  /** Each file of the crate as written (path relative to outDir → fileStamp). */
  output: Record<string, string>;
}

function outputStamps(outDir: string, names: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...names].sort().map((name) => [name, fileStamp(join(outDir, name))]));
}

/** Whether `outDir` holds exactly the recorded files, none touched since written. */
function outputUnchanged(outDir: string, stamps: Record<string, string>): boolean {
  let present: number;
  try {
    present = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter(
      (entry) => !entry.isDirectory(),
    ).length;
  } catch {
    return false;
  }
  const names = Object.keys(stamps);
  return (
    present === names.length &&
    names.every((name) => stamps[name] !== "" && fileStamp(join(outDir, name)) === stamps[name])
  );
}

/**
 * Environment variables that change what `generate` does or prints. bin/kpi-bindgen lists
 * the same, in the same order.
 */
const RELEVANT_ENV = [
  "KPI_BINDGEN_CACHE_DIR",
  "XDG_CACHE_HOME",
  "HOME",
  "RUSTFMT",
  "NO_COLOR",
  "FORCE_COLOR",
  "TERM",
];

/**
 * The cache directory a `generate` command line selects, or undefined when it turns the
 * cache off or spells a cache option in a form this scan does not know (the full path then
 * decides).
 */
function cacheDirectoryOf(argv: readonly string[]): string | undefined {
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--cache-dir" && i + 1 < argv.length) dir = argv[++i];
    else if (arg.startsWith("--cache-dir=")) dir = arg.slice("--cache-dir=".length);
    else if (arg === "--cache" || arg === "--cache=true") continue;
    else if (/^--(no-)?cache/i.test(arg)) return undefined;
  }
  return resolve(dir ?? defaultCacheDirectory());
}

function invocationKey(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  return digest(
    toolIdentity(),
    process.cwd(),
    JSON.stringify(argv),
    JSON.stringify(RELEVANT_ENV.map((name) => env[name] ?? null)),
    String(process.stderr.isTTY === true),
  );
}

/** Replays `argv` (a `generate` command line) when it can; returns the exit status if it did. */
export function replayGenerate(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): number | undefined {
  const cacheDir = cacheDirectoryOf(argv);
  if (cacheDir === undefined) return undefined;
  const store = new CacheStore(cacheDir);
  const key = invocationKey(argv, env);
  const record = store.get<InvocationRecord>("invocation", key);
  if (record.status !== "hit") return undefined;
  // Files touched but not changed get their new stamps, so that the next run is decided by
  // stamps again (and by the launcher, without Node).
  const dependencies = refreshDependencies(record.value.dependencies);
  if (dependencies === undefined) return undefined;
  let value: InvocationRecord = { ...record.value, dependencies: [...dependencies] };
  let changed = dependencies !== record.value.dependencies;
  const { outDir } = value;
  if (!outputUnchanged(outDir, value.output)) {
    const crate = store.get<Record<string, string>>("crate", value.crateKey);
    if (crate.status !== "hit") return undefined;
    writeDirAtomic(outDir, (tmp) => {
      for (const [path, text] of Object.entries(crate.value)) {
        const file = join(tmp, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    });
    value = { ...value, output: outputStamps(outDir, Object.keys(crate.value)) };
    changed = true;
  }
  if (changed) store.put("invocation", key, value);
  const stderr = value.stderr + replayedLine(argv, cacheDir, value);
  process.stderr.write(stderr);
  fastReplay(cacheDir, argv, env, value, stderr);
  return 0;
}

/** The line --verbose (--timings) adds to a replay's messages. */
function replayedLine(argv: readonly string[], cacheDir: string, record: InvocationRecord) {
  return argv.includes("--verbose") || argv.includes("--timings")
    ? `generate: replayed from the cache in ${cacheDir} (${record.dependencies.length} inputs unchanged)\n`
    : "";
}

/** Writes the launcher's fast file for a recorded invocation, when this build has one. */
function fastReplay(
  cacheDir: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  record: InvocationRecord,
  stderr: string,
): void {
  const buildId = recordedBuildId();
  const manifest = toolManifest();
  if (buildId === undefined || manifest === undefined) return;
  writeFastReplay(cacheDir, {
    invocation: {
      buildId,
      cwd: process.cwd(),
      argv,
      env: RELEVANT_ENV.map((name) => env[name]),
      stderrIsTTY: process.stderr.isTTY === true,
    },
    manifest,
    outDir: record.outDir,
    stderr,
    dependencies: record.dependencies,
    output: record.output,
  });
}

export interface FinishedGenerate {
  argv: readonly string[];
  outDir: string;
  files: ReadonlyMap<string, string>;
  stderr: string;
  /** Every file the run read: the targets' dependencies and the command's own inputs. */
  dependencies: Iterable<string>;
}

/** Records a successful run so that the same command line can be replayed. */
export function recordGenerate(run: FinishedGenerate, env: NodeJS.ProcessEnv = process.env): void {
  const cacheDir = cacheDirectoryOf(run.argv);
  if (cacheDir === undefined) return;
  const store = new CacheStore(cacheDir);
  const files = Object.fromEntries([...run.files].sort(([a], [b]) => (a < b ? -1 : 1)));
  const crateKey = digest(JSON.stringify(files));
  store.put("crate", crateKey, files);
  const record: InvocationRecord = {
    outDir: resolve(run.outDir),
    crateKey,
    stderr: run.stderr,
    dependencies: recordDependencies(run.dependencies),
    output: outputStamps(resolve(run.outDir), run.files.keys()),
  };
  store.put("invocation", invocationKey(run.argv, env), record);
  fastReplay(
    cacheDir,
    run.argv,
    env,
    record,
    run.stderr + replayedLine(run.argv, cacheDir, record),
  );
}
