// Days named by a feast or holiday (data/reference/lists/date-fixed-feasts.yaml), each entry 'RULE name':
// 'MM-DD' a fixed date ("12-24 Christmas Eve"), 'N-DOW-MM' the Nth weekday of a month ('4-thu-11 Thanksgiving',
// 'L-mon-05 Memorial Day' for the last), 'E+N' days from Western Easter ('E-2 Good Friday').

export type Feast = { name: string; day: (year: number) => [month: number, day: number] };

const DOW = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY = 86_400_000;

/** Western Easter Sunday of a year (the anonymous Gregorian algorithm). */
function easter(y: number): number {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100;
  const d = Math.floor(b / 4),
    e = b % 4,
    f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30,
    i = Math.floor(c / 4),
    k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(y, month - 1, day);
}

const md = (t: number): [number, number] => [new Date(t).getUTCMonth() + 1, new Date(t).getUTCDate()];

function nthWeekday(y: number, month: number, dow: number, n: number | 'L'): [number, number] {
  if (n === 'L') {
    const last = Date.UTC(y, month, 0);
    return md(last - ((new Date(last).getUTCDay() - dow + 7) % 7) * DAY);
  }
  const first = Date.UTC(y, month - 1, 1);
  return md(first + (((dow - new Date(first).getUTCDay() + 7) % 7) + 7 * (n - 1)) * DAY);
}

/** The feasts of a list's entries; an entry of another shape is left out (the list test checks them all). */
export function parseFeasts(entries: readonly string[]): Feast[] {
  const out: Feast[] = [];
  for (const w of entries) {
    let m = /^(\d{2})-(\d{2}) (.+)$/.exec(w);
    if (m) {
      const fixed: [number, number] = [Number(m[1]), Number(m[2])];
      out.push({ name: m[3]!, day: () => fixed });
      continue;
    }
    m = /^([1-4L])-(sun|mon|tue|wed|thu|fri|sat)-(\d{2}) (.+)$/.exec(w);
    if (m) {
      const n = m[1] === 'L' ? 'L' : Number(m[1]);
      const dow = DOW.indexOf(m[2]!),
        month = Number(m[3]);
      out.push({ name: m[4]!, day: (y) => nthWeekday(y, month, dow, n) });
      continue;
    }
    m = /^E([+-]\d{1,2}) (.+)$/.exec(w);
    if (m) {
      const shift = Number(m[1]);
      out.push({ name: m[2]!, day: (y) => md(easter(y) + shift * DAY) });
    }
  }
  // longest names first: "Easter Monday" before "Easter"
  return out.sort((a, b) => b.name.length - a.name.length);
}
