// va_list is a different kind of type on each target (an array of one record, a pointer,
// or a record), which decides how it is passed: an array decays to a pointer to its
// element, as bindgen's `*mut __va_list_tag` shows on amd64. Its contents stay opaque.
import type { TargetName } from "../../targets/index.js";
import { blobType } from "./rust-types.js";

type VaListShape = "array" | "pointer" | "record";

const SHAPES: Record<TargetName, VaListShape> = {
  amd64: "array",
  i386: "pointer",
  arm64: "record",
  armv7: "record",
  riscv64: "pointer",
  powerpc: "array",
  powerpc64: "pointer",
  powerpc64le: "pointer",
};

export interface VaListItems {
  /** Items defining `__builtin_va_list` (and its element or record type). */
  items: string;
  /** Spelling of a va_list parameter, when it differs from `__builtin_va_list`. */
  parameter?: string;
}

export function vaListItems(target: TargetName, size: number, align: number): VaListItems {
  const blob = blobType(size, align);
  const record = (name: string, bytes: string) =>
    `#[repr(C)]\n#[derive(Debug, Copy, Clone)]\npub struct ${name} {\n    pub _opaque: ${bytes},\n}\n`;
  switch (SHAPES[target]) {
    case "pointer":
      return { items: "pub type __builtin_va_list = *mut ::core::ffi::c_char;\n" };
    case "record":
      // Not `__va_list`: sys/_types.h takes that name for its own typedef of va_list.
      return {
        items: `${record("__builtin_va_list_record", blob)}pub type __builtin_va_list = __builtin_va_list_record;\n`,
      };
    case "array":
      return {
        items: `${record("__va_list_tag", blob)}pub type __builtin_va_list = [__va_list_tag; 1usize];\n`,
        parameter: "*mut __va_list_tag",
      };
  }
}
