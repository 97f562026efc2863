// What the shell launcher (bin/kpi-bindgen) needs to replay an unchanged `generate` without
// starting Node: one file per replayable invocation, at <cacheDir>/fast/<cksum of the
// invocation text>, which a POSIX shell reads with cat, checks with cksum and stat, and
// prints from. It only ever vouches for what the invocation record (replay.ts) already
// vouches for by stamps alone: the same invocation, every dependency and every file of the
// crate with its recorded `size:mtimeNs:ino`, absent files still absent, and nothing else
// in the crate. Anything the shell cannot check exactly sends it on to Node.
//
// Layout: `kpi-bindgen-fast/1 <cksum of body>` US body, where US is \x1f and the body is
// these fields joined by US (so no field may contain US):
//   invocation text; stat flavour ("gnu" or "bsd"); the expected stat output without its
//   final newline; the stderr text to print; the number of absent paths, then each; the
//   number of crate directories, then each with its number of entries (the crate's own
//   directory first); then every file to stat, to the end.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Dependency } from "../cache/index.js";
import { writeFileAtomic } from "../io/atomic-output.js";

export const FAST_FORMAT = "kpi-bindgen-fast/1";
const US = "\x1f";

/** What keys an invocation: the same as replay.ts's invocation key, spelled out. */
export interface FastInvocation {
  buildId: string;
  cwd: string;
  argv: readonly string[];
  /** Each relevant environment variable's value (replay.ts's list), undefined when unset. */
  env: readonly (string | undefined)[];
  stderrIsTTY: boolean;
}

/**
 * The invocation as the launcher spells it: length-prefixed fields, one a line, so that no
 * two different invocations have the same text. Lengths are in bytes.
 */
export function fastInvocationText(inv: FastInvocation): string {
  const field = (s: string) => `${Buffer.byteLength(s)}:${s}\n`;
  return (
    `${FAST_FORMAT}\n` +
    field(inv.buildId) +
    field(inv.cwd) +
    field(String(inv.argv.length)) +
    inv.argv.map(field).join("") +
    inv.env.map((v) => (v === undefined ? "!\n" : field(v))).join("") +
    field(inv.stderrIsTTY ? "tty" : "notty")
  );
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** What POSIX `cksum` prints for these bytes on its standard input: "<crc> <length>". */
export function posixCksum(bytes: Uint8Array): string {
  let crc = 0;
  const step = (b: number) => {
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  };
  for (const b of bytes) step(b);
  for (let n = bytes.length; n > 0; n = Math.floor(n / 256)) step(n & 0xff);
  return `${~crc >>> 0} ${bytes.length}`;
}

/** Where the launcher looks for an invocation's fast file. */
export function fastReplayPath(cacheDir: string, invocationText: string): string {
  return join(cacheDir, "fast", posixCksum(Buffer.from(invocationText)).replace(" ", "-"));
}

/** Which stat(1) the launcher runs here, if it knows one. */
function statFlavour(platform: NodeJS.Platform): "gnu" | "bsd" | undefined {
  if (platform === "linux") return "gnu";
  if (platform === "freebsd" || platform === "darwin") return "bsd";
  if (platform === "openbsd" || platform === "netbsd") return "bsd";
  return undefined;
}

/**
 * A `size:mtimeNs:ino` stamp as both `stat -L -c '%s %.9Y %i'` (GNU) and
 * `stat -L -f '%z %.9Fm %i'` (BSD) print it.
 */
function statLine(stamp: string): string | undefined {
  const m = /^(\d+):(\d+):(\d+)$/.exec(stamp);
  if (!m) return undefined;
  const ns = BigInt(m[2]!);
  const frac = String(ns % 1_000_000_000n).padStart(9, "0");
  return `${m[1]} ${ns / 1_000_000_000n}.${frac} ${m[3]}`;
}

export interface FastReplay {
  invocation: FastInvocation;
  /** The tool's package manifest as read, stamped: a version bump must not be replayed. */
  manifest: { path: string; stamp: string };
  outDir: string;
  /** Everything a replay prints on stderr, the "replayed" line included when asked for. */
  stderr: string;
  dependencies: readonly Dependency[];
  /** Each file of the crate (path relative to outDir → stamp). */
  output: Record<string, string>;
}

/** The fast file's content, or undefined when the launcher could not check it exactly. */
export function fastReplayContent(
  replay: FastReplay,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const flavour = statFlavour(platform);
  if (flavour === undefined || !/^[0-9a-f]+$/.test(replay.invocation.buildId)) return undefined;
  const absent: string[] = [];
  const statted: [string, string][] = [[replay.manifest.path, replay.manifest.stamp]];
  for (const d of replay.dependencies) {
    if (d.stamp === "") absent.push(d.path);
    else statted.push([d.path, d.stamp]);
  }
  const children = new Map<string, Set<string>>([["", new Set()]]);
  for (const [name, stamp] of Object.entries(replay.output)) {
    statted.push([join(replay.outDir, name), stamp]);
    const parts = name.split("/");
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!children.has(dir)) children.set(dir, new Set());
      children.get(dir)!.add(parts[i]!);
    }
  }
  const lines = statted.map(([, stamp]) => statLine(stamp));
  if (lines.some((l) => l === undefined)) return undefined;
  const dirs = [...children].flatMap(([dir, names]) => [
    dir === "" ? replay.outDir : join(replay.outDir, dir),
    String(names.size),
  ]);
  const fields = [
    fastInvocationText(replay.invocation),
    flavour,
    lines.join("\n"),
    replay.stderr,
    String(absent.length),
    ...absent,
    String(children.size),
    ...dirs,
    ...statted.map(([path]) => path),
  ];
  // The launcher splits on US, and reads the file through a command substitution, which
  // drops the trailing newlines of the last field.
  if (fields.some((f) => f.includes(US)) || fields.at(-1)!.endsWith("\n")) return undefined;
  const body = fields.join(US);
  return `${FAST_FORMAT} ${posixCksum(Buffer.from(body))}${US}${body}`;
}

/**
 * Writes (or refreshes) the fast file of an invocation the record vouches for. Best effort:
 * without it the launcher hands the run to Node, which replays it from the record.
 */
export function writeFastReplay(cacheDir: string, replay: FastReplay): void {
  const content = fastReplayContent(replay);
  if (content === undefined) return;
  const path = fastReplayPath(cacheDir, fastInvocationText(replay.invocation));
  try {
    if (readFileSync(path, "utf8") === content) return;
  } catch {
    // Not there yet.
  }
  try {
    writeFileAtomic(path, content);
  } catch {
    // A cache directory that cannot be written costs only speed.
  }
}
