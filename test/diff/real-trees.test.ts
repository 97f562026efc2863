// 11.0 → 13.0 on the KPI wrapper (amd64, GENERIC, module mode): changes found by hand in
// the two trees are reported and classified, identical inputs give identical snapshots and
// no changes, and every layout change agrees with clang-19 on both sides.
import { beforeAll, expect, it } from "vitest";
import { diffSnapshots, type Change, type DiffResult } from "../../src/diff/index.js";
import { snapshotToJson } from "../../src/snapshot/index.js";
import { describeWith, kpiWrapper, needClang, needFile, needTree } from "../support/environment.js";
import { crossCheckWithClang, realSide, type RealSide } from "./support.js";

function find(result: DiffResult, entity: string, kind: string, member = ""): Change | undefined {
  return result.changes.find((c) => c.entity === entity && c.kind === kind && c.member === member);
}

describeWith(
  [needClang(), needTree("11.0"), needTree("13.0"), needFile(kpiWrapper, "kpi wrapper")],
  "diff 11.0 → 13.0, KPI wrapper, amd64 GENERIC module",
  () => {
    let old: RealSide;
    let now: RealSide;
    let result: DiffResult;

    beforeAll(() => {
      old = realSide("11.0");
      now = realSide("13.0");
      result = diffSnapshots(old.snapshot, now.snapshot);
      process.stdout.write(`diff 11.0 → 13.0: ${JSON.stringify(result.summary.total)}\n`);
    });

    // Each entry was found by comparing the headers of the two trees, then read in both.
    it("reports a member retyped to a larger array (struct cdev si_name)", () => {
      // sys/conf.h: 11.0:89 and 13.0:91 `char si_name[SPECNAMELEN + 1]`; SPECNAMELEN is
      // 63 in 11.0 (sys/param.h) and MAXNAMLEN (255) in 13.0, which grows struct cdev.
      const c = find(result, "struct cdev", "member-retyped", "si_name");
      expect(c?.severity).toBe("abi");
      expect(c?.old).toMatchObject({ file: "sys/conf.h", text: "char [64]", size: 64 });
      expect(c?.new).toMatchObject({ file: "sys/conf.h", text: "char [256]", size: 256 });
      expect(find(result, "struct cdev", "size")?.severity).toBe("abi");
    });

    it("reports a member's narrower type (struct task ta_priority u_short → uint8_t)", () => {
      // sys/_task.h: 11.0:50 `u_short ta_priority`, 13.0:51 `uint8_t ta_priority`.
      const c = find(result, "struct task", "member-retyped", "ta_priority");
      expect(c).toMatchObject({
        severity: "abi",
        old: { text: "u_short", size: 2 },
        new: { text: "uint8_t", size: 1 },
      });
    });

    it("reports a rename at the same place and type (struct pmap pm_pml4 → pm_pmltop) and the member added after it", () => {
      // amd64/include/pmap.h: 11.0:314 `pml4_entry_t *pm_pml4`; 13.0:365 `*pm_pmltop`,
      // 13.0:366 `*pm_pmltopu` (new).
      const renamed = find(result, "struct pmap", "member-renamed", "pm_pmltop");
      expect(renamed).toMatchObject({
        severity: "api",
        old: { name: "pm_pml4" },
        new: { name: "pm_pmltop" },
      });
      expect(renamed!.old!.bitOffset).toBe(renamed!.new!.bitOffset);
      expect(find(result, "struct pmap", "member-added", "pm_pmltopu")?.severity).toBe(
        "compatible",
      );
    });

    it("reports a member added to struct ifnet (if_numa_domain)", () => {
      // net/if_var.h: 13.0:295 `uint8_t if_numa_domain`; absent from 11.0's struct ifnet.
      const c = find(result, "struct ifnet", "member-added", "if_numa_domain");
      expect(c).toMatchObject({
        severity: "compatible",
        new: { file: "net/if_var.h", text: "uint8_t", size: 1 },
      });
    });

    it("reports struct kevent growing with its ext[4] member", () => {
      // sys/event.h: 13.0:90 `__uint64_t ext[4]` (not in 11.0's struct kevent).
      expect(find(result, "struct kevent", "member-added", "ext")?.new?.text).toBe(
        "__uint64_t [4]",
      );
      expect(find(result, "struct kevent", "size")).toMatchObject({
        old: { size: 32 },
        new: { size: 64 },
      });
    });

    it("reports a function that lost a parameter (knlist_init)", () => {
      // sys/event.h: 11.0:267 knlist_init(knl, lock, kl_lock, kl_unlock, kl_assert_locked,
      // kl_assert_unlocked); 13.0:335 one kl_assert_lock(void *, int) instead of the last two.
      expect(find(result, "function knlist_init", "param-count", "params")).toMatchObject({
        severity: "abi",
        message: "6 → 5 parameters",
      });
      // The callback now takes a second argument: calls through it pass values differently.
      expect(find(result, "function knlist_init", "param-type", "param 5")?.severity).toBe("abi");
      expect(find(result, "function knlist_init", "param-type", "param 5")?.message).toContain(
        "void (*)(void *) → void (*)(void *, int)",
      );
    });

    it("reports the 64-bit inode number and the callback type it changes (ino_t)", () => {
      // sys/_types.h: 11.0:46 `typedef __uint32_t __ino_t`; 13.0:48 `typedef __uint64_t __ino_t`.
      expect(find(result, "typedef __ino_t", "type")).toMatchObject({
        severity: "abi",
        old: { file: "sys/_types.h", line: 46, text: "__uint32_t", size: 4 },
        new: { file: "sys/_types.h", line: 48, text: "__uint64_t", size: 8 },
      });
      // sys/mount.h: 11.0:615 and 13.0:761 `typedef int vfs_vget_t(struct mount *mp, ino_t ino, ...)`:
      // spelled the same, but the inode argument is now passed as 64 bits.
      const vget = find(result, "typedef vfs_vget_t", "type");
      expect(vget?.severity).toBe("abi");
      expect(vget?.message).toContain(
        "now means int (struct mount *, unsigned long, int, struct vnode **)",
      );
    });

    it("reports macro constants whose values changed (D_VERSION, ELAST)", () => {
      // sys/conf.h: 11.0:162 D_VERSION = D_VERSION_03 (0x17122009); 13.0:187 D_VERSION_04 (0x5c48c353).
      expect(find(result, "macro D_VERSION", "value")).toMatchObject({
        severity: "abi",
        old: { file: "sys/conf.h", line: 162, text: `${0x17122009} (int)` },
        new: { file: "sys/conf.h", line: 187, text: `${0x5c48c353} (int)` },
      });
      // sys/errno.h: 11.0:184 ELAST 96; 13.0:187 ELAST 97.
      expect(find(result, "macro ELAST", "value")).toMatchObject({
        old: { line: 184 },
        new: { line: 187 },
      });
    });

    it("reports records reached through a changed record, by value and by pointer", () => {
      // struct ifnet embeds `struct task if_linktask` (net/if_var.h 13.0:329), and struct
      // task changed: ABI by value. struct proc points to struct filedesc (p_fd).
      const byValue = result.changes.find(
        (c) =>
          c.kind === "affected" &&
          c.entity === "struct ifnet" &&
          c.via?.[0] === "if_linktask → struct task",
      );
      expect(byValue?.severity).toBe("abi");
      const byPointer = result.changes.find(
        (c) =>
          c.kind === "affected" &&
          c.entity === "struct proc" &&
          c.via?.[0] === "p_fd → struct filedesc",
      );
      expect(byPointer?.severity).toBe("api");
    });

    it("gives byte-identical snapshots and no changes for identical inputs", () => {
      const again = realSide("13.0");
      expect(snapshotToJson(again.snapshot)).toBe(snapshotToJson(now.snapshot));
      expect(diffSnapshots(now.snapshot, again.snapshot).changes).toEqual([]);
    });

    it("agrees with clang-19 on every reported layout change, on both sides", async () => {
      const check = await crossCheckWithClang(result, old, now);
      process.stdout.write(
        `11.0 → 13.0 layout changes: ${check.layoutChanges}, sides checked against clang: ${check.checked}, not in clang's dump: ${check.unreachable.length}\n`,
      );
      expect(check.mismatches).toEqual([]);
      // Members of arrays of anonymous records ("name[].x") are the only ones the dump does not list.
      expect(check.unreachable.filter((u) => !u.includes("[]."))).toEqual([]);
      expect(check.checked).toBeGreaterThan(500);
    });
  },
);

describeWith(
  [needClang(), needTree("13.0"), needFile(kpiWrapper, "kpi wrapper")],
  "diff amd64 → i386, 13.0 KPI wrapper, GENERIC module",
  () => {
    it("agrees with clang-19 on every reported layout change, for each target", async () => {
      const amd64 = realSide("13.0", "amd64");
      const i386 = realSide("13.0", "i386");
      const result = diffSnapshots(amd64.snapshot, i386.snapshot, { only: ["records"] });
      // struct lock_object: three pointers and two ints, 24 bytes on amd64, 16 on i386.
      expect(find(result, "struct lock_object", "size")).toMatchObject({
        old: { size: 24 },
        new: { size: 16 },
      });
      const check = await crossCheckWithClang(result, amd64, i386);
      process.stdout.write(
        `amd64 → i386 layout changes: ${check.layoutChanges}, sides checked against clang: ${check.checked}\n`,
      );
      expect(check.mismatches).toEqual([]);
      expect(check.unreachable.filter((u) => !u.includes("[]."))).toEqual([]);
      expect(check.checked).toBeGreaterThan(1000);
    });
  },
);
