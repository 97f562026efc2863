// Invalid inputs get a located diagnostic (never a crash or a hang), and the tree's own scripts
// reject the same inputs. The expected diagnostics are written in each fixture, since the
// scripts' messages and line numbers are their own.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticError, formatDiagnostic } from "../../src/diagnostics/index.js";
import { currentKobjDialect, currentVnodeDialect } from "../../src/kobj/dialect.js";
import { parseInterfaceFile, parseVnodeOps } from "../../src/kobj/index.js";
import { describeWith, needCommand, needTree, repoRoot, sysTree } from "../support/environment.js";
import { awkHangs, freebsdAwk, runAwk } from "./support/awk.js";

const errorDir = join(repoRoot, "fixtures", "kobj", "errors");

interface ErrorFixture {
  name: string;
  path: string;
  text: string;
  line: number;
  message: string;
  hangsUnderAwk: boolean;
}

const cases: ErrorFixture[] = readdirSync(errorDir)
  .sort()
  .map((name) => {
    const path = join(errorDir, name);
    const text = readFileSync(path, "utf8");
    const expectation = /^# expect-error: (\d+): (.*)$/m.exec(text);
    if (!expectation) throw new Error(`${name}: no '# expect-error: LINE: TEXT' line`);
    return {
      name,
      path,
      text,
      line: Number(expectation[1]),
      message: expectation[2]!,
      hangsUnderAwk: /^# awk: hangs$/m.test(text),
    };
  });

function parse(fixture: ErrorFixture): unknown {
  return fixture.name.endsWith(".m")
    ? parseInterfaceFile(fixture.text, fixture.path, currentKobjDialect)
    : parseVnodeOps(fixture.text, fixture.path, currentVnodeDialect);
}

function diagnosticOf(fixture: ErrorFixture): DiagnosticError {
  try {
    parse(fixture);
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error(`${fixture.name} was accepted`);
}

describe("diagnostics for invalid generator inputs", () => {
  it("has error fixtures of both kinds", () => {
    expect(cases.filter((c) => c.name.endsWith(".m")).length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => c.name.endsWith(".src")).length).toBeGreaterThanOrEqual(5);
  });
  for (const fixture of cases) {
    it(`${fixture.name}: ${fixture.message}`, () => {
      const [diagnostic] = diagnosticOf(fixture).diagnostics;
      expect(diagnostic!.severity).toBe("error");
      expect(diagnostic!.location).toMatchObject({ file: fixture.path, line: fixture.line });
      expect(diagnostic!.message).toContain(fixture.message);
      expect(formatDiagnostic(diagnostic!)).toMatch(
        new RegExp(
          `^${fixture.path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:${fixture.line}:\\d+: error: `,
        ),
      );
    });
  }
});

describeWith(
  [needTree("13.0"), needCommand(freebsdAwk, "apt-get install -y original-awk")],
  "the 13.0 scripts reject the same inputs",
  () => {
    const sys = sysTree("13.0");
    for (const fixture of cases) {
      const script = join(
        sys,
        "tools",
        fixture.name.endsWith(".m") ? "makeobjops.awk" : "vnode_if.awk",
      );
      const invocation = { awk: freebsdAwk, script, source: fixture.path, modes: ["-h"] };
      if (fixture.hangsUnderAwk) {
        it(`${fixture.name}: the script never finishes, so the expectation is hand-written`, () => {
          expect(awkHangs(invocation)).toBe(true);
        });
      } else {
        it(`${fixture.name}: the script fails`, () => {
          const run = runAwk(invocation);
          expect(run.timedOut).toBe(false);
          expect(run.status).not.toBe(0);
          expect(run.stderr).not.toBe("");
          // makeobjops.awk removes its outputs on error (vnode_if.awk leaves partial ones).
          if (fixture.name.endsWith(".m")) expect([...run.files.keys()]).toEqual([]);
        });
      }
    }
  },
);
