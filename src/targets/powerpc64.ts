// powerpc64: big-endian ELFv2 (FreeBSD 13 and later); long double is a plain double.
import { LP64_SCALARS, LP64_TYPES } from "./data-models.js";
import type { TargetDescription } from "./types.js";

export const powerpc64: TargetDescription = {
  name: "powerpc64",
  clangArch: "powerpc64",
  tripleEnvironment: "",
  machine: "powerpc",
  machineArch: "powerpc64",
  machineCpuArch: "powerpc",
  hasX86Headers: false,
  kernelCFlags: ["-mno-altivec", "-msoft-float", "-mabi=elfv2"],
  rustTargetArch: "powerpc64",
  rustTarget: "powerpc64-unknown-freebsd",
  abi: {
    endian: "big",
    charIsSigned: false,
    scalars: {
      ...LP64_SCALARS,
      "long double": { size: 8, align: 8 },
    },
    maxAlign: 16,
    bitfields: { useBitfieldTypeAlignment: true, useZeroLengthBitfieldAlignment: false },
    standardTypes: LP64_TYPES,
    longDoubleFormat: "ieee-double",
    shortEnums: false,
    maxAtomicInlineWidth: 64,
    maxAtomicPromoteWidth: 128,
    // va_list is char *.
    vaList: { size: 8, align: 8 },
  },
  macros: {
    base: [
      { name: "_ARCH_PPC", value: "1" },
      { name: "_ARCH_PPC64", value: "1" },
      { name: "_BIG_ENDIAN", value: "1" },
      { name: "_CALL_ELF", value: "2" },
      { name: "__ALTIVEC__", value: "1" },
      { name: "__HAVE_BSWAP__", value: "1" },
      { name: "__NATURAL_ALIGNMENT__", value: "1" },
      { name: "__POWERPC__", value: "1" },
      { name: "__PPC64__", value: "1" },
      { name: "__PPC__", value: "1" },
      { name: "__STRUCT_PARM_ALIGN__", value: "16" },
      { name: "__VEC__", value: "10206" },
      { name: "__powerpc64__", value: "1" },
      { name: "__powerpc__", value: "1" },
      { name: "__ppc__", value: "1" },
    ],
    gnuOnly: [],
    hasFloat16: false,
    cacheLineSize: 128,
    bitIntMaxWidth: 128,
    hasRegisterPrefix: true,
    // Before FreeBSD 13, big-endian powerpc64 used the ELFv1 ABI.
    olderReleases: [
      {
        beforeMajor: 13,
        remove: ["__STRUCT_PARM_ALIGN__"],
        define: [{ name: "_CALL_ELF", value: "1" }],
      },
    ],
    kernel: {
      remove: ["__ALTIVEC__", "__VEC__"],
      // -mabi=elfv2, whatever the release's default.
      define: [
        { name: "_CALL_ELF", value: "2" },
        { name: "__STRUCT_PARM_ALIGN__", value: "16" },
      ],
      hasFloat16: false,
    },
  },
};
