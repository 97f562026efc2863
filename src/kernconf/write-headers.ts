// Writes the option headers as one unit: the directory is built aside and swapped in, so a
// failed run leaves the old one untouched.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail } from "../diagnostics/index.js";
import { writeDirAtomic } from "../io/atomic-output.js";

/** Replaces `dir` with a directory holding exactly `headers`. Refuses to replace anything but headers. */
export function writeOptionHeaders(dir: string, headers: Record<string, string>): void {
  for (const name of Object.keys(headers)) {
    if (name.includes("/") || name === "." || name === ".." || name === "") {
      fail(`option header name '${name}' is not a plain file name`);
    }
  }
  let existing: string[] | undefined;
  try {
    existing = statSync(dir).isDirectory() ? readdirSync(dir) : undefined;
    if (existing === undefined) fail(`${dir} exists and is not a directory`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const foreign = (existing ?? []).filter((f) => !f.endsWith(".h"));
  if (foreign.length > 0) {
    fail(
      `refusing to replace ${dir}: it holds files other than headers (${foreign.slice(0, 3).join(", ")})`,
    );
  }
  writeDirAtomic(dir, (tmp) => {
    for (const [name, content] of Object.entries(headers)) writeFileSync(join(tmp, name), content);
  });
}
