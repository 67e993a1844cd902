// Markdown edition: the same figures and tables as the HTML, with charts given as their tables.
import { escapeMd as m, fmtDate, fmtDateTime, fmtInt, mdUrl } from './format.ts';
import {
  actorsTable,
  dataTable,
  heatTable,
  indicatorsTable,
  mapTable,
  recommendationsTable,
  regulatorTable,
  techniquesTable,
} from './intel-views.ts';
import type { ReportJson } from './types.ts';
import {
  countriesTable,
  failuresTable,
  groupsTable,
  kpiCards,
  methodologyLines,
  notableTable,
  periodsTable,
  ransomTable,
  recordsTable,
  revisionsTable,
  sectorsTable,
  trendTable,
  type Cell,
  type Table,
} from './views.ts';

function cell(x: Cell): string {
  const links = (x.links ?? []).map((l) => (l.href ? `[${m(l.label)}](${mdUrl(l.href)})` : m(l.label)));
  return `${m(x.text)}${links.join(', ')}${x.tag ? ` *(${m(x.tag)})*` : ''}`;
}

export function tableMd(t: Table): string {
  const head = `| ${t.columns.map((c) => m(c.label)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (c.numeric ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  const body = rows.length
    ? rows
    : [`| ${t.columns.map((_, i) => (i === 0 ? 'None this period.' : '')).join(' | ')} |`];
  return [`**${m(t.caption)}**`, '', head, rule, ...body].join('\n');
}

/** Where each finding's figure is shown, as a section name (Markdown has tables, not charts). */
const SEE: Record<string, string> = {
  kpis: 'Key figures',
  trend: 'Trend',
  countries: 'Top countries',
  groups: 'Top groups',
  sectors: 'Sub-sectors',
  records: 'Records affected',
  ransom: 'Ransom demanded vs paid',
  actors: 'Threat actors',
  techniques: 'Techniques and initial access',
  map: 'Geography',
  notable: 'Notable incidents',
};

export function renderMarkdown(r: ReportJson): string {
  const s = r.sources;
  const out: string[] = [
    `**${m(r.tlp)}**`,
    '',
    `# ${m(r.period.label)}`,
    '',
    ...(r.period.chosen ? [`*Period chosen automatically: ${m(r.period.chosen)}.*`, ''] : []),
    `Snapshot: ${m(fmtDateTime(r.snapshot_at))} · Sources polled: ${fmtInt(s.polled)}, failed: ${fmtInt(s.failed)} · Feed items: ${fmtInt(s.items)} · Documents: ${fmtInt(s.documents)}`,
    ...s.failures.map((f) => `- Failed: ${m(f.publisher)} (${m(f.id)}): ${m(f.error ?? 'failed')}`),
    '',
    '## Executive summary',
    '',
    ...r.summary.map((x, i) => `${i + 1}. ${m(x.text)}${SEE[x.section] ? ` (see ${SEE[x.section]})` : ''}`),
    '',
    '## Key findings',
    '',
    ...r.findings.map((f) => `- ${m(f.text)}${SEE[f.chart] ? ` (see ${SEE[f.chart]})` : ''}`),
    '',
    '## Key figures',
    '',
    '| Figure | Value | Detail |',
    '| --- | --- | --- |',
    ...kpiCards(r).map((k) => `| ${m(k.label)} | ${m(k.value)} | ${m(k.sub)} |`),
  ];
  const sections: [string, (Table | null)[]][] = [
    ['Threat actors', [actorsTable(r)]],
    ['Techniques and initial access', [heatTable(r), techniquesTable(r)]],
    ['Indicators reported', [indicatorsTable(r)]],
    ['Data exposed', [dataTable(r)]],
    ['Recommendations', [recommendationsTable(r)]],
    ['Geography', [mapTable(r)]],
    ['Regulator view (HHS OCR)', [regulatorTable(r)]],
    ['Trend', [trendTable(r), periodsTable(r)]],
    ['Top countries', [countriesTable(r)]],
    ['Top groups', [groupsTable(r)]],
    ['Sub-sectors', [sectorsTable(r)]],
    ['Records affected', [recordsTable(r)]],
    ['Ransom demanded vs paid', [ransomTable(r)]],
    ['Notable incidents', [notableTable(r)]],
  ];
  for (const [title, tables] of sections) {
    const present = tables.filter((t): t is Table => t !== null);
    if (present.length === 0) continue;
    out.push('', `## ${title}`, '', present.map(tableMd).join('\n\n'));
  }
  out.push('', '## Source documents', '');
  for (const x of r.tables.notable.filter((n) => n.sources.length > 0)) {
    out.push(
      `- **${m(x.victim)}**`,
      ...x.sources.map(
        (s, i) =>
          `  ${i + 1}. ${s.href ? `[${m(s.label)}](${mdUrl(s.href)})` : m(s.label)}` +
          `${s.published ? ` (${m(fmtDate(s.published))})` : ''}${s.title ? `: ${m(s.title)}` : ''}`,
      ),
    );
  }
  const revisions = revisionsTable(r);
  out.push(
    '',
    '## Revisions since the previous report',
    '',
    revisions
      ? tableMd(revisions)
      : '*No earlier report is recorded in this database, so there is nothing to compare yet.*',
  );
  const failures = failuresTable(r);
  out.push('', '## Methodology and caveats', '', ...methodologyLines(r).map((l) => `- ${m(l)}`));
  if (failures) out.push('', tableMd(failures));
  return `${out.join('\n')}\n`;
}
