// ISO-week and calendar-month arithmetic on 'YYYY-MM-DD' strings, all in UTC.
// Dates stay strings so they compare lexicographically and never pick up the host time zone.

/** `range`: any span of days, its id `YYYY-MM-DD..YYYY-MM-DD` (from `--from/--to`) */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'range';
export interface Period {
  kind: PeriodKind;
  id: string;
}
export interface DateRange {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const RANGE_RE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Parse the date part of an ISO date or date-time as UTC midnight. */
function dateMs(date: string | Date): number {
  if (date instanceof Date) return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function addDays(date: string, days: number): string {
  return toIsoDate(dateMs(date) + days * DAY_MS);
}

/** ISO-8601 week id: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: string | Date): string {
  const ms = dateMs(date);
  const dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(ms + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday–Sunday range of an ISO week id such as '2022-W47'. */
export function weekRange(id: string): DateRange {
  const m = WEEK_RE.exec(id);
  if (!m) throw new Error(`not an ISO week id: ${id}`);
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const start = toIsoDate(monday1 + (Number(m[2]) - 1) * 7 * DAY_MS);
  if (isoWeekOf(start) !== id) throw new Error(`no such ISO week: ${id}`);
  return { start, end: addDays(start, 6) };
}

export function monthRange(id: string): DateRange {
  const m = MONTH_RE.exec(id);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`not a month id: ${id}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { start: toIsoDate(Date.UTC(y, mo - 1, 1)), end: toIsoDate(Date.UTC(y, mo, 0)) };
}

/** First to last day of a quarter id such as '2022-Q4'. */
export function quarterRange(id: string): DateRange {
  const m = QUARTER_RE.exec(id);
  if (!m) throw new Error(`not a quarter id: ${id}`);
  const y = Number(m[1]);
  const q = Number(m[2]);
  return { start: toIsoDate(Date.UTC(y, 3 * (q - 1), 1)), end: toIsoDate(Date.UTC(y, 3 * q, 0)) };
}

/** A `from..to` span of days; both ends must be real dates, in order. */
export function spanRange(id: string): DateRange {
  const m = RANGE_RE.exec(id);
  if (!m || toIsoDate(dateMs(m[1])) !== m[1] || toIsoDate(dateMs(m[2])) !== m[2] || m[1] > m[2])
    throw new Error(`not a date range: ${id}`);
  return { start: m[1], end: m[2] };
}

export function periodRange(p: Period): DateRange {
  if (p.kind === 'week') return weekRange(p.id);
  if (p.kind === 'month') return monthRange(p.id);
  return p.kind === 'quarter' ? quarterRange(p.id) : spanRange(p.id);
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The period of `kind` that holds `date` (a range has no calendar: null). */
export function periodOfDate(kind: PeriodKind, date: string): string | null {
  if (kind === 'week') return isoWeekOf(date);
  if (kind === 'month') return date.slice(0, 7);
  return kind === 'quarter' ? quarterOf(date) : null;
}

/** Days in a range, both ends counted. */
export function rangeDays(r: DateRange): number {
  return Math.round((dateMs(r.end) - dateMs(r.start)) / DAY_MS) + 1;
}

/** The period `n` steps away (negative = earlier). */
export function shiftPeriod(p: Period, n: number): Period {
  if (p.kind === 'week') return { kind: 'week', id: isoWeekOf(addDays(weekRange(p.id).start, 7 * n)) };
  if (p.kind === 'range') {
    // a span is followed and preceded by spans of the same length
    const r = spanRange(p.id);
    const len = rangeDays(r);
    return { kind: 'range', id: `${addDays(r.start, n * len)}..${addDays(r.end, n * len)}` };
  }
  const { start } = periodRange(p);
  const d = new Date(dateMs(start));
  const months = p.kind === 'quarter' ? 3 * n : n;
  const first = toIsoDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  return { kind: p.kind, id: p.kind === 'quarter' ? quarterOf(first) : first.slice(0, 7) };
}

/** The `count` ISO weeks ending with the week that holds `endDate`, oldest first. */
export function weeksEndingAt(endDate: string, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(isoWeekOf(addDays(endDate, -7 * i)));
  return out;
}

/**
 * The latest ISO week that is over. With `now`, a week is over once its Sunday has passed.
 * Without `now`, the data is the only clock: the week of the latest date counts as over
 * only when that date is its Sunday. Returns null when there is nothing to go on.
 */
export function latestCompleteWeek(dates: string[], now?: string | Date): string | null {
  let ref: number;
  if (now !== undefined) {
    ref = now instanceof Date ? now.getTime() : Date.parse(now);
    if (Number.isNaN(ref)) throw new Error(`invalid now: ${String(now)}`);
  } else {
    const valid = dates
      .filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d))
      .map((d) => d.slice(0, 10))
      .sort();
    if (valid.length === 0) return null;
    ref = dateMs(valid[valid.length - 1]) + DAY_MS; // end of the latest day
  }
  // The week containing (ref - 1 ms) is complete only if ref is exactly its end.
  const lastDay = toIsoDate(ref - 1);
  const week = isoWeekOf(lastDay);
  return weekRange(week).end === lastDay && ref % DAY_MS === 0 ? week : isoWeekOf(addDays(lastDay, -7));
}
