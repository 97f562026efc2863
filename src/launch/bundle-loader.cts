// Loads a compiled bundle (dist/bundle/<name>.cjs) with V8's code cache. Most of a short run's
// start-up is V8 compiling the tool's functions as they are first called, in every thread
// again; the cache holds their bytecode, so a thread deserializes it instead.
//
// The cache of a bundle is written beside it (<name>.cjs.<purpose>.v8cache, like compiled
// Python files) by the first successful run of each purpose (a CLI command, or a kind of
// worker) that found none: one made by `--version` would hold none of generate's functions.
// It is written atomically, and read only when its header names this build (dist/build-id)
// and its checksum holds: V8 itself checks just its own version, flags and the source's
// length, and would run a damaged or stale cache. A cache that fails any check is ignored
// and rewritten; where the bundle's directory is not writable, runs compile as without it.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { threadId } from "node:worker_threads";

const distDir = join(__dirname, "..");
const MAGIC = "kpi-bindgen v8 code cache 1";
/** The header is padded to this many bytes, so the data after it can be read as Int32s. */
const HEADER_ALIGN = 16;

/**
 * A checksum of `data` against accidental damage (a torn or edited file), in four lanes so
 * that the interpreter, which runs this before anything is compiled, does few steps.
 */
function checksum(bytes: Uint8Array): string {
  const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(data.buffer, data.byteOffset, data.length >> 2);
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 | 0;
  let c = 0x7f4a7c15 | 0;
  let d = 0x3c6ef372 | 0;
  const end = words.length & ~3;
  for (let i = 0; i < end; i += 4) {
    a = Math.imul(a ^ words[i]!, 0x01000193);
    b = Math.imul(b ^ words[i + 1]!, 0x85ebca6b);
    c = Math.imul(c ^ words[i + 2]!, 0xc2b2ae35);
    d = Math.imul(d ^ words[i + 3]!, 0x27d4eb2f);
  }
  for (let i = end * 4; i < data.length; i++) a = Math.imul(a ^ data[i]!, 0x01000193);
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b) + hex(c) + hex(d) + hex(data.length);
}

function header(buildId: string, sum: string): string {
  const line = `${MAGIC} ${buildId} ${sum}`;
  const padded = Math.ceil((line.length + 1) / HEADER_ALIGN) * HEADER_ALIGN;
  return line.padEnd(padded - 1, " ") + "\n";
}

/** The V8 data of the cache file, or undefined when it is missing or fails a check. */
function readCache(path: string, buildId: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const end = file.indexOf(10);
  if (end < 0 || (end + 1) % HEADER_ALIGN !== 0) return undefined;
  const fields = file.toString("latin1", 0, end).trimEnd().split(" ");
  const data = file.subarray(end + 1);
  if (fields.length !== MAGIC.split(" ").length + 2) return undefined;
  const [sum, id] = [fields.pop(), fields.pop()];
  if (fields.join(" ") !== MAGIC || id !== buildId) return undefined;
  return sum === checksum(data) ? data : undefined;
}

function writeCache(path: string, buildId: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(header(buildId, checksum(data))), data]));
    renameSync(temporary, path);
  } catch {
    // Not writable, or full: this run compiled as without a cache; so will the next.
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

let buildId: string | undefined | null = null;

/** This build's id (dist/build-id), read once; undefined when there is none. */
function buildIdOf(): string | undefined {
  if (buildId === null) {
    try {
      buildId = readFileSync(join(distDir, "build-id"), "utf8").trim() || undefined;
    } catch {
      buildId = undefined;
    }
  }
  return buildId;
}

/** Writers of the caches this thread's bundles found missing or unusable. */
const unsaved: (() => void)[] = [];

/**
 * Runs dist/bundle/<name>.cjs as a CommonJS module, with the code cache for `purpose`, and
 * returns its exports.
 */
export function loadBundle(name: string, purpose: string): Record<string, unknown> {
  const path = join(distDir, "bundle", `${name}.cjs`);
  const source = readFileSync(path, "utf8");
  const buildId = buildIdOf();
  const cachePath = `${path}.${purpose.replace(/[^A-Za-z0-9-]/g, "_")}.v8cache`;
  const cachedData = buildId === undefined ? undefined : readCache(cachePath, buildId);
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: path, cachedData },
  );
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  if (buildId !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    unsaved.push(() => writeCache(cachePath, buildId, script.createCachedData()));
  }
  return module.exports;
}

/**
 * Writes the code caches this thread's bundles wanted, once; call when the thread's work
 * has succeeded, so that a cache holds the functions a whole run needs.
 */
export function saveCodeCaches(): void {
  for (const save of unsaved.splice(0)) save();
}

// Code inside a bundle reaches saveCodeCaches through this global (see code-cache.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for("kpi-bindgen.saveCodeCache")] = saveCodeCaches;
