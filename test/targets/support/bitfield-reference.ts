// A deliberately small record-layout calculation for the bitfield probes: ordinary members
// and bitfields of scalar type, optionally packed. It reads only the target's scalar
// layouts and BitfieldRules, so agreement with clang on every probe proves the rule flags.
import { enumUnderlyingType, type ScalarKind, type TargetAbi } from "../../../src/targets/index.js";

export interface ProbeField {
  /** A scalar kind, or "enum" for `enum e { X }` (its underlying type). */
  type: ScalarKind | "enum";
  /** Omitted for unnamed bitfields. */
  name?: string;
  /** Bit width; omitted for an ordinary member. */
  width?: number;
}

export interface ProbeStruct {
  name: string;
  packed?: boolean;
  fields: ProbeField[];
}

export interface FieldPlacement {
  /** Offset from the start of the record, in bits. */
  bitOffset: number;
}

export interface RecordLayout {
  size: number;
  align: number;
  fields: FieldPlacement[];
}

const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to;

export function referenceLayout(abi: TargetAbi, probe: ProbeStruct): RecordLayout {
  const rules = abi.bitfields;
  const packed = probe.packed === true;
  let offset = 0;
  let align = 1;
  const fields: FieldPlacement[] = [];
  for (const f of probe.fields) {
    const kind = f.type === "enum" ? enumUnderlyingType(abi, [0n]).kind : f.type;
    const t = abi.scalars[kind];
    const typeBits = t.size * 8;
    const typeAlignBits = t.align * 8;
    if (f.width === undefined) {
      const a = packed ? 8 : typeAlignBits;
      offset = roundUp(offset, a);
      fields.push({ bitOffset: offset });
      offset += typeBits;
      align = Math.max(align, a / 8);
    } else if (f.width === 0) {
      // A zero-width bitfield ends the current unit: the next field starts at the boundary.
      const boundary = rules.zeroLengthBitfieldBoundary ?? typeAlignBits;
      offset = roundUp(offset, boundary);
      fields.push({ bitOffset: offset });
      // AAPCS: the declared type raises the record's alignment, even in a packed record.
      if (rules.useZeroLengthBitfieldAlignment) align = Math.max(align, boundary / 8);
    } else {
      // A bitfield may not straddle a unit of its type's size at its type's alignment.
      if (
        !packed &&
        rules.useBitfieldTypeAlignment &&
        (offset % typeAlignBits) + f.width > typeBits
      ) {
        offset = roundUp(offset, typeAlignBits);
      }
      fields.push({ bitOffset: offset });
      offset += f.width;
      // Elsewhere unnamed bitfields leave the record's alignment alone; AAPCS counts them.
      const counts = f.name !== undefined || rules.useZeroLengthBitfieldAlignment;
      if (!packed && rules.useBitfieldTypeAlignment && counts) {
        align = Math.max(align, t.align);
      }
    }
  }
  return { size: roundUp(offset, align * 8) / 8, align, fields };
}

/** The C definition of a probe. */
export function probeSource(probe: ProbeStruct): string {
  const cType = (f: ProbeField): string =>
    f.type === "enum" ? "enum probe_enum" : f.type === "pointer" ? "void *" : f.type;
  const members = probe.fields.map((f) => {
    const decl = f.name === undefined ? cType(f) : `${cType(f)} ${f.name}`;
    return `  ${decl}${f.width === undefined ? "" : ` : ${f.width}`};`;
  });
  const attr = probe.packed ? " __attribute__((packed))" : "";
  return `struct ${probe.name} {\n${members.join("\n")}\n}${attr};\nint use_${probe.name} = sizeof(struct ${probe.name});\n`;
}

/** Parses clang's -fdump-record-layouts output into one layout per top-level struct. */
export function parseRecordLayouts(dump: string): Map<string, RecordLayout> {
  const layouts = new Map<string, RecordLayout>();
  for (const block of dump.split("*** Dumping AST Record Layout").slice(1)) {
    const lines = block.split("\n").filter((l) => l.includes("|"));
    const head = /^\s*0 \| struct (\w+)/.exec(lines[0] ?? "");
    const tail = /\[sizeof=(\d+), align=(\d+)\]/.exec(block);
    if (!head || !tail) continue;
    const fields: FieldPlacement[] = [];
    for (const line of lines.slice(1)) {
      const m = /^\s*(\d+)(?::(\d+)-\d+|:-)? \|/.exec(line);
      if (m) fields.push({ bitOffset: Number(m[1]) * 8 + Number(m[2] ?? "0") });
    }
    layouts.set(head[1]!, { size: Number(tail[1]), align: Number(tail[2]), fields });
  }
  return layouts;
}
