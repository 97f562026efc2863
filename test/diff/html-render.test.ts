// The HTML report in a real browser: headless Chromium loads the page, its DOM must show
// every record whose layout changed with old and new bars (holes drawn), and a screenshot
// is kept under test-output/ for people to look at.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { diffSnapshots, renderHtml } from "../../src/diff/index.js";
import { parseSnapshot } from "../../src/snapshot/index.js";
import {
  describeWith,
  kpiWrapper,
  needClang,
  needCommand,
  needFile,
  needTree,
  repoRoot,
} from "../support/environment.js";
import { realSide } from "./support.js";

const chromium = process.env.KPI_CHROMIUM ?? "chromium";
const fixtures = join(repoRoot, "fixtures", "diff");
const outDir = join(repoRoot, "test-output");
const load = (name: string) => parseSnapshot(readFileSync(join(fixtures, name), "utf8"), name);

function browser(profile: string) {
  return (extra: string[], page: string): string => {
    const r = spawnSync(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${profile}`,
        ...extra,
        pathToFileURL(page).href,
      ],
      { encoding: "utf8", timeout: 60_000, maxBuffer: 1 << 28 },
    );
    if (r.status !== 0) throw new Error(`${chromium} exited ${r.status}: ${r.stderr.slice(-2000)}`);
    return r.stdout;
  };
}

describeWith(
  [needCommand(chromium, "apt-get install -y chromium")],
  "HTML diff report in headless Chromium",
  () => {
    const profile = mkdtempSync(join(tmpdir(), "kpi-chromium-"));
    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    const browse = browser(profile);

    const old = load("old.json");
    const now = load("new.json");
    mkdirSync(outDir, { recursive: true });
    const page = join(outDir, "diff-fixture.html");
    writeFileSync(page, renderHtml(diffSnapshots(old, now), old, now));

    it("shows each changed record's old and new layout, with holes", () => {
      const dom = browse(["--dump-dom"], page);
      const figures = [...dom.matchAll(/<figure class="layout" data-record="([^"]+)">/g)].map(
        (m) => m[1],
      );
      // Records whose own layout or members changed (struct d only points to one: no drawing).
      expect(figures).toEqual(["struct a", "struct b", "struct c"]);
      const figureB = dom.slice(
        dom.indexOf('data-record="struct b"'),
        dom.indexOf('data-record="struct c"'),
      );
      expect(figureB.match(/class="side (old|new)"/g)).toEqual([
        'class="side old"',
        'class="side new"',
      ]);
      expect(figureB).toContain('class="hole"');
      expect(figureB).toContain('class="field changed bitfield"');
      // The old struct a (16 bytes) is drawn at two thirds of the new one's (24 bytes) width.
      const figureA = dom.slice(
        dom.indexOf('data-record="struct a"'),
        dom.indexOf('data-record="struct b"'),
      );
      expect(figureA).toMatch(/data-size="16".*?class="bar" style="width: ?66\.6667%/s);
      expect(dom).toContain("member y renamed to yy");
    });

    it("renders to a screenshot", () => {
      const shot = join(outDir, "diff-fixture.png");
      rmSync(shot, { force: true });
      browse([`--screenshot=${shot}`, "--window-size=1280,900", "--hide-scrollbars"], page);
      const png = readFileSync(shot);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(statSync(shot).size).toBeGreaterThan(5000);
      process.stdout.write(`HTML diff report screenshot: ${shot}\n`);
    });
  },
);

describeWith(
  [
    needCommand(chromium, "apt-get install -y chromium"),
    needClang(),
    needTree("11.0"),
    needTree("13.0"),
    needFile(kpiWrapper, "kpi wrapper"),
  ],
  "HTML report of 11.0 → 13.0 in headless Chromium",
  () => {
    const profile = mkdtempSync(join(tmpdir(), "kpi-chromium-"));
    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    it("draws every record whose layout changed, with both sizes", () => {
      const old = realSide("11.0").snapshot;
      const now = realSide("13.0").snapshot;
      const result = diffSnapshots(old, now);
      mkdirSync(outDir, { recursive: true });
      const page = join(outDir, "diff-11.0-13.0.html");
      writeFileSync(page, renderHtml(result, old, now));
      const dom = browser(profile)(["--dump-dom"], page);
      const drawn = new Set(
        [...dom.matchAll(/<figure class="layout" data-record="([^"]+)">/g)].map((m) => m[1]),
      );
      const layoutKinds = new Set([
        "size",
        "align",
        "member-added",
        "member-removed",
        "member-renamed",
        "member-retyped",
        "member-moved",
        "bitfield-width",
      ]);
      const changed = new Set(
        result.changes
          .filter((c) => c.category === "records" && layoutKinds.has(c.kind))
          .map((c) => c.entity),
      );
      expect(drawn).toEqual(changed);
      expect(drawn.size).toBeGreaterThan(50);
      // sys/conf.h: struct cdev grows from 288 to 480 bytes (si_name[SPECNAMELEN + 1]).
      const cdev = dom.slice(dom.indexOf('data-record="struct cdev"'));
      expect(cdev).toMatch(
        /^data-record="struct cdev">.*?class="side old" data-size="288".*?class="side new" data-size="480"/s,
      );
      const shot = join(outDir, "diff-11.0-13.0.png");
      browser(profile)(
        [`--screenshot=${shot}`, "--window-size=1400,1000", "--hide-scrollbars"],
        page,
      );
      expect(statSync(shot).size).toBeGreaterThan(5000);
      process.stdout.write(`HTML diff report 11.0 → 13.0: ${page}, screenshot ${shot}\n`);
    });
  },
);
