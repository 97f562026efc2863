// `kpi-bindgen generate` from the command line: bad input gets a located diagnostic and
// exit 1 and leaves the previous crate untouched; allow, block and opaque patterns shape
// the crate, which still builds.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  describeWith,
  kpiWrapper,
  needCommand,
  needFile,
  needTree,
  repoRoot,
  sysTree,
} from "../support/environment.js";
import { cargo, useScratch } from "./support/crate.js";

const bin = join(repoRoot, "bin", "kpi-bindgen");
const generate = (args: string[]) => spawnSync(bin, ["generate", ...args], { encoding: "utf8" });
const scratch = useScratch("generate-cli");

describeWith([needTree("13.0")], "generate rejects bad input", () => {
  const previous = join(scratch(), "previous");
  const keep = () => {
    mkdirSync(previous, { recursive: true });
    writeFileSync(join(previous, "marker"), "old crate\n");
  };
  const untouched = () => readFileSync(join(previous, "marker"), "utf8") === "old crate\n";
  const tree = sysTree("13.0");

  it("an unknown arch", () => {
    keep();
    const r = generate(["--sys", tree, "--arch", "amd64,vax", "--out", previous]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: unknown target 'vax'/);
    expect(untouched()).toBe(true);
  });

  it("a missing header", () => {
    keep();
    const r = generate(["--sys", tree, "--header", join(scratch(), "nope.h"), "--out", previous]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: no such header: .*nope\.h/);
    expect(untouched()).toBe(true);
  });

  it("a syntax error in a given header, located in that header", () => {
    keep();
    const header = join(scratch(), "bad.h");
    writeFileSync(header, "#include <sys/param.h>\nstruct bad { int x };;\n");
    const r = generate(["--sys", tree, "--extra-header", header, "--out", previous]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${header}:2:19: error: syntax error`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(untouched()).toBe(true);
  });

  it("a directory that is not a kernel tree", () => {
    const r = generate(["--sys", scratch(), "--out", join(scratch(), "never")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: .* is not a kernel source tree/);
    expect(existsSync(join(scratch(), "never"))).toBe(false);
  });

  it("an invalid pattern", () => {
    const r = generate([
      "--sys",
      tree,
      "--allowlist-function",
      "make_dev(",
      "--out",
      join(scratch(), "never"),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: invalid regular expression 'make_dev\('/);
  });

  it("a configuration file with a JSON error, at its line and column", () => {
    const config = join(scratch(), "broken.json");
    writeFileSync(config, '{\n  "allowlist": {\n    "functions": ["uiomove",]\n  }\n}\n');
    const r = generate(["--sys", tree, "--config", config, "--out", join(scratch(), "never")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`${config.replace(/[.]/g, "\\.")}:3:\\d+: error: invalid JSON`),
    );
  });

  it("a configuration file with an unknown key, located", () => {
    const config = join(scratch(), "unknown.json");
    writeFileSync(config, '{\n  "allowlist": { "function": ["uiomove"] }\n}\n');
    const r = generate(["--sys", tree, "--config", config, "--out", join(scratch(), "never")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown\.json:2:\d+: error: unknown allowlist kind 'function'/);
  });
});

describeWith(
  [
    needCommand("cargo", "install Rust (rustup) with cargo"),
    needTree("13.0"),
    needFile(kpiWrapper, "kpi_wrapper.h"),
  ],
  "generate with item patterns (13.0)",
  () => {
    it("an allowlisted function brings the types it needs and nothing else; the crate builds", () => {
      const out = join(scratch(), "allow");
      const r = generate([
        "--sys",
        sysTree("13.0"),
        "--header",
        kpiWrapper,
        "--allowlist-function",
        "uiomove",
        "--out",
        out,
      ]);
      expect(r.status, r.stderr).toBe(0);
      const rust = readFileSync(join(out, "src/amd64.rs"), "utf8");
      expect(rust).toMatch(/pub fn uiomove\(/);
      expect(rust).toMatch(/pub struct uio \{/);
      expect(rust).toMatch(/pub struct iovec \{/);
      expect(rust).not.toMatch(/pub fn make_dev\(/);
      // Enums come with their constants; macro constants were not allowlisted.
      expect(rust).toMatch(/pub const uio_seg_UIO_USERSPACE: uio_seg = 0;/);
      expect(rust).not.toMatch(/pub const M_WAITOK:/);
      const build = cargo(["build"], out);
      expect(build.status, build.stderr).toBe(0);
    }, 300_000);

    it("opaque and blocklisted items from kpi-bindgen.json; the crate builds", () => {
      const config = join(scratch(), "kpi-bindgen.json");
      writeFileSync(
        config,
        JSON.stringify(
          { blocklist: { functions: ["make_dev.*"], constants: ["M_.*"] }, opaqueTypes: ["mtx"] },
          null,
          2,
        ),
      );
      const out = join(scratch(), "opaque");
      const r = generate([
        "--sys",
        sysTree("13.0"),
        "--header",
        kpiWrapper,
        "--config",
        config,
        "--out",
        out,
      ]);
      expect(r.status, r.stderr).toBe(0);
      const rust = readFileSync(join(out, "src/amd64.rs"), "utf8");
      expect(rust).toMatch(/pub struct mtx \{\s+pub _bindgen_opaque_blob: \[u64; 4usize\],\s+\}/);
      expect(rust).not.toMatch(/pub fn make_dev(_\w+)?\(/);
      expect(rust).not.toMatch(/pub const M_WAITOK:/);
      expect(rust).toMatch(/pub fn destroy_dev\(/);
      const build = cargo(["build"], out);
      expect(build.status, build.stderr).toBe(0);
    }, 300_000);
  },
);
