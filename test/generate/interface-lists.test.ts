// generate on a tree with the build's lists: the `*_if.h` that <sys/bus.h> includes come from
// the interface files conf/kmod.mk's MFILES (module) or conf/files (kernel) lists, a decoy
// elsewhere in the tree is never read, and the lists are files the result depends on.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NO_PATTERNS } from "../../src/emit/rust/index.js";
import { generateCrate } from "../../src/generate/index.js";
import { makeTinyTree } from "./tiny-tree.js";

const tree = makeTinyTree("interface-lists");
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

tree.write(
  "sys/bus.h",
  `#include <sys/param.h>
struct kobj { void *ops; };
typedef struct kobj *kobj_t;
typedef struct kobj *device_t;
typedef int (*kobjop_t)(void);
struct kobjop_desc { unsigned int id; };
#define KOBJOPLOOKUP(OPS, OP) do { _m = 0; } while (0)
#include "device_if.h"
#include "bus_if.h"
`,
);
tree.write("kern/device_if.m", "INTERFACE device;\n\nMETHOD int probe {\n\tdevice_t dev;\n};\n");
tree.write(
  "kern/bus_if.m",
  "INTERFACE bus;\n\nMETHOD int print_child {\n\tdevice_t dev;\n\tdevice_t child;\n};\n",
);
// Same header name as kern's: walking the tree would have to refuse the pair.
tree.write("dev/decoy/device_if.m", "INTERFACE device;\n\nMETHOD int decoy {\n\tint x;\n};\n");
tree.write(
  "conf/kmod.mk",
  "# The interfaces modules may use.\nMFILES?= kern/bus_if.m \\\n\tkern/device_if.m # kern/notes_if.m\n",
);

const wrapper = join(tree.root, "bus-wrapper.h");
tree.write("../bus-wrapper.h", "#include <sys/bus.h>\n");

tree.write("conf/files", "kern/bus_if.m\tstandard\nkern/device_if.m\toptional pci \\\n\tusb\n");
tree.write("conf/files.amd64", "# nothing machine-dependent\n");

const generate = (mode: "kernel" | "module" = "module") =>
  generateCrate({
    sysDir: tree.sys,
    targets: ["amd64"],
    mode,
    wrapperHeader: readFileSync(wrapper, "utf8"),
    frontEndWrapper: `#include "${wrapper}"\n`,
    includeRoots: [tree.root],
    patterns: NO_PATTERNS,
    format: "none",
  });

describe("generate with conf/kmod.mk's MFILES", () => {
  it("serves bus_if.h and device_if.h from the listed files only", async () => {
    const result = await generate();
    const rust = result.files.get("src/amd64.rs") ?? "";
    expect(rust).toMatch(/pub type device_probe_t = unsafe extern "C" fn\(dev: device_t\)/);
    expect(rust).toMatch(/pub type bus_print_child_t =\s/);
    expect(rust).not.toContain("device_decoy");
    expect(result.counts.amd64!.kobjMethods).toBe(2);
    expect(result.dependencies).toContain(join(tree.sys, "conf/kmod.mk"));
    expect(result.dependencies).toContain(join(tree.sys, "kern/device_if.m"));
    expect(result.dependencies).not.toContain(join(tree.sys, "dev/decoy/device_if.m"));
  });

  it("a kernel build takes them from conf/files and conf/files.amd64", async () => {
    const result = await generate("kernel");
    const rust = result.files.get("src/amd64.rs") ?? "";
    expect(rust).toMatch(/pub type device_probe_t = unsafe extern "C" fn\(dev: device_t\)/);
    expect(rust).not.toContain("device_decoy");
    for (const list of ["conf/files", "conf/files.amd64"])
      expect(result.dependencies).toContain(join(tree.sys, list));
  });
});
