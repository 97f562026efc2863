// The layout and verify commands end to end: readable output, deterministic JSON, exit
// codes, mismatches reported with both values, and clean diagnostics for bad input.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { clangCommand, describeWith, needClang, repoRoot } from "../support/environment.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");
const fixture = (name: string) => join(repoRoot, "fixtures", "layout", name);
const run = (...args: string[]) =>
  spawnSync(bin, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describeWith([needClang()], "kpi-bindgen layout and verify", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kpi-verify-cli-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("layout shows offsets, sizes, holes, tail padding and totals", () => {
    const r = run("layout", fixture("basic.c"), "--type", "holes", "--cc", clangCommand);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^struct holes \{\s+\/\* offset size \*\/$/);
    expect(r.stdout).toMatch(/int count;\s+\/\*\s+4\s+4 \*\//);
    expect(r.stdout).toContain("/* 3 bytes hole */");
    expect(r.stdout).toContain("/* 6 bytes hole */");
    expect(r.stdout).toContain("/* 7 bytes tail padding */");
    expect(r.stdout).toMatch(
      /size 32, align 8, members 5, holes 2 \(9 bytes\), tail padding 7 bytes, cachelines 1/,
    );
    // Columns line up: every member comment starts in the same column.
    const columns = lines.filter((l) => /;\s+\/\*/.test(l)).map((l) => l.indexOf("/*"));
    expect(new Set(columns).size).toBe(1);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("layout marks bitfield positions", () => {
    const r = run("layout", fixture("anonymous.c"), "--type", "reg_t", "--cc", clangCommand);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^typedef union \{/);
    expect(r.stdout).toMatch(/unsigned int high : 16;\s+\/\*\s+2:0\s+16b \*\//);
    expect(r.stdout).toMatch(/\} reg_t;/);
  });

  it("layout --json is deterministic and complete", () => {
    const a = run(
      "layout",
      fixture("anonymous.c"),
      "--json",
      "--arch",
      "arm64",
      "--cc",
      clangCommand,
    );
    const b = run(
      "layout",
      fixture("anonymous.c"),
      "--json",
      "--arch",
      "arm64",
      "--cc",
      clangCommand,
    );
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout) as {
      target: string;
      records: { name: string; fields: { bitWidth: number | null }[] }[];
    };
    expect(json.target).toBe("arm64");
    const bits = json.records.find((r) => r.name === "struct anon_bitfields");
    expect(bits?.fields.map((f) => f.bitWidth)).toEqual([null, null, 8]);
    expect(json.records.map((r) => r.name)).toContain("reg_t");
  });

  it("verify passes with exit 0 and prints the totals", () => {
    const r = run("verify", fixture("i386-alignment.c"), "--arch", "i386", "--cc", clangCommand);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^verify i386: \d+ records checked, \d+ fields checked, 0 mismatches\n$/,
    );
  });

  it("verify reports each mismatch with both values and exits 1", () => {
    // A compiler that packs every struct disagrees with the ABI we compute.
    const cc = join(scratch, "packing-cc");
    writeFileSync(cc, `#!/bin/sh\nexec ${clangCommand} -fpack-struct=1 "$@"\n`);
    chmodSync(cc, 0o755);
    const r = run("verify", fixture("i386-alignment.c"), "--arch", "amd64", "--cc", cc);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /i386-alignment\.c:\d+:\d+: error: struct ll_member, member 'll': offset mismatch: ours 8, compiler 1/,
    );
    expect(r.stderr).toMatch(/error: struct ll_member: size mismatch: ours 16, compiler 9/);
    expect(r.stdout).toMatch(
      /verify amd64: \d+ records checked, \d+ fields checked, [1-9]\d* mismatches/,
    );
    const json = run(
      "verify",
      fixture("i386-alignment.c"),
      "--arch",
      "amd64",
      "--cc",
      cc,
      "--json",
    );
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { mismatches: object[] };
    expect(report.mismatches).toContainEqual(
      expect.objectContaining({
        recordId: "struct ll_member",
        member: "ll",
        property: "offset",
        ours: "8",
        compiler: "1",
      }),
    );
  });

  it("verify reports records the compiler has and we do not", () => {
    // A compiler whose checking run sees a definition its preprocessing run did not: the
    // way a preprocessing difference between our front end and the compiler shows up.
    const cc = join(scratch, "diverging-cc");
    writeFileSync(
      cc,
      `#!/bin/sh\ncase " $* " in *" -E "*) exec ${clangCommand} "$@" ;; esac\nexec ${clangCommand} -DEXTRA "$@"\n`,
    );
    chmodSync(cc, 0o755);
    const file = join(scratch, "extra.c");
    writeFileSync(
      file,
      "struct always { int a; };\n#ifdef EXTRA\nstruct extra { int x; };\n" +
        '_Static_assert(sizeof(struct extra) == 4, "used");\n#endif\n',
    );
    expect(run("verify", file, "--cc", clangCommand).status).toBe(0);
    const theirs = run("verify", file, "--cc", cc);
    expect(theirs.status).toBe(1);
    expect(theirs.stderr).toContain(
      "error: struct extra: the compiler lays it out (size 4) but our translation unit does not have it",
    );
  });

  it("a compiler without the layout dump is refused, not trusted", () => {
    const cc = join(scratch, "no-dump-cc");
    writeFileSync(
      cc,
      `#!/bin/sh\nargs=""\nfor a in "$@"; do\n  [ "$a" = "-fdump-record-layouts" ] && a="-Wno-everything"\n` +
        `  args="$args '$a'"\ndone\neval exec ${clangCommand} $args\n`,
    );
    chmodSync(cc, 0o755);
    const r = run("verify", fixture("basic.c"), "--cc", cc);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("printed no record layouts");
  });

  it("bad input gets a diagnostic, exit 1 and no stack trace", () => {
    for (const args of [
      ["verify", fixture("missing.c")],
      ["verify", fixture("basic.c"), "--arch", "vax"],
      ["verify", fixture("basic.c"), "--cc", join(scratch, "no-such-compiler")],
      ["layout", fixture("basic.c"), "--type", "no_such_record", "--cc", clangCommand],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(/error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
    }
  });

  it("a record with a member of incomplete type is reported, not guessed", () => {
    const file = join(scratch, "incomplete.c");
    writeFileSync(file, "struct later;\nstruct uses {\n  int n;\n  struct later l;\n};\n");
    const r = run("layout", file, "--cc", clangCommand);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/incomplete\.c:4:\d+: error: incomplete type 'struct later'/);
  });
});
