// Parameter type adjustment (C11 6.7.6.3): array parameters become pointers and function
// parameters become function pointers. Qualifiers stay as written, as clang prints them.
// Emitters and comparisons want the adjusted form.
import type { CType, FunctionType } from "../ir/index.js";

/** Follows typedef names; undefined when a name is unknown. */
export type TypedefResolver = (name: string) => CType | undefined;

function resolved(type: CType, resolve?: TypedefResolver): CType {
  let t = type;
  for (let guard = 0; t.kind === "typedef" && resolve && guard < 100; guard++) {
    const next = resolve(t.name);
    if (!next) break;
    t = next;
  }
  return t;
}

export function adjustParameterType(type: CType, resolve?: TypedefResolver): CType {
  // A typedef naming a function type decays too, and stays spelled by its name.
  if (type.kind === "typedef" && resolved(type, resolve).kind === "function")
    return { kind: "pointer", pointee: type };
  if (type.kind === "array") {
    const { const: c, volatile: v, restrict: r } = type;
    return {
      kind: "pointer",
      pointee: type.element,
      ...(c ? { const: c } : {}),
      ...(v ? { volatile: v } : {}),
      ...(r ? { restrict: r } : {}),
    };
  }
  if (type.kind === "function") return { kind: "pointer", pointee: type };
  return type;
}

/** The function type as the compiler records it, applied recursively to nested function types. */
export function adjustFunctionType(type: FunctionType, resolve?: TypedefResolver): FunctionType {
  return {
    ...type,
    returnType: adjustNested(type.returnType, resolve),
    params: type.params.map((p) => ({
      name: p.name,
      type: adjustNested(adjustParameterType(p.type, resolve), resolve),
    })),
  };
}

function adjustNested(type: CType, resolve?: TypedefResolver): CType {
  switch (type.kind) {
    case "pointer":
      return { ...type, pointee: adjustNested(type.pointee, resolve) };
    case "array":
      return { ...type, element: adjustNested(type.element, resolve) };
    case "function":
      return adjustFunctionType(type, resolve);
    default:
      return type;
  }
}

export { adjustNested as adjustFunctionTypesWithin };
