// Small helpers shared by the renderer: escaping, stable choices, date formatting, encodings.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';

/** Escapes text for HTML text nodes and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes text for HTML text nodes only (quotes stay as typed). */
export function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for XML (feeds). Drops characters XML 1.0 forbids. */
export function xesc(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** JSON for an inline <script>: no "</script" break-out, optional ASCII-only output. */
export function scriptJson(value: unknown, indent?: number, asciiOnly = false): string {
  let s = JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  if (asciiOnly) s = s.replace(/[^\x00-\x7F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s;
}

/** A stable number from a string: the same key gives the same choice on every run. */
export function hashNum(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0);
}

export function pick<T>(key: string, options: readonly T[]): T {
  return options[hashNum(key) % options.length];
}

export function slugify(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** First sentence-ish prefix of a text, at most `max` characters, cut at a word boundary. */
export function clip(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > 40 ? cut.slice(0, sp) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

// ---- dates: everything is derived from the string as written, never from the machine's time zone ----

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = [
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

export interface LocalTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offset: string;
}

/** Splits "2022-11-28T10:40:00+05:30" into its written (local) parts. */
export function parts(iso: string): LocalTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad date-time: ${iso}`);
  return {
    y: +m[1],
    mo: +m[2],
    d: +m[3],
    h: +m[4],
    mi: +m[5],
    s: +(m[6] ?? 0),
    offset: m[7] === 'Z' ? '+00:00' : m[7],
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Weekday index (0 = Sunday) of the written local date. */
export function weekday(t: LocalTime): number {
  return new Date(Date.UTC(t.y, t.mo - 1, t.d)).getUTCDay();
}

/** The date part as written: "2022-11-28". */
export const localDay = (iso: string): string => iso.slice(0, 10);

/** The full date-time as written, always with seconds and a numeric offset. */
export function normIso(iso: string): string {
  const t = parts(iso);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}${t.offset}`;
}

export const instant = (iso: string): number => Date.parse(iso);

/** RFC 822 date for RSS 2.0, in the written offset: "Mon, 28 Nov 2022 10:40:00 +0530". */
export function rfc822(iso: string): string {
  const t = parts(iso);
  return `${DAYS[weekday(t)]}, ${p2(t.d)} ${MONTHS[t.mo - 1].slice(0, 3)} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} ${t.offset.replace(':', '')}`;
}

const ZONES: Record<string, string> = {
  '+05:30': 'IST',
  '+11:00': 'AEDT',
  '+10:00': 'AEST',
  '+10:30': 'ACDT',
  '+08:00': 'AWST',
  '-04:00': 'EDT',
  '-05:00': 'EST',
  '-06:00': 'CST',
  '-07:00': 'MST',
  '-08:00': 'PST',
  '+01:00': 'BST',
  '+00:00': 'GMT',
  '+02:00': 'CEST',
};
export const zoneName = (offset: string): string => ZONES[offset] ?? `UTC${offset}`;

export type DateStyle = 'us' | 'in' | 'gb' | 'wire' | 'short';

/** Human date in an outlet's house style, in the article's own time zone. */
export function humanDate(iso: string, style: DateStyle): string {
  const t = parts(iso);
  const mon = MONTHS[t.mo - 1];
  const h12 = ((t.h + 11) % 12) + 1;
  const ampm = t.h < 12 ? 'AM' : 'PM';
  const zone = zoneName(t.offset);
  switch (style) {
    case 'us':
      return `${mon} ${t.d}, ${t.y} ${h12}:${p2(t.mi)} ${t.h < 12 ? 'a.m.' : 'p.m.'} ${zone}`;
    case 'in':
      return `Updated: ${mon.slice(0, 3)} ${p2(t.d)}, ${t.y}, ${p2(h12)}:${p2(t.mi)} ${ampm} ${zone}`;
    case 'gb':
      return `${DAYS[weekday(t)]} ${t.d} ${mon} ${t.y}, ${p2(t.h)}:${p2(t.mi)}`;
    case 'wire':
      return `${mon.slice(0, 3).toUpperCase()} ${t.d}, ${t.y} ${h12}:${p2(t.mi)} ${ampm} ${zone}`;
    case 'short':
      return `${t.d} ${mon.slice(0, 3)} ${t.y}`;
  }
}

/** A date later than `iso` by 9 to 47 whole days (stable per key), as UTC ISO: a decoy for naive extractors. */
export function laterDate(iso: string, key: string): string {
  const days = 9 + (hashNum(`later:${key}`) % 39);
  const ms = instant(iso) + days * 86_400_000 + (hashNum(`min:${key}`) % 600) * 60_000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---- windows-1252 ----

let cp1252Extra: Set<string> | null = null;

/** Characters windows-1252 can hold besides ASCII and Latin-1 (the 0x80–0x9F block). */
function cp1252Set(): Set<string> {
  if (!cp1252Extra) {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    cp1252Extra = new Set(
      [...iconv.decode(bytes, 'windows-1252')].filter((c) => c !== '\uFFFD' && c.charCodeAt(0) > 0x9f),
    );
  }
  return cp1252Extra;
}

/** Encodes markup as windows-1252; characters it cannot hold become numeric character references. */
export function toCp1252(markup: string): Buffer {
  const extra = cp1252Set();
  const safe = markup.replace(/[^\x00-\x7F\u00A0-\u00FF]/gu, (c) => (extra.has(c) ? c : `&#${c.codePointAt(0)};`));
  return iconv.encode(safe, 'windows-1252');
}

export function encode(markup: string, charset: 'utf-8' | 'windows-1252'): Buffer {
  return charset === 'windows-1252' ? toCp1252(markup) : Buffer.from(markup, 'utf-8');
}
