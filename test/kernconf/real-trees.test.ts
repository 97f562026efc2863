// The real FreeBSD trees: every GENERIC and MINIMAL must collect, and agree with a plain
// line-by-line reading of the same files (they use no continuations or includes).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  collectKernelConfig,
  loadKernelConfig,
  locateKernelConfig,
  parseConfigFile,
} from "../../src/kernconf/index.js";
import {
  describeWith,
  freebsdVersions,
  needFile,
  needTree,
  sysTree,
} from "../support/environment.js";

const archs = ["amd64", "i386", "arm64"] as const;
const configNames = ["GENERIC", "MINIMAL"] as const;

interface PlainReading {
  machine?: string;
  machineArch?: string;
  ident?: string;
  cpus: string[];
  options: Map<string, string>;
  devices: string[];
  makeoptions: Map<string, string>;
}

/** A deliberately simple reader: one statement per line, `#` starts a comment. */
function readPlainly(files: string[]): PlainReading {
  const r: PlainReading = { cpus: [], options: new Map(), devices: [], makeoptions: new Map() };
  for (const file of files) {
    for (const raw of readFileSync(file, "utf8").split("\n")) {
      const line = raw.replace(/#.*/, "").trim();
      if (!line) continue;
      const [keyword, ...rest] = line.split(/\s+/);
      const words = rest.join(" ").split(/\s*,\s*/);
      switch (keyword) {
        case "machine":
          [r.machine, r.machineArch] = [rest[0], rest[1] ?? rest[0]];
          break;
        case "ident":
          r.ident = rest[0];
          break;
        case "cpu":
          r.cpus.push(rest[0]);
          break;
        case "options":
          for (const w of words) {
            const [name, value] = w.split("=");
            r.options.set(name, value ?? "1");
          }
          break;
        case "nooptions":
          for (const w of words) r.options.delete(w);
          break;
        case "device":
        case "devices":
          for (const w of words) if (!r.devices.includes(w)) r.devices.push(w);
          break;
        case "nodevice":
          for (const w of words) r.devices = r.devices.filter((d) => d !== w);
          break;
        case "makeoptions": {
          const eq = rest.join(" ").indexOf("=");
          const all = rest.join(" ");
          r.makeoptions.set(all.slice(0, eq), all.slice(eq + 1).replace(/^"(.*)"$/, "$1"));
          break;
        }
        default:
          throw new Error(`${file}: plain reader does not know '${keyword}'`);
      }
    }
  }
  return r;
}

describe("real kernel trees hold the configurations the tests expect", () => {
  for (const release of freebsdVersions) {
    it(`${release} has GENERIC for amd64, i386 and arm64`, () => {
      if (!existsSync(sysTree(release))) return;
      for (const arch of archs)
        expect(existsSync(join(sysTree(release), arch, "conf", "GENERIC"))).toBe(true);
    });
  }
});

for (const release of freebsdVersions) {
  describeWith([needTree(release)], `kernel configurations of FreeBSD ${release}`, () => {
    const sys = sysTree(release);
    for (const arch of archs) {
      for (const name of configNames) {
        const path = join(sys, arch, "conf", name);
        if (name !== "GENERIC" && !existsSync(path)) continue;
        it(`collects ${arch}/${name}`, () => {
          const located = locateKernelConfig(sys, name, arch);
          const { config, diagnostics } = collectKernelConfig(located);
          expect(diagnostics).toEqual([]);
          const plain = readPlainly([join(sys, arch, "conf", "DEFAULTS"), path]);

          expect(config.machine).toBe(arch);
          expect(config.machine).toBe(plain.machine);
          expect(config.machineArch).toBe(plain.machineArch);
          expect(config.ident).toBe(name);
          expect(config.cpus.map((c) => c.name)).toEqual(plain.cpus);
          expect(config.devices.map((d) => d.name)).toEqual(plain.devices);

          const effective = new Map<string, string>();
          for (const o of [...config.options].sort((a, b) => a.sequence - b.sequence)) {
            if (o.origin === "options") effective.set(o.name, o.value ?? "1");
          }
          expect(Object.fromEntries([...effective].sort())).toEqual(
            Object.fromEntries([...plain.options].sort()),
          );
          const devOptions = config.options
            .filter((o) => o.origin === "device")
            .map((o) => o.name)
            .sort();
          expect(devOptions).toEqual(plain.devices.map((d) => `DEV_${d.toUpperCase()}`).sort());
          expect(Object.fromEntries(config.makeoptions.map((m) => [m.name, m.value]))).toEqual(
            Object.fromEntries(plain.makeoptions),
          );
          expect(config.sourceFiles).toEqual([join(sys, arch, "conf", "DEFAULTS"), path]);
        });
      }
    }
  });

  if (release === "13.0") {
    describeWith([needTree(release)], `NOTES files of FreeBSD ${release}`, () => {
      for (const arch of [...archs, "x86"]) {
        const path = join(sysTree(release), arch, "conf", "NOTES");
        if (!existsSync(path)) continue;
        it(`parses ${arch}/conf/NOTES, one statement per keyword line`, () => {
          const text = readFileSync(path, "utf8");
          const statements = parseConfigFile(text, path);
          const keywordOf: Record<string, string> = { devices: "device", nodevices: "nodevice" };
          const plain = new Map<string, number>();
          for (const line of text.split("\n")) {
            const m = /^([a-z]+)\s/.exec(line);
            if (m)
              plain.set(keywordOf[m[1]] ?? m[1], (plain.get(keywordOf[m[1]] ?? m[1]) ?? 0) + 1);
          }
          const parsed = new Map<string, number>();
          for (const st of statements) parsed.set(st.kind, (parsed.get(st.kind) ?? 0) + 1);
          expect(Object.fromEntries([...parsed].sort())).toEqual(
            Object.fromEntries([...plain].sort()),
          );
        });
      }
    });
  }

  const sys = sysTree(release);
  describeWith(
    [
      needTree(release),
      needFile(join(sys, "conf", "options"), `${release}/sys/conf/options`, true),
    ],
    `opt headers of FreeBSD ${release} GENERIC`,
    () => {
      for (const arch of archs) {
        it(`resolves ${arch}/GENERIC against the tree's option tables`, () => {
          const { resolved } = loadKernelConfig({ sysDir: sys, kernconf: "GENERIC", arch });
          // Every header the tables name exists, and the settings the configuration makes appear in them.
          expect(resolved.headers["opt_maxusers.h"]).toBe("#define MAXUSERS 0\n");
          for (const option of resolved.options) {
            expect(resolved.headers[option.header]).toContain(`#define ${option.name} `);
          }
          expect(resolved.options.find((o) => o.name === "SCSI_DELAY")?.value).toBe("5000");
        });
      }
    },
  );
}
