// The commands that run the pipeline: a status line on a terminal only, none with --quiet
// or when piped, stage timings with --verbose; -D/-U applied in command-line order; a
// warning both sides of a diff produce is printed once.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeWith, needCommand, needTree, repoRoot, sysTree } from "../support/environment.js";
import { runInProcess } from "./support.js";

const sys = sysTree("13.0");
const work = mkdtempSync(join(tmpdir(), "kpi-cli-pipeline-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const header = join(work, "small.h");
writeFileSync(header, "#include <sys/param.h>\n#define TWICE 1\n#define TWICE 2\nint x;\n");
const dump = (...extra: string[]) => [
  "dump",
  "--sys",
  sys,
  "--header",
  header,
  "-o",
  join(work, "out.txt"),
  ...extra,
];
const statusLine = /\ramd64: (kernconf|preprocess|parse|layout) +\d+\.\ds\x1b\[K/;

describeWith([needTree("13.0")], "pipeline progress and options", () => {
  it("draws a status line on a terminal and rubs it out before the warnings", async () => {
    const r = await runInProcess(dump(), true, { NO_COLOR: "1" });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(statusLine);
    expect(r.stderr).toContain("\r\x1b[K" + `${header}:3:9: warning: 'TWICE' macro redefined`);
    expect(r.stderr.endsWith("\n1 warning generated.\n")).toBe(true);
  });

  it("draws nothing when stderr is a pipe or with --quiet, but still warns", async () => {
    const piped = await runInProcess(dump());
    const quiet = await runInProcess(dump("--quiet"), true, { NO_COLOR: "1" });
    for (const r of [piped, quiet]) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain("\r");
      expect(r.stderr).toContain("warning: 'TWICE' macro redefined");
    }
  });

  it("prints the time of each stage with --verbose (and its old name --timings)", async () => {
    for (const flag of ["--verbose", "--timings"]) {
      const r = await runInProcess(dump(flag));
      expect(r.stderr).toMatch(
        /time per stage \(ms\):\n +target +kernconf +preprocess +parse +layout\n +amd64 +\d+ +\d+ +\d+ +\d+\n +stages \d+ ms, whole run \d+ ms\n$/,
      );
    }
  });

  it("applies -D and -U in the order given, as the compiler does", async () => {
    const file = join(work, "order.h");
    writeFileSync(file, "#ifndef N\n#define N M\n#endif\nstruct order { char a[N]; };\n");
    const r = await runInProcess([
      "layout",
      "--sys",
      sys,
      file,
      "-DN=7",
      "-D",
      "M=3",
      "-UN",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"size": 3\b/);
  });

  it("generate prints per-target counts, which --quiet leaves out", async () => {
    const generate = (...extra: string[]) =>
      runInProcess([
        "generate",
        "--sys",
        sys,
        "--allowlist-function",
        "^bzero$",
        "--no-rustfmt",
        "--no-cache",
        "--out",
        join(work, "crate"),
        ...extra,
      ]);
    const loud = await generate();
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/^amd64: \d+ records, /m);
    const quiet = await generate("--quiet");
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
  });

  it("prints a warning that both sides of a diff produce once", async () => {
    const r = await runInProcess([
      "diff",
      "--sys",
      sys,
      "--arch",
      "amd64",
      "--kernconf",
      "GENERIC",
      "--header",
      header,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/conf\/options is missing/g)).toHaveLength(1);
    expect(r.stderr.match(/'TWICE' macro redefined/g)).toHaveLength(1);
    expect(r.stderr.endsWith("\n2 warnings generated.\n")).toBe(true);
  });
});

describeWith(
  [needTree("13.0"), needCommand("script", "apt-get install -y bsdutils")],
  "progress on a real terminal",
  () => {
    const bin = join(repoRoot, "bin", "kpi-bindgen");
    const run = (flags: string) =>
      spawnSync("script", ["-qfc", `${bin} ${dump().join(" ")} ${flags}`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "" },
      });

    it("shows the status line in a pseudo-terminal, and colours", () => {
      const r = run("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(statusLine);
      expect(r.stdout).toContain("\x1b[1;35mwarning:\x1b[0m");
    });

    it("shows neither with --quiet and NO_COLOR", () => {
      const r = spawnSync("script", ["-qfc", `${bin} ${dump().join(" ")} --quiet`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/\x1b|\r(?!\n)/);
      expect(r.stdout).toContain("warning: 'TWICE' macro redefined");
    });
  },
);
