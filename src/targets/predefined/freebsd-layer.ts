// What clang predefines for any FreeBSD triple, whatever the arch.
import type { FreeBSDRelease, MacroDefinition } from "../types.js";

export function freebsdMacros(release: FreeBSDRelease): MacroDefinition[] {
  return [
    { name: "__FreeBSD__", value: String(release.major) },
    // The minor release does not enter it: the low digits are a fixed 1.
    { name: "__FreeBSD_cc_version", value: String(release.major * 100000 + 1) },
    { name: "__KPRINTF_ATTRIBUTE__", value: "1" },
    { name: "__ELF__", value: "1" },
    { name: "__unix", value: "1" },
    { name: "__unix__", value: "1" },
    // FreeBSD's wchar_t holds locale-specific code values, not always Unicode.
    { name: "__STDC_MB_MIGHT_NEQ_WC__", value: "1" },
    // FreeBSD's math library does not set errno.
    { name: "__NO_MATH_ERRNO__", value: "1" },
  ];
}

/** Names outside the reserved namespace, which strict ISO modes leave undefined. */
export function freebsdGnuOnlyMacros(): MacroDefinition[] {
  return [{ name: "unix", value: "1" }];
}
