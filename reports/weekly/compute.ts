// Period selection, KPIs and the 16-week trend. Pure functions over Incident[].
import { ATTACK_TYPES, type AttackType, type Incident } from '../../core/records.ts';
import { undisputedUsd } from './claims.ts';
import { fmtDate, round } from './format.ts';
import {
  isoWeekOf,
  periodOfDate,
  periodRange,
  shiftPeriod,
  weekRange,
  weeksEndingAt,
  type DateRange,
  type Period,
} from './period.ts';
import { change, mean, median, sd } from './stats.ts';
import type { Kpis, ReportJson, Trend, TrendWeek } from './types.ts';

/** The trend reaches back to the first dated incident, but never under 16 nor over 52 weeks. */
export const TREND_MIN_WEEKS = 16;
export const TREND_MAX_WEEKS = 52;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const TRAILING_PERIODS = 4;

/** An incident is placed by when it happened, falling back to when it was first reported. */
export function incidentDate(i: Incident): string | null {
  return i.attack_date ?? i.first_reported;
}

export interface Dated {
  inc: Incident;
  date: string;
}

export function datedIncidents(incidents: Incident[]): Dated[] {
  const out: Dated[] = [];
  for (const inc of incidents) {
    const date = incidentDate(inc);
    if (date) out.push({ inc, date });
  }
  return out;
}

export function inRange(date: string, r: DateRange): boolean {
  return date >= r.start && date <= r.end;
}

/** One type per incident so stacked bars add up to the incident count: the first in ATTACK_TYPES order. */
export function primaryType(i: Incident): AttackType {
  return ATTACK_TYPES.find((t) => i.attack_types.includes(t)) ?? 'other';
}

export function periodHeader(p: Period, chosen: string | null = null): ReportJson['period'] {
  const r = periodRange(p);
  const label =
    p.kind === 'week'
      ? `Week ${Number(p.id.slice(6))}, ${p.id.slice(0, 4)} (${fmtDate(r.start)} – ${fmtDate(r.end)})`
      : p.kind === 'month'
        ? `${MONTH_NAMES[Number(p.id.slice(5)) - 1]} ${p.id.slice(0, 4)}`
        : p.kind === 'quarter'
          ? `${p.id.slice(5)} ${p.id.slice(0, 4)} (${fmtDate(r.start)} – ${fmtDate(r.end)})`
          : `${fmtDate(r.start)} – ${fmtDate(r.end)}`;
  const unit = p.kind === 'range' ? 'period' : p.kind;
  return { kind: p.kind, id: p.id, label, start: r.start, end: r.end, previous: shiftPeriod(p, -1).id, unit, chosen };
}

/** Incident counts for the period and the TRAILING_PERIODS before it, oldest first. */
export function periodCounts(all: Dated[], p: Period): { id: string; incidents: number }[] {
  const periods: Period[] = [];
  for (let n = -TRAILING_PERIODS; n <= 0; n++) periods.push(shiftPeriod(p, n));
  const counts = new Map(periods.map((q) => [q.id, 0]));
  const ranges = periods.map((q) => ({ id: q.id, ...periodRange(q) }));
  for (const d of all) {
    // calendar periods by key; spans (which have no calendar) by range
    const id = periodOfDate(p.kind, d.date) ?? ranges.find((r) => inRange(d.date, r))?.id;
    if (id !== undefined && counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return periods.map((q) => ({ id: q.id, incidents: counts.get(q.id) ?? 0 }));
}

export function computeKpis(current: Incident[], counts: { incidents: number }[]): Kpis {
  const n = current.length;
  const previous = counts[counts.length - 2]?.incidents ?? 0;
  const trailing = mean(counts.slice(0, -1).map((c) => c.incidents));
  const ransomware = current.filter((i) => i.attack_types.includes('ransomware')).length;
  const records = current.filter((i) => i.records_affected !== null).map((i) => i.records_affected as number);
  // headline figures leave out disputed sums (claims/undisputedUsd)
  const demanded = current.map((i) => undisputedUsd(i, 'demanded')).filter((x): x is number => x !== null);
  const paid = current.map((i) => undisputedUsd(i, 'paid')).filter((x): x is number => x !== null);
  const med = median(demanded);
  return {
    incidents: n,
    vs_previous: change(n, previous),
    vs_trailing_mean: change(n, trailing),
    ransomware: { count: ransomware, share: n === 0 ? null : round(ransomware / n) },
    countries_hit: new Set(current.map((i) => i.country).filter((c) => c !== null)).size,
    records_affected: { total: records.reduce((a, b) => a + b, 0), known: records.length, of: n },
    median_ransom_demanded_usd: { value: med === null ? null : round(med, 2), known: demanded.length },
    ransom_paid: {
      known: paid.length,
      total_usd: round(
        paid.reduce((a, b) => a + b, 0),
        2,
      ),
    },
  };
}

/** The trend window's ISO weeks, oldest first, ending with the week that holds the period's last day. */
export function trendWeeks(all: Dated[], p: Period): string[] {
  const end = periodRange(p).end;
  const first = all
    .map((d) => d.date)
    .filter((d) => d <= end)
    .sort()[0];
  const span = first
    ? Math.round(
        (Date.parse(weekRange(isoWeekOf(end)).start) - Date.parse(weekRange(isoWeekOf(first)).start)) / 604_800_000,
      ) + 1
    : 0;
  return weeksEndingAt(end, Math.min(TREND_MAX_WEEKS, Math.max(TREND_MIN_WEEKS, span)));
}

/** Weekly counts by primary attack type over the trend window; spikes are weeks above mean + 2 sd. */
export function computeTrend(all: Dated[], p: Period, weeks: string[]): Trend {
  const range = periodRange(p);
  const rows = new Map<string, TrendWeek>();
  for (const week of weeks) {
    const wr = weekRange(week);
    const by_type = Object.fromEntries(ATTACK_TYPES.map((t) => [t, 0])) as Record<AttackType, number>;
    const current = wr.end >= range.start && wr.start <= range.end;
    rows.set(week, { week, start: wr.start, total: 0, spike: false, current, by_type });
  }
  for (const d of all) {
    const row = rows.get(isoWeekOf(d.date));
    if (!row) continue;
    row.total++;
    row.by_type[primaryType(d.inc)]++;
  }
  const totals = weeks.map((w) => rows.get(w)!.total);
  const m = mean(totals);
  const s = sd(totals);
  const threshold = m + 2 * s;
  for (const row of rows.values()) row.spike = row.total > threshold;
  const start = weekRange(weeks[0]).start;
  return {
    weeks: weeks.map((w) => rows.get(w)!),
    start,
    end: range.end,
    mean: round(m),
    sd: round(s),
    threshold: round(threshold),
  };
}
