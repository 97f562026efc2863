// Integer constant expressions evaluated on amd64, i386 and arm64, each result (value and
// C type) checked by clang-19 for the same target with _Static_assert probes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { NotConstantError } from "../../src/consteval/index.js";
import { parseTranslationUnit, evaluateConstant } from "../../src/parse/index.js";
import { getTarget } from "../../src/targets/index.js";
import { describeWith, needClang } from "../support/environment.js";
import { clangRejections, valueClaims, type Claim } from "../parse/support/probe.js";

/** Declarations the expressions may use: typedefs, enums, a packed enum. */
const PRELUDE = `typedef unsigned long u_long;
typedef unsigned char u_char;
typedef long long quad_t;
typedef int int_array3[3];
enum colour { RED = 5, GREEN, BLUE = -3 };
enum __attribute__((__packed__)) small_e { SMALL_A = 1 };
`;

/** Each line exercises a rule: literal typing, promotions, conversions, shifts, ... */
const EXPRESSIONS = [
  "0",
  "42",
  "2147483647",
  "2147483648",
  "4294967295",
  "4294967296",
  "0x7fffffff",
  "0x80000000",
  "0xffffffff",
  "0x100000000",
  "0777",
  "0b101",
  "1u",
  "1U",
  "1l",
  "1L",
  "1ul",
  "1LU",
  "1ll",
  "1ULL",
  "9223372036854775807",
  "0xffffffffffffffff",
  "18446744073709551615ULL",
  "'a'",
  "'\\n'",
  "'\\377'",
  "'\\x41'",
  "'\\0'",
  "-1",
  "-2147483648",
  "~0",
  "~0u",
  "~0UL",
  "!5",
  "!0",
  "+3",
  "-(-3)",
  "-1 < 0u",
  "-1L < 0u",
  "-1LL < 0u",
  "-1 < 0UL",
  "(unsigned short)-1",
  "(unsigned char)300",
  "(signed char)200",
  "(char)200",
  "(_Bool)5",
  "(_Bool)0",
  "(int)4294967295u",
  "(u_long)-1",
  "(u_char)257",
  "(quad_t)-1",
  "(enum colour)3",
  "(long)1.9",
  "(int)-2.5",
  "0u - 1",
  "0UL - 1",
  "2147483647 + 1u",
  "65535 * 65537",
  "(unsigned short)65535 * (unsigned short)65535",
  "1L << 40",
  "1 << 32",
  "1L << -1",
  "-1 << 1",
  "1 / 0",
  "5 % (2 - 2)",
  "1 << 30",
  "1u << 31",
  "1ULL << 63",
  "-8 >> 1",
  "0xff00u >> 8",
  "(u_char)1 << 9",
  "-7 / 2",
  "-7 % 2",
  "7 / -2",
  "7u / 2",
  "-7 % 3u",
  "3 & 5",
  "3 | 5",
  "3 ^ 5",
  "1 && 0",
  "2 || 0",
  "0 || 0",
  "1 == 1u",
  "2 != 2",
  "3 <= 2",
  "3 >= 3",
  "1 ? -1 : 0u",
  "0 ? 1 : 2L",
  "1 ? (u_char)1 : (u_char)2",
  "(1, 2)",
  "sizeof(char)",
  "sizeof(short)",
  "sizeof(long)",
  "sizeof(long long)",
  "sizeof(void *)",
  "sizeof(long double)",
  "sizeof(__builtin_va_list)",
  "'\\E' + '\\e'",
  "_Alignof(__builtin_va_list)",
  "sizeof(double _Complex)",
  "sizeof(u_long)",
  "sizeof(int_array3)",
  "sizeof(int[7])",
  "sizeof(char *[4])",
  "sizeof 'a'",
  "sizeof(1 ? 1 : 1L)",
  "sizeof(enum colour)",
  "sizeof(enum small_e)",
  "sizeof(_Bool)",
  "sizeof(int (*)(void))",
  "sizeof(quad_t)",
  'sizeof "abc"',
  "_Alignof(long long)",
  "__alignof__(long long)",
  "_Alignof(double)",
  "__alignof__(double)",
  "_Alignof(long double)",
  "_Alignof(int_array3)",
  "__alignof__(u_long)",
  "RED",
  "GREEN",
  "BLUE",
  "GREEN * 2",
  "BLUE < 0",
  "SMALL_A",
];

describeWith([needClang()], "constant evaluation vs clang-19", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-consteval-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const arch of ["amd64", "i386", "arm64"] as const) {
    it(`agrees with clang on ${arch} for every value and type`, async () => {
      const abi = getTarget(arch).abi;
      const unit = parseTranslationUnit(`# 1 "prelude.h"\n${PRELUDE}`, { target: arch, abi }).unit;
      const claims: Claim[] = [];
      // What we refuse to evaluate, clang must refuse as well (e.g. 1L << 40 on ILP32).
      const refused: Claim[] = [];
      for (const text of EXPRESSIONS) {
        try {
          const v = evaluateConstant(text, unit, abi);
          claims.push(...valueClaims(text, text, v.value, v.type));
        } catch (e) {
          if (!(e instanceof NotConstantError)) throw e;
          refused.push({ label: `refused: ${text}`, condition: `(${text}) == (${text})` });
        }
      }
      claims.push(...refused);
      const prelude = join(dir, "prelude.h");
      writeFileSync(prelude, PRELUDE);
      const rejected = await clangRejections(dir, arch, prelude, claims);
      expect(rejected.filter((r) => !r.startsWith("refused: "))).toEqual([]);
      expect(
        rejected.filter((r) => r.startsWith("refused: ")).map((r) => r.split(":")[1]!.trim()),
      ).toEqual(refused.map((c) => c.label.slice("refused: ".length)).sort());
      expect(refused.map((c) => c.label)).toEqual(["refused: 1 / 0", "refused: 5 % (2 - 2)"]);
    });
  }
});
