// The Rust side of each target: rustc's own cfg for the named Rust target must agree with
// the description's target_arch, byte order, pointer width and widest atomic.
import { expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { getTarget, targetNames } from "../../src/targets/index.js";
import { describeWith, needCommand } from "../support/environment.js";

const run = promisify(execFile);

async function rustCfg(rustTarget: string): Promise<Map<string, string[]>> {
  const { stdout } = await run("rustc", ["--print", "cfg", "--target", rustTarget]);
  const cfg = new Map<string, string[]>();
  for (const line of stdout.split("\n")) {
    const match = /^(\w+)="(.*)"$/.exec(line.trim());
    if (match) cfg.set(match[1]!, [...(cfg.get(match[1]!) ?? []), match[2]!]);
  }
  return cfg;
}

describeWith(
  [needCommand("rustc", "install a Rust toolchain (rustup or apt-get install rustc)")],
  "Rust target facts agree with rustc",
  () => {
    it.each(targetNames.map((n) => [n]))("%s", async (name) => {
      const t = getTarget(name);
      const cfg = await rustCfg(t.rustTarget);
      expect(cfg.get("target_os")).toEqual(["freebsd"]);
      expect(cfg.get("target_arch")).toEqual([t.rustTargetArch]);
      expect(cfg.get("target_endian")).toEqual([t.abi.endian]);
      expect(cfg.get("target_pointer_width")).toEqual([String(t.abi.scalars.pointer.size * 8)]);
      // Widths up to 64 bits are stable cfg values; 128 appears only in newer rustc output.
      const atomic = new Set(cfg.get("target_has_atomic") ?? []);
      for (const width of [8, 16, 32, 64]) {
        expect(atomic.has(String(width)), `${width}-bit atomics`).toBe(
          width <= t.abi.maxAtomicInlineWidth,
        );
      }
      if (atomic.has("128")) expect(t.abi.maxAtomicInlineWidth).toBe(128);
    });
  },
);
