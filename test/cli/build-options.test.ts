// The shared build options: -D/-U/-I survive yargs in command-line order, --arch is
// checked the same way for every command.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildTargets,
  compilerFlagArguments,
  userFlags,
  type BuildOptionArgs,
} from "../../src/cli/build-options.js";
import { DiagnosticError } from "../../src/diagnostics/index.js";

const args = (flags: string[], arch = "amd64"): BuildOptionArgs => ({
  arch,
  mode: "module",
  "cpp-flag": flags,
});

function failure(body: () => unknown): string {
  try {
    body();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.message;
    throw e;
  }
  return "no error";
}

describe("build options", () => {
  it("turns attached and separate -D/-U/-I into one ordered option", () => {
    expect(
      compilerFlagArguments([
        "layout",
        "-DA=1",
        "-U",
        "A",
        "x.h",
        "-I",
        "inc",
        "-DB",
        "--arch",
        "i386",
        "--",
        "-DC",
      ]),
    ).toEqual([
      "layout",
      "--cpp-flag=-DA=1",
      "--cpp-flag=-UA",
      "x.h",
      "--cpp-flag=-Iinc",
      "--cpp-flag=-DB",
      "--arch",
      "i386",
      "--",
      "-DC",
    ]);
  });

  it("keeps -D and -U in the order given, and resolves -I", () => {
    const flags = userFlags(args(["-DA=1", "-UA", "-DA", "-DF(x)=x", "-Iinc"]));
    expect(flags.macros).toEqual([
      { kind: "define", name: "A", value: "1" },
      { kind: "undefine", name: "A" },
      { kind: "define", name: "A", value: "1" },
      { kind: "define", name: "F(x)", value: "x" },
    ]);
    expect(flags.includeDirs).toEqual([resolve("inc")]);
  });

  it("reports bad or missing values by flag", () => {
    expect(failure(() => userFlags(args(["-D9X"])))).toMatch(/invalid -D '9X'/);
    expect(failure(() => userFlags(args(["-U"])))).toMatch(/-U needs a value/);
    expect(compilerFlagArguments(["-I"])).toEqual(["--cpp-flag=-I"]);
  });

  it("checks --arch names, one target unless the command builds several", () => {
    expect(buildTargets(args([], "amd64,i386,amd64"), true).map((t) => t.name)).toEqual([
      "amd64",
      "i386",
    ]);
    expect(failure(() => buildTargets(args([], "amd64,i386")))).toMatch(/one target/);
    expect(failure(() => buildTargets(args([], "vax")))).toMatch(/unknown target 'vax'/);
    expect(failure(() => buildTargets(args([], " , "), true))).toMatch(/names no target/);
  });
});
