// A self-contained HTML page (no scripts, no external files): provenance, summary, the
// changed records' old and new layouts side by side, then every change grouped by header.
import type { Snapshot } from "../../snapshot/index.js";
import type { Change, ChangeKind, DiffResult } from "../model.js";
import { describeSide, groupChanges, SEVERITY_LABEL, summaryRows, where } from "./grouping.js";
import { escapeHtml } from "./html-escape.js";
import { layoutFigure } from "./html-layout.js";

/** Changes that alter a record's own layout or members: these records get a drawing. */
const LAYOUT_KINDS = new Set<ChangeKind>([
  "size",
  "align",
  "member-added",
  "member-removed",
  "member-renamed",
  "member-retyped",
  "member-moved",
  "bitfield-width",
]);

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;overflow-wrap:anywhere}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ccc}
table.summary{border-collapse:collapse}table.summary td,table.summary th{border:1px solid #ccc;padding:2px 10px;text-align:right}
table.summary th:first-child,table.summary td:first-child{text-align:left}
.sev{display:inline-block;min-width:6.5em;font-weight:600}.sev.abi{color:#b00}.sev.api{color:#a60}.sev.compatible{color:#070}
.where{color:#777;font-size:.9em;margin-left:.5em}code{font-family:ui-monospace,monospace}
figure.layout{margin:1em 0;padding:.5em;border:1px solid #ddd;border-radius:4px}
figcaption{font-weight:600;font-family:ui-monospace,monospace;margin-bottom:.3em}
.side{margin:.2em 0}.side .label{display:inline-block;width:16em;font-size:.85em;color:#555;vertical-align:middle}
.track{display:inline-block;width:calc(100% - 17em);vertical-align:middle}
.bar{position:relative;height:22px;background:#f4f4f4;border:1px solid #999;box-sizing:border-box}
.bar>div{position:absolute;top:0;bottom:0;box-sizing:border-box;overflow:hidden;white-space:nowrap;font-size:10px;line-height:20px;padding-left:2px;min-width:1px}
.field{background:#9cc3e6;border-right:1px solid #fff}.field.bitfield{background:#b9d7a8}.field.changed{background:#f2a65a}
.hole{background:repeating-linear-gradient(45deg,#d33 0 3px,#fff 3px 6px);opacity:.8}
.legend span{display:inline-block;padding:0 .6em;margin-right:.4em;font-size:.85em}
ul.changes{list-style:none;padding-left:1em}details{margin:.2em 0}summary{cursor:pointer}
`;

function changedRecords(changes: Change[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.category !== "records" || !LAYOUT_KINDS.has(c.kind)) continue;
    const paths = out.get(c.entity) ?? new Set<string>();
    if (c.member) paths.add(c.member);
    if (c.old?.name) paths.add(c.old.name);
    out.set(c.entity, paths);
  }
  return out;
}

function changeItem(c: Change): string {
  const at = where(c);
  return `<li><span class="sev ${c.severity}">${SEVERITY_LABEL[c.severity]}</span>${escapeHtml(c.message)}${at ? `<span class="where">${escapeHtml(at)}</span>` : ""}</li>`;
}

export function renderHtml(result: DiffResult, old: Snapshot, now: Snapshot): string {
  const oldRecords = new Map(old.records.map((r) => [r.key, r]));
  const newRecords = new Map(now.records.map((r) => [r.key, r]));
  const parts: string[] = [];
  parts.push(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>KPI changes</title><style>${STYLE}</style></head><body>`,
  );
  parts.push(
    `<h1>KPI changes</h1><p>old: <code>${escapeHtml(describeSide(result.old))}</code><br>new: <code>${escapeHtml(describeSide(result.new))}</code></p>`,
  );
  parts.push(
    `<table class="summary"><tr><th></th><th>ABI</th><th>API</th><th>compatible</th></tr>`,
  );
  for (const r of summaryRows(result))
    parts.push(
      `<tr><td>${r.label}</td><td>${r.abi}</td><td>${r.api}</td><td>${r.compatible}</td></tr>`,
    );
  parts.push(`</table>`);
  if (result.summary.allowed > 0)
    parts.push(`<p>${result.summary.allowed} changes allowed by --allow are not shown.</p>`);

  const drawn = changedRecords(result.changes);
  parts.push(`<h2 id="layouts">Changed record layouts (${drawn.size})</h2>`);
  parts.push(
    `<p class="legend"><span class="field">field</span><span class="field bitfield">bitfield</span><span class="field changed">changed</span><span class="hole">hole</span> old and new on one scale; hover a block for its member.</p>`,
  );
  for (const key of [...drawn.keys()].sort())
    parts.push(layoutFigure(key, oldRecords.get(key), newRecords.get(key), drawn.get(key)!));

  parts.push(`<h2 id="changes">Changes by header</h2>`);
  if (result.changes.length === 0) parts.push(`<p>No changes.</p>`);
  for (const group of groupChanges(result.changes)) {
    const count = group.entities.reduce((n, e) => n + e.changes.length, 0);
    parts.push(
      `<details open><summary><code>${escapeHtml(group.header)}</code> (${count})</summary><ul class="changes">`,
    );
    for (const entity of group.entities) {
      parts.push(
        `<li><code>${escapeHtml(entity.entity)}</code><ul class="changes">${entity.changes.map(changeItem).join("")}</ul></li>`,
      );
    }
    parts.push(`</ul></details>`);
  }
  parts.push(`</body></html>\n`);
  return parts.join("\n");
}
