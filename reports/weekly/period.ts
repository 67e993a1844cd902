// ISO-week and calendar-month arithmetic on 'YYYY-MM-DD' strings, all in UTC.
// Dates stay strings so they compare lexicographically and never pick up the host time zone.

export type PeriodKind = 'week' | 'month';
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

export function periodRange(p: Period): DateRange {
  return p.kind === 'week' ? weekRange(p.id) : monthRange(p.id);
}

export function periodOfDate(kind: PeriodKind, date: string): string {
  return kind === 'week' ? isoWeekOf(date) : date.slice(0, 7);
}

/** The period `n` steps away (negative = earlier). */
export function shiftPeriod(p: Period, n: number): Period {
  if (p.kind === 'week') return { kind: 'week', id: isoWeekOf(addDays(weekRange(p.id).start, 7 * n)) };
  const { start } = monthRange(p.id);
  const d = new Date(dateMs(start));
  return { kind: 'month', id: toIsoDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)).slice(0, 7) };
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
