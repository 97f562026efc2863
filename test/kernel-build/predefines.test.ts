// The macros our preprocessor starts from must be exactly those clang has after the
// build's command line: builtins for the triple, -std and code-generation flags, then -D/-U.
import { expect, it } from "vitest";
import { compilerArguments } from "../../src/preprocess/kernel-build/clang-layout.js";
import { buildFlags } from "../../src/preprocess/kernel-build/compiler-flags.js";
import { builtinMacros, planKernelBuild } from "../../src/preprocess/kernel-build/plan.js";
import { predefinesText } from "../../src/preprocess/kernel-build/predefines.js";
import { getTarget, targetNames } from "../../src/targets/index.js";
import { describeWith, freebsdVersions, needClang, needTree } from "../support/environment.js";
import { buildConfigs, specFor } from "./support/builds.js";
import { parseMacroDump, runClang } from "./support/clang-runner.js";

/** Applies a predefines text's #define/#undef lines in order. */
function evaluatePredefines(text: string): Map<string, string> {
  const macros = new Map<string, string>();
  for (const line of text.split("\n")) {
    const def = /^#define (\S+)(?: (.*))?$/.exec(line);
    if (def) macros.set(def[1], def[2] ?? "");
    const undef = /^#undef (\S+)$/.exec(line);
    if (undef) macros.delete(undef[1]);
  }
  return macros;
}

function differences(ours: Map<string, string>, clang: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, value] of clang) {
    if (!ours.has(name)) out.push(`missing ${name} (clang: ${JSON.stringify(value)})`);
    else if (ours.get(name) !== value)
      out.push(`${name}: ours ${JSON.stringify(ours.get(name))}, clang ${JSON.stringify(value)}`);
  }
  for (const [name, value] of ours)
    if (!clang.has(name)) out.push(`extra ${name} = ${JSON.stringify(value)}`);
  return out;
}

for (const release of freebsdVersions) {
  describeWith(
    [needClang(), needTree(release)],
    `build predefines match clang -dM -E (${release})`,
    () => {
      for (const config of buildConfigs(release)) {
        it(`${config.label}: builtins, -std, codegen flags, -D/-U`, async () => {
          const plan = planKernelBuild(
            specFor(config, {
              user: {
                macros: [
                  { kind: "define", name: "USER_FLAG", value: "42" },
                  { kind: "undefine", name: "__OPTIMIZE__" },
                ],
                includeDirs: [],
              },
            }),
          );
          const clang = await plan.withClangLayout((layout) =>
            runClang([...layout.args, "-dM", "-E", "/dev/null"]),
          );
          expect(clang.status, clang.stderr).toBe(0);
          expect(
            differences(
              evaluatePredefines(plan.preprocessor.predefines),
              parseMacroDump(clang.stdout),
            ),
          ).toEqual([]);
        });
      }
    },
  );
}

// The trees carry machine headers for three targets only; the flags of the others are
// checked on an empty file, which needs no tree (and so no opt_global.h to force in).
describeWith([needClang()], "build predefines of every target match clang -dM -E", () => {
  const release = { major: 13, minor: 0 };
  for (const name of targetNames) {
    for (const mode of ["kernel", "module"] as const) {
      it(`${name} ${mode}`, async () => {
        const spec = {
          sysDir: "/nonexistent",
          target: getTarget(name),
          mode,
          user: { macros: [], includeDirs: [] },
        };
        const flags = { ...buildFlags(spec, release), forcedIncludes: [] };
        const ours = predefinesText(builtinMacros(spec, release, flags), flags);
        const clang = await runClang([
          ...compilerArguments(flags, [], "/"),
          "-dM",
          "-E",
          "/dev/null",
        ]);
        expect(clang.status, clang.stderr).toBe(0);
        expect(differences(evaluatePredefines(ours), parseMacroDump(clang.stdout))).toEqual([]);
      });
    }
  }
});
