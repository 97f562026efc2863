// Plain-data descriptions of the kernel build's generator inputs: kobj interface files
// (`kern/*.m`) and the vnode operation list (`kern/vnode_if.src`). The emitters turn them into
// the generated C headers; the Rust emitter reads the same data for typed method signatures.

/** Where an entry starts in its source file (1-based line). */
export interface SourceLine {
  file: string;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// kobj interfaces (`*.m`)

/** One parsed `.m` file: its entries in source order, since output order follows input order. */
export interface InterfaceFile {
  /** The source path as the build names it; it is embedded in the generated files. */
  path: string;
  /** The INTERFACE name (`device` for device_if.m); "" if the file never declares one. */
  name: string;
  entries: InterfaceEntry[];
}

export type InterfaceEntry = IncludeEntry | InterfaceDeclaration | CodeBlock | MethodDescription;

/** A `#include` line; it is copied into the generated `.c` file. */
export interface IncludeEntry {
  kind: "include";
  /** Everything after `#include` and its blanks, e.g. `<sys/bus.h>`. */
  target: string;
  at: SourceLine;
}

/** `INTERFACE name;`, with the `/** ... *\/` comment before it (kept for the header). */
export interface InterfaceDeclaration {
  kind: "interface";
  name: string;
  doc: string;
  at: SourceLine;
}

/** A verbatim block: CODE goes to the `.c` file, HEADER to the `.h` file. */
export interface CodeBlock {
  kind: "code";
  destination: "source" | "header";
  /** The block's lines with the first line's indent removed, each ending in "\n". */
  lines: string[];
  at: SourceLine;
}

/** METHOD or STATICMETHOD. */
export interface MethodDescription {
  kind: "method";
  /** The INTERFACE the method belongs to; with `name` it makes the C symbols (kobjMethodSymbols). */
  interfaceName: string;
  name: string;
  returnType: string;
  /**
   * STATICMETHOD: the first parameter is itself the kobj class (no object is cast), as for
   * `device_identify(driver_t *, device_t)`.
   */
  isStatic: boolean;
  params: MethodParam[];
  /**
   * The parameter declarations exactly as the prototype prints them, including an empty slot
   * where the input has two semicolons in a row; equal to `params.map(p => p.declaration)`
   * for well-formed input.
   */
  declarations: string[];
  /** The `DEFAULT fn;` implementation, or undefined (the kernel then uses kobj_error_method). */
  defaultImplementation?: string;
  /** The `/** ... *\/` comment before the method, "" if none. */
  doc: string;
  /** PROLOG and EPILOG code run around the call, "" when absent. */
  prolog: string;
  epilog: string;
  /** SINGLETON was given earlier in the file: the method lookup is cached in a static. */
  singleton: boolean;
  at: SourceLine;
}

/** The C names generated for a method, e.g. for device/probe. */
export interface KobjMethodSymbols {
  /** `device_probe_desc`: the descriptor a driver's method table entry points at. */
  descriptor: string;
  /** `device_probe_t`: the function type an implementation must have. */
  functionType: string;
  /** `DEVICE_PROBE`: the inline dispatch wrapper. */
  wrapper: string;
}

export function kobjMethodSymbols(
  method: Pick<MethodDescription, "interfaceName" | "name">,
): KobjMethodSymbols {
  const base = `${method.interfaceName}_${method.name}`;
  return { descriptor: `${base}_desc`, functionType: `${base}_t`, wrapper: base.toUpperCase() };
}

export interface MethodParam {
  /** The declaration with blanks collapsed, e.g. `const char *name`. */
  declaration: string;
  /** The last word of the declaration: what the generated wrapper passes on. */
  name: string;
  /** The leading C identifier of `name` ("" if none). */
  identifier: string;
  /** Any array suffix written after the identifier, e.g. `[4]`; "" otherwise. */
  arraySuffix: string;
  /** The declaration without its name, e.g. `const char *`. */
  type: string;
}

// ---------------------------------------------------------------------------------------------
// vnode operations (`vnode_if.src`)

export interface VnodeOpsFile {
  path: string;
  ops: VnodeOperation[];
}

export type ArgumentDirection = "IN" | "OUT" | "INOUT";

/** A lock state letter from a `%%` line: L locked, U unlocked, E exclusively locked, - any. */
export type LockState = string;

export interface LockSpec {
  entry: LockState;
  ok: LockState;
  error: LockState;
}

/** The hook functions a `%!` line names, called around the operation. */
export interface VnodeHooks {
  pre?: string;
  post?: string;
  debugpre?: string;
  debugpost?: string;
}

export interface VnodeArgument {
  direction: ArgumentDirection;
  /** WILLRELE: the operation releases this vnode reference. */
  willRelease: boolean;
  /** The C type with blanks collapsed, e.g. `struct vnode **`. */
  type: string;
  /** The name without its `a_` prefix, e.g. `vpp`. */
  name: string;
}

export interface VnodeOperation {
  /** Full name, e.g. `vop_lookup`. */
  name: string;
  args: VnodeArgument[];
  /** Lock specs by argument name, as declared by `%%` lines before the operation. */
  locks: Record<string, LockSpec>;
  hooks: VnodeHooks;
  at: SourceLine;
}
