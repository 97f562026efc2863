// The bitfield rule flags of each target, proven: small probe structs are laid out by a
// reference calculation that consults only the flags and scalar layouts, and must match the
// record layouts clang-19 dumps for every triple.
import { beforeAll, expect, it } from "vitest";
import { clangTriple, getTarget, targetNames, type TargetName } from "../../src/targets/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { runClang, type ClangResult } from "./support/clang.js";
import {
  parseRecordLayouts,
  probeSource,
  referenceLayout,
  type ProbeStruct,
  type RecordLayout,
} from "./support/bitfield-reference.js";

const probes: ProbeStruct[] = [
  {
    name: "char_then_int3",
    fields: [
      { type: "char", name: "a" },
      { type: "int", name: "b", width: 3 },
    ],
  },
  {
    name: "int_straddles",
    fields: [
      { type: "char", name: "a" },
      { type: "int", name: "b", width: 30 },
    ],
  },
  {
    name: "short_straddles",
    fields: [
      { type: "char", name: "a" },
      { type: "short", name: "b", width: 9 },
    ],
  },
  {
    name: "unnamed_zero_int",
    fields: [
      { type: "char", name: "a" },
      { type: "int", width: 0 },
      { type: "char", name: "b" },
    ],
  },
  {
    name: "zero_after_named_bitfield",
    fields: [
      { type: "char", name: "a", width: 3 },
      { type: "int", width: 0 },
      { type: "char", name: "b", width: 4 },
    ],
  },
  {
    name: "zero_char",
    fields: [
      { type: "char", name: "a" },
      { type: "char", width: 0 },
      { type: "char", name: "b" },
    ],
  },
  {
    name: "zero_long_long",
    fields: [
      { type: "char", name: "a" },
      { type: "long long", width: 0 },
      { type: "char", name: "b" },
    ],
  },
  {
    name: "zero_first",
    fields: [
      { type: "int", width: 0 },
      { type: "char", name: "a" },
    ],
  },
  {
    name: "zero_short_then_int4",
    fields: [
      { type: "char", name: "a" },
      { type: "short", width: 0 },
      { type: "int", name: "b", width: 4 },
    ],
  },
  {
    name: "unnamed_int5",
    fields: [
      { type: "char", name: "a" },
      { type: "int", width: 5 },
      { type: "char", name: "b" },
    ],
  },
  {
    name: "long_long_40",
    fields: [
      { type: "char", name: "a" },
      { type: "long long", name: "b", width: 40 },
      { type: "char", name: "c" },
    ],
  },
  {
    name: "long_long_3",
    fields: [
      { type: "char", name: "a" },
      { type: "long long", name: "b", width: 3 },
    ],
  },
  {
    name: "long_long_straddles",
    fields: [
      { type: "int", name: "a", width: 30 },
      { type: "long long", name: "b", width: 40 },
    ],
  },
  {
    name: "long_33",
    fields: [
      { type: "char", name: "a" },
      { type: "long", name: "b", width: 31 },
      { type: "long", name: "c", width: 2 },
    ],
  },
  {
    name: "bool_and_enum",
    fields: [
      { type: "char", name: "a" },
      { type: "_Bool", name: "b", width: 1 },
      { type: "enum", name: "e", width: 2 },
    ],
  },
  {
    name: "packed_char_int3",
    packed: true,
    fields: [
      { type: "char", name: "a" },
      { type: "int", name: "b", width: 3 },
      { type: "int", name: "c", width: 30 },
    ],
  },
  {
    name: "packed_long_long_40",
    packed: true,
    fields: [
      { type: "char", name: "a" },
      { type: "long long", name: "b", width: 40 },
      { type: "char", name: "c" },
    ],
  },
  {
    name: "packed_zero_int",
    packed: true,
    fields: [
      { type: "char", name: "a" },
      { type: "int", width: 0 },
      { type: "char", name: "b" },
    ],
  },
  {
    name: "packed_unnamed_int5",
    packed: true,
    fields: [
      { type: "char", name: "a" },
      { type: "int", width: 5 },
      { type: "char", name: "b" },
    ],
  },
  {
    name: "packed_bool_enum",
    packed: true,
    fields: [
      { type: "char", name: "a" },
      { type: "_Bool", name: "b", width: 1 },
      { type: "enum", name: "e", width: 2 },
    ],
  },
];

const source = ["enum probe_enum { PROBE_ENUM_ZERO };", ...probes.map(probeSource)].join("\n");

describeWith([needClang()], "bitfield rules agree with clang-19 record layouts", () => {
  const dumps = new Map<TargetName, ClangResult>();

  beforeAll(async () => {
    await Promise.all(
      targetNames.map(async (name) => {
        const triple = clangTriple(getTarget(name), { major: 13, minor: 0 });
        const args = [
          `--target=${triple}`,
          "-ffreestanding",
          "-fsyntax-only",
          "-Xclang",
          "-fdump-record-layouts",
          "-x",
          "c",
          "-",
        ];
        dumps.set(name, await runClang(args, source));
      }),
    );
  });

  it.each(targetNames.map((n) => [n]))(
    "%s: every probe's size, alignment and field offsets",
    (name) => {
      const result = dumps.get(name)!;
      expect(result.stderr).toBe("");
      const clang = parseRecordLayouts(result.stdout);
      const abi = getTarget(name).abi;
      const mismatches: string[] = [];
      for (const probe of probes) {
        const theirs: RecordLayout | undefined = clang.get(probe.name);
        const ours = referenceLayout(abi, probe);
        if (!theirs) mismatches.push(`${probe.name}: not in clang's dump`);
        else if (JSON.stringify(theirs) !== JSON.stringify(ours))
          mismatches.push(
            `${probe.name}: clang ${JSON.stringify(theirs)}, flags predict ${JSON.stringify(ours)}`,
          );
      }
      expect(mismatches).toEqual([]);
    },
  );

  it("a named zero-width bitfield is an error, so the rules never meet one", async () => {
    // The probes above cover zero-width bitfields after named bitfields instead.
    const r = await runClang(
      ["--target=x86_64-unknown-freebsd13.0", "-ffreestanding", "-fsyntax-only", "-x", "c", "-"],
      "struct named_zero { char a; int z : 0; };\n",
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/named bit-field 'z' has zero width/);
  });

  it("the probes tell the targets' zero-width bitfield rules apart", () => {
    // If no probe's layout depended on the flags, the test above would prove nothing.
    const zeroProbe = probes.find((p) => p.name === "unnamed_zero_int")!;
    const layouts = new Set(
      targetNames.map((n) => JSON.stringify(referenceLayout(getTarget(n).abi, zeroProbe))),
    );
    expect(layouts.size).toBeGreaterThan(1);
  });
});
