// Output is never half-written: files and directories are built beside their final
// place and renamed into it only when complete.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
  existsSync,
  realpathSync,
} from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fail } from "../diagnostics/index.js";

/** Writes `content` to `path` through a temporary sibling and a rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Fills a fresh temporary directory with `build`, then swaps it into `target`.
 * If `build` throws, `target` is left exactly as it was.
 */
export function writeDirAtomic(target: string, build: (tmpDir: string) => void): void {
  refuseToReplaceWorkingDirectory(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  try {
    build(tmp);
    // mkdtemp creates the directory private (0700); the result should look like any
    // directory the user creates.
    chmodSync(tmp, 0o777 & ~process.umask());
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = existsSync(target) ? `${tmp}.old` : undefined;
  if (old) renameSync(target, old);
  renameSync(tmp, target);
  if (old) rmSync(old, { recursive: true, force: true });
}

/**
 * The directory is replaced as a whole, so an output directory that is the working
 * directory, one that contains it, or the root (an empty or `.` path, a slip of the
 * keyboard) would delete the user's files: that is an error, not an output.
 */
function refuseToReplaceWorkingDirectory(target: string): void {
  let path = resolve(target);
  try {
    path = realpathSync(path);
  } catch {
    // Not there yet: nothing to lose.
    return;
  }
  const cwd = process.cwd();
  if (path === dirname(path) || cwd === path || cwd.startsWith(path + sep)) {
    fail(
      `output directory '${target}' is ${path === dirname(path) ? "the root directory" : "the working directory or contains it"}; it would be replaced as a whole: name a directory of its own`,
    );
  }
}
