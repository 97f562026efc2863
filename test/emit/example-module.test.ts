// The example kernel module (examples/echo) compiles against a freshly generated crate, as
// a no_std staticlib for the host: proof that the generated API is usable as written.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DEFAULT_WRAPPER } from "../../src/emit/rust/index.js";
import { describeWith, needCommand, needTree, repoRoot } from "../support/environment.js";
import { cargo, generateFor, useScratch, writeCrate } from "./support/crate.js";

for (const release of ["13.0", "11.0"] as const) {
  describeWith(
    [needCommand("cargo", "install Rust (rustup) with cargo"), needTree(release)],
    `examples/echo against the built-in wrapper's crate (${release})`,
    () => {
      const scratch = useScratch(`example-${release}`);

      it("builds as a no_std staticlib with no warnings", async () => {
        const example = join(scratch(), "echo");
        cpSync(join(repoRoot, "examples/echo/Cargo.toml"), join(example, "Cargo.toml"));
        cpSync(join(repoRoot, "examples/echo/src"), join(example, "src"), { recursive: true });
        writeCrate(
          (await generateFor({ release, wrapper: DEFAULT_WRAPPER })).files,
          join(example, "freebsd-kpi"),
        );
        const build = cargo(["build"], example);
        expect(build.status, build.stderr).toBe(0);
        expect(build.stderr).not.toMatch(/warning|error/);
      }, 600_000);
    },
  );
}
