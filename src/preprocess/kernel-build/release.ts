// The FreeBSD release a kernel tree belongs to, read from `sys/param.h`. The clang triple
// names it (`<arch>-unknown-freebsd<major>.<minor>`), and the triple changes what clang
// predefines (__FreeBSD__, __FreeBSD_cc_version), so it must come from the tree itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fail } from "../../diagnostics/index.js";
import type { FreeBSDRelease } from "../../targets/types.js";

const PARAM_H = "sys/param.h";
const VERSION_LINE = /^[ \t]*#[ \t]*define[ \t]+__FreeBSD_version[ \t]+(\d+)/;

/**
 * `__FreeBSD_version` is MMmmRPP (major, minor, branch revision, patch): 1300139 is 13.0.
 * Pure: takes the text of `sys/param.h` and the path to name in errors.
 */
export function parseFreeBSDVersion(paramH: string, displayPath = PARAM_H): FreeBSDRelease {
  const lines = paramH.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = VERSION_LINE.exec(lines[i]);
    if (!m) continue;
    const digits = m[1];
    if (digits.length < 6 || digits.length > 7) {
      fail(
        `__FreeBSD_version ${digits} is not of the form MMmmRPP`,
        { file: displayPath, line: i + 1, column: 1 },
        lines[i],
      );
    }
    const value = Number(digits);
    return { major: Math.floor(value / 100000), minor: Math.floor(value / 1000) % 100 };
  }
  return fail("no '#define __FreeBSD_version' found; is this a FreeBSD kernel tree?", {
    file: displayPath,
    line: 1,
    column: 0,
  });
}

/** Reads the release of the tree rooted at `sysDir` (the directory holding `sys/param.h`). */
export function readTreeRelease(sysDir: string): FreeBSDRelease {
  let text: string;
  try {
    text = readFileSync(join(sysDir, PARAM_H), "utf8");
  } catch {
    return fail(
      `cannot read ${join(sysDir, PARAM_H)}: --sys must name a FreeBSD kernel tree (the 'sys' directory)`,
    );
  }
  return parseFreeBSDVersion(text);
}

export function formatRelease(release: FreeBSDRelease): string {
  return `${release.major}.${release.minor}`;
}
