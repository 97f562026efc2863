// Machine names and kernel flags against the real inputs: the FreeBSD trees' own
// machine/param.h and machine/_types.h, and clang-19 accepting each arch's kernel flags.
import { mkdtempSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  clangTriple,
  getTarget,
  targetNames,
  type TargetDescription,
} from "../../src/targets/index.js";
import {
  describeWith,
  freebsdVersions,
  needClang,
  needTree,
  sysTree,
} from "../support/environment.js";
import { runClang } from "./support/clang.js";

describeWith([needClang()], "kernel code-generation flags", () => {
  it.each(targetNames.map((n) => [n]))(
    "%s: clang-19 accepts them for the triple without a word",
    async (name) => {
      const t = getTarget(name);
      const r = await runClang(
        [
          `--target=${clangTriple(t, { major: 13, minor: 0 })}`,
          "-ffreestanding",
          ...t.kernelCFlags,
          "-fsyntax-only",
          "-x",
          "c",
          "-",
        ],
        "int probe;\n",
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    },
  );
});

/** A probe checking MACHINE, MACHINE_ARCH and the tree's own typedefs against the description. */
function machineProbe(t: TargetDescription): string {
  const st = t.abi.standardTypes;
  const same = (typedef: string, type: string): string =>
    `_Static_assert(__builtin_types_compatible_p(${typedef}, ${type}), "${typedef} is ${type}");`;
  return [
    "#include <sys/cdefs.h>",
    "#include <machine/param.h>",
    "#include <sys/_types.h>",
    `_Static_assert(__builtin_strcmp(MACHINE, "${t.machine}") == 0, "MACHINE is ${t.machine}");`,
    `_Static_assert(__builtin_strcmp(MACHINE_ARCH, "${t.machineArch}") == 0, "MACHINE_ARCH is ${t.machineArch}");`,
    same("__size_t", st.sizeType),
    same("__ptrdiff_t", st.ptrdiffType),
    same("__intmax_t", st.intmaxType),
    same("__uintmax_t", st.uintmaxType),
    same("__intptr_t", st.intptrType),
    same("___wchar_t", st.wcharType),
    same("__int64_t", st.int64Type),
    "",
  ].join("\n");
}

for (const release of freebsdVersions) {
  describeWith(
    [needClang(), needTree(release)],
    `machine headers of the FreeBSD ${release} tree`,
    () => {
      const sys = sysTree(release);
      const present = targetNames.filter((n) =>
        existsSync(join(sys, getTarget(n).machine, "include", "param.h")),
      );
      let work: string;

      beforeAll(() => {
        work = mkdtempSync(join(tmpdir(), "kpi-targets-"));
      });
      afterAll(() => {
        rmSync(work, { recursive: true, force: true });
      });

      it("holds the machine headers the project documents (amd64, i386, arm64)", () => {
        expect(present).toEqual(expect.arrayContaining(["amd64", "i386", "arm64"]));
      });

      it.each(present.map((n) => [n]))(
        "%s: MACHINE, MACHINE_ARCH and the typedefs agree",
        async (name) => {
          const t = getTarget(name);
          // The kernel build's include links: machine/ always, x86/ where the arch has it.
          const inc = join(work, name, "inc");
          mkdirSync(inc, { recursive: true });
          symlinkSync(join(sys, t.machine, "include"), join(inc, "machine"));
          if (t.hasX86Headers) symlinkSync(join(sys, "x86", "include"), join(inc, "x86"));
          const triple = clangTriple(t, {
            major: Number(release.split(".")[0]),
            minor: Number(release.split(".")[1]),
          });
          const r = await runClang(
            [
              `--target=${triple}`,
              "-ffreestanding",
              "-nostdinc",
              "-D_KERNEL",
              "-I",
              inc,
              "-I",
              sys,
              "-fsyntax-only",
              "-x",
              "c",
              "-",
            ],
            machineProbe(t),
          );
          expect(r.stderr).toBe("");
          expect(r.code).toBe(0);
        },
      );
    },
  );
}
