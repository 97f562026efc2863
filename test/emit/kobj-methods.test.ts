// kobj method types come out as plain function types, so a driver method with the wrong
// signature is a compile error, and a right one goes into a method table with its
// descriptor static.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { DEFAULT_WRAPPER } from "../../src/emit/rust/index.js";
import type { GenerateResult } from "../../src/generate/index.js";
import { describeWith, needCommand, needTree } from "../support/environment.js";
import { cargo, generateFor, useScratch, writeCrate } from "./support/crate.js";

const driver = (probeParams: string) => `#![no_std]
use core::ffi::c_int;
use freebsd_kpi as kpi;

unsafe extern "C" fn probe(${probeParams}) -> c_int {
    0
}

pub fn methods() -> [kpi::kobj_method_t; 2] {
    let typed: kpi::device_probe_t = probe;
    [
        kpi::kobj_method_t {
            desc: core::ptr::addr_of_mut!(kpi::device_probe_desc),
            func: Some(unsafe {
                core::mem::transmute::<kpi::device_probe_t, unsafe extern "C" fn() -> c_int>(typed)
            }),
        },
        kpi::kobj_method_t { desc: core::ptr::null_mut(), func: None },
    ]
}
`;

describeWith(
  [needCommand("cargo", "install Rust (rustup) with cargo"), needTree("13.0")],
  "kobj interfaces in the crate (13.0, built-in wrapper)",
  () => {
    const scratch = useScratch("kobj");
    let generated: GenerateResult;
    beforeAll(async () => {
      generated = await generateFor({ release: "13.0", wrapper: DEFAULT_WRAPPER });
    });

    const build = (name: string, params: string) => {
      const dir = join(scratch(), name);
      writeCrate(generated.files, join(dir, "freebsd-kpi"));
      mkdirSync(join(dir, "src"), { recursive: true });
      writeFileSync(
        join(dir, "Cargo.toml"),
        `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfreebsd-kpi = { path = "freebsd-kpi" }\n`,
      );
      writeFileSync(join(dir, "src/lib.rs"), driver(params));
      return cargo(["build"], dir);
    };

    it("spells method types as plain function types and declares their descriptors", () => {
      const rust = generated.files.get("src/amd64.rs") ?? "";
      expect(rust).toContain(
        'pub type device_probe_t = unsafe extern "C" fn(dev: device_t) -> ::core::ffi::c_int;',
      );
      expect(rust).toMatch(/pub static mut device_probe_desc: kobjop_desc;/);
      expect(rust).toMatch(/pub static mut bus_alloc_resource_desc: kobjop_desc;/);
      expect(generated.counts.amd64.kobjMethods).toBeGreaterThan(40);
    });

    it("accepts a method with the interface's signature", () => {
      const ok = build("driver_ok", "_dev: kpi::device_t");
      expect(ok.status, ok.stderr).toBe(0);
    }, 600_000);

    it("rejects a method with another signature", () => {
      const bad = build("driver_bad", "_unit: c_int");
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/mismatched types/);
    }, 600_000);
  },
);
