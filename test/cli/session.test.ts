// The run's stderr: diagnostics printed once across flushes, --quiet hiding only
// informational lines, what a replay would print, and errors in either format.
import { describe, expect, it } from "vitest";
import { CliSession, errorFormatIn, type ErrorFormat } from "../../src/cli/session.js";
import { error, warning } from "../../src/diagnostics/index.js";

function session(errorFormat: ErrorFormat = "text") {
  let out = "";
  const s = new CliSession({
    errorFormat,
    terminal: false,
    columns: 80,
    env: {},
    write: (text) => (out += text),
  });
  return { s, out: () => out };
}

describe("CLI session", () => {
  it("prints a diagnostic once even when reported again after a flush", () => {
    const { s, out } = session();
    s.report([warning("w", { file: "<build>/x.h", line: 1, column: 1 })]);
    s.flushDiagnostics();
    s.report([warning("w", { file: "<build>/x.h", line: 1, column: 1 }), error("e")]);
    s.finish();
    expect(out()).toBe("<build>/x.h:1:1: warning: w\nerror: e\n1 warning and 1 error generated.\n");
  });

  it("hides informational lines with --quiet, never report lines or warnings", () => {
    const { s, out } = session();
    s.startProgress({ quiet: true, verbose: false });
    s.info("amd64: 3 records");
    s.message("mismatch in struct a");
    s.report([warning("w")]);
    s.finish();
    expect(out()).toBe("mismatch in struct a\nwarning: w\n1 warning generated.\n");
  });

  it("gives what a replay prints: everything lasting, the summary included", () => {
    const { s, out } = session();
    s.report([warning("w")]);
    s.info("amd64: 3 records");
    const lasting = s.lastingOutput();
    s.finish();
    expect(lasting).toBe(out());
  });

  it("writes internal and usage errors as JSON with --error-format json", () => {
    const { s, out } = session("json");
    s.internalError("boom");
    s.usageError("no such option");
    expect(
      out()
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { kind: "internal-error", message: "boom" },
      { kind: "usage-error", message: "no such option" },
    ]);
  });

  it("finds --error-format on the raw command line", () => {
    expect(errorFormatIn(["dump", "--error-format", "json"])).toBe("json");
    expect(errorFormatIn(["dump", "--error-format=json"])).toBe("json");
    expect(errorFormatIn(["dump", "--", "--error-format=json"])).toBe("text");
    expect(errorFormatIn(["dump"])).toBe("text");
  });
});
