// Parses `kern/vnode_if.src`: one block per vnode operation listing its arguments with their
// direction, plus `%%` lines (lock state of an argument on entry, success and error) and `%!`
// lines (hook functions called before or after the operation).
import type { VnodeDialect } from "./dialect.js";
import type {
  ArgumentDirection,
  LockSpec,
  VnodeArgument,
  VnodeHooks,
  VnodeOperation,
  VnodeOpsFile,
} from "./model.js";
import { awkFields, SourceLines } from "./source-lines.js";

const directions: ReadonlySet<string> = new Set(["IN", "OUT", "INOUT"]);

export function parseVnodeOps(text: string, path: string, dialect: VnodeDialect): VnodeOpsFile {
  const src = new SourceLines(text, path);
  const hookKinds = dialect.debugHooks ? ["pre", "post", "debugpre", "debugpost"] : ["pre", "post"];
  // Lock specs and hooks are keyed by operation name and apply to operations defined after them.
  const locks = new Map<string, Record<string, LockSpec>>();
  const hooks = new Map<string, VnodeHooks>();
  const ops: VnodeOperation[] = [];

  for (let raw = src.read(); raw !== undefined; raw = src.read()) {
    const line = src.lineNumber;
    const fields = awkFields(raw);
    if (fields.length === 0) continue;
    const [first, ...rest] = fields as [string, ...string[]];
    if (first.startsWith("%%")) {
      const [op, arg, entry, ok, err] = rest;
      const valid =
        fields.length === 6 &&
        /^[a-z_]+$/.test(op!) &&
        /^[a-z]+$/.test(arg!) &&
        [entry, ok, err].every((s) => s!.length === 1);
      if (!valid)
        src.fail(
          "invalid %% line: expected '%% <operation> <argument> <entry> <success> <error>' with one-letter lock states",
          line,
        );
      const forOp = locks.get(`vop_${op}`) ?? {};
      forOp[arg!] = { entry: entry!, ok: ok!, error: err! };
      locks.set(`vop_${op}`, forOp);
      continue;
    }
    if (first.startsWith("%!")) {
      const [op, kind, fn] = rest;
      if (fields.length !== 4 || !hookKinds.includes(kind!)) {
        src.fail(
          `invalid %! line: expected '%! <operation> <${hookKinds.join("|")}> <function>'`,
          line,
        );
      }
      hooks.set(`vop_${op}`, { ...hooks.get(`vop_${op}`), [kind!]: fn });
      continue;
    }
    if (first.startsWith("#")) continue;

    const name = first;
    const args = readArguments(src, name, line);
    const opLocks: Record<string, LockSpec> = {};
    const declared = locks.get(name) ?? {};
    for (const arg of args) if (declared[arg.name]) opLocks[arg.name] = declared[arg.name]!;
    ops.push({
      name,
      args,
      locks: opLocks,
      hooks: { ...hooks.get(name) },
      at: { file: path, line },
    });
  }
  return { path, ops };
}

/** Argument lines up to the `};` that closes the operation. */
function readArguments(src: SourceLines, name: string, start: number): VnodeArgument[] {
  const args: VnodeArgument[] = [];
  for (;;) {
    const raw = src.read();
    if (raw === undefined)
      src.fail(`unterminated operation '${name}': no '};' before the end of the file`, start);
    const line = src.lineNumber;
    if (/^\};/.test(awkFields(raw)[0] ?? "")) return args;

    let text = raw
      .replace(/\/\*.*\*\//gs, "")
      .replace(/[ \t\n\v\f\r]+/g, " ")
      .replace(/^ /, "")
      .replace(/ $/, "");
    const direction = awkFields(text)[0] ?? "";
    if (!directions.has(direction)) {
      src.fail(`argument '${text}' of '${name}' has no IN, OUT or INOUT direction`, line);
    }
    text = text.replace(/^[A-Z]* /, "");
    const willRelease = awkFields(text)[0] === "WILLRELE";
    if (willRelease) text = text.replace(/^[A-Z]* /, "");
    if (!text.endsWith(";")) src.fail(`argument '${text}' of '${name}' does not end in ';'`, line);
    text = text.slice(0, -1);
    const varName = /[A-Za-z0-9_]+$/.exec(text);
    if (!varName) src.fail(`argument '${text}' of '${name}' has no name`, line);
    args.push({
      direction: direction as ArgumentDirection,
      willRelease,
      type: text.slice(0, varName.index).replace(/ $/, ""),
      name: varName[0],
    });
  }
}
