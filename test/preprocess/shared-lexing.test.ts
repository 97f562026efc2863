// Translation units of different file providers (the targets of one generate) share the
// lexed form of the files they have in common (FileProvider.sharedLexing): what each unit
// sees must be exactly what it sees alone, a file only one provider has is never shared,
// and a file too large for one unit's limit stays readable by a unit allowing more.
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/index.js";
import {
  preprocess,
  renderPreprocessed,
  type FileProvider,
  type PreprocessOptions,
  type SharedLexedFile,
} from "../../src/preprocess/index.js";

/** A provider of `files`; those under /shared/ are shared through `cache`. */
function provider(
  files: Record<string, string>,
  cache: Map<string, SharedLexedFile> | undefined,
): FileProvider {
  return {
    readFile: (p) => files[p],
    isDirectory: (p) => Object.keys(files).some((f) => f.startsWith(p + "/")),
    fileSize: (p) => files[p]?.length,
    sharedLexing: (p) => (cache && p.startsWith("/shared/") ? { cache, key: p } : undefined),
  };
}

const common = {
  "/shared/a.h": "#define A(x) (x + 1)\nint a_decl;\n",
  "/shared/big.h": `int big[] = { ${"1, ".repeat(200)}0 };\n`,
};
const machineOf = (arch: string) => ({
  ...common,
  "/src/main.c": '#include "/shared/a.h"\n#include "/gen/machine.h"\nint m = A(MACHINE);\n',
  "/gen/machine.h": `#define MACHINE ${arch === "amd64" ? 64 : 32}\nint ${arch}_only;\n`,
});

function run(files: FileProvider, extra: Partial<PreprocessOptions> = {}): string {
  const result = preprocess({
    files,
    mainFile: "/src/main.c",
    includeDirs: [],
    predefines: "",
    allowOutsideRoots: true,
    ...extra,
  });
  return renderPreprocessed(result, { lineMarkers: true });
}

describe("lexing shared between file providers", () => {
  it("each unit sees what it sees alone; a shared file is lexed once, a provider's own never shared", () => {
    const cache = new Map<string, SharedLexedFile>();
    const amd64 = run(provider(machineOf("amd64"), cache));
    const afterFirst = new Map(cache);
    const i386 = run(provider(machineOf("i386"), cache));
    expect([amd64, i386]).toEqual([
      run(provider(machineOf("amd64"), undefined)),
      run(provider(machineOf("i386"), undefined)),
    ]);
    expect(amd64).toMatch(/\(64 \+ 1\)/);
    expect(i386).toMatch(/\(32 \+ 1\)/);
    expect(i386).toMatch(/i386_only/);
    // The second unit took the first one's lexed file, and added nothing of its own.
    expect([...afterFirst.keys()]).toEqual(["/shared/a.h"]);
    expect(cache).toEqual(afterFirst);
    expect(cache.get("/shared/a.h")).toBe(afterFirst.get("/shared/a.h"));
  });

  it("a file too large for one unit is still read in full by a unit allowing more", () => {
    const cache = new Map<string, SharedLexedFile>();
    const files = { ...machineOf("amd64"), "/src/main.c": '#include "/shared/big.h"\n' };
    const small = { maxFileSize: 100 };
    expect(() => run(provider(files, cache), { limits: small })).toThrow(DiagnosticError);
    const roomy = run(provider(files, cache));
    expect(roomy).toEqual(run(provider(files, undefined)));
    expect(roomy).toMatch(/int big\[\] = \{ 1, 1,/);
    // And the other way round: lexed by a unit allowing it, refused by one that does not.
    expect(() => run(provider(files, cache), { limits: small })).toThrow(/too large/);
  });
});
