// The generated offset.inc puts every exported member of struct thread_lite at the offset
// clang gives the same member of struct thread, in each kernel build that needs the file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { threadLiteMembers } from "../../src/layout/index.js";
import {
  generatedBuildHeaders,
  planKernelBuild,
  type KernelBuildSpec,
} from "../../src/preprocess/kernel-build/index.js";
import { getTarget, type TargetName } from "../../src/targets/index.js";
import { generateOffsetInclude, needsOffsetInclude } from "../../src/pipeline/index.js";
import {
  clangCommand,
  describeWith,
  needClang,
  needTree,
  sysTree,
} from "../support/environment.js";

const sysDir = sysTree("13.0");

describeWith([needClang(), needTree("13.0")], "offset.inc from our layout of struct thread", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-offset-inc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is needed in 13.0 kernel mode only", () => {
    expect(needsOffsetInclude(sysDir, { mode: "kernel" })).toBe(true);
    expect(needsOffsetInclude(sysDir, { mode: "module" })).toBe(false);
    expect(needsOffsetInclude(sysTree("11.0"), { mode: "kernel" })).toBe(false);
  });

  for (const arch of ["amd64", "i386", "arm64"] as TargetName[]) {
    it(`matches clang's struct thread on ${arch}`, async () => {
      const spec: KernelBuildSpec = {
        sysDir,
        target: getTarget(arch),
        mode: "kernel",
        generatedHeaders: generatedBuildHeaders(sysDir),
        user: { macros: [], includeDirs: [] },
      };
      const offsetInc = generateOffsetInclude(spec).text;
      const exported = threadLiteMembers.filter((m) => new RegExp(`\\b${m};`).test(offsetInc));
      expect(exported).toEqual(
        expect.arrayContaining(["td_critnest", "td_pinned", "td_owepreempt"]),
      );
      const plan = planKernelBuild({
        ...spec,
        generatedHeaders: new Map([...spec.generatedHeaders!, ["offset.inc", offsetInc]]),
      });
      const probe = join(dir, `${arch}.c`);
      writeFileSync(
        probe,
        "#include <sys/param.h>\n#include <sys/systm.h>\n#include <sys/proc.h>\n" +
          exported
            .map(
              (m) =>
                `_Static_assert(__builtin_offsetof(struct thread_lite, ${m}) == ` +
                `__builtin_offsetof(struct thread, ${m}), "${m}");`,
            )
            .join("\n") +
          "\n",
      );
      await plan.withClangLayout((layout) => {
        const r = spawnSync(clangCommand, [...layout.args, "-fsyntax-only", probe], {
          encoding: "utf8",
        });
        expect(r.stderr.split("\n").filter((l) => l.includes("error"))).toEqual([]);
        expect(r.status).toBe(0);
      });
    });
  }
});
