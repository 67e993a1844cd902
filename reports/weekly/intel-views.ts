// Format-neutral tables of the threat-intelligence sections, shared by the HTML and Markdown renderers.
import { fmtDate, fmtInt, fmtUsd } from './format.ts';
import type { ReportJson } from './types.ts';
import type { Cell, Column, Table } from './views.ts';

const c = (text: string, tag?: string): Cell => (tag ? { text, tag } : { text });
const cols = (...labels: string[]): Column[] =>
  labels.map((l) => (l.startsWith('#') ? { label: l.slice(1), numeric: true } : { label: l }));
const usdRange = (r: { min: number; max: number; n: number } | null) =>
  r === null
    ? '—'
    : r.min === r.max
      ? `${fmtUsd(r.min)} (n = ${r.n})`
      : `${fmtUsd(r.min)} – ${fmtUsd(r.max)} (n = ${r.n})`;

export function actorsTable(r: ReportJson): Table {
  const win = `${r.series.trend.weeks.length} weeks`;
  return {
    id: 'actors-table',
    caption: 'Threat-actor profiles (ransom ranges leave out disputed sums)',
    columns: cols(
      'Group',
      `#This ${r.period.unit}`,
      `#${win}`,
      'First · last seen',
      'Aliases',
      'Countries',
      'Sub-sectors',
      'Demanded (USD)',
      'Paid (USD)',
      'Techniques',
    ),
    rows: r.tables.actors.map((a) => [
      c(a.name, a.is_new ? 'new' : undefined),
      c(fmtInt(a.incidents)),
      c(fmtInt(a.window_incidents)),
      c(`${fmtDate(a.first_seen)} · ${fmtDate(a.last_seen)}`),
      c(a.aliases.join(', ') || '—'),
      c(a.countries.join(', ')),
      c(a.sectors.join(', ')),
      c(usdRange(a.demanded_usd)),
      c(usdRange(a.paid_usd)),
      c(a.techniques.join(', ') || '—'),
    ]),
  };
}

export function techniquesTable(r: ReportJson): Table {
  return {
    id: 'techniques-table',
    caption: 'ATT&CK techniques the articles describe, with the words that say so',
    columns: cols('Technique', 'Tactics', `#This ${r.period.unit}`, '#Window', 'Evidence (quote · victim · source)'),
    rows: r.tables.techniques.map((t) => [
      c(`${t.id} ${t.name}`),
      c(t.tactics.join(', ')),
      c(fmtInt(t.incidents)),
      c(fmtInt(t.window_incidents)),
      { text: t.evidence.map((e) => `“${e.quote}” (${e.victim}) `).join(' '), links: t.evidence.map((e) => e.source) },
    ]),
  };
}

export function indicatorsTable(r: ReportJson): Table {
  return {
    id: 'indicators-table',
    caption: 'Indicators as reported by the articles (not verified by Triage)',
    columns: cols('Indicator', 'Kind', 'Victim', 'Group', 'Quote', 'Source'),
    rows: r.tables.indicators.map((x) => [
      c(x.value),
      c(x.kind === 'cve' ? 'CVE' : x.kind === 'leak-site' ? 'leak site' : 'domain'),
      c(x.victim),
      c(x.group ?? '—'),
      c(`“${x.quote}”`),
      { text: '', links: [x.source] },
    ]),
  };
}

export function dataTable(r: ReportJson): Table {
  return {
    id: 'data-table',
    caption: 'Kinds of data the articles say were exposed (an incident counts once per kind)',
    columns: cols('Data', `#This ${r.period.unit}`, '#Window', 'Evidence (quote · victim · source)'),
    rows: r.tables.data_exposed.map((d) => [
      c(d.label),
      c(fmtInt(d.incidents)),
      c(fmtInt(d.window_incidents)),
      { text: d.evidence.map((e) => `“${e.quote}” (${e.victim}) `).join(' '), links: d.evidence.map((e) => e.source) },
    ]),
  };
}

export function regulatorTable(r: ReportJson): Table {
  return {
    id: 'regulator-table',
    caption: 'US incidents and the HHS OCR breach list (filings matched by name, state and date window)',
    columns: cols('Victim', 'Date', 'HHS OCR entry', 'State', '#Individuals affected', 'Submitted', 'Breach type'),
    rows: r.tables.regulator.map((x) =>
      x.filing
        ? [
            c(x.victim),
            c(fmtDate(x.date)),
            c(x.filing.name),
            c(`${x.filing.state}${x.filing.state_matched ? '' : ' (state not checked)'}`),
            c(x.filing.individuals_affected === null ? '—' : fmtInt(x.filing.individuals_affected)),
            c(fmtDate(x.filing.submitted)),
            c(x.filing.breach_type),
          ]
        : [c(x.victim), c(fmtDate(x.date)), c('no matching filing found'), c('—'), c('—'), c('—'), c('—')],
    ),
  };
}

export function recommendationsTable(r: ReportJson): Table {
  return {
    id: 'recommendations-table',
    caption: 'Recommendations for hospital security teams, tied to the techniques seen this period',
    columns: cols('Mitigation', 'What to do', 'Against', `#Incidents this ${r.period.unit}`),
    rows: r.tables.recommendations.map((x) => [
      c(`${x.id} ${x.name}`),
      c(x.advice),
      c(x.techniques.join(', ')),
      c(fmtInt(x.incidents)),
    ]),
  };
}

export function mapTable(r: ReportJson): Table {
  return {
    id: 'map-table',
    caption: `Incidents by country this ${r.period.unit}`,
    columns: cols('Country', '#Incidents'),
    rows: r.tables.map.map((m) => [c(`${m.name} (${m.code})`), c(fmtInt(m.incidents))]),
  };
}

/** The heat table: one row per tactic, each technique a cell with its count (period / window). */
export function heatTable(r: ReportJson): Table {
  const tactics = [...new Set(r.tables.heat.map((h) => h.tactic))];
  return {
    id: 'heat-table',
    caption: `Techniques by tactic: incidents this ${r.period.unit} / in the window`,
    columns: cols('Tactic', 'Techniques'),
    rows: tactics.map((t) => [
      c(t),
      c(
        r.tables.heat
          .filter((h) => h.tactic === t)
          .map((h) => `${h.technique} ${h.name}: ${fmtInt(h.incidents)} / ${fmtInt(h.window_incidents)}`)
          .join('; '),
      ),
    ]),
  };
}
