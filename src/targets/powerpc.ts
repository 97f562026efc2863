// powerpc: 32-bit big-endian SVR4 ABI; long double is a plain double.
import { ILP32_SCALARS, ILP32_TYPES } from "./data-models.js";
import type { TargetDescription } from "./types.js";

export const powerpc: TargetDescription = {
  name: "powerpc",
  clangArch: "powerpc",
  tripleEnvironment: "",
  machine: "powerpc",
  machineArch: "powerpc",
  machineCpuArch: "powerpc",
  hasX86Headers: false,
  kernelCFlags: ["-mno-altivec", "-msoft-float"],
  rustTargetArch: "powerpc",
  rustTarget: "powerpc-unknown-freebsd",
  abi: {
    endian: "big",
    charIsSigned: false,
    scalars: ILP32_SCALARS,
    maxAlign: 16,
    bitfields: { useBitfieldTypeAlignment: true, useZeroLengthBitfieldAlignment: false },
    standardTypes: ILP32_TYPES,
    longDoubleFormat: "ieee-double",
    shortEnums: false,
    maxAtomicInlineWidth: 32,
    maxAtomicPromoteWidth: 32,
    // va_list is struct __va_list_tag[1]: two chars, a short and two pointers.
    vaList: { size: 12, align: 4 },
  },
  macros: {
    base: [
      { name: "_ARCH_PPC", value: "1" },
      { name: "_BIG_ENDIAN", value: "1" },
      { name: "__HAVE_BSWAP__", value: "1" },
      { name: "__NATURAL_ALIGNMENT__", value: "1" },
      { name: "__POWERPC__", value: "1" },
      { name: "__PPC__", value: "1" },
      { name: "__powerpc__", value: "1" },
      { name: "__ppc__", value: "1" },
    ],
    gnuOnly: [],
    hasFloat16: false,
    cacheLineSize: 32,
    bitIntMaxWidth: 128,
    hasRegisterPrefix: true,
    kernel: {
      remove: [],
      define: [],
      hasFloat16: false,
    },
  },
};
