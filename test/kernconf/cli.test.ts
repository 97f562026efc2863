// `kpi-bindgen config` end to end: the built CLI on the fixture trees.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/environment.js";
import { fixtureExpected, fixtureRoot, fixtureSys, noTablesSys } from "./support.js";

let bin = "";
let scratch = "";

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(bin, ["config", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const full = ["--sys", fixtureSys, "--kernconf", "FULL"];
const expectedHeaders = (): Record<string, string> => {
  const dir = join(fixtureExpected, "FULL");
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
};
const readDir = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );

beforeAll(() => {
  // A private build: other suites rebuild the shared dist/ while these tests spawn the CLI,
  // and a half-written dist/ fails to load. The launcher (bin/kpi-bindgen and its Node half)
  // is copied beside its own dist/.
  // Type errors elsewhere in the tree do not stop tsc from emitting, so its status is not checked.
  scratch = mkdtempSync(join(tmpdir(), "kernconf-cli-"));
  const build = join(scratch, "build");
  mkdirSync(join(build, "bin"), { recursive: true });
  for (const launcher of ["kpi-bindgen", "kpi-bindgen.cjs"]) {
    copyFileSync(join(repoRoot, "bin", launcher), join(build, "bin", launcher));
  }
  // The launcher runs dist/bundle/, made by the project's own bundle script (run here with
  // its relative paths pointing into the private build).
  const scripts = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts;
  writeFileSync(
    join(build, "package.json"),
    JSON.stringify({ type: "module", scripts: { bundle: scripts.bundle } }) + "\n",
  );
  symlinkSync(join(repoRoot, "node_modules"), join(build, "node_modules"));
  spawnSync("npx", ["tsc", "-p", repoRoot, "--outDir", join(build, "dist")], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (!existsSync(join(build, "dist", "cli", "commands", "config.js")))
    throw new Error("build produced no dist/cli");
  const bundle = spawnSync("npm", ["run", "bundle", "--silent"], { cwd: build, encoding: "utf8" });
  if (!existsSync(join(build, "dist", "bundle", "main.cjs")))
    throw new Error(`bundling the private build failed: ${bundle.stderr}`);
  bin = join(build, "bin", "kpi-bindgen");
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("kpi-bindgen config", () => {
  it("prints the resolved configuration as tables, warnings on stderr", () => {
    const r = run(full);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^configuration\s+amd64\/conf\/FULL\s/);
    expect(r.stdout).toMatch(/^machine\s+amd64 \(MACHINE_ARCH amd64\)\s+amd64\/conf\/FULL:2:10$/m);
    expect(r.stdout).toMatch(/^\s+SCSI_DELAY\s+6000\s+opt_scsi\.h\s+amd64\/conf\/FULL:31:10$/m);
    expect(r.stdout).toMatch(/^\s+CONF_CFLAGS\s+-DFOO -DBAR\s+amd64\/conf\/FULL:12:13$/m);
    expect(r.stderr).toContain(
      'amd64/conf/FULL:31:10: warning: option "SCSI_DELAY" redefined from 5000 to 6000',
    );
  });

  it("prints deterministic JSON with the headers", () => {
    const a = run([...full, "--json"]);
    const b = run([...full, "--json"]);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.headers).toEqual(expectedHeaders());
    expect(doc.ident).toBe("FULL");
    expect(doc.options.find((o: { name: string }) => o.name === "NEW_NAME")).toEqual({
      name: "NEW_NAME",
      value: "7",
      header: "opt_new.h",
      where: "amd64/conf/FULL:29:9",
      origin: "options (as OLD_NAME)",
    });
  });

  it("writes exactly the headers, replacing an earlier run's directory", () => {
    const out = join(scratch, "opt");
    mkdirSync(out);
    writeFileSync(join(out, "opt_stale.h"), "#define STALE 1\n");
    const r = run([...full, "--write-opt-headers", out]);
    expect(r.status).toBe(0);
    expect(readDir(out)).toEqual(expectedHeaders());
  });

  it("refuses to replace a directory holding other files", () => {
    const out = join(scratch, "busy");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "keep me\n");
    const r = run([...full, "--write-opt-headers", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /error: refusing to replace .*busy: it holds files other than headers \(notes\.txt\)/,
    );
    expect(readDir(out)).toEqual({ "notes.txt": "keep me\n" });
  });

  it("takes a configuration path and finds the architecture from its directory", () => {
    const r = run([
      "--sys",
      fixtureSys,
      "--kernconf",
      join(fixtureSys, "arm64", "conf", "SMALL"),
      "--json",
    ]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.machine, doc.machineArch]).toEqual(["arm64", "aarch64"]);
    expect(doc.headers["opt_global.h"]).toBe("#define ARM64 1\n");
  });

  it("takes the architecture of a configuration outside the tree from its machine line", () => {
    const mine = join(scratch, "MINE");
    writeFileSync(mine, 'machine amd64\ninclude "FULL"\nident MINE\n');
    const r = run(["--sys", fixtureSys, "--kernconf", mine, "--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ident).toBe("MINE");
    expect(doc.sourceFiles).toEqual([
      "amd64/conf/DEFAULTS",
      mine,
      "amd64/conf/FULL",
      "conf/std.common",
      "amd64/conf/LOCAL.inc",
    ]);
    expect(doc.headers).toEqual(expectedHeaders());
  });

  it("asks for --arch when a configuration name exists for several architectures", () => {
    const r = run(["--sys", fixtureSys, "--kernconf", "DEFAULTS"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^error: kernel configuration DEFAULTS exists for several architectures \(amd64, arm64\): pass --arch$/m,
    );
  });

  it("defaults the tree to $FREEBSD_SRC/sys", () => {
    const r = run(["--kernconf", "FULL", "--json"], { FREEBSD_SRC: join(fixtureRoot, "tree") });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).sysDir).toBe(fixtureSys);
  });

  it("without option tables, shows what it parsed, names the missing file, and exits 0", () => {
    const r = run(["--sys", noTablesSys, "--kernconf", "SMALL"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\s+INET\s+1\s+\?\s+amd64\/conf\/SMALL:3:10$/m);
    expect(r.stderr).toContain(
      `warning: missing options file ${join(noTablesSys, "conf", "options")}`,
    );
    const json = JSON.parse(run(["--sys", noTablesSys, "--kernconf", "SMALL", "--json"]).stdout);
    expect([json.headers, json.optionTables]).toEqual([null, null]);
    expect(json.options).toEqual([
      {
        name: "DEV_PCI",
        value: "1",
        header: null,
        where: "amd64/conf/SMALL:4:9",
        origin: "device",
      },
      { name: "INET", value: "1", header: null, where: "amd64/conf/SMALL:3:10", origin: "options" },
    ]);
  });

  it("without option tables, refuses to write headers and writes nothing", () => {
    const out = join(scratch, "never");
    const r = run(["--sys", noTablesSys, "--kernconf", "SMALL", "--write-opt-headers", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `error: cannot write option headers: missing options file ${join(noTablesSys, "conf", "options")}`,
    );
    expect(existsSync(out)).toBe(false);
  });

  const failures: [string, string[], RegExp][] = [
    [
      "a missing configuration",
      ["--kernconf", "NO_SUCH", "--arch", "amd64"],
      /^error: kernel configuration NO_SUCH not found: .*amd64\/conf\/NO_SUCH does not exist$/m,
    ],
    [
      "an include cycle",
      ["--kernconf", "ERR_CYCLE_A"],
      /^amd64\/conf\/ERR_CYCLE_B:2:10: error: include cycle: amd64\/conf\/ERR_CYCLE_A -> amd64\/conf\/ERR_CYCLE_B -> amd64\/conf\/ERR_CYCLE_A$/m,
    ],
    [
      "a missing include",
      ["--kernconf", "ERR_MISSING_INCLUDE"],
      /^amd64\/conf\/ERR_MISSING_INCLUDE:3:10: error: cannot open included file 'NO_SUCH_FILE'/m,
    ],
    [
      "an unterminated quote",
      ["--kernconf", "ERR_QUOTE"],
      /^amd64\/conf\/ERR_QUOTE:3:27: error: unterminated quoted string$/m,
    ],
    [
      "an unknown keyword",
      ["--kernconf", "ERR_KEYWORD"],
      /^amd64\/conf\/ERR_KEYWORD:3:1: error: unknown keyword 'opitons'$/m,
    ],
    [
      "an unknown option",
      ["--kernconf", "ERR_UNKNOWN_OPTION"],
      /^amd64\/conf\/ERR_UNKNOWN_OPTION:4:10: error: unknown option "NOT_IN_ANY_TABLE"/m,
    ],
    [
      "a missing final newline",
      ["--kernconf", "ERR_NO_NEWLINE"],
      /^amd64\/conf\/ERR_NO_NEWLINE:3:14: error: missing newline at end of file/m,
    ],
    [
      "a quoted '='",
      ["--kernconf", "ERR_QUOTED_EQUALS"],
      /^amd64\/conf\/ERR_QUOTED_EQUALS:3:10: error: the '=' in options should not be quoted$/m,
    ],
    [
      "root/dump/swap",
      ["--kernconf", "ERR_OBSOLETE"],
      /^amd64\/conf\/ERR_OBSOLETE:3:16: error: root\/dump\/swap specifications are obsolete$/m,
    ],
    [
      "a second machine",
      ["--kernconf", "ERR_TWO_MACHINES"],
      /^amd64\/conf\/ERR_TWO_MACHINES:3:10: error: only one machine directive is allowed$/m,
    ],
    [
      "a missing ident",
      ["--kernconf", "ERR_NO_IDENT"],
      /^amd64\/conf\/ERR_NO_IDENT:1: error: no 'ident' line/m,
    ],
    [
      "a missing tree",
      ["--sys", "/nonexistent/sys", "--kernconf", "GENERIC"],
      /^error: kernel source tree not found: \/nonexistent\/sys \(from --sys/m,
    ],
  ];
  for (const [what, args, message] of failures) {
    it(`reports ${what} as a located error, exit 1, no output files`, () => {
      const out = join(scratch, `out-${what.replace(/\W+/g, "-")}`);
      const sys = args.includes("--sys") ? [] : ["--sys", fixtureSys];
      const r = run([...sys, ...args, "--write-opt-headers", out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(out)).toBe(false);
    });
  }
});
