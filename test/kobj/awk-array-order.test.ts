// The emulated `for (key in array)` order against FreeBSD's awk itself, for key sets small
// and large enough to make its table grow twice.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, expect, it } from "vitest";
import { awkForInOrder } from "../../src/kobj/awk-array-order.js";
import { describeWith, needCommand } from "../support/environment.js";
import { freebsdAwk } from "./support/awk.js";

describeWith(
  [needCommand(freebsdAwk, "apt-get install -y original-awk")],
  "for-in order of FreeBSD's awk",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "kobj-order-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function awkOrder(keys: string[]): string[] {
      const input = join(dir, "keys");
      writeFileSync(input, keys.map((k) => k + "\n").join(""));
      const run = spawnSync(
        freebsdAwk,
        [
          "-v",
          `input=${input}`,
          "BEGIN { while ((getline k < input) > 0) a[k] = 1; for (k in a) print k }",
        ],
        { encoding: "utf8" },
      );
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.split("\n").slice(0, -1);
    }

    const names = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i * 7919}`);
    const keySets: Record<string, string[]> = {
      "a few operation names": ["vop_lookup", "vop_open", "vop_close", "vop_read", "vop_write"],
      "repeated keys": ["b", "a", "b", "c", "a", "d"],
      "100 keys (full, no growth)": names(100, "vop_"),
      "101 keys (one growth)": names(101, "k"),
      "900 keys (two growths)": names(900, "method_"),
      "bytes above 127": ["caf\u00e9", "na\u00efve", "\u00fcber", "plain"],
    };
    for (const [label, keys] of Object.entries(keySets)) {
      it(label, () => {
        const expected = awkOrder(keys);
        expect(new Set(expected).size).toBe(new Set(keys).size);
        expect(awkForInOrder(keys)).toEqual(expected);
      });
    }
  },
);
