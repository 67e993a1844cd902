// Self-contained HTML page: inline CSS and SVG only, a strict CSP, no script, every string escaped.
import type { Chart } from './charts.ts';
import { escapeHtml as e, fmtDateTime, fmtInt } from './format.ts';
import { tableHtml } from './html-table.ts';
import {
  actorsHtml,
  dataHtml,
  indicatorsHtml,
  recommendationsHtml,
  regulatorHtml,
  summaryHtml,
  techniquesHtml,
} from './intel-html.ts';
import { mapTable } from './intel-views.ts';
import { notableHtml, sourceDocsHtml } from './notable-html.ts';
import { CSS } from './style.ts';
import type { ReportJson } from './types.ts';
import {
  countriesTable,
  failuresTable,
  groupsTable,
  kpiCards,
  methodologyLines,
  periodsTable,
  ransomTable,
  recordsTable,
  revisionsTable,
  sectorsTable,
  trendTable,
} from './views.ts';

export { tableHtml };

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function figure(c: Chart, n: number): string {
  const inner = c.svg ? `<div class="chart">${c.svg}</div>` : '<p class="empty">No data for this chart.</p>';
  return `<figure id="chart-${e(c.id)}" role="group" aria-labelledby="cap-${e(c.id)}"><figcaption id="cap-${e(c.id)}">Figure ${n}. ${e(c.title)}</figcaption>\n${inner}\n</figure>`;
}

/** Each finding points at the figure (or the key-figures strip) that carries its number. */
function findings(r: ReportJson, charts: Chart[]): string {
  const items = r.findings.map((f) => {
    const n = charts.findIndex((c) => c.id === f.chart);
    const ref =
      n >= 0
        ? ` <a class="ref" href="#chart-${e(f.chart)}">Figure ${n + 1}</a>`
        : f.chart === 'kpis'
          ? ' <a class="ref" href="#h-kpis">Key figures</a>'
          : '';
    return `<li>${e(f.text)}${ref}</li>`;
  });
  return `<ul class="findings">\n${items.join('\n')}\n</ul>`;
}

function section(id: string, title: string, ...parts: string[]): string {
  return `<section aria-labelledby="h-${id}"><h2 id="h-${id}">${e(title)}</h2>\n${parts.join('\n')}\n</section>`;
}

function header(r: ReportJson): string {
  const s = r.sources;
  const failed = s.failures.map((f) => `<li>${e(f.publisher)} (${e(f.id)}): ${e(f.error ?? 'failed')}</li>`).join('');
  const chosen = r.period.chosen
    ? `<p class="meta chosen">Period chosen automatically: ${e(r.period.chosen)}.</p>`
    : '';
  return `<header><p class="tlp">${e(r.tlp)}</p><p class="meta">Triage · healthcare cyber-incident threat report</p>
<h1>${e(r.period.label)}</h1>${chosen}
<div class="meta"><p>Snapshot: <time datetime="${e(r.snapshot_at)}">${e(fmtDateTime(r.snapshot_at))}</time> · Sources polled: ${fmtInt(s.polled)}, failed: ${fmtInt(s.failed)} · Feed items: ${fmtInt(s.items)} · Documents: ${fmtInt(s.documents)}</p>${failed ? `<ul aria-label="Failed sources">${failed}</ul>` : ''}</div></header>`;
}

/** The PDF's first page (print only): period, TLP and the report's name. */
function cover(r: ReportJson): string {
  return `<section class="cover" aria-hidden="true"><p class="tlp">${e(r.tlp)}</p><p>Triage · healthcare cyber-incident threat report</p><h1>${e(r.period.label)}</h1><p>Snapshot ${e(fmtDateTime(r.snapshot_at))}</p><p class="tlp">${e(r.tlp)}</p></section>`;
}

function kpis(r: ReportJson): string {
  const cards = kpiCards(r)
    .map(
      (k) => `<div class="kpi"><dt>${e(k.label)}</dt><dd>${e(k.value)}<span class="sub">${e(k.sub)}</span></dd></div>`,
    )
    .join('\n');
  return section('kpis', 'Key figures', `<dl class="kpis">\n${cards}\n</dl>`);
}

export function renderHtml(r: ReportJson, charts: Chart[]): string {
  const chart = (id: string) => figure(charts.find((c) => c.id === id)!, charts.findIndex((c) => c.id === id) + 1);
  const details = (summary: string, body: string) => `<details><summary>${e(summary)}</summary>\n${body}\n</details>`;
  const revisions = revisionsTable(r);
  const failures = failuresTable(r);
  const body = [
    cover(r),
    header(r),
    section('summary', 'Executive summary', summaryHtml(r)),
    kpis(r),
    section('actors', 'Threat actors', actorsHtml(r)),
    section('techniques', 'Techniques and initial access (MITRE ATT&CK)', techniquesHtml(r)),
    section('indicators', 'Indicators reported', indicatorsHtml(r)),
    section('data', 'Data exposed', chart('data'), dataHtml(r)),
    section('recommendations', 'Recommendations', recommendationsHtml(r)),
    section('map', 'Geography', `<div class="geo">${chart('map')}\n${tableHtml(mapTable(r))}</div>`),
    section('regulator', 'Regulator view (HHS OCR)', regulatorHtml(r)),
    section('findings', 'Key findings', findings(r, charts)),
    section(
      'trend',
      'Trend',
      chart('trend'),
      details('Weekly figures', tableHtml(trendTable(r))),
      tableHtml(periodsTable(r)),
    ),
    section('countries', 'Top countries', chart('countries'), tableHtml(countriesTable(r))),
    section('groups', 'Top groups', chart('groups'), tableHtml(groupsTable(r))),
    section('sectors', 'Sub-sectors', chart('sectors'), tableHtml(sectorsTable(r))),
    section('records', 'Records affected', chart('records'), tableHtml(recordsTable(r))),
    section('ransom', 'Ransom demanded vs paid', chart('ransom'), tableHtml(ransomTable(r))),
    section('notable', 'Notable incidents', notableHtml(r)),
    section('sources', 'Source documents', sourceDocsHtml(r)),
    section(
      'revisions',
      'Revisions since the previous report',
      revisions
        ? tableHtml(revisions)
        : '<p class="empty">No earlier report is recorded in this database, so there is nothing to compare yet.</p>',
    ),
    section(
      'methodology',
      'Methodology and caveats',
      `<ul>\n${methodologyLines(r)
        .map((l) => `<li>${e(l)}</li>`)
        .join('\n')}\n</ul>`,
      failures ? tableHtml(failures) : '',
    ),
  ]
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(`Triage report — ${r.period.id}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
