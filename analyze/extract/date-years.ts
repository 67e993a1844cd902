// Years the text names, against the year the publication date gives a month and day written without one.
// "Hackers gained access between May 13 and July 29" in a story published in February 2019 that dates everything
// "in 2017" is not May 2018: a day far back from publication lies in a year the text names, or in none we can tell.
import { DAY, iso, utc, validDay, type DateMention } from './dates.ts';

// a four-digit year standing alone (not a count, a sum or a decimal: "2,019", "$2019", "2019%", "2019.5")
const YEAR = /(?<![\d.,$€£¥₹-])\b((?:19[89]|20\d)\d)\b(?![\d,%]|\.\d)/g;
/** Further back than this, a month and day without a year are checked against the years the text names. */
const NEAR_DAYS = 120;
/** …and moved back to the latest of them at most this many years earlier. */
const BACK_YEARS = 3;

/** The years the text names. */
export function yearsNamed(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(YEAR)) out.add(Number(m[1]));
  return out;
}

/**
 * The month-and-day mentions the publication date placed far back, in a year the text never names while it names
 * an earlier one, moved to the latest such year; left without a date where no named year takes the day.
 */
export function reyear(ds: DateMention[], ref: number, years: Set<number>): void {
  if (!years.size) return;
  for (const d of ds) {
    if (d.kind !== 'md' || d.year !== undefined || !d.date || !d.m || !d.d) continue;
    const y = Number(d.date.slice(0, 4));
    if (ref - Date.parse(d.date) <= NEAR_DAYS * DAY || years.has(y)) continue;
    const earlier = [...years].filter((x) => x < y && x >= y - BACK_YEARS);
    if (!earlier.length) continue;
    const y2 = Math.max(...earlier);
    // (the year is then the text's own, as if written with the date)
    d.date = validDay(y2, d.m, d.d) ? iso(utc(y2, d.m, d.d)) : null;
    d.year = y2;
  }
}

/** How far a written year carries to the days the narrative goes on to give without one. */
const CARRY_CHARS = 600;
const CARRY_DAYS = 92;

/**
 * A month and day without a year that follows a date written with another year, shortly after it in the text and in
 * time, goes on in that year: "first logged in on 2 February 2025 … before deploying ransomware on 9 February" in a
 * story of May 2026 is 9 February 2025, not 2026.
 */
export function carryYears(ds: DateMention[]): void {
  let last: DateMention | null = null;
  for (const d of ds) {
    if (d.kind === 'full' && d.date && d.year !== undefined) {
      last = d;
      continue;
    }
    if (!last || d.kind !== 'md' || d.year !== undefined || !d.date || !d.m || !d.d) continue;
    if (d.start - last.end > CARRY_CHARS || Number(d.date.slice(0, 4)) === last.year) continue;
    const y = last.year!;
    if (!validDay(y, d.m, d.d)) continue;
    const t = utc(y, d.m, d.d),
      from = Date.parse(last.date!);
    if (t < from || t - from > CARRY_DAYS * DAY) continue;
    d.date = iso(t);
    d.year = y;
  }
}
