import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import type { OptionTableEntry } from "../../src/ir/kernconf.js";
import { parseTable, readOptionTables } from "../../src/kernconf/index.js";
import { fixtureSys, memoryTree } from "./support.js";
import { resolve } from "node:path";

function table(text: string, kind: "table" | "compat" = "table", start: OptionTableEntry[] = []) {
  const entries = [...start];
  const diagnostics: Diagnostic[] = [];
  parseTable(text, "options", kind, entries, diagnostics);
  return { entries, diagnostics };
}
const brief = (entries: OptionTableEntry[]) =>
  entries.map((e) => `${e.name}:${e.header}${e.aliasOf ? "(alias)" : ""}@${e.where.line}`);

describe("option tables", () => {
  it("reads NAME HEADER and bare NAME lines, newest first", () => {
    const { entries } = table(
      "# comment line\nINET\topt_inet.h\n\nMAXMEM\nNKPT opt_pmap.h # trailing comment\n",
    );
    expect(brief(entries)).toEqual([
      "NKPT:opt_pmap.h@5",
      "MAXMEM:opt_maxmem.h@4",
      "INET:opt_inet.h@2",
    ]);
  });

  it("joins a line ending in a backslash with the next", () => {
    expect(brief(table("LONG \\\n\topt_long.h\nNEXT\n").entries)).toEqual([
      "NEXT:opt_next.h@3",
      "LONG:opt_long.h@1",
    ]);
  });

  it("loses an entry cut off by the end of the file, and warns", () => {
    const { entries, diagnostics } = table("A opt_a.h\nB opt_b.h");
    expect(brief(entries)).toEqual(["A:opt_a.h@1"]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "'B' is cut off by the end of the file and ignored (add a newline)",
    ]);
  });

  it("warns when a comment is read as a header name", () => {
    const { entries, diagnostics } = table("A # why\n");
    expect(entries[entries.length - 1].header).toBe("#");
    expect(diagnostics[0].message).toMatch(/'#' is read as the header of A/);
  });

  it("rejects an option listed twice", () => {
    expect(() => table("A opt_a.h\nA opt_b.h\n")).toThrow(
      /options:2: error: duplicate option A \(first listed at options:1\)/,
    );
  });

  it("applies compat aliases to listed options and ignores unlisted ones", () => {
    const { entries } = table(
      "OLD NEW\nNOT_LISTED X\n",
      "compat",
      table("OLD opt_old.h\n").entries,
    );
    expect(brief(entries)).toEqual(["OLD:NEW(alias)@1"]);
  });

  it("requires two words per compat line", () => {
    expect(() => table("OLD\n", "compat")).toThrow(
      /options:1: error: compat file requires two words per line/,
    );
  });

  it("reads conf/options, conf/options.<machine> and options-compat in that order", () => {
    const { tables } = readOptionTables({
      sysDir: fixtureSys,
      confDir: resolve(fixtureSys, "amd64/conf"),
      machine: "amd64",
    });
    expect(tables.files.map((f) => f.slice(fixtureSys.length + 1))).toEqual([
      "conf/options",
      "conf/options.amd64",
      "conf/options-compat",
    ]);
    // The last line read heads the list.
    expect(tables.entries[0].name).toBe("DEV_ATPIC");
    expect(tables.entries[tables.entries.length - 1].name).toBe("MAXUSERS");
    expect(tables.entries.find((e) => e.name === "OLD_NAME")?.aliasOf).toBe("NEW_NAME");
  });

  it("falls back to options.<machine> beside the configuration", () => {
    const { tables } = readOptionTables({
      sysDir: fixtureSys,
      confDir: resolve(fixtureSys, "arm64/conf"),
      machine: "arm64",
    });
    expect(tables.files.map((f) => f.slice(fixtureSys.length + 1))).toContain(
      "arm64/conf/options.arm64",
    );
    expect(tables.entries[0]).toMatchObject({ name: "ARM64", header: "opt_global.h" });
  });

  it("fails naming conf/options when it is missing, and warns about a missing machine table", () => {
    const reader = memoryTree("/s", { "conf/options": "A\n" });
    expect(() =>
      readOptionTables({
        sysDir: "/s",
        confDir: "/s/x/conf",
        machine: "x",
        reader: memoryTree("/s", {}),
      }),
    ).toThrow(/error: missing options file conf\/options/);
    const { diagnostics } = readOptionTables({
      sysDir: "/s",
      confDir: "/s/x/conf",
      machine: "x",
      reader,
    });
    expect(diagnostics.map((d) => d.message)).toEqual([
      "no options.x table (looked for conf/options.x and x/conf/options.x)",
    ]);
  });
});
