// The progress display: a status line only when drawing is on, rubbed out before other
// output; stage timings in a table (or JSON) with --verbose.
import { describe, expect, it } from "vitest";
import {
  ProgressDisplay,
  formatStatusLine,
  formatTimings,
  type ProgressDisplayOptions,
} from "../../src/cli/progress.js";

function display(options: Partial<ProgressDisplayOptions>) {
  let clock = 0;
  let out = "";
  const shown = new ProgressDisplay({
    statusLine: true,
    verbose: false,
    json: false,
    columns: 80,
    write: (text) => (out += text),
    now: () => clock,
    ...options,
  });
  return {
    shown,
    tick: (ms: number) => (clock += ms),
    output: () => out,
  };
}

describe("progress display", () => {
  it("formats the status line and cuts it to the terminal", () => {
    expect(formatStatusLine({ stage: "preprocess", target: "i386", headers: 412 }, 1234, 80)).toBe(
      "i386: preprocess, 412 headers  1.2s",
    );
    expect(formatStatusLine({ stage: "parse", target: "amd64" }, 50, 16)).toBe("amd64: parse  0");
  });

  it("draws the line on each stage and clears it at the end", () => {
    const d = display({});
    d.shown.listener({ phase: "start", stage: "kernconf", target: "amd64" });
    d.tick(500);
    d.shown.listener({ phase: "end", stage: "kernconf", target: "amd64", ms: 500 });
    d.shown.listener({ phase: "start", stage: "parse", target: "amd64" });
    d.shown.stop();
    expect(d.output()).toBe(
      "\ramd64: kernconf  0.0s\x1b[K" + "\ramd64: parse  0.5s\x1b[K" + "\r\x1b[K",
    );
  });

  it("repaints header counts at most every 80 ms, and stage changes at once", () => {
    const d = display({});
    d.shown.listener({ phase: "start", stage: "preprocess", target: "arm64" });
    d.tick(10);
    d.shown.listener({ phase: "tick", stage: "preprocess", target: "arm64", headers: 5 });
    d.tick(100);
    d.shown.listener({ phase: "tick", stage: "preprocess", target: "arm64", headers: 40 });
    expect(d.output()).toBe(
      "\rarm64: preprocess  0.0s\x1b[K" + "\rarm64: preprocess, 40 headers  0.1s\x1b[K",
    );
  });

  it("draws nothing when the status line is off, and prints no timings unless verbose", () => {
    const d = display({ statusLine: false });
    d.shown.listener({ phase: "start", stage: "parse", target: "amd64" });
    d.shown.listener({ phase: "end", stage: "parse", target: "amd64", ms: 3 });
    d.shown.stop();
    d.shown.printTimings();
    expect(d.output()).toBe("");
  });

  it("adds up a stage's time per target in a table", () => {
    const lines = formatTimings(
      [
        { target: "amd64", stage: "preprocess", ms: 100.4 },
        { target: "amd64", stage: "parse", ms: 200 },
        { target: "i386", stage: "preprocess", ms: 90 },
        { target: "i386", stage: "parse", ms: 10 },
        { target: "i386", stage: "parse", ms: 15 },
      ],
      500,
    );
    expect(lines).toEqual([
      "time per stage (ms):",
      "  target  preprocess  parse",
      "  amd64          100    200",
      "  i386            90     25",
      "  stages 415 ms, whole run 500 ms",
    ]);
  });

  it("prints the timings as one JSON object for --error-format json", () => {
    const d = display({ statusLine: false, verbose: true, json: true });
    d.shown.listener({ phase: "end", stage: "layout", target: "arm64", ms: 2.6 });
    d.tick(10);
    d.shown.printTimings();
    expect(JSON.parse(d.output())).toEqual({
      kind: "timings",
      stages: [{ target: "arm64", stage: "layout", ms: 3 }],
      wallMs: 10,
    });
  });
});
