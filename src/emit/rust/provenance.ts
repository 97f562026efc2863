// The lines of the generated header comment that say what the bindings were made from.
import type { ParsedFrontEnd } from "../../pipeline/index.js";

export function provenanceLines(result: ParsedFrontEnd, kernconf: string | undefined): string[] {
  const constants = result.unit.macros.constants;
  let version: (typeof constants)[number] | undefined;
  for (let i = 0; i < constants.length && version === undefined; i++) {
    if (constants[i]!.name === "__FreeBSD_version") version = constants[i];
  }
  const options: string[] = [];
  for (const [file, text] of [
    ...(result.kernelOptions?.headers ?? new Map<string, string>()),
  ].sort()) {
    for (const m of text.matchAll(/^#define\s+(\w+)(?:\s+(.*))?$/gm)) {
      options.push(`${m[1]}${m[2] ? `=${m[2].trim()}` : ""} (${file})`);
    }
  }
  return [
    `tree: ${result.spec.sysDir}`,
    `__FreeBSD_version: ${version ? version.value : "unknown"}`,
    `config: ${kernconf ?? "none"}`,
    `arch: ${result.spec.target.name} (${result.spec.target.rustTarget})`,
    `mode: ${result.spec.mode}`,
    `options: ${options.length ? options.join(", ") : "none (empty option headers)"}`,
  ];
}
