// Inputs the fuzz suites found that once crashed or misbehaved, kept as plain tests so they
// stay fixed whatever seed the suites run with.
import { describe, expect, it } from "vitest";
import { ExprSyntaxError, NotConstantError } from "../../src/consteval/index.js";
import {
  evaluateConstant,
  parseTranslationUnit,
  parseTranslationUnitLenient,
} from "../../src/parse/index.js";
import { recordLayoutProvider } from "../../src/layout/index.js";
import { scanLineMarkers } from "../../src/parse/line-markers.js";
import { getTarget } from "../../src/targets/index.js";
import { DiagnosticError, formatDiagnostic } from "../../src/diagnostics/index.js";
import {
  collectKernelConfig,
  readOptionTables,
  resolveKernelConfig,
} from "../../src/kernconf/index.js";
import { memoryTree } from "../kernconf/support.js";

const unitFor = (arch: "amd64" | "i386") => {
  const abi = getTarget(arch).abi;
  return { abi, unit: parseTranslationUnit(`# 1 "p.h"\nint x;\n`, { target: arch, abi }).unit };
};

describe("constant evaluation regressions", () => {
  const { unit, abi } = unitFor("amd64");
  const refusal = (text: string): unknown => {
    try {
      return evaluateConstant(text, unit, abi);
    } catch (e) {
      return e;
    }
  };

  // Each of these overflowed the stack (a RangeError, an internal error in the CLI).
  it.each([
    ["3000 open parentheses", "(".repeat(3000) + "0"],
    ["a 20000-term sum", "1" + "+1".repeat(20000)],
    ["a 3000-deep conditional chain", "1?1:".repeat(3000) + "1"],
    ["5000 casts", "(int)".repeat(5000) + "1"],
    ["a 20000-term comma chain", "1" + ",1".repeat(20000)],
    ["10000 array suffixes in sizeof", "sizeof(int" + "[1]".repeat(10000) + ")"],
  ])("%s is a syntax error, not a stack overflow", (_name, text) => {
    const e = refusal(text);
    expect(e).toBeInstanceOf(ExprSyntaxError);
    expect((e as Error).message).toBe("expression nested too deeply");
  });

  it("still evaluates nesting as deep as real headers use", () => {
    expect(evaluateConstant("(".repeat(200) + "1" + ")".repeat(200), unit, abi).value).toBe(1n);
    expect(evaluateConstant("1" + "|1".repeat(200), unit, abi).value).toBe(1n);
    expect(evaluateConstant("sizeof(int[2][2][2])", unit, abi).value).toBe(32n);
  });

  it("refuses __int128 on a target without it, as clang does (it evaluated sizeof to 0)", () => {
    const i386 = unitFor("i386");
    for (const text of ["sizeof(unsigned __int128)", "(__int128)1", "_Alignof(__int128)"]) {
      expect(() => evaluateConstant(text, i386.unit, i386.abi)).toThrow(NotConstantError);
    }
    expect(evaluateConstant("sizeof(__int128)", unit, abi).value).toBe(16n);
  });
});

describe("kernconf regressions", () => {
  const SYS = "/src/sys";
  const reader = (files: Record<string, string>) => memoryTree(SYS, files);
  const load = (files: Record<string, string>, arch = "amd64") => {
    const collected = collectKernelConfig({
      sysDir: SYS,
      kernconf: `${SYS}/${arch}/conf/K`,
      arch,
      reader: reader(files),
    });
    const tables = readOptionTables({
      sysDir: SYS,
      confDir: collected.config.confDir,
      machine: collected.config.machine,
      machineWhere: collected.config.machineWhere,
      reader: reader(files),
    });
    const resolved = resolveKernelConfig(collected.config, tables.tables);
    return [...tables.diagnostics, ...resolved.diagnostics];
  };

  it("a maxusers out of range is warned about at its line (the warning had no location)", () => {
    const diagnostics = load({
      "conf/options": "MAXUSERS\n",
      "conf/options.amd64": "HAMMER\n",
      "amd64/conf/K": "machine amd64\ncpu HAMMER\nident K\nmaxusers 99999\n",
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "amd64/conf/K:4:1: warning: maxusers 99999 is above 512",
    ]);
  });

  it("a missing options.<machine> table is reported at the machine line", () => {
    const diagnostics = load(
      {
        "conf/options": "MAXUSERS\nI686_CPU\n",
        "i386/conf/K": "machine i386\ncpu I686_CPU\nident K\n",
      },
      "i386",
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "i386/conf/K:1:9: warning: no options.i386 table (looked for conf/options.i386 and i386/conf/options.i386)",
    ]);
  });
});

describe("kernconf table regressions", () => {
  const tableError = (table: string): string[] => {
    const SYS = "/src/sys";
    const files = { "conf/options": table };
    let thrown: unknown;
    try {
      readOptionTables({
        sysDir: SYS,
        confDir: `${SYS}/amd64/conf`,
        machine: "amd64",
        reader: memoryTree(SYS, files),
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DiagnosticError);
    return (thrown as DiagnosticError).diagnostics.map(formatDiagnostic);
  };

  it("a header name with a slash is rejected at its table line (it was unlocated at write time)", () => {
    expect(tableError("GOOD\n(sys/\n")).toEqual([
      "conf/options:2: error: option header name 'opt_(sys/.h' is not a plain file name",
    ]);
  });

  it("a header name with a NUL byte is rejected at its table line (it was an internal error)", () => {
    expect(tableError("GOOD\n\0\n")).toEqual([
      "conf/options:2: error: option header name 'opt_\0.h' is not a plain file name",
    ]);
  });

  it("a header name too long for a file is rejected at its table line (it was an internal error)", () => {
    expect(tableError(`GOOD\n${"-".repeat(2800)}\n`)).toEqual([
      `conf/options:2: error: option header name 'opt_${"-".repeat(36)}...' is too long for a file name`,
    ]);
  });
});

describe("line marker regressions", () => {
  // A marker whose file name was replaced by a long number made the marker pattern try
  // every split of the digits: minutes for one line.
  it("a marker with 30 digits where the name should be is scanned at once", () => {
    const t0 = performance.now();
    const scanned = scanLineMarkers(`# 1 "a.h"\n# 1 ${"9".repeat(30)}"b.h" 1\nint x;\n`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(scanned.originOf(2)).toEqual({ path: "a.h", line: 2 });
  });
});

describe("parse regressions", () => {
  const target = getTarget("amd64");
  const diagnosticsOf = (text: string) =>
    parseTranslationUnitLenient(`# 1 "x.h"\n${text}`, {
      target: target.name,
      abi: target.abi,
      recordLayout: recordLayoutProvider(target),
    }).diagnostics.map(formatDiagnostic);

  // A window of preprocessed sys/systm.h used sizeof(struct pcpu) with no pcpu in sight: the
  // layout stage's error came back without a location.
  it("sizeof of a record never declared is an error at the expression", () => {
    expect(diagnosticsOf("int a[sizeof(struct nowhere)];\n")).toEqual([
      "x.h:1:7: error: unknown record 'struct nowhere'",
    ]);
  });

  it("the same inside an attribute argument", () => {
    expect(
      diagnosticsOf("struct s { int x; } __attribute__((aligned(sizeof(struct nowhere))));\n"),
    ).toEqual(["x.h:1:21: error: unknown record 'struct nowhere'"]);
  });
});

describe("nested record regressions", () => {
  // A mutated fixture header duplicated the first lines of a struct inside itself; the
  // record became its own parent and naming it for Rust overflowed the stack (exit 70).
  it("a record defined again inside its own body is an error, as in clang", () => {
    const target = getTarget("amd64");
    const text = `# 1 "x.h"\nstruct holder {\n  struct holder { int a; };\n  int b;\n};\n`;
    const diagnostics = parseTranslationUnitLenient(text, {
      target: target.name,
      abi: target.abi,
    }).diagnostics.map(formatDiagnostic);
    expect(diagnostics).toContain("x.h:2:3: error: nested redefinition of 'struct holder'");
  });
});

describe("line number regressions", () => {
  // A mutation put 32 nines into a marker: the line number wrapped in the Int32Array of
  // line numbers and diagnostics came out at line 0.
  it("a marker with a line number beyond 2^31-1 is not taken as a marker", () => {
    const scanned = scanLineMarkers(`# 7 "a.h"\nint x;\n# ${"9".repeat(32)} "b.h"\nint y;\n`);
    expect(scanned.originOf(3)).toEqual({ path: "a.h", line: 9 });
  });
});
