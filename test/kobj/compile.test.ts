// The generated headers serve their purpose: with them, the kernel headers that include
// generated files (sys/bus.h, sys/vnode.h) compile under clang, the kobj and VOP wrappers
// type-check when called, and the generated .c files compile too.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  generateKobjHeaders,
  generateKobjSources,
  generateVnodeHeaders,
  generateVnodeSource,
} from "../../src/kobj/index.js";
import {
  clangCommand,
  describeWith,
  freebsdVersions,
  needClang,
  needTree,
  sysTree,
} from "../support/environment.js";

const run = promisify(execFile);

const consumer = `#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/bus.h>
#include <sys/kobj.h>
#include <sys/mount.h>
#include <sys/vnode.h>

int probe(device_t dev) { return (DEVICE_PROBE(dev)); }
void identify(driver_t *driver, device_t parent) { DEVICE_IDENTIFY(driver, parent); }
int print_child(device_t bus, device_t child) { return (BUS_PRINT_CHILD(bus, child)); }
int access_vnode(struct vnode *vp, struct ucred *cred, struct thread *td)
{
	return (VOP_ACCESS(vp, VREAD, cred, td));
}
`;

for (const release of freebsdVersions) {
  describeWith(
    [needClang(), needTree(release)],
    `generated headers compile with the ${release} kernel headers`,
    () => {
      const sys = sysTree(release);
      let dir = "";
      let generated = "";

      beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), "kobj-cc-"));
        const inc = join(dir, "inc");
        generated = join(dir, "generated");
        mkdirSync(inc);
        mkdirSync(generated);
        // The kernel build's machine/ and x86/ links.
        symlinkSync(join(sys, "amd64", "include"), join(inc, "machine"));
        symlinkSync(join(sys, "x86", "include"), join(inc, "x86"));
        const files = ["kern/device_if.m", "kern/bus_if.m", "kern/linker_if.m"];
        for (const map of [
          generateKobjHeaders(sys),
          generateKobjSources(sys, files),
          generateVnodeHeaders(sys),
          generateVnodeSource(sys),
        ]) {
          for (const [name, text] of map) writeFileSync(join(generated, name), text);
        }
        writeFileSync(join(dir, "consumer.c"), consumer);
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      const compile = (file: string, withGenerated = true) =>
        run(
          clangCommand,
          [
            `--target=x86_64-unknown-freebsd${release}`,
            "-ffreestanding",
            "-nostdinc",
            "-std=gnu99",
            "-D_KERNEL",
            "-DKLD_MODULE",
            "-I",
            join(dir, "inc"),
            "-I",
            sys,
            "-I",
            join(sys, "contrib", "ck", "include"),
            ...(withGenerated ? ["-I", generated] : []),
            "-fsyntax-only",
            file,
          ],
          { encoding: "utf8" },
        ).then(
          () => "",
          (e: { stderr?: string }) => e.stderr ?? String(e),
        );

      it("without them, sys/bus.h does not compile", async () => {
        expect(await compile(join(dir, "consumer.c"), false)).toMatch(
          /'device_if\.h' file not found/,
        );
      });

      it("with them, sys/bus.h and sys/vnode.h compile and the wrappers type-check", async () => {
        expect(await compile(join(dir, "consumer.c"))).toBe("");
      });

      it("device_if.c, bus_if.c, linker_if.c and vnode_if.c compile", async () => {
        const sources = ["device_if.c", "bus_if.c", "linker_if.c", "vnode_if.c"];
        // Two at a time: the machine has two cores.
        const errors: string[] = [];
        for (let i = 0; i < sources.length; i += 2) {
          const batch = sources.slice(i, i + 2).map((s) => compile(join(generated, s)));
          errors.push(...(await Promise.all(batch)));
        }
        expect(errors).toEqual(["", "", "", ""]);
      });
    },
  );
}
