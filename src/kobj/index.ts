// Public API of the kobj stage: the headers (and sources) a kernel build generates from the
// tree's kobj interfaces (`*.m`) and vnode operation list (`kern/vnode_if.src`), as in-memory
// files, plus the parsed descriptions they come from.
import { readFileSync, existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fail } from "../diagnostics/index.js";
import {
  currentKobjDialect,
  currentVnodeDialect,
  kobjDialectOf,
  vnodeDialectOf,
  type KobjDialect,
  type VnodeDialect,
} from "./dialect.js";
import { emitInterfaceHeader, emitInterfaceSource, outputNames } from "./interface-emitter.js";
import {
  checkDistinctOutputs,
  listInterfaceFiles,
  type InterfaceSelection,
} from "./interface-files.js";
import { parseInterfaceFile, type ParsedInterface } from "./interface-parser.js";
import type { InterfaceFile, VnodeOpsFile } from "./model.js";
import { parseVnodeOps } from "./vnode-parser.js";
import { emitVnodeHeader, emitVnodeNewProto, emitVnodeTypedefs } from "./vnode-header-emitter.js";
import { emitVnodeSource } from "./vnode-source-emitter.js";

export type * from "./model.js";
export { kobjMethodSymbols } from "./model.js";
export type { KobjDialect, VnodeDialect } from "./dialect.js";
export { parseInterfaceFile } from "./interface-parser.js";
export {
  checkDistinctOutputs,
  listInterfaceFiles,
  listInterfaces,
  type InterfaceListing,
  type InterfaceSelection,
} from "./interface-files.js";
export { emitInterfaceHeader, emitInterfaceSource, outputNames } from "./interface-emitter.js";
export { parseVnodeOps } from "./vnode-parser.js";
export { emitVnodeSource } from "./vnode-source-emitter.js";

export interface GeneratorOptions {
  /**
   * How the build names the tree on the generator's command line; the kobj outputs embed
   * `<sourceRoot>/<file>`. A kernel build directory uses `../../..`; the default is `sys` as
   * given, as a module build with an absolute SYSDIR does.
   */
  sourceRoot?: string;
}

export interface KobjOptions extends GeneratorOptions, InterfaceSelection {
  /** Override the conventions otherwise read from the tree's tools/makeobjops.awk. */
  dialect?: KobjDialect;
}

export interface VnodeOptions {
  /** Override the conventions otherwise read from the tree's tools/vnode_if.awk. */
  dialect?: VnodeDialect;
}

export const vnodeOpsSource = "kern/vnode_if.src";

/** Parses one interface file of the tree (path relative to `sys`, or absolute). */
export function readInterfaceFile(
  sys: string,
  file: string,
  options: KobjOptions = {},
): ParsedInterface {
  const dialect = options.dialect ?? kobjDialectFor(sys);
  const onDisk = isAbsolute(file) ? file : join(sys, file);
  const embedded = isAbsolute(file) ? file : `${options.sourceRoot ?? sys}/${file}`;
  return parseInterfaceFile(readInput(onDisk), embedded, dialect, onDisk);
}

/** `<name>_if.h` for each interface file (default: listInterfaceFiles for options.machine). */
export function generateKobjHeaders(
  sys: string,
  files?: string[],
  options: KobjOptions = {},
): Map<string, string> {
  return generateFromInterfaces(sys, files, options, "header", emitInterfaceHeader);
}

/**
 * The same names as generateKobjHeaders, each with a function that generates its header when
 * called: a build serves every interface, while a translation unit includes a few.
 */
export function kobjHeaderGenerators(
  sys: string,
  options: KobjOptions = {},
): Map<string, () => string> {
  let dialect = options.dialect;
  const out = new Map<string, () => string>();
  for (const file of listInterfaceFiles(sys, options)) {
    out.set(outputNames(file).header, () => {
      dialect ??= kobjDialectFor(sys);
      return emitInterfaceHeader(
        readInterfaceFile(sys, file, { ...options, dialect }).file,
        dialect,
      );
    });
  }
  return out;
}

/** `<name>_if.c` for each interface file. */
export function generateKobjSources(
  sys: string,
  files?: string[],
  options: KobjOptions = {},
): Map<string, string> {
  return generateFromInterfaces(sys, files, options, "source", emitInterfaceSource);
}

/** One generated file per selected interface file, named and emitted by `kind`. */
function generateFromInterfaces(
  sys: string,
  files: string[] | undefined,
  options: KobjOptions,
  kind: "header" | "source",
  emit: (file: InterfaceFile, dialect: KobjDialect) => string,
): Map<string, string> {
  const dialect = options.dialect ?? kobjDialectFor(sys);
  const out = new Map<string, string>();
  for (const file of selectedFiles(sys, files, options)) {
    const parsed = readInterfaceFile(sys, file, { ...options, dialect });
    out.set(outputNames(parsed.file.path)[kind], emit(parsed.file, dialect));
  }
  return out;
}

/** The parsed `kern/vnode_if.src` of the tree. */
export function readVnodeOps(sys: string, options: VnodeOptions = {}): VnodeOpsFile {
  const dialect = options.dialect ?? vnodeDialectFor(sys);
  const path = join(sys, vnodeOpsSource);
  return parseVnodeOps(readInput(path), path, dialect);
}

/** vnode_if.h, vnode_if_newproto.h and vnode_if_typedef.h. */
export function generateVnodeHeaders(sys: string, options: VnodeOptions = {}): Map<string, string> {
  const dialect = options.dialect ?? vnodeDialectFor(sys);
  return emitVnodeHeaders(readVnodeOps(sys, { dialect }), dialect);
}

/** vnode_if.c. */
export function generateVnodeSource(sys: string, options: VnodeOptions = {}): Map<string, string> {
  const dialect = options.dialect ?? vnodeDialectFor(sys);
  return new Map([["vnode_if.c", emitVnodeSource(readVnodeOps(sys, { dialect }), dialect)]]);
}

/** The headers made from kern/vnode_if.src. */
export const vnodeHeaderNames = ["vnode_if.h", "vnode_if_newproto.h", "vnode_if_typedef.h"];

/** The three vnode headers for an already parsed operation list. */
export function emitVnodeHeaders(ops: VnodeOpsFile, dialect: VnodeDialect): Map<string, string> {
  const [header, newProto, typedefs] = vnodeHeaderNames as [string, string, string];
  return new Map([
    [header, emitVnodeHeader(ops, dialect)],
    [newProto, emitVnodeNewProto(ops, dialect)],
    [typedefs, emitVnodeTypedefs(ops, dialect)],
  ]);
}

/** `<name>_if.h` and `<name>_if.c` for an already parsed interface file. */
export function emitInterfaceFiles(file: InterfaceFile, dialect: KobjDialect): Map<string, string> {
  const names = outputNames(file.path);
  return new Map([
    [names.header, emitInterfaceHeader(file, dialect)],
    [names.source, emitInterfaceSource(file, dialect)],
  ]);
}

/** The tree's makeobjops.awk conventions; the newest known ones when the tree lacks the script. */
export function kobjDialectFor(sys: string): KobjDialect {
  const script = join(sys, "tools", "makeobjops.awk");
  return existsSync(script) ? kobjDialectOf(readFileSync(script, "utf8")) : currentKobjDialect;
}

export function vnodeDialectFor(sys: string): VnodeDialect {
  const script = join(sys, "tools", "vnode_if.awk");
  return existsSync(script) ? vnodeDialectOf(readFileSync(script, "utf8")) : currentVnodeDialect;
}

function readInput(path: string): string {
  if (!existsSync(path)) fail(`no such file: ${path}`);
  return readFileSync(path, "utf8");
}

function selectedFiles(sys: string, files: string[] | undefined, options: KobjOptions): string[] {
  if (files === undefined) return listInterfaceFiles(sys, options);
  checkDistinctOutputs(files);
  return files;
}
