// Emits the `<name>_if.h` and `<name>_if.c` files the kernel build generates from a kobj
// interface: a method descriptor and a typed dispatch wrapper per method.
import type { KobjDialect } from "./dialect.js";
import { codeText } from "./interface-parser.js";
import { wrapAtCommas } from "./line-format.js";
import { kobjMethodSymbols, type InterfaceFile, type MethodDescription } from "./model.js";

/** Width the generated prototypes are wrapped to. */
export const defaultLineWidth = 80;

function commonHead(file: InterfaceFile, dialect: KobjDialect): string {
  return (
    "/*\n" +
    ` * This file is ${dialect.generatedWord} automatically.\n` +
    " * Do not modify anything in here by hand.\n" +
    " *\n" +
    " * Created from source file\n" +
    ` *   ${file.path}\n` +
    " * with\n" +
    " *   makeobjops.awk\n" +
    " *\n" +
    " * See the source file for legal information\n" +
    " */\n"
  );
}

/** Output file names for an interface file path: `kern/bus_if.m` gives bus_if.h and bus_if.c. */
export function outputNames(path: string): { header: string; source: string } {
  const base = path.replace(/^.*\//s, "").replace(/\.m$/, "");
  return { header: `${base}.h`, source: `${base}.c` };
}

export function emitInterfaceHeader(
  file: InterfaceFile,
  dialect: KobjDialect,
  lineWidth = defaultLineWidth,
): string {
  const out: string[] = [commonHead(file, dialect)];
  for (const entry of file.entries) {
    switch (entry.kind) {
      case "interface":
        out.push(entry.doc, `#ifndef _${entry.name}_if_h_`, `#define _${entry.name}_if_h_\n`);
        break;
      case "code":
        if (entry.destination === "header") out.push(codeText(entry));
        break;
      case "method":
        out.push(...methodHeaderLines(entry, dialect, lineWidth));
        break;
      case "include":
        break;
    }
  }
  out.push(`#endif /* _${file.name}_if_h_ */`);
  return out.map((l) => l + "\n").join("");
}

export function emitInterfaceSource(file: InterfaceFile, dialect: KobjDialect): string {
  const out: string[] = [
    commonHead(file, dialect) +
      "\n#include <sys/param.h>\n#include <sys/queue.h>\n#include <sys/kernel.h>\n#include <sys/kobj.h>",
  ];
  for (const entry of file.entries) {
    switch (entry.kind) {
      case "include":
        out.push(`#include ${entry.target}`);
        break;
      case "interface":
        out.push(`#include "${entry.name}_if.h"\n`);
        break;
      case "code":
        if (entry.destination === "source") out.push(codeText(entry));
        break;
      case "method": {
        const desc = kobjMethodSymbols(entry).descriptor;
        const impl = entry.defaultImplementation ?? "kobj_error_method";
        out.push(`struct kobjop_desc ${desc} = {`, `\t0, { &${desc}, (kobjop_t)${impl} }`, "};\n");
        break;
      }
    }
  }
  return out.map((l) => l + "\n").join("");
}

function methodHeaderLines(
  method: MethodDescription,
  dialect: KobjDialect,
  lineWidth: number,
): string[] {
  const symbols = kobjMethodSymbols(method);
  const mname = `${method.interfaceName}_${method.name}`;
  const umname = symbols.wrapper;
  const ret = method.returnType;
  const argumentList = method.declarations.join(", ");
  const varnames = method.params.map((p) => p.name).join(", ");
  const first = method.params[0]?.name ?? "";
  const object = method.isStatic ? first : `((kobj_t)${first})`;
  const typedefHead = `typedef ${ret} ${symbols.functionType}(`;
  const wrapperHead = `static __inline ${ret} ${umname}(`;

  const lines = [
    `/** @brief Unique descriptor for the ${umname}() method */`,
    `extern struct kobjop_desc ${symbols.descriptor};`,
    `/** @brief A function implementing the ${umname}() method */`,
    wrapAtCommas(`${typedefHead}${argumentList});`, lineWidth, typedefHead.length),
    method.doc,
    wrapAtCommas(`${wrapperHead}${argumentList})`, lineWidth, wrapperHead.length),
    "{",
  ];
  const lookup = `\tKOBJOPLOOKUP(${object}->ops,${mname});`;
  const call = `((${symbols.functionType} *) _m)(${varnames});`;
  if (!dialect.prologEpilog) {
    lines.push("\tkobjop_t _m;", lookup, `\t${ret !== "void" ? "return " : ""}${call}`);
  } else {
    const returns = ret !== "void";
    lines.push(method.singleton ? "\tstatic kobjop_t _m;" : "\tkobjop_t _m;");
    if (returns) lines.push(`\t${ret} rc;`);
    if (method.prolog !== "") lines.push(method.prolog);
    if (method.singleton) lines.push("\tif (_m == NULL)");
    lines.push(lookup, `\t${returns ? "rc = " : ""}${call}`);
    if (method.epilog !== "") lines.push(method.epilog);
    if (returns) lines.push("\treturn (rc);");
  }
  lines.push("}\n");
  return lines;
}
