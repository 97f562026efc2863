// Emits vnode_if.c: per operation, the vnode-argument offsets, the VOP_X_AP()/VOP_X_APV()
// dispatchers with their lock assertions and hooks, and the operation descriptor.
import type { VnodeDialect } from "./dialect.js";
import type { VnodeOperation, VnodeOpsFile } from "./model.js";
import { awkForInOrder } from "./awk-array-order.js";
import { awkTruthy } from "./source-lines.js";
import { dispatchArguments, vnodeCommonHead } from "./vnode-common.js";

type LockPhase = "entry" | "ok" | "error";

const lockAssertions: Record<string, string> = {
  L: "ASSERT_VOP_LOCKED",
  U: "ASSERT_VOP_UNLOCKED",
  E: "ASSERT_VOP_ELOCKED",
};

export function emitVnodeSource(file: VnodeOpsFile, dialect: VnodeDialect): string {
  const out = [
    vnodeCommonHead(dialect) +
      "#include <sys/param.h>\n#include <sys/event.h>\n#include <sys/kernel.h>\n" +
      "#include <sys/mount.h>\n#include <sys/sdt.h>\n#include <sys/signalvar.h>\n" +
      "#include <sys/systm.h>\n#include <sys/vnode.h>\n\nSDT_PROVIDER_DECLARE(vfs);\n\n" +
      'struct vnodeop_desc vop_default_desc = {\n\t"default",\n\t0,\n' +
      (dialect.registeredVectors ? "   0,\n" : "") +
      "\t(vop_bypass_t *)vop_panic,\n\tNULL,\n" +
      "\tVDESC_NO_OFFSET,\n".repeat(4) +
      "};\n",
  ];
  const dispatch = dispatchArguments(file.ops);
  file.ops.forEach((op, index) => out.push(...operationLines(op, dispatch[index]!, dialect)));
  if (dialect.registeredVectors) out.push(...registrationLines(file.ops.map((op) => op.name)));
  return out.map((l) => l + "\n").join("");
}

function operationLines(op: VnodeOperation, first: string, dialect: VnodeDialect): string[] {
  const { name, args } = op;
  const uname = name.toUpperCase();
  const out: string[] = [`static int ${name}_vp_offsets[] = {`];
  const releFlags: string[] = [];
  args
    .filter((arg) => arg.type === "struct vnode *")
    .forEach((arg, vpIndex) => {
      out.push(`\tVOPARG_OFFSETOF(struct ${name}_args,a_${arg.name}),`);
      if (arg.willRelease) releFlags.push(`VDESC_VP${vpIndex}_WILLRELE`);
    });
  out.push("\tVDESC_NO_OFFSET", "};", "\n");
  out.push(
    `SDT_PROBE_DEFINE2(vfs, vop, ${name}, entry, "struct vnode *", "struct ${name}_args *");\n`,
    `SDT_PROBE_DEFINE3(vfs, vop, ${name}, return, "struct vnode *", "struct ${name}_args *", "int");\n`,
  );

  const ktrCount = Math.min(args.length, 4);
  const ktr =
    `${ktrCount}(KTR_VOP, "VOP", "${uname}", (uintptr_t)a,\n\t    ` +
    `"${first}:0x%jX", (uintptr_t)a->a_${first}` +
    args
      .slice(1, ktrCount)
      .map((arg) => `, "${arg.name}:0x%jX", a->a_${arg.name}`)
      .join("") +
    ");";
  const lockChecks = (phase: LockPhase, indent: string) =>
    args.flatMap((arg) => lockCheckLines(op, arg.name, phase, indent));
  const hook = (kind: "pre" | "post", call: string) =>
    awkTruthy(op.hooks[kind]) ? [`\t${op.hooks[kind]}${call};`] : [];
  const debugHook = (kind: "debugpre" | "debugpost", call: string) =>
    awkTruthy(op.hooks[kind])
      ? ["#ifdef DEBUG_VFS_LOCKS", `\t${op.hooks[kind]}${call};`, "#endif"]
      : [];

  out.push(
    `\nint\n${uname}_AP(struct ${name}_args *a)`,
    "{",
    "",
    `\treturn(${uname}_APV(a->a_${first}->v_op, a));`,
    "}",
    `\nint\n${uname}_APV(struct vop_vector *vop, struct ${name}_args *a)`,
    "{",
    "\tint rc;",
    "",
    `\tVNASSERT(a->a_gen.a_desc == &${name}_desc, a->a_${first},`,
    `\t    ("Wrong a_desc in ${name}(%p, %p)", a->a_${first}, a));`,
  );
  const noVectorAssert = `\tVNASSERT(vop != NULL, a->a_${first}, ("No ${name}(%p, %p)", a->a_${first}, a));`;
  if (dialect.registeredVectors) {
    out.push(
      noVectorAssert,
      `\tKTR_START${ktr}`,
      ...debugHook("debugpre", "(a)"),
      ...hook("pre", "(a)"),
      ...lockChecks("entry", "\t"),
      "\tif (!SDT_PROBES_ENABLED()) {",
      `\t\trc = vop->${name}(a);`,
      "\t} else {",
      `\t\tSDT_PROBE2(vfs, vop, ${name}, entry, a->a_${first}, a);`,
      `\t\trc = vop->${name}(a);`,
      `\t\tSDT_PROBE3(vfs, vop, ${name}, return, a->a_${first}, a, rc);`,
      "\t}",
    );
  } else {
    out.push(
      "\twhile(vop != NULL && \\",
      `\t    vop->${name} == NULL && vop->vop_bypass == NULL)`,
      "\t\tvop = vop->vop_default;",
      noVectorAssert,
      `\tSDT_PROBE2(vfs, vop, ${name}, entry, a->a_${first}, a);\n`,
      ...lockChecks("entry", "\t"),
      `\tKTR_START${ktr}`,
      ...hook("pre", "(a)"),
      `\tVFS_PROLOGUE(a->a_${first}->v_mount);`,
      `\tif (vop->${name} != NULL)`,
      `\t\trc = vop->${name}(a);`,
      "\telse",
      "\t\trc = vop->vop_bypass(&a->a_gen);",
      `\tVFS_EPILOGUE(a->a_${first}->v_mount);`,
      `\tSDT_PROBE3(vfs, vop, ${name}, return, a->a_${first}, a, rc);\n`,
    );
  }
  out.push(
    "\tif (rc == 0) {",
    ...lockChecks("ok", "\t\t"),
    "\t} else {",
    ...lockChecks("error", "\t\t"),
    "\t}",
    ...hook("post", "(a, rc)"),
    ...debugHook("debugpost", "(a, rc)"),
    `\tKTR_STOP${ktr}`,
    "\treturn (rc);",
    "}\n",
  );

  const vppWillRelease = args.some((a) => a.type === "struct vnode **" && a.willRelease);
  const offsetOf = (type: string) => {
    const arg = args.find((a) => a.type === type);
    return arg ? `VOPARG_OFFSETOF(struct ${name}_args,a_${arg.name})` : "VDESC_NO_OFFSET";
  };
  out.push(
    `struct vnodeop_desc ${name}_desc = {`,
    `\t"${name}",`,
    `\t${releFlags.join("|") || "0"}${vppWillRelease ? "|VDESC_VPP_WILLRELE" : ""},`,
  );
  if (dialect.registeredVectors) out.push(`\t__offsetof(struct vop_vector, ${name}),`);
  out.push(
    `\t(vop_bypass_t *)${uname}_AP,`,
    `\t${name}_vp_offsets,`,
    `\t${offsetOf("struct vnode **")},`,
    `\t${offsetOf("struct ucred *")},`,
    `\t${offsetOf("struct thread *")},`,
    `\t${offsetOf("struct componentname *")},`,
    "};\n",
  );
  return out;
}

function lockCheckLines(
  op: VnodeOperation,
  arg: string,
  phase: LockPhase,
  indent: string,
): string[] {
  const state = op.locks[arg]?.[phase];
  if (!awkTruthy(state) || state === "-") return [];
  const uname = op.name.toUpperCase();
  const target = `${arg === "vpp" ? "*" : ""}a->a_${arg}`;
  const lines = [`${indent}ASSERT_VI_UNLOCKED(${target}, "${uname}");`];
  const check = lockAssertions[state!];
  if (check) lines.push(`${indent}${check}(${target}, "${uname}");`);
  return lines;
}

/** vfs_vector_op_register(): fills every unset slot of a vector from its defaults. */
function registrationLines(opNames: string[]): string[] {
  const order = awkForInOrder(opNames);
  return [
    "void",
    "vfs_vector_op_register(struct vop_vector *orig_vop)",
    "{",
    "\tstruct vop_vector *vop;",
    "",
    "\tif (orig_vop->registered)",
    '\t\tpanic("%s: vop_vector %p already registered",',
    "\t\t    __func__, orig_vop);",
    "",
    ...order.flatMap((name) => [
      "\tvop = orig_vop;",
      "\twhile (vop != NULL && \\",
      `\t    vop->${name} == NULL && vop->vop_bypass == NULL)`,
      "\t\tvop = vop->vop_default;",
      "\tif (vop != NULL)",
      `\t\torig_vop->${name} = vop->${name};`,
      "",
    ]),
    "\tvop = orig_vop;",
    "\twhile (vop != NULL && vop->vop_bypass == NULL)",
    "\t\tvop = vop->vop_default;",
    "\tif (vop != NULL)",
    "\t\torig_vop->vop_bypass = vop->vop_bypass;",
    "",
    ...order.flatMap((name) => [
      "\tif (orig_vop->" + name + " == NULL)",
      `\t\torig_vop->${name} = (void *)orig_vop->vop_bypass;`,
    ]),
    "",
    "\torig_vop->registered = true;",
    "}",
  ];
}
