// Format-neutral tables and KPI cards, shared by the HTML and Markdown renderers so both show
// exactly the same figures. Cells hold raw (unescaped) text; each renderer escapes.
import { ATTACK_TYPES } from '../../core/records.ts';
import { fmtDate, fmtInt, fmtNum, fmtShare, fmtSignedPct, fmtUsd, sectorLabel } from './format.ts';
import type { ReportJson, SourceLink } from './types.ts';

export interface Cell {
  text: string;
  tag?: string;
  links?: SourceLink[];
}
export interface Column {
  label: string;
  numeric?: boolean;
}
export interface Table {
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  rowTags?: (string | null)[];
}
export interface KpiCard {
  label: string;
  value: string;
  sub: string;
}

const c = (text: string, tag?: string): Cell => (tag ? { text, tag } : { text });
const num = (n: number | null) => c(n === null ? '—' : fmtInt(n));
const cols = (...labels: string[]): Column[] =>
  labels.map((l) => (l.startsWith('#') ? { label: l.slice(1), numeric: true } : { label: l }));

/** A change as a short card value; the base (and why it is suppressed) goes under it. */
function changeCard(ch: ReportJson['kpis']['vs_previous'], what: string): { value: string; sub: string } {
  return ch.suppressed
    ? { value: 'n/a', sub: `base ${fmtNum(ch.base)} (${what}) is under 5: not compared` }
    : { value: fmtSignedPct(ch.pct!), sub: `base ${fmtNum(ch.base)} (${what})` };
}

export function kpiCards(r: ReportJson): KpiCard[] {
  const k = r.kpis;
  const unit = r.period.unit;
  const rec = k.records_affected;
  return [
    {
      label: `Incidents this ${unit}`,
      value: fmtInt(k.incidents),
      sub: `${r.period.previous}: ${fmtInt(k.vs_previous.base)}`,
    },
    { label: `vs previous ${unit}`, ...changeCard(k.vs_previous, r.period.previous) },
    { label: `vs trailing 4-${unit} mean`, ...changeCard(k.vs_trailing_mean, `4-${unit} mean`) },
    {
      label: 'Ransomware share',
      value: fmtShare(k.ransomware.share),
      sub: `${fmtInt(k.ransomware.count)} of ${fmtInt(k.incidents)}`,
    },
    {
      label: 'Countries hit',
      value: fmtInt(k.countries_hit),
      sub: `${fmtInt(r.tables.countries.filter((x) => x.window_incidents > 0).length)} in the ${r.series.trend.weeks.length}-week window`,
    },
    {
      label: 'Records affected',
      value: rec.known === 0 ? '—' : fmtInt(rec.total),
      sub: `known for ${fmtInt(rec.known)} of ${fmtInt(rec.of)} incidents`,
    },
    {
      label: 'Median ransom demanded',
      value: fmtUsd(k.median_ransom_demanded_usd.value),
      sub: `n = ${fmtInt(k.median_ransom_demanded_usd.known)} known`,
    },
  ];
}

export function trendTable(r: ReportJson): Table {
  return {
    id: 'trend-table',
    caption: 'Incidents per week by attack type',
    columns: cols('Week', 'Starts', ...ATTACK_TYPES.map((t) => `#${t}`), '#Total', 'Spike'),
    rows: r.series.trend.weeks.map((w) => [
      c(w.week, w.current ? 'this period' : undefined),
      c(fmtDate(w.start)),
      ...ATTACK_TYPES.map((t) => num(w.by_type[t])),
      num(w.total),
      c(w.spike ? 'spike' : ''),
    ]),
  };
}

export function periodsTable(r: ReportJson): Table {
  return {
    id: 'periods-table',
    caption: `Incidents in this and the previous 4 ${r.period.unit}s`,
    columns: cols(r.period.unit.charAt(0).toUpperCase() + r.period.unit.slice(1), '#Incidents'),
    rows: r.series.periods.map((p) => [c(p.id), num(p.incidents)]),
  };
}

/** Column labels for "this period" and "the trend window". */
function spans(r: ReportJson): { now: string; win: string } {
  return { now: `This ${r.period.unit}`, win: `${r.series.trend.weeks.length} weeks` };
}

export function countriesTable(r: ReportJson): Table {
  const { now, win } = spans(r);
  return {
    id: 'countries-table',
    caption: 'Top countries',
    columns: cols('#Rank', 'Country', `#${now}`, '#Share', `#${win}`, '#Share'),
    rows: r.tables.countries.map((x, i) => [
      num(i + 1),
      c(x.code ? `${x.name} (${x.code})` : x.name),
      num(x.incidents),
      c(x.incidents ? fmtShare(x.share) : '—'),
      num(x.window_incidents),
      c(fmtShare(x.window_share)),
    ]),
  };
}

export function groupsTable(r: ReportJson): Table {
  const { now, win } = spans(r);
  return {
    id: 'groups-table',
    caption: `Top groups (${fmtInt(r.tables.unattributed)} incidents this ${r.period.unit} unattributed)`,
    columns: cols('#Rank', 'Group', `#${now}`, `#${win}`, 'First seen'),
    rows: r.tables.groups.map((g, i) => [
      num(i + 1),
      c(g.name, g.is_new ? 'new' : undefined),
      num(g.incidents),
      num(g.window_incidents),
      c(fmtDate(g.first_seen)),
    ]),
  };
}

export function sectorsTable(r: ReportJson): Table {
  const { now, win } = spans(r);
  return {
    id: 'sectors-table',
    caption: 'Sub-sector split',
    columns: cols('Sector', `#${now}`, '#Share', `#${win}`, '#Share'),
    rows: r.tables.sectors.map((s) => [
      c(sectorLabel(s.sector)),
      num(s.incidents),
      c(s.incidents ? fmtShare(s.share) : '—'),
      num(s.window_incidents),
      c(fmtShare(s.window_share)),
    ]),
  };
}

export function recordsTable(r: ReportJson): Table {
  const { now, win } = spans(r);
  return {
    id: 'records-table',
    caption: 'Records affected by country (incidents with a known figure)',
    columns: cols('Country', `#${now}`, '#Incidents', `#${win}`, '#Incidents'),
    rows: r.tables.records_by_country.map((x) => [
      c(x.name),
      num(x.records),
      num(x.incidents),
      num(x.window_records),
      num(x.window_incidents),
    ]),
  };
}

export function ransomTable(r: ReportJson): Table {
  return {
    id: 'ransom-table',
    caption: `Ransom demanded vs paid (USD), ${r.series.trend.weeks.length}-week window`,
    columns: cols('Victim', 'Date', '#Demanded (USD)', '#Paid (USD)'),
    rows: r.tables.ransom.map((x) => [
      c(x.victim),
      c(fmtDate(x.date)),
      c(fmtUsd(x.demanded_usd)),
      c(fmtUsd(x.paid_usd)),
    ]),
  };
}

export function notableTable(r: ReportJson): Table {
  const rows = r.tables.notable;
  return {
    id: 'notable-table',
    caption: 'Notable incidents',
    columns: cols(
      'Victim',
      'Country',
      'Sector',
      'Group',
      'Date',
      'Status',
      'Ransom as written',
      '#Demanded (USD)',
      '#Paid (USD)',
      '#Records',
      '#Downtime (days)',
      'Sources',
    ),
    rows: rows.map((x) => [
      c(x.victim, x.earlier ? 'earlier' : undefined),
      c(x.country ?? '—'),
      c(sectorLabel(x.sector)),
      c(x.group ?? '—'),
      c(fmtDate(x.date)),
      c(x.status),
      c(x.ransom_as_written.join('; ') || '—'),
      c(fmtUsd(x.demanded_usd)),
      c(fmtUsd(x.paid_usd)),
      num(x.records),
      c(x.downtime_days === null ? '—' : fmtNum(x.downtime_days)),
      { text: x.sources.length ? '' : '—', links: x.sources },
    ]),
    rowTags: rows.map((x) => (x.earlier ? 'earlier' : null)),
  };
}

export function revisionsTable(r: ReportJson): Table | null {
  if (!r.tables.revisions) return null;
  const since = r.tables.revisions_since;
  return {
    id: 'revisions-table',
    caption: `Revisions since the previous report${since ? ` (${since})` : ''}`,
    columns: cols('Victim', 'Incident', 'Field', 'Old', 'New'),
    rows: r.tables.revisions.map((x) => [c(x.victim ?? '—'), c(x.incident_id), c(x.field), c(x.old), c(x.new)]),
  };
}

export function failuresTable(r: ReportJson): Table | null {
  if (r.sources.failures.length === 0) return null;
  return {
    id: 'failures-table',
    caption: 'Sources that failed',
    columns: cols('Source', 'Publisher', 'Error'),
    rows: r.sources.failures.map((f) => [c(f.id), c(f.publisher), c(f.error ?? '—')]),
  };
}

export function methodologyLines(r: ReportJson): string[] {
  const m = r.methodology;
  return [
    ...m.notes,
    `This ${r.period.unit}: ${fmtInt(m.counted)} counted; ${fmtInt(m.undated_excluded)} in the whole dataset without any date, not counted.`,
    `FX rate months used this ${r.period.unit}: ${m.fx_months.length ? m.fx_months.join(', ') : 'none'}. Hedged ransom claims: ${fmtInt(m.hedged_claims)}; disputed: ${fmtInt(m.disputed_claims)}.`,
  ];
}
