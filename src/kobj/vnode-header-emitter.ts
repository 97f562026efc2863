// Emits vnode_if.h (argument structures and VOP_X() wrappers), vnode_if_newproto.h (struct
// vop_vector) and vnode_if_typedef.h (the operation function types).
import type { VnodeDialect } from "./dialect.js";
import type { VnodeOpsFile } from "./model.js";
import { canInline, dispatchArguments, typeBeforeName, vnodeCommonHead } from "./vnode-common.js";

function joinLines(lines: string[]): string {
  return lines.map((l) => l + "\n").join("");
}

export function emitVnodeNewProto(file: VnodeOpsFile, dialect: VnodeDialect): string {
  const out = [
    vnodeCommonHead(dialect),
    "struct vop_vector {",
    "\tstruct vop_vector\t*vop_default;",
    "\tvop_bypass_t\t*vop_bypass;",
  ];
  for (const op of file.ops) out.push(`\t${op.name}_t\t*${op.name};`);
  if (dialect.registeredVectors) out.push("\tbool\tregistered;");
  out.push("};");
  return joinLines(out);
}

export function emitVnodeTypedefs(file: VnodeOpsFile, dialect: VnodeDialect): string {
  const out = [vnodeCommonHead(dialect)];
  for (const op of file.ops) {
    out.push(`struct ${op.name}_args;`, `typedef int ${op.name}_t(struct ${op.name}_args *);\n`);
  }
  return joinLines(out);
}

export function emitVnodeHeader(file: VnodeOpsFile, dialect: VnodeDialect): string {
  const out = [
    vnodeCommonHead(dialect) + "extern struct vnodeop_desc vop_default_desc;",
    '#include "vnode_if_typedef.h"',
    '#include "vnode_if_newproto.h"',
  ];
  const dispatch = dispatchArguments(file.ops);
  file.ops.forEach((op, index) => {
    const { name, args } = op;
    const uname = name.toUpperCase();
    const first = dispatch[index];
    out.push(`struct ${name}_args {\n\tstruct vop_generic_args a_gen;`);
    for (const arg of args) out.push(`\t${typeBeforeName(arg.type)}a_${arg.name};`);
    out.push("};", "", `extern struct vnodeop_desc ${name}_desc;`, "");
    out.push(
      `int ${uname}_AP(struct ${name}_args *);`,
      `int ${uname}_APV(struct vop_vector *vop, struct ${name}_args *);`,
      "",
      `static __inline int ${uname}(`,
    );
    args.forEach((arg, i) => {
      out.push(`\t${typeBeforeName(arg.type)}${arg.name}${i < args.length - 1 ? "," : ")"}`);
    });
    out.push("{", `\tstruct ${name}_args a;`, "", `\ta.a_gen.a_desc = &${name}_desc;`);
    for (const arg of args) out.push(`\ta.a_${arg.name} = ${arg.name};`);
    const viaVector = `\treturn (${uname}_APV(${first}->v_op, &a));`;
    if (dialect.inlineFastPath && canInline(op)) {
      out.push(
        "\n#if !defined(DEBUG_VFS_LOCKS) && !defined(INVARIANTS) && !defined(KTR)",
        "\tif (!SDT_PROBES_ENABLED())",
        `\t\treturn (${first}->v_op->${name}(&a));`,
        "\telse",
        `\t\treturn (${uname}_APV(${first}->v_op, &a));`,
        "#else",
        viaVector,
        "#endif",
      );
    } else {
      out.push(viaVector);
    }
    out.push("}", "");
  });
  if (dialect.registeredVectors)
    out.push("void vfs_vector_op_register(struct vop_vector *orig_vop);");
  return joinLines(out);
}
