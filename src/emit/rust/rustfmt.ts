// Formats generated Rust with rustfmt when it is installed, so the crate passes
// `rustfmt --check`; without rustfmt the text is written as emitted.
import { spawnSync } from "node:child_process";

export function formatRust(source: string, rustfmt = process.env.RUSTFMT ?? "rustfmt"): { text: string; formatted: boolean } {
  const run = spawnSync(rustfmt, ["--edition", "2021", "--emit", "stdout", "--quiet"], {
    input: source,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (run.error || run.status !== 0) return { text: source, formatted: false };
  return { text: run.stdout, formatted: true };
}
