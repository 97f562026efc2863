// The output directory is replaced as a whole, so one that is (or contains) the working
// directory, such as an empty or "." --out, must be refused with nothing touched.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "../support/environment.js";
import { makeTinyTree } from "./tiny-tree.js";

const tree = makeTinyTree("out-dir");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));
const work = join(tree.root, "work", "here");
mkdirSync(work, { recursive: true });
const precious = join(work, "precious.txt");
writeFileSync(precious, "keep me\n");

const run = (command: string[], out: string) =>
  spawnSync(join(repoRoot, "bin", "kpi-bindgen"), [...command, "--out", out], {
    cwd: work,
    encoding: "utf8",
  });

const generate = ["generate", "--sys", tree.sys, "--header", tree.wrapper, "--no-cache"];

// The check is in writeDirAtomic, which every command writing a directory goes through.
for (const out of ["", ".", "..", work, "/"]) {
  it(`generate --out '${out}' is refused and the working directory kept`, () => {
    const r = run(generate, out);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/error: output directory .* replaced as a whole/);
    expect(readFileSync(precious, "utf8")).toBe("keep me\n");
  });
}

it("a directory of its own is written", () => {
  const r = run(generate, "crate");
  expect(r.status, r.stderr).toBe(0);
  expect(existsSync(join(work, "crate", "Cargo.toml"))).toBe(true);
  expect(readFileSync(precious, "utf8")).toBe("keep me\n");
});
