// Target facts record layout needs that the target descriptions do not carry yet, kept as
// data keyed by target name like the rest of the target model.
import type { TargetName } from "../targets/types.js";

export interface ByteMetrics {
  size: number;
  align: number;
}

export interface LayoutExtras {
  /** sizeof/_Alignof of __builtin_va_list. */
  vaList: ByteMetrics;
  /** Objects up to this many bits get power-of-two size and alignment under _Atomic. */
  maxAtomicPromoteWidth: number;
}

export const layoutExtras: Record<TargetName, LayoutExtras> = {
  // va_list is struct __va_list_tag[1]: two unsigned ints and two pointers.
  amd64: { vaList: { size: 24, align: 8 }, maxAtomicPromoteWidth: 128 },
  // va_list is char *.
  i386: { vaList: { size: 4, align: 4 }, maxAtomicPromoteWidth: 64 },
  // va_list is struct __va_list: three pointers and two ints.
  arm64: { vaList: { size: 32, align: 8 }, maxAtomicPromoteWidth: 128 },
  // va_list is struct __va_list { void *__ap; }.
  armv7: { vaList: { size: 4, align: 4 }, maxAtomicPromoteWidth: 64 },
  // va_list is void *.
  riscv64: { vaList: { size: 8, align: 8 }, maxAtomicPromoteWidth: 128 },
  // va_list is struct __va_list_tag[1]: two chars, a short and two pointers.
  powerpc: { vaList: { size: 12, align: 4 }, maxAtomicPromoteWidth: 32 },
  // va_list is char *.
  powerpc64: { vaList: { size: 8, align: 8 }, maxAtomicPromoteWidth: 128 },
  powerpc64le: { vaList: { size: 8, align: 8 }, maxAtomicPromoteWidth: 128 },
};
