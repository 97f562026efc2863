// The synthesized build directory, its clang twin, the release read from the tree and the
// flags of each mode.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import { BUILD_DIR, buildDirectory } from "../../src/preprocess/kernel-build/build-directory.js";
import {
  buildFlags,
  parseDefineArgument,
} from "../../src/preprocess/kernel-build/compiler-flags.js";
import { BuildFileSystem } from "../../src/preprocess/kernel-build/overlay-files.js";
import { planKernelBuild } from "../../src/preprocess/kernel-build/plan.js";
import { parseFreeBSDVersion, readTreeRelease } from "../../src/preprocess/kernel-build/release.js";
import { describeWith, needClang, needTree, sysTree } from "../support/environment.js";
import { specFor } from "./support/builds.js";
import { runClang } from "./support/clang-runner.js";

const amd64Module = {
  release: "13.0",
  arch: "amd64",
  mode: "module",
  label: "13.0 amd64 module",
} as const;
const amd64Kernel = { ...amd64Module, mode: "kernel", label: "13.0 amd64 kernel" } as const;

describe("release from sys/param.h", () => {
  it("reads MMmmRPP", () => {
    expect(parseFreeBSDVersion("#define __FreeBSD_version 1300139\t/* x */\n")).toEqual({
      major: 13,
      minor: 0,
    });
    expect(parseFreeBSDVersion("# define  __FreeBSD_version 1203500\n")).toEqual({
      major: 12,
      minor: 3,
    });
  });

  it("names the file when the version is missing or malformed", () => {
    expect(() => parseFreeBSDVersion("int x;\n")).toThrow(
      /^sys\/param.h:1: error: no '#define __FreeBSD_version'/,
    );
    expect(() => parseFreeBSDVersion("\n#define __FreeBSD_version 13\n")).toThrow(
      /^sys\/param.h:2:1: error: __FreeBSD_version 13 /,
    );
  });

  it("reports a directory that is not a kernel tree as a diagnostic", () => {
    expect(() => readTreeRelease("/nonexistent")).toThrow(DiagnosticError);
  });
});

describe("build flags per mode", () => {
  const macroNames = (spec: Parameters<typeof buildFlags>[0]) =>
    buildFlags(spec, { major: 13, minor: 0 }).macros.map((m) =>
      m.kind === "define" ? `-D${m.name}` : `-U${m.name}`,
    );

  it("kernel: _KERNEL, option headers, opt_global.h forced in", () => {
    const spec = specFor(amd64Kernel);
    expect(macroNames(spec)).toEqual(["-D_KERNEL", "-DHAVE_KERNEL_OPTION_HEADERS", "-D__printf__"]);
    expect(buildFlags(spec, { major: 13, minor: 0 }).forcedIncludes).toEqual(["opt_global.h"]);
  });

  it("module without a kernel build: KLD_MODULE, no option headers", () => {
    const flags = buildFlags(specFor(amd64Module), { major: 13, minor: 0 });
    expect(macroNames(specFor(amd64Module))).toEqual(["-D_KERNEL", "-DKLD_MODULE", "-D__printf__"]);
    expect(flags.forcedIncludes).toEqual([]);
    expect(flags.codegen).toContain("-fno-omit-frame-pointer");
  });

  it("module against a kernel build's option headers", () => {
    const spec = specFor(amd64Module, {
      optionHeaders: new Map([["opt_global.h", "#define SMP 1\n"]]),
    });
    expect(macroNames(spec)).toEqual([
      "-D_KERNEL",
      "-DKLD_MODULE",
      "-DHAVE_KERNEL_OPTION_HEADERS",
      "-D__printf__",
    ]);
  });

  it("user -D/-U come last, in order", () => {
    const spec = specFor(amd64Kernel, {
      user: {
        macros: [{ kind: "undefine", name: "_KERNEL" }, parseDefineArgument("X=2")!],
        includeDirs: [],
      },
    });
    expect(macroNames(spec).slice(-2)).toEqual(["-U_KERNEL", "-DX"]);
    expect(parseDefineArgument("F(a,b)=a+b")).toEqual({
      kind: "define",
      name: "F(a,b)",
      value: "a+b",
    });
    expect(parseDefineArgument("1BAD")).toBeUndefined();
  });
});

describeWith([needTree("13.0"), needTree("11.0")], "synthesized build directory", () => {
  const sys = sysTree("13.0");

  it("links machine/ and x86/ into the tree and shows real paths relative to it", () => {
    const fs = new BuildFileSystem(buildDirectory(specFor(amd64Module)), sys);
    const param = `${BUILD_DIR}/machine/param.h`;
    expect(fs.readFile(param)).toBe(readFileSync(join(sys, "amd64/include/param.h"), "utf8"));
    expect(fs.realPath(param)).toBe(join(sys, "amd64/include/param.h"));
    expect(fs.displayPath(param)).toBe("amd64/include/param.h");
    expect(fs.displayPath(`${BUILD_DIR}/x86/_types.h`)).toBe("x86/include/_types.h");
    expect(fs.displayPath(join(sys, "sys/param.h"))).toBe("sys/param.h");
    expect(fs.isDirectory(`${BUILD_DIR}/machine`)).toBe(true);
  });

  it("follows links physically, as the OS does", () => {
    const fs = new BuildFileSystem(buildDirectory(specFor(amd64Module)), sys);
    expect(fs.realPath(`${BUILD_DIR}/machine/../include/param.h`)).toBe(
      join(sys, "amd64/include/param.h"),
    );
  });

  it("has no x86/ link on arm64", () => {
    const fs = new BuildFileSystem(buildDirectory(specFor({ ...amd64Module, arch: "arm64" })), sys);
    expect(fs.readFile(`${BUILD_DIR}/x86/_types.h`)).toBeUndefined();
    expect(fs.readFile(`${BUILD_DIR}/machine/param.h`)).toBe(
      readFileSync(join(sys, "arm64/include/param.h"), "utf8"),
    );
  });

  it("serves any opt header empty without a configuration, and only the configured ones with it", () => {
    const bare = new BuildFileSystem(buildDirectory(specFor(amd64Module)), sys);
    expect(bare.readFile(`${BUILD_DIR}/opt_ddb.h`)).toBe("");
    expect(bare.displayPath(`${BUILD_DIR}/opt_ddb.h`)).toBe("<build>/opt_ddb.h");
    expect(bare.readFile(`${BUILD_DIR}/device_if.h`)).toBeUndefined();

    const configured = new BuildFileSystem(
      buildDirectory(
        specFor(amd64Kernel, {
          optionHeaders: new Map([["opt_global.h", "#define SMP 1\n"]]),
          generatedHeaders: new Map([["device_if.h", "/* generated */\n"]]),
        }),
      ),
      sys,
    );
    expect(configured.readFile(`${BUILD_DIR}/opt_global.h`)).toBe("#define SMP 1\n");
    expect(configured.readFile(`${BUILD_DIR}/opt_ddb.h`)).toBeUndefined();
    expect(configured.readFile(`${BUILD_DIR}/device_if.h`)).toBe("/* generated */\n");
  });

  it("kernel mode without a configuration still has an (empty) opt_global.h", () => {
    const plan = planKernelBuild(specFor(amd64Kernel));
    expect(plan.preprocessor.forcedIncludes).toEqual(["/<build>/opt_global.h"]);
    expect(plan.preprocessor.files.readFile(`${BUILD_DIR}/opt_global.h`)).toBe("");
  });

  it("takes the release from the tree unless overridden, and the triple follows it", () => {
    const plan = planKernelBuild(specFor(amd64Module, { release: { major: 12, minor: 2 } }));
    expect(plan.flags.triple).toBe("x86_64-unknown-freebsd12.2");
    expect(plan.preprocessor.predefines).toContain("#define __FreeBSD__ 12\n");
    expect(planKernelBuild(specFor(amd64Module)).preprocessor.predefines).toContain(
      "#define __FreeBSD__ 13\n",
    );
  });

  it("refuses a target whose machine headers the tree lacks", () => {
    expect(() => planKernelBuild(specFor({ ...amd64Module, arch: "riscv64" }))).toThrow(
      /^error: the kernel tree has no machine\/ headers for riscv64: .*\/riscv\/include does not exist/,
    );
  });

  it("puts contrib/ck/include on the path only where the tree has it", () => {
    expect(planKernelBuild(specFor(amd64Module)).preprocessor.includeDirs).toEqual([
      BUILD_DIR,
      sys,
      join(sys, "contrib/ck/include"),
    ]);
    const old = planKernelBuild(specFor({ ...amd64Module, release: "11.0" }));
    expect(old.preprocessor.includeDirs).toEqual([BUILD_DIR, sysTree("11.0")]);
    expect(old.release).toEqual({ major: 11, minor: 0 });
    expect(old.flags.triple).toBe("x86_64-unknown-freebsd11.0");
  });
});

describeWith([needClang(), needTree("13.0")], "clang's temporary build layout", () => {
  const sys = sysTree("13.0");

  it("holds the links and generated headers, and is removed afterwards", async () => {
    const plan = planKernelBuild(
      specFor(amd64Kernel, {
        optionHeaders: new Map([
          ["opt_global.h", "#define KPI_TEST_OPT 7\n"],
          ["opt_ddb.h", ""],
        ]),
      }),
    );
    const layout = plan.createClangLayout();
    try {
      expect(realpathSync(join(layout.buildDir, "machine"))).toBe(
        realpathSync(join(sys, "amd64/include")),
      );
      expect(realpathSync(join(layout.buildDir, "x86"))).toBe(
        realpathSync(join(sys, "x86/include")),
      );
      expect(readFileSync(join(layout.buildDir, "opt_global.h"), "utf8")).toBe(
        "#define KPI_TEST_OPT 7\n",
      );
      // clang sees opt_global.h forced in and machine/ resolved through the link.
      const probe = await runClang([...layout.args, "-E", "-P", join(sys, "sys/param.h")]);
      expect(probe.status, probe.stderr).toBe(0);
      const dump = await runClang([...layout.args, "-dM", "-E", "/dev/null"]);
      expect(dump.stdout).toContain("#define KPI_TEST_OPT 7");
    } finally {
      layout.dispose();
    }
    expect(existsSync(layout.buildDir)).toBe(false);
  });

  it("writes the opt headers the tree includes empty when there is no configuration", () => {
    const plan = planKernelBuild(specFor(amd64Module));
    const layout = plan.createClangLayout();
    try {
      expect(readFileSync(join(layout.buildDir, "opt_teken.h"), "utf8")).toBe("");
      expect(existsSync(join(layout.buildDir, "opt_global.h"))).toBe(false);
    } finally {
      layout.dispose();
    }
  });
});
