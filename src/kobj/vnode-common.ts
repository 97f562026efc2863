// Pieces shared by the vnode_if.* emitters.
import type { VnodeDialect } from "./dialect.js";
import type { VnodeOperation } from "./model.js";
import { awkTruthy } from "./source-lines.js";

export function vnodeCommonHead(dialect: VnodeDialect): string {
  return (
    "/*\n" +
    ` * This file is ${dialect.generatedWord} automatically.\n` +
    " * Do not modify anything in here by hand.\n" +
    " *\n" +
    ` * Created from ${dialect.sourceId}\n` +
    " */\n" +
    "\n"
  );
}

/** A type followed by a name: pointers hug the name, other types get a blank. */
export function typeBeforeName(type: string): string {
  return type.endsWith("*") ? type : `${type} `;
}

/**
 * The argument each operation's wrappers dispatch on: its first one. An operation without
 * arguments has none of its own and inherits the previous operation's, as the generated code
 * always has.
 */
export function dispatchArguments(ops: readonly VnodeOperation[]): string[] {
  let carried = "";
  return ops.map((op) => (carried = op.args[0]?.name ?? carried));
}

/** No pre or post hook: VOP_X() may call the file system directly. */
export function canInline(op: VnodeOperation): boolean {
  return !awkTruthy(op.hooks.pre) && !awkTruthy(op.hooks.post);
}
