// Size and alignment of the Rust spelling of a C type, which can be less than C's: a type
// alias cannot carry a typedef's aligned(N), and `_Atomic` (padded and aligned up by the C
// ABI) is spelled as the plain type. The record planner places members by these numbers and
// pads the difference explicitly.
import type { CType } from "../../ir/index.js";
import type { LayoutEngine } from "../../layout/index.js";
import type { Metrics } from "./record-members.js";

export function rustMetrics(
  layouts: LayoutEngine,
  unitTypedefs: Map<string, { type: CType; aligned?: number; packed?: true }>,
) {
  const metrics = (type: CType): Metrics => {
    if (type.atomic) {
      const plain: CType = { ...type };
      delete plain.atomic;
      return metrics(plain);
    }
    if (type.kind === "typedef") {
      // The alias is the named type, whatever attributes the typedef adds.
      const decl = unitTypedefs.get(type.name);
      if (decl) return metrics(decl.type);
    }
    if (type.kind === "array" && type.length !== null) {
      const element = metrics(type.element);
      return { size: element.size * type.length, align: element.align };
    }
    const m = layouts.measure(type);
    return { size: m.size, align: m.align };
  };
  return metrics;
}
