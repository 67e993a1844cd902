// The report's ranked tables, built from the period's incidents (and, for context, earlier ones).
import { SECTORS, type Incident, type IncidentSource } from '../../core/records.ts';
import { distinctClaims, isDisputed, undisputedUsd } from './claims.ts';
import type { Dated } from './compute.ts';
import { countryName, round, safeHref } from './format.ts';
import type { DateRange } from './period.ts';
import { cmp } from './stats.ts';
import type {
  CountryRow,
  GroupRow,
  NotableRow,
  RansomRow,
  RecordsRow,
  Revision,
  RevisionRow,
  SectorRow,
  SourceLink,
} from './types.ts';

export const NOTABLE_MIN = 10;
export const NOTABLE_MAX = 15;
/** A page lists at most this many incidents of a period; the rest are in the figures and `triage incidents`. */
export const NOTABLE_CAP = 60;
export const RANSOM_ROWS = 12;
const TOP = 10;

interface Ranked {
  key: string;
  incidents: number;
  window: number;
}

/**
 * Counts per key in the period and in the trend window (which contains the period), ranked by the
 * window's count, then the period's, then the key: a bar chart reads largest first (a 5 never sits under a 2).
 */
function ranked(current: Incident[], window: Incident[], key: (i: Incident) => string): Ranked[] {
  const rows = new Map<string, Ranked>();
  const row = (k: string) => rows.get(k) ?? rows.set(k, { key: k, incidents: 0, window: 0 }).get(k)!;
  for (const i of current) row(key(i)).incidents++;
  for (const i of window) row(key(i)).window++;
  return [...rows.values()].sort((a, b) => b.window - a.window || b.incidents - a.incidents || cmp(a.key, b.key));
}

const shareOf = (k: number, n: number) => (n === 0 ? null : round(k / n));

export function countryRows(current: Incident[], window: Incident[]): CountryRow[] {
  return ranked(current, window, (i) => i.country ?? '')
    .slice(0, TOP)
    .map((r) => ({
      code: r.key || null,
      name: countryName(r.key || null),
      incidents: r.incidents,
      share: shareOf(r.incidents, current.length),
      window_incidents: r.window,
      window_share: shareOf(r.window, window.length) ?? 0,
    }));
}

/** A group is "new" when no dated incident attributed to it falls before the period. */
export function groupRows(current: Incident[], window: Incident[], all: Dated[], range: DateRange): GroupRow[] {
  const firstSeen = new Map<string, string>();
  for (const d of all) {
    const a = d.inc.actor;
    if (a !== null && (!firstSeen.has(a) || d.date < firstSeen.get(a)!)) firstSeen.set(a, d.date);
  }
  const attributed = (xs: Incident[]) => xs.filter((i) => i.actor !== null);
  return ranked(attributed(current), attributed(window), (i) => i.actor as string)
    .slice(0, TOP)
    .map((r) => {
      const first = firstSeen.get(r.key) ?? range.start;
      return {
        name: r.key,
        incidents: r.incidents,
        is_new: first >= range.start,
        first_seen: first,
        window_incidents: r.window,
      };
    });
}

export function sectorRows(current: Incident[], window: Incident[]): SectorRow[] {
  const order = (s: string) => SECTORS.indexOf(s as (typeof SECTORS)[number]);
  return ranked(current, window, (i) => i.sector)
    .sort((a, b) => b.window - a.window || b.incidents - a.incidents || order(a.key) - order(b.key))
    .map((r) => ({
      sector: r.key as SectorRow['sector'],
      incidents: r.incidents,
      share: shareOf(r.incidents, current.length),
      window_incidents: r.window,
      window_share: shareOf(r.window, window.length) ?? 0,
    }));
}

function recordSums(xs: Incident[]): Map<string, { records: number; incidents: number }> {
  const sums = new Map<string, { records: number; incidents: number }>();
  for (const i of xs) {
    if (i.records_affected === null) continue;
    const row = sums.get(i.country ?? '') ?? { records: 0, incidents: 0 };
    row.records += i.records_affected;
    row.incidents++;
    sums.set(i.country ?? '', row);
  }
  return sums;
}

/** Records with a known figure, summed by country: the period's, and the window's for context. */
export function recordsRows(current: Incident[], window: Incident[]): RecordsRow[] {
  const now = recordSums(current);
  return [...recordSums(window).entries()]
    .map(([code, w]) => ({
      code: code || null,
      name: countryName(code || null),
      records: now.get(code)?.records ?? 0,
      incidents: now.get(code)?.incidents ?? 0,
      window_records: w.records,
      window_incidents: w.incidents,
    }))
    .sort((a, b) => b.records - a.records || b.window_records - a.window_records || cmp(a.name, b.name))
    .slice(0, TOP);
}

/** Demanded vs paid over the trend window: one period rarely has enough known amounts to compare. Disputed
 * figures are listed and marked, and sort after every undisputed one so a denied demand never heads the chart. */
export function ransomRows(window: Dated[]): RansomRow[] {
  return window
    .filter((d) => d.inc.ransom_demanded_usd !== null || d.inc.ransom_paid_usd !== null)
    .map((d) => ({
      incident_id: d.inc.incident_id,
      victim: d.inc.victim,
      date: d.date,
      demanded_usd: d.inc.ransom_demanded_usd,
      paid_usd: d.inc.ransom_paid_usd,
      disputed: isDisputed(d.inc, 'demanded') || isDisputed(d.inc, 'paid'),
      rank: undisputedUsd(d.inc, 'demanded') ?? undisputedUsd(d.inc, 'paid') ?? -1,
    }))
    .sort((a, b) => b.rank - a.rank || cmp(a.victim, b.victim) || cmp(a.incident_id, b.incident_id))
    .slice(0, RANSOM_ROWS)
    .map(({ rank: _, ...row }) => row);
}

function hostOf(url: string | null): string | null {
  const href = safeHref(url);
  return href ? new URL(href).hostname : null;
}

function sourceLinks(sources: IncidentSource[]): SourceLink[] {
  return sources
    .map((s) => ({
      label: s.outlet ?? hostOf(s.url) ?? s.title ?? 'source',
      href: safeHref(s.url),
      title: s.title,
      published: s.published,
    }))
    .sort(
      (a, b) => cmp(a.published ?? '', b.published ?? '') || cmp(a.label, b.label) || cmp(a.href ?? '', b.href ?? ''),
    );
}

function notableRow(d: Dated, earlier: boolean): NotableRow {
  const i = d.inc;
  return {
    incident_id: i.incident_id,
    victim: i.victim,
    country: i.country,
    country_name: countryName(i.country),
    sector: i.sector,
    group: i.actor,
    date: d.date,
    status: i.status,
    ransom_as_written: distinctClaims(i),
    demanded_usd: i.ransom_demanded_usd,
    paid_usd: i.ransom_paid_usd,
    records: i.records_affected,
    downtime_days: i.downtime_days,
    sources: sourceLinks(i.sources),
    earlier,
  };
}

const byRecency = (a: Dated, b: Dated) =>
  cmp(b.date, a.date) || cmp(a.inc.victim, b.inc.victim) || cmp(a.inc.incident_id, b.inc.incident_id);

/** Largest reported impact first: records, then the undisputed demand, then how many sources reported it. */
const byImpact = (a: Dated, b: Dated) =>
  (b.inc.records_affected ?? 0) - (a.inc.records_affected ?? 0) ||
  (undisputedUsd(b.inc, 'demanded') ?? 0) - (undisputedUsd(a.inc, 'demanded') ?? 0) ||
  b.inc.sources.length - a.inc.sources.length ||
  byRecency(a, b);

/**
 * Every incident of the period (a busy period: the NOTABLE_CAP with the largest impact); a thin period is topped
 * up with the latest earlier ones, flagged.
 */
export function notableRows(all: Dated[], range: DateRange): NotableRow[] {
  let current = all.filter((d) => d.date >= range.start && d.date <= range.end);
  if (current.length > NOTABLE_CAP) current = current.sort(byImpact).slice(0, NOTABLE_CAP);
  current.sort(byRecency);
  const rows = current.map((d) => notableRow(d, false));
  if (rows.length >= NOTABLE_MIN) return rows;
  const earlier = all
    .filter((d) => d.date < range.start)
    .sort(byRecency)
    .slice(0, NOTABLE_MAX - rows.length);
  return rows.concat(earlier.map((d) => notableRow(d, true)));
}

/** Stable text for any field value: sorted-key JSON for objects, the string itself for strings. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(sortKeys(v));
}

export function revisionRows(revisions: Revision[] | undefined, incidents: Incident[]): RevisionRow[] | null {
  if (!revisions) return null;
  const victims = new Map(incidents.map((i) => [i.incident_id, i.victim]));
  return revisions
    .map((r) => ({
      incident_id: r.incident_id,
      victim: victims.get(r.incident_id) ?? r.victim ?? null,
      field: r.field,
      old: valueText(r.old),
      new: valueText(r.new),
    }))
    .sort((a, b) => cmp(a.victim ?? '', b.victim ?? '') || cmp(a.incident_id, b.incident_id) || cmp(a.field, b.field));
}

/** Deep copy with object keys in code-point order, so JSON text is byte-stable. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort(cmp)
        .map((k) => [k, sortKeys(o[k])]),
    );
  }
  return v;
}
