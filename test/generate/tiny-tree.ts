// A kernel tree small enough to generate in well under a second, with one header per
// machine (read through <machine/...>) and one shared by all, so tests can change what
// exactly one target reads.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The line the pipeline reads the tree's release from. */
export const VERSION = "#define __FreeBSD_version 1300139\n";

export interface TinyTree {
  root: string;
  sys: string;
  wrapper: string;
  write(relative: string, text: string): void;
}

export function makeTinyTree(label: string): TinyTree {
  const root = mkdtempSync(join(tmpdir(), `kpi-bindgen-${label}-`));
  const sys = join(root, "sys");
  const write = (relative: string, text: string) => {
    const path = join(sys, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  write("sys/param.h", `${VERSION}#include <machine/param.h>\nstruct common { int a; long b; };\n`);
  for (const machine of ["amd64", "i386"]) {
    write(`${machine}/include/param.h`, `struct ${machine}_only { int x; };\n`);
  }
  mkdirSync(join(sys, "x86/include"), { recursive: true });
  const wrapper = join(root, "wrapper.h");
  writeFileSync(wrapper, "#include <sys/param.h>\nint tiny_function(struct common *c);\n");
  return { root, sys, wrapper, write };
}

/** Every file of a crate directory, by path relative to it, in path order. */
export function readCrate(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
}
