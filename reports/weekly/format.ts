// Escaping and fixed-locale formatting. Every figure passes through here so that output
// does not depend on the host locale or time zone.

const LOCALE = 'en-US';
const intFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upTo2 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESC[c]);
}

/** Escape for inline Markdown (including table cells): no line breaks, no markup, no raw HTML. */
export function escapeMd(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Only absolute http(s) URLs may become links; anything else is shown as text or dropped. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A URL made safe inside a Markdown link target. */
export function mdUrl(href: string): string {
  return href.replace(/[()<>\s\\[\]|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function fmtInt(n: number): string {
  return intFmt.format(n);
}

export function fmtUsd(n: number | null): string {
  return n === null ? '—' : `$${intFmt.format(Math.round(n))}`;
}

/** Share in [0, 1] as a percentage with one decimal. */
export function fmtShare(x: number | null): string {
  return x === null ? 'n/a' : `${oneDp.format(x * 100)}%`;
}

export function fmtSignedPct(pct: number): string {
  const sign = pct > 0 ? '+' : pct < 0 ? '-' : '±';
  return `${sign}${oneDp.format(Math.abs(pct))}%`;
}

export function fmtDecimal(n: number): string {
  return oneDp.format(n);
}

/** Up to two decimals, none when whole: for means, bases and day counts. */
export function fmtNum(n: number): string {
  return upTo2.format(n);
}

/** '2022-11-14' → '14 Nov 2022'. */
export function fmtDate(date: string | null): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : date;
}

/** ISO date-time → '2022-11-21 06:00 UTC'; unparsable input is returned as given (callers escape). */
export function fmtDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** Round to a fixed number of decimals so JSON figures have no float noise. */
export function round(n: number, dp = 4): number {
  const f = 10 ** dp;
  return Math.round(n * f) / f;
}

// ISO 3166 alpha-2 names kept here (not Intl.DisplayNames) so golden output does not drift with ICU.
const COUNTRIES: Record<string, string> = {
  AE: 'United Arab Emirates',
  AR: 'Argentina',
  AT: 'Austria',
  AU: 'Australia',
  BE: 'Belgium',
  BR: 'Brazil',
  CA: 'Canada',
  CH: 'Switzerland',
  CL: 'Chile',
  CN: 'China',
  CO: 'Colombia',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GB: 'United Kingdom',
  GR: 'Greece',
  ID: 'Indonesia',
  IE: 'Ireland',
  IL: 'Israel',
  IN: 'India',
  IT: 'Italy',
  JP: 'Japan',
  KR: 'South Korea',
  MX: 'Mexico',
  MY: 'Malaysia',
  NL: 'Netherlands',
  NO: 'Norway',
  NZ: 'New Zealand',
  PE: 'Peru',
  PH: 'Philippines',
  PK: 'Pakistan',
  PL: 'Poland',
  PT: 'Portugal',
  RO: 'Romania',
  RU: 'Russia',
  SA: 'Saudi Arabia',
  SE: 'Sweden',
  SG: 'Singapore',
  TH: 'Thailand',
  TR: 'Turkey',
  TW: 'Taiwan',
  UA: 'Ukraine',
  US: 'United States',
  VN: 'Vietnam',
  ZA: 'South Africa',
};

export function countryName(code: string | null): string {
  if (code === null) return 'Unknown';
  return COUNTRIES[code.toUpperCase()] ?? code.toUpperCase();
}

// Readers see words, not the dataset's sector keys.
const SECTOR_LABELS: Record<string, string> = {
  hospital: 'Hospital',
  'health-system': 'Health system',
  clinic: 'Clinic',
  lab: 'Laboratory',
  pharma: 'Pharmaceutical',
  insurer: 'Health insurer',
  'health-agency': 'Health agency',
  'health-it-vendor': 'Health IT vendor',
  'medical-device': 'Medical device maker',
  other: 'Other',
};

export function sectorLabel(sector: string): string {
  return SECTOR_LABELS[sector] ?? sector;
}
