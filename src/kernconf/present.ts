// Renders a configuration for people (aligned tables) and for programs (deterministic JSON).
// Pure: the same configuration always gives the same text.
import type { SourceLocation } from "../diagnostics/index.js";
import { formatLocation } from "../diagnostics/index.js";
import type { CollectedKernelConfig, OptionSetting, ResolvedKernelConfig } from "../ir/kernconf.js";
import { displayPath } from "./paths.js";

export interface OptionRow {
  name: string;
  value: string;
  header: string | null;
  where: string | null;
  origin: string;
}

/**
 * The options in effect, sorted by name. With the tables these are the resolved options;
 * without, each name's value is the one config(8) would pick (the last setting in its list).
 */
export function optionRows(
  collected: CollectedKernelConfig,
  resolved?: ResolvedKernelConfig,
): OptionRow[] {
  if (resolved) {
    return resolved.options.map((o) => ({
      name: o.name,
      value: o.value,
      header: o.header,
      where: o.where ? formatLocation(o.where) : null,
      origin: o.renamedFrom ? `${o.origin} (as ${o.renamedFrom})` : o.origin,
    }));
  }
  const last = new Map<string, OptionSetting>();
  for (const o of collected.options) last.set(o.name, o);
  return [...last.values()]
    .map((o) => ({
      name: o.name,
      value: o.value ?? "1",
      header: null,
      where: formatLocation(o.where),
      origin: o.origin,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const where = (loc: SourceLocation) => formatLocation(loc);

export function configToJson(
  collected: CollectedKernelConfig,
  resolved?: ResolvedKernelConfig,
): string {
  const doc = {
    kernconf: collected.kernconf,
    sysDir: collected.sysDir,
    confDir: collected.confDir,
    machine: collected.machine,
    machineArch: collected.machineArch,
    ident: collected.ident,
    cpus: collected.cpus.map((c) => ({ name: c.name, where: where(c.where) })),
    maxusers: resolved ? resolved.maxusers : collected.maxusers,
    profile: collected.profile,
    options: optionRows(collected, resolved),
    devices: collected.devices.map((d) => ({ name: d.name, where: where(d.where) })),
    makeoptions: collected.makeoptions.map((m) => ({
      name: m.name,
      value: m.value,
      where: where(m.where),
    })),
    hints: collected.hints.map((h) => ({ file: h.name, where: where(h.where) })),
    environment: collected.environment.map((e) => ({
      kind: e.kind,
      text: e.text,
      where: where(e.where),
    })),
    files: collected.files.map((f) => ({ file: f.name, where: where(f.where) })),
    sourceFiles: collected.sourceFiles.map((f) => displayPath(collected.sysDir, f)),
    optionTables: resolved
      ? resolved.optionTableFiles.map((f) => displayPath(collected.sysDir, f))
      : null,
    headers: resolved ? resolved.headers : null,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

function table(rows: string[][], indent = "  "): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col])))
        .join("  ")
        .trimEnd(),
  );
}

export function configToText(
  collected: CollectedKernelConfig,
  resolved?: ResolvedKernelConfig,
): string {
  const out: string[] = [];
  const show = (p: string) => displayPath(collected.sysDir, p);
  const maxusers = resolved ? resolved.maxusers : collected.maxusers;
  out.push(
    ...table(
      [
        ["configuration", show(collected.kernconf), `(tree ${collected.sysDir})`],
        [
          "machine",
          `${collected.machine} (MACHINE_ARCH ${collected.machineArch})`,
          where(collected.machineWhere),
        ],
        ["ident", collected.ident, where(collected.identWhere)],
        ...collected.cpus.map((c) => ["cpu", c.name, where(c.where)]),
        ["maxusers", maxusers === 0 ? "0 (sized at boot)" : String(maxusers), ""],
        [
          "option tables",
          resolved ? resolved.optionTableFiles.map(show).join(", ") : "(not read)",
          "",
        ],
      ],
      "",
    ),
  );
  const rows = optionRows(collected, resolved);
  out.push("", `options (${rows.length})`);
  out.push(
    ...table([
      ["NAME", "VALUE", "HEADER", "SET AT"],
      ...rows.map((r) => [r.name, r.value, r.header ?? "?", r.where ?? `(${r.origin})`]),
    ]),
  );
  out.push("", `devices (${collected.devices.length})`);
  if (collected.devices.length)
    out.push(
      ...table([["NAME", "SET AT"], ...collected.devices.map((d) => [d.name, where(d.where)])]),
    );
  out.push("", `makeoptions (${collected.makeoptions.length})`);
  if (collected.makeoptions.length) {
    out.push(
      ...table([
        ["NAME", "VALUE", "SET AT"],
        ...collected.makeoptions.map((m) => [m.name, m.value, where(m.where)]),
      ]),
    );
  }
  const extras: string[][] = [
    ...collected.hints.map((h) => ["hints", h.name, where(h.where)]),
    ...collected.environment.map((e) => [
      e.kind === "file" ? "env" : "envvar",
      e.text,
      where(e.where),
    ]),
    ...collected.files.map((f) => ["files", f.name, where(f.where)]),
  ];
  if (extras.length) out.push("", "other", ...table(extras));
  if (resolved) {
    const names = Object.keys(resolved.headers);
    const nonEmpty = names.filter((n) => resolved.headers[n] !== "").length;
    out.push("", `option headers: ${names.length} (${nonEmpty} with definitions)`);
  }
  return out.join("\n") + "\n";
}
