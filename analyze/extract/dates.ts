// Date mentions by grammar: full dates, day and month, weekdays, words for a day counted back, "N days ago".
// Names come from data lists (date-months, date-weekdays, date-relative-days, date-past-words, date-numerals), so
// the same grammar reads "9 de agosto", "samedi dernier" and "am 3. März 2024".
import { parseFeasts, type Feast } from './feasts.ts';
import type { Lists } from './lists.ts';
import { words } from './lists.ts';
import { withTwin } from './fastre.ts';
import { escapeRe } from './text.ts';

export type DateKind = 'full' | 'md' | 'wd' | 'wdd' | 'dom' | 'rel' | 'ago' | 'layout';

export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD, or null when nothing fixes it (no publication date, no year in the text) */
  date: string | null;
  kind: DateKind;
  /** month and day when the grammar gives them (md, full) */
  m?: number;
  d?: number;
  /** the year written with the date (or with the date it is paired with: "February 26 and March 7, 2023") */
  year?: number;
}

export const DAY = 86400000;
export const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

export function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(utc(y, m, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "N word" entries → word → N (lower case). */
function numbered(lists: Lists, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words(lists, name)) {
    const i = w.indexOf(' ');
    out.set(w.slice(i + 1).toLowerCase(), Number(w.slice(0, i)));
  }
  return out;
}

const alt = (ws: Iterable<string>) =>
  [...ws]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');

interface Calendar {
  /** a preposition right before a numeric date makes it prose */
  numericPrep: RegExp;
  months: Map<string, number>;
  weekdays: Map<string, number>;
  numerals: Map<string, number>;
  /** language → phrase → days back */
  relative: Map<string, Map<string, number>>;
  patterns: { kind: DateKind; re: RegExp }[];
  relRe: Map<string, RegExp>;
  lead: RegExp;
  /** words that make a weekday a named day: "Palm Sunday", "Cyber Monday" */
  named: RegExp;
  /** "last week" before or after a weekday: the day of the week before publication's */
  weekBefore: RegExp;
  weekAfter: RegExp;
  /** feasts on a fixed date: name → [month, day] */
  feasts: Feast[];
}

const calendars = new WeakMap<Lists, Calendar>();

export const calendarPatterns = (lists: Lists) => calendar(lists).patterns;

function calendar(lists: Lists): Calendar {
  const hit = calendars.get(lists);
  if (hit) return hit;
  const months = numbered(lists, 'date-months');
  const weekdays = numbered(lists, 'date-weekdays');
  const numerals = numbered(lists, 'date-numerals');
  const relative = new Map<string, Map<string, number>>();
  for (const w of words(lists, 'date-relative-days')) {
    const [lang, n, ...rest] = w.split(' ');
    if (!relative.has(lang!)) relative.set(lang!, new Map());
    relative.get(lang!)!.set(rest.join(' ').toLowerCase(), Number(n));
  }
  // Patterns run without the u flag, whose case folding is several times slower; boundaries name the letters.
  const B = String.raw`\b`,
    NB = String.raw`(?![\wÀ-ÖØ-öø-ÿ])`;
  const MON = String.raw`(${alt(months.keys())})\.?`;
  const WD = String.raw`(${alt(weekdays.keys())})`;
  const pattern = (w: string) =>
    w.length > 2 && w.startsWith('/') && w.endsWith('/') ? w.slice(1, -1) : escapeRe(w).replace(/ /g, '\\s+');
  const PAST = words(lists, 'date-past-words').map(pattern).join('|');
  const ORD = String.raw`(?:st|nd|rd|th|er|e|º|\.)?`;
  const YEAR = String.raw`(?:,?\s+(?:de\s+|del\s+)?((?:19|20)\d{2})(?!\d))?`;
  const NUM = alt(numerals.keys());
  // (a night runs from one day to the next: "in der Nacht vom 2. auf den 3. Januar", "vom 2. bis zum 5. Mai")
  // (…and its second day may take an article: "tra il 3 e il 4 maggio", "entre el 3 y el 4 de mayo", or its weekday:
  // "dans la nuit du samedi 14 au dimanche 15 juin")
  const WEEKDAY = String.raw`(?:${alt(weekdays.keys())})`;
  const RANGE =
    String.raw`(?:\s*(?:-|–|and(?:\s+the)?|to(?:\s+the)?|y(?:\s+el)?|et(?:\s+le)?|e(?:\s+il|\s+o)?|und|en|al|au|a` +
    String.raw`|bis(?:\s+zum)?|auf\s+den|tot)\s*(?:${WEEKDAY},?\s+)?(\d{1,2})${ORD})?`;
  const MD_RANGE = String.raw`(?:\s*(?:-|–|and|to)\s*(\d{1,2})${ORD})?`;
  const DAYS = String.raw`(?:days?|días|jours|tagen|dagen|dias|giorni)${NB}`;
  const BACK = String.raw`(?:${B}(?:hace|il y a|vor)\s+)?`;
  const AGO = 'ago|geleden|atrás|fa';
  const DAY_PART_JOINED = '(?:morgen|vormittag|mittag|nachmittag|abend|nacht|ochtend|middag|avond)?';
  const re = (src: string) => new RegExp(src, 'gi');
  const patterns: { kind: DateKind; re: RegExp }[] = [
    // layout: ISO stamps and numeric dates belong to datelines and archive lines, not to prose
    { kind: 'layout', re: /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?!\d)/g },
    // 26 February 2023, 3-6 July, 9 de agosto de 2025, am 3. März, Friday 21 February, Thursday night (19th April)
    { kind: 'full', re: re(String.raw`${B}(\d{1,2})${ORD}${RANGE}\s+(?:of\s+|de\s+)?${MON}${NB}${YEAR}\)?`) },
    // February 26, 2023; Oct. 31; July 3 and 6; Friday (July 20)
    { kind: 'md', re: re(String.raw`${B}${MON}\s+(\d{1,2})${ORD}${MD_RANGE}(?!\d)${YEAR}\)?`) },
    // Monday 23rd: a weekday with the day of the month
    { kind: 'wdd', re: re(String.raw`${B}${WD},?\s+(\d{1,2})(?:st|nd|rd|th)${NB}`) },
    // last Tuesday, on Friday, samedi dernier, el pasado lunes, Wednesday's
    // (German and Dutch join the part of the day to it: Montagmorgen, Dienstagabend, maandagavond)
    {
      kind: 'wd',
      re: re(String.raw`(?:${B}(?:el\s+|am\s+)?(${PAST})\s+)?${B}${WD}${DAY_PART_JOINED}${NB}(?:\s+(${PAST})${NB})?`),
    },
    // the day of the month alone, as Spanish, Portuguese and Italian write a recent one: "el pasado día 12", "no
    // último dia 12", "il giorno 12" (a month after it is a full date, read first: "el día 12 de agosto")
    {
      kind: 'dom',
      re: re(String.raw`${B}(?:(?:${PAST})\s+)?(?:d[ií]a|giorno)\s+(\d{1,2})(?!\d)${NB}`),
    },
    // …and as English writes it with its month: "on the 14th of this month", "the 28th of last month"
    {
      kind: 'dom',
      re: re(
        String.raw`${B}the\s+(\d{1,2})(?:st|nd|rd|th)\s+of\s+(this|last|the\s+current|the\s+previous)\s+month${NB}`,
      ),
    },
    // two days ago, hace dos días, il y a trois jours, vor zwei Tagen, drie dagen geleden
    { kind: 'ago', re: re(String.raw`${BACK}${B}(\d{1,2}|${NUM})\s+${DAYS}(?:\s+(${AGO})${NB})?`) },
  ];
  // a weekday written before a date belongs to it: "Friday 21 February", "Thursday night (19th April)"
  const lead = new RegExp(String.raw`${B}${WD},?\s+(?:(?:night|morning|evening|afternoon)\s+)?\(?$`, 'i');
  const relRe = new Map<string, RegExp>();
  for (const [lang, m] of relative) relRe.set(lang, re(String.raw`(?<![\wÀ-ÖØ-öø-ÿ])(?:${alt(m.keys())})${NB}`));
  const named = new RegExp(String.raw`${B}(?:${words(lists, 'date-named-days').map(pattern).join('|')})\s+$`, 'i');
  const preps = alt(words(lists, 'date-numeric-prepositions'));
  const numericPrep = withTwin(new RegExp(String.raw`(?:^|[^\p{L}])(?:${preps})\s+$`, 'iu'));
  const feasts = parseFeasts(words(lists, 'date-fixed-feasts'));
  const WEEK = words(lists, 'date-week-words').map(pattern).join('|');
  const pastWeek = String.raw`(?:(?:${PAST})\s+(?:${WEEK})|(?:la\s+|der\s+)?(?:${WEEK})\s+(?:${PAST}))${NB}`;
  const weekBefore = new RegExp(String.raw`${B}${pastWeek},?\s+(?:on\s+|el\s+|am\s+|le\s+)?$`, 'i');
  const dayPart = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;
  const weekAfter = new RegExp(String.raw`^${dayPart},?\s+(?:of\s+|de\s+(?:la\s+)?)?${pastWeek}`, 'i');
  const cal = {
    ...{ months, weekdays, numerals, relative, patterns, relRe, lead, named, numericPrep, feasts },
    ...{ weekBefore, weekAfter },
  };
  calendars.set(lists, cal);
  return cal;
}

/** Most recent given ISO weekday on or before `pub`. */
function lastWeekday(pub: number, isoDay: number): number {
  const back = (new Date(pub).getUTCDay() - (isoDay % 7) + 7) % 7;
  return pub - back * DAY;
}

/** The given ISO weekday in the week (Monday to Sunday) before the one `pub` falls in. */
function weekBefore(pub: number, isoDay: number): number {
  const monday = pub - ((new Date(pub).getUTCDay() + 6) % 7) * DAY;
  return monday - 7 * DAY + (isoDay - 1) * DAY;
}

function inPastWeek(text: string, start: number, m: RegExpExecArray, cal: Calendar): boolean {
  // (after the weekday itself: "Wednesday last week" matched "Wednesday last")
  const end = start + m[0].toLowerCase().indexOf(m[2]!.toLowerCase()) + m[2]!.length;
  return (
    cal.weekBefore.test(text.slice(Math.max(0, start - 30), start)) || cal.weekAfter.test(text.slice(end, end + 40))
  );
}

/** Month and day against a reference day: that year, or the year before when it would lie after it. */
export function monthDay(ref: number, m: number, d: number): number | null {
  let y = new Date(ref).getUTCFullYear();
  if (!validDay(y, m, d) && !validDay(--y, m, d)) return null;
  if (utc(y, m, d) > ref + DAY) y--;
  return validDay(y, m, d) ? utc(y, m, d) : null;
}

const FEAST_SPAN = /^\s+(?:weekend|week|holidays?|period|break)\b/i;
/** The year of the latest such feast on or before the day after publication. */
function feastYear(pub: number, day: (y: number) => [number, number]): number {
  const y = new Date(pub).getUTCFullYear();
  const [m, d] = day(y);
  return utc(y, m, d) > pub + DAY ? y - 1 : y;
}

const YEAR_WORDS = /^\s*(this|last) year\b/i;

const LETTER = /\p{L}/u;
/**
 * Every date mention, in text order; earlier patterns win where spans overlap. `published` (YYYY-MM-DD or null)
 * resolves weekdays, relative days and dates without a year; `lang` chooses which words count back days.
 */
export function findDates(text: string, published: string | null, lists: Lists, lang = 'en'): DateMention[] {
  const cal = calendar(lists);
  const pub = published ? Date.parse(published.slice(0, 10) + 'T00:00:00Z') : null;
  const out: DateMention[] = [];
  const free = (s: number, e: number) => !out.some((o) => s < o.end && o.start < e);
  for (const { kind, re } of cal.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      // a capitalised word before a bare weekday names a day of its own: "Palm Sunday", "Cyber Monday"
      if (kind === 'wd' && !m[1] && cal.named.test(text.slice(Math.max(0, start - 20), start))) continue;
      const mention =
        kind === 'layout'
          ? numeric(m[0], text.slice(Math.max(0, start - 12), start), cal.numericPrep)
          : read(kind, m, pub, cal, text.slice(end, end + 12));
      if (mention && (kind === 'full' || kind === 'md')) {
        const lead = cal.lead.exec(text.slice(Math.max(0, start - 30), start));
        if (lead && free(start - lead[0].length, end)) start -= lead[0].length;
      }
      // "last week on Wednesday", "Wednesday of last week": that weekday in the week before publication's
      if (mention && kind === 'wd' && pub !== null && !m[1] && inPastWeek(text, start, m, cal)) {
        mention.date = iso(weekBefore(pub, cal.weekdays.get(m[2]!.toLowerCase())!));
      }
      if (mention) out.push({ start, end, ...mention });
    }
  }
  // a feast: "on Christmas Eve", "over Thanksgiving" (read as a month and day of the year before publication)
  for (const { name, day } of cal.feasts) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (!free(at, end) || LETTER.test(text[end] ?? '')) continue;
      // "over the Labor Day weekend" spans days: no one day (as "over the weekend")
      if (FEAST_SPAN.test(text.slice(end, end + 12))) continue;
      const year = pub === null ? null : feastYear(pub, day);
      const [mo, d] = day(year ?? 2000);
      const t = year === null ? null : utc(year, mo, d);
      out.push({ start: at, end, kind: 'md', date: t === null ? null : iso(t), m: mo, d });
    }
  }
  const rel = cal.relRe.get(lang) ?? (lang === 'und' ? cal.relRe.get('en') : undefined);
  if (rel) {
    rel.lastIndex = 0;
    for (let m = rel.exec(text); m; m = rel.exec(text)) {
      const start = m.index,
        end = start + m[0].length;
      const back = cal.relative.get(cal.relRe.get(lang) ? lang : 'en')!.get(m[0].toLowerCase().replace(/\s+/g, ' '));
      if (back === undefined || !free(start, end)) continue;
      out.push({ start, end, kind: 'rel', date: pub === null ? null : iso(pub - back * DAY) });
    }
  }
  out.sort((a, b) => a.start - b.start);
  pairYears(text, out);
  return out;
}

type Read = Omit<DateMention, 'start' | 'end'>;

// A numeric date is prose when a preposition governs it ("on 14.05.2023", "discovered on 23/11/2022"); it is read
// only where its order is certain: ISO, day.month.year, or a slash date whose day is over 12.
// (the prepositions: data/reference/lists/date-numeric-prepositions.yaml)
function numeric(written: string, before: string, prep: RegExp): Read {
  const layout: Read = { kind: 'layout', date: null };
  if (!prep.test(before)) return layout;
  const n = written.split(/[./-]/).map(Number);
  let y: number, mo: number, d: number;
  if (/^\d{4}-/.test(written)) [y, mo, d] = n as [number, number, number];
  else if (n[2]! < 1000) return layout;
  else if (written.includes('.') || n[0]! > 12) [d, mo, y] = n as [number, number, number];
  else if (n[1]! > 12) [mo, d, y] = n as [number, number, number];
  else return layout;
  return validDay(y, mo, d) ? { kind: 'full', date: iso(utc(y, mo, d)), m: mo, d, year: y } : layout;
}

function read(kind: DateKind, m: RegExpExecArray, pub: number | null, cal: Calendar, after: string): Read | null {
  const at = (t: number | null): string | null => (t === null ? null : iso(t));
  switch (kind) {
    case 'layout':
      return { kind, date: null };
    case 'full':
    case 'md': {
      const [d1, d2, mon, y] = kind === 'full' ? [m[1], m[2], m[3], m[4]] : [m[2], m[3], m[1], m[4]];
      // "may" and "mar" in lower case are a verb and a noun, not months
      if (mon === 'may' || mon === 'mar') return null;
      const month = cal.months.get(mon!.toLowerCase())!;
      // the first day of a range is the earliest the text gives ("between 3 and 6 July")
      const day = Number(d1 ?? d2);
      let year = y ? Number(y) : undefined;
      const yw = YEAR_WORDS.exec(after);
      if (!year && yw && pub !== null) year = new Date(pub).getUTCFullYear() - (/last/i.test(yw[1]!) ? 1 : 0);
      if (year) {
        if (!validDay(year, month, day)) return null;
        return { kind: y ? 'full' : 'md', date: iso(utc(year, month, day)), m: month, d: day, year };
      }
      if (!validDay(2024, month, day)) return null;
      return { kind: 'md', date: pub === null ? null : at(monthDay(pub, month, day)), m: month, d: day };
    }
    case 'wdd': {
      if (pub === null) return { kind, date: null };
      // "Monday 23rd": the day of the month, in the publication month or the one before, that falls on that weekday
      const want = cal.weekdays.get(m[1]!.toLowerCase())! % 7,
        day = Number(m[2]);
      const p = new Date(pub);
      for (const back of [0, 1]) {
        const t = Date.UTC(p.getUTCFullYear(), p.getUTCMonth() - back, day);
        if (new Date(t).getUTCDate() === day && new Date(t).getUTCDay() === want) return { kind, date: iso(t) };
      }
      return null;
    }
    case 'dom': {
      if (pub === null) return { kind, date: null };
      // the latest such day on or before publication: in its month, else in the month before
      const day = Number(m[1]);
      const p = new Date(pub);
      // (a month named: "of this month" is publication's, "of last month" the one before)
      const months = m[2] ? (/^(?:last|the\s+previous)$/i.test(m[2]) ? [1] : [0]) : [0, 1];
      for (const back of months) {
        const t = Date.UTC(p.getUTCFullYear(), p.getUTCMonth() - back, day);
        if (new Date(t).getUTCDate() === day && t <= pub) return { kind, date: iso(t) };
      }
      return null;
    }
    case 'wd': {
      if (pub === null) return { kind, date: null };
      const t = lastWeekday(pub, cal.weekdays.get(m[2]!.toLowerCase())!);
      // "last Thursday" in a Thursday paper is a week ago; "on Thursday" is that day
      return { kind, date: iso((m[1] || m[3]) && t === pub ? t - 7 * DAY : t) };
    }
    case 'ago': {
      const ago = m[0].match(/^(?:hace|il y a|vor)\s/i) || m[2];
      if (!ago) return null;
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : cal.numerals.get(m[1]!.toLowerCase())!;
      return { kind, date: pub === null ? null : iso(pub - n * DAY) };
    }
    default:
      return null;
  }
}

const PAIR = /^\s*(?:-|–|and|to|through|until|till|y|et|und|en|au|al|bis|tot)\s*$/i;

/** "between February 26 and March 7, 2023": the first date takes the year of the second. */
function pairYears(text: string, ds: DateMention[]): void {
  for (let i = 0; i + 1 < ds.length; i++) {
    const a = ds[i]!,
      b = ds[i + 1]!;
    if (a.year || !a.m || !b.year || !b.m) continue;
    if (!PAIR.test(text.slice(a.end, b.start))) continue;
    const y = a.m * 100 + a.d! <= b.m * 100 + b.d! ? b.year : b.year - 1;
    if (validDay(y, a.m, a.d!)) Object.assign(a, { date: iso(utc(y, a.m, a.d!)), year: y });
  }
}
