// The bindings of one target as Rust text: constants, types, functions and statics of the
// translation unit, plus the C wrappers that give `static inline` functions a symbol.
import type {
  CType,
  EnumDecl,
  FunctionType,
  MacroConstant,
  RecordDecl,
  TranslationUnit,
} from "../../ir/index.js";
import type { LayoutEngine, RecordLayout } from "../../layout/index.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import type { RustChunk } from "./chunks.js";
import { emitConstants } from "./constants.js";
import { rustIdent } from "./keywords.js";
import { assignTypeNames } from "./naming.js";
import { emitRecord } from "./record-emitter.js";
import { planRecord, type Metrics } from "./record-members.js";
import { rustMetrics } from "./rust-metrics.js";
import { recordTraits } from "./record-traits.js";
import { typeSpeller, VA_LIST, type TypeSpeller } from "./rust-types.js";
import { vaListItems } from "./va-list.js";
import { LineShaper } from "./shaped-lines.js";
import type { Selection } from "./selection.js";
import { selectItems, type ItemPatterns } from "./selection.js";
import { staticInlineWrappers, wrappable, type WrappedFunction } from "./static-inline.js";

export interface ArchModule {
  /** The module's items in order (the caller adds the header and imports). */
  chunks: RustChunk[];
  /** C source defining `<name>__extern` for every wrapped static inline function. */
  wrappersC: string;
  /** Records that could not be laid out and were emitted as incomplete types. */
  unlaidOut: string[];
  /** Why those records could not be laid out. */
  layoutDiagnostics: Diagnostic[];
  counts: Record<string, number>;
}

export function emitArchModule(
  unit: TranslationUnit,
  layouts: LayoutEngine,
  patterns: ItemPatterns,
  wrapperInclude: string,
  kobjMethodTypes: Set<string> = new Set(),
): ArchModule {
  const declared = emitArchDeclarations(unit, layouts, patterns, wrapperInclude, kobjMethodTypes);
  return declared.finish(unit.macros.constants);
}

/**
 * A module with every item but the macro constants: those need the macro table, which may
 * come later than the declarations, and they take whatever names the items left free.
 */
export interface DeclaredModule {
  /** Adds the constants, first in the module, and gives the whole. */
  finish(constants: readonly MacroConstant[]): ArchModule;
}

/** The items of the unit's declarations (see DeclaredModule). */
export function emitArchDeclarations(
  unit: TranslationUnit,
  layouts: LayoutEngine,
  patterns: ItemPatterns,
  wrapperInclude: string,
  kobjMethodTypes: Set<string> = new Set(),
): DeclaredModule {
  const names = assignTypeNames(unit);
  const selection = selectItems(unit, names, patterns);
  const measure = (t: CType) => layouts.measure(t);
  const vaListMetrics = measure({ kind: "builtin", name: "__builtin_va_list" });
  const vaList = vaListItems(layouts.target.name, vaListMetrics.size, vaListMetrics.align);
  const types = typeSpeller(
    names,
    measure,
    (t) => layouts.resolve(t),
    vaList.parameter,
    kobjMethodTypes,
  );
  // Names taken in Rust's type and value namespaces: the first item of a name wins.
  const typeNamespace = new Set<string>();
  const valueNamespace = new Set<string>();

  // Every line is written in rustfmt's shape; an item with a line the rules cannot shape is
  // marked for rustfmt.
  const shaper = new LineShaper();
  const chunk = (text: string): RustChunk => (shaper.reset() ? { text, format: true } : { text });
  const member = (text: string): RustChunk =>
    shaper.reset() ? { text, extern: true, format: true } : { text, extern: true };
  const out: RustChunk[] = [];
  const assertions: RustChunk[] = [];
  const tests = { texts: [] as string[], unshaped: false };
  const unlaidOut: string[] = [];
  const counts: Record<string, number> = {
    records: 0,
    asserted: 0,
    placeholders: 0,
    enums: 0,
    typedefs: 0,
    functions: 0,
    statics: 0,
    constants: 0,
    wrappers: 0,
    kobjMethods: 0,
  };

  const { layouts: laidOut, diagnostics: layoutDiagnostics } = layouts.layoutAll();
  const layoutById = new Map<string, RecordLayout>(laidOut.map((l) => [l.id, l]));
  const traits = recordTraits(unit, layouts, layoutById);
  const rustMeasure = rustMetrics(layouts, new Map(unit.typedefs.map((t) => [t.name, t])));

  const records = unit.records;
  for (let i = 0; i < records.length; i++) {
    const decl = records[i]!;
    const name = names.ofTag(decl.id);
    if (!selection.type(name, `tag:${decl.id}`) || typeNamespace.has(name)) continue;
    typeNamespace.add(name);
    counts.records++;
    const before = assertions.length;
    out.push(
      recordItem(
        decl,
        name,
        layoutById.get(decl.id),
        selection,
        traits,
        types,
        layouts,
        rustMeasure,
        assertions,
        unlaidOut,
        tests,
        shaper,
      ),
    );
    counts[assertions.length > before ? "asserted" : "placeholders"]++;
  }
  for (const decl of unit.enums) {
    const name = names.ofTag(decl.id);
    if (!selection.type(name, `tag:${decl.id}`) || typeNamespace.has(name)) continue;
    typeNamespace.add(name);
    counts.enums++;
    out.push(chunk(enumItems(decl, name, valueNamespace, shaper)));
  }
  const typedefs = unit.typedefs;
  for (let i = 0; i < typedefs.length; i++) {
    const t = typedefs[i]!;
    if (names.namingTypedefs.has(t.name)) continue;
    const name = names.ofTypedef(t.name);
    if (!selection.type(name, `typedef:${t.name}`)) continue;
    const kobjMethod = kobjMethodTypes.has(t.name);
    const resolved = kobjMethod ? layouts.resolve(t.type) : null;
    const target =
      resolved !== null && resolved.kind === "function"
        ? `unsafe extern "C" fn${types.signature(resolved)}`
        : types.rust(t.type);
    if (kobjMethod) counts.kobjMethods++;
    if (target === name || typeNamespace.has(name)) continue;
    typeNamespace.add(name);
    counts.typedefs++;
    out.push(chunk(`${shaper.typed(0, `pub type ${name} =`, target, ";")}\n`));
  }

  if (!typeNamespace.has(VA_LIST)) {
    typeNamespace.add(VA_LIST);
    out.push({ text: vaList.items });
  }

  const externs: RustChunk[] = [];
  const wrapped: WrappedFunction[] = [];
  const functions = unit.functions;
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i]!;
    const isWrapped = f.inline && f.storage === "static";
    if (f.storage === "static" && !isWrapped) continue;
    if (isWrapped && f.body === null) continue;
    const name = rustIdent(f.name);
    if (!selection.function(f.name) || valueNamespace.has(name)) continue;
    // Only a typedef needs resolving (a function declared through a function typedef).
    const resolved = f.type.kind === "typedef" ? layouts.resolve(f.type) : f.type;
    if (resolved.kind !== "function") continue;
    const fn: FunctionType = resolved;
    let linkName = f.attributes.asmLabel;
    if (isWrapped) {
      if (!wrappable(fn)) continue;
      wrapped.push({ name: f.name, type: fn });
      linkName = `${f.name}__extern`;
      counts.wrappers++;
    }
    valueNamespace.add(name);
    counts.functions++;
    const link =
      linkName !== undefined && linkName !== name ? `    #[link_name = "${linkName}"]\n` : "";
    const head = `pub fn ${name}`;
    const line = shaper.signature(4, head, types.params(fn), types.returnType(fn), ";");
    externs.push(member(`${link}${line}\n`));
  }
  const variables = unit.variables;
  for (let i = 0; i < variables.length; i++) {
    const v = variables[i]!;
    if (v.storage === "static") continue;
    const name = rustIdent(v.name);
    if (!selection.variable(v.name) || valueNamespace.has(name)) continue;
    valueNamespace.add(name);
    counts.statics++;
    const link = v.attributes.asmLabel ? `    #[link_name = "${v.attributes.asmLabel}"]\n` : "";
    const mutability = v.type.const ? "" : "mut ";
    const line = shaper.typed(4, `pub static ${mutability}${name}:`, types.rust(v.type), ";");
    externs.push(member(`${link}${line}\n`));
  }
  const wrappersC = staticInlineWrappers(wrapped, wrapperInclude);
  return {
    finish(macroConstants) {
      const constants = emitConstants(macroConstants, selection, valueNamespace, shaper);
      counts.constants = constants.count;

      // concat, not spread: spreading thousands of items is slow before the code is optimised.
      const chunks = constants.lines
        .map((text): RustChunk => ({ text }))
        .concat(out, externs, assertions);
      if (tests.texts.length) {
        const text = `#[cfg(test)]\nmod bitfield_tests {\n    use super::*;\n${tests.texts.join("")}}\n`;
        chunks.push(tests.unshaped ? { text, format: true } : { text });
      }
      return { chunks, wrappersC, unlaidOut, layoutDiagnostics, counts };
    },
  };
}

function recordItem(
  decl: RecordDecl,
  name: string,
  layout: RecordLayout | undefined,
  selection: Selection,
  traits: ReturnType<typeof recordTraits>,
  types: TypeSpeller,
  layouts: LayoutEngine,
  rustMeasure: (type: CType) => Metrics,
  assertions: RustChunk[],
  unlaidOut: string[],
  tests: { texts: string[]; unshaped: boolean },
  shaper: LineShaper,
): RustChunk {
  if (!decl.complete || layout === undefined) {
    if (decl.complete) unlaidOut.push(decl.id);
    // Only declared (or not laid out): a zero-sized placeholder used behind pointers.
    const head = shaper.plain(`pub struct ${name} {`);
    const text = `#[repr(C)]\n#[derive(Debug, Copy, Clone)]\n${head}\n    _unused: [u8; 0],\n}\n`;
    return shaper.reset() ? { text, format: true } : { text };
  }
  const plan = selection.opaque(name) ? null : planRecord(decl, layout, rustMeasure);
  const sizeOf = (t: CType) => layouts.sizeOf(t);
  const text = emitRecord(decl, layout, name, plan, traits.of(decl.id), types, sizeOf, shaper);
  const { unshaped } = text;
  assertions.push(
    unshaped.assertions ? { text: text.assertions, format: true } : { text: text.assertions },
  );
  if (text.test) {
    tests.texts.push(text.test);
    tests.unshaped ||= unshaped.test;
  }
  return unshaped.item ? { text: text.item, format: true } : { text: text.item };
}

function enumItems(decl: EnumDecl, name: string, values: Set<string>, shaper: LineShaper): string {
  const repr = `::core::ffi::c_${underlyingName(decl.underlying)}`;
  const prefix =
    decl.tag === null && decl.parent === null && name.startsWith("_bindgen_ty_") ? "" : `${name}_`;
  let text = "";
  for (const e of decl.enumerators) {
    const constName = rustIdent(`${prefix}${e.name}`);
    if (values.has(constName)) continue;
    values.add(constName);
    text += `${shaper.constant(`pub const ${constName}: ${name} =`, String(e.value))}\n`;
  }
  return `${text}${shaper.typed(0, `pub type ${name} =`, repr, ";")}\n`;
}

function underlyingName(kind: string): string {
  const table: Record<string, string> = {
    char: "char",
    "signed char": "schar",
    "unsigned char": "uchar",
    short: "short",
    "unsigned short": "ushort",
    int: "int",
    "unsigned int": "uint",
    long: "long",
    "unsigned long": "ulong",
    "long long": "longlong",
    "unsigned long long": "ulonglong",
  };
  return table[kind] ?? "int";
}
