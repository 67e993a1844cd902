// Dates in the text, resolved against the publication date, and the choice of the attack date.
import type { Span } from './text.ts';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MON = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const WD = String.raw`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const ORD = String.raw`(?:st|nd|rd|th)?`;

const PATTERNS: { re: RegExp; kind: 'dm' | 'md' | 'wd' | 'rel' | 'iso' }[] = [
  { kind: 'iso', re: /\b(\d{4})-(\d{2})-(\d{2})\b/g },
  { kind: 'dm', re: new RegExp(String.raw`(?:${WD},?\s+)?\b(\d{1,2})${ORD}(?:\s*(?:-|–|and|to)\s*(\d{1,2})${ORD})?\s+(?:of\s+)?${MON}(?:,?\s+(\d{4}))?(?![\p{L}])`, 'gu') },
  { kind: 'md', re: new RegExp(String.raw`(?:${WD},?\s+)?\b${MON}\s+(\d{1,2})${ORD}(?:\s*(?:-|–)\s*(\d{1,2})${ORD})?(?!\d)(?:,?\s+(\d{4}))?`, 'gu') },
  { kind: 'wd', re: new RegExp(String.raw`\b(?:(last|this|on|early|late)\s+)?${WD}\b`, 'gu') },
  { kind: 'rel', re: /\b(yesterday|today|last weekend|last week|(\w+) days ago)\b(?! of)/gi },
];

export interface DateMention { start: number; end: number; date: string }

const DAY = 86400000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(utc(y, m, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Month and day with no year: the publication year, or the year before if that lies in the future. */
function dayMonth(pub: number, d: number, m: number, y?: string): number | null {
  let year = y ? Number(y) : new Date(pub).getUTCFullYear();
  if (!validDay(year, m, d)) return null;
  if (!y && utc(year, m, d) > pub + DAY) year--;
  return utc(year, m, d);
}

/** Most recent given weekday on or before the publication date. */
function lastWeekday(pub: number, name: string): number {
  const want = WEEKDAYS.indexOf(name.toLowerCase());
  const back = (new Date(pub).getUTCDay() - want + 7) % 7;
  return pub - back * DAY;
}

function resolve(kind: string, m: RegExpExecArray, pub: number): number | null {
  switch (kind) {
    case 'iso': return validDay(+m[1]!, +m[2]!, +m[3]!) ? utc(+m[1]!, +m[2]!, +m[3]!) : null;
    case 'dm': return dayMonth(pub, Number(m[3] ?? m[2]), MONTHS[m[4]!.toLowerCase()]!, m[5]);
    case 'md': return dayMonth(pub, Number(m[4] ?? m[3]), MONTHS[m[2]!.toLowerCase()]!, m[5]);
    // "last Thursday" in a Thursday paper is a week ago; "on Thursday" is that day
    case 'wd': { const t = lastWeekday(pub, m[2]!); return m[1]?.toLowerCase() === 'last' && t === pub ? t - 7 * DAY : t; }
    default: {
      const w = m[1]!.toLowerCase();
      if (w === 'yesterday') return pub - DAY;
      if (w === 'today') return pub;
      if (w === 'last week') return pub - 7 * DAY;
      if (w === 'last weekend') return lastWeekday(pub - DAY, 'saturday');
      const n = Number(m[2]) || ({ two: 2, three: 3, four: 4, five: 5, six: 6 } as Record<string, number>)[m[2]!.toLowerCase()];
      return n ? pub - n * DAY : null;
    }
  }
}

/** Every resolvable date mention; earlier patterns win where spans overlap. */
export function findDates(text: string, published: string): DateMention[] {
  const pub = Date.parse(published.slice(0, 10) + 'T00:00:00Z');
  const out: DateMention[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index, end = start + m[0].length;
      if (out.some((o) => start < o.end && o.start < end)) continue;
      const t = resolve(kind, m, pub);
      if (t !== null) out.push({ start, end, date: iso(t) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const ATTACK_CUE = /\b(?:attack(?:ed|ers?)?|drained|stole|intru\w+|hit|struck|detected|discovered|noticed|went (?:down|offline)|crippled|breach(?:ed|es)?|intrusion|encrypted|compromised|hacked|took place|began|started|outage|infected|disrupted|shut down|taken offline|knocked out|incident)\b/i;
// A date that belongs to the report, not the attack: "police said on Tuesday", "at a briefing on Thursday".
const REPORTING = /\b(?:said|says|told|announced|confirmed|added|stated|statement|briefing|press conference|reported|filing|disclosed|published|listed|posted|updated?)\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$/i;

/** The attack (or detection) date: the earliest date told in a sentence about the attack, ≤ publication. */
export function attackDate(text: string, sents: Span[], published: string | null): { date: string; start: number; end: number } | null {
  if (!published) return null;
  const pubDay = published.slice(0, 10);
  const floor = iso(Date.parse(pubDay) - 200 * DAY);
  let best: { date: string; start: number; end: number; rel: boolean } | null = null;
  for (const d of findDates(text, published)) {
    if (d.date > pubDay || d.date < floor) continue;
    if (d.start < 80 && /^\s*:/.test(text.slice(d.end, d.end + 3))) continue; // dateline "New Delhi, Nov 28:"
    const s = sents.find((x) => d.start >= x.start && d.start < x.end);
    if (!s || !ATTACK_CUE.test(s.text)) continue;
    if (REPORTING.test(text.slice(Math.max(s.start, d.start - 30), d.start))) continue;
    const rel = /^(?:last week|yesterday|today)/i.test(text.slice(d.start, d.end));
    if (!best || (best.rel && !rel) || (best.rel === rel && d.date < best.date)) best = { ...d, rel };
  }
  return best ? { date: best.date, start: best.start, end: best.end } : null;
}
