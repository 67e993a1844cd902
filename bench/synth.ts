// Synthetic news pages for throughput benchmarks only (never for quality): templated ~170 KB pages — the
// size of real news pages, most of it page chrome (inline scripts and styles, menus, related-story lists) —
// around a short article about a healthcare cyberattack with a victim, place, group, ransom, records and
// downtime, so cleaning, extraction and incident resolution do real work. Several outlets report each
// incident (2–5 pages) with different wording, as syndication and follow-ups do. Deterministic by index.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rng } from './query-db.ts';
import type { FetchedPage } from '../core/records.ts';

const PLACES: [string, string][] = [
  ['Leeds', 'United Kingdom'],
  ['Manchester', 'United Kingdom'],
  ['Lyon', 'France'],
  ['Toulouse', 'France'],
  ['Bremen', 'Germany'],
  ['Leipzig', 'Germany'],
  ['Porto', 'Portugal'],
  ['Turin', 'Italy'],
  ['Osaka', 'Japan'],
  ['Perth', 'Australia'],
  ['Brisbane', 'Australia'],
  ['Kochi', 'India'],
  ['Pune', 'India'],
  ['Austin, Texas', 'United States'],
  ['Denver, Colorado', 'United States'],
  ['Ottawa', 'Canada'],
  ['Monterrey', 'Mexico'],
  ['Rotterdam', 'Netherlands'],
  ['Valencia', 'Spain'],
  ['Durban', 'South Africa'],
];
const KINDS = [
  'General Hospital',
  'Medical Center',
  'Health System',
  'Regional Hospital',
  "Children's Hospital",
  'Heart Institute',
  'Cancer Centre',
  'Diagnostics Laboratory',
  'Community Clinic',
  'University Hospital',
];
const GROUPS = [
  'LockBit',
  'BlackCat',
  'Hive',
  'Royal',
  'Cl0p',
  'Vice Society',
  'BianLian',
  'Play',
  'Rhysida',
  'Medusa',
];
const SYL = [
  'rav',
  'en',
  'holt',
  'mar',
  'win',
  'del',
  'bro',
  'ok',
  'ash',
  'ford',
  'kel',
  'ston',
  'bel',
  'mont',
  'ar',
  'den',
  'wick',
  'lan',
  'ter',
  'vale',
  'cor',
  'is',
  'fen',
  'ley',
];
const OUTLETS = [
  'Health Security Today',
  'The Clinical Courier',
  'Metro Daily News',
  'Wire Service International',
  'Cyber Desk Weekly',
  'Regional Herald',
];
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

/** Pages per incident are 2–5 (on average 3.5): page i belongs to incident incidentOf(i). */
const PER = [2, 3, 4, 5];
export interface SynthPage {
  index: number;
  path: string;
  html: string;
  url: string;
}

function nameOf(r: () => number, k: number): string {
  const a = SYL[k % SYL.length];
  const b = SYL[Math.floor(k / SYL.length) % SYL.length];
  const c = SYL[Math.floor(k / SYL.length ** 2) % SYL.length];
  const word = `${a}${b}${k >= SYL.length ** 2 ? c : ''}`;
  return `${word[0].toUpperCase()}${word.slice(1)} ${KINDS[Math.floor(r() * KINDS.length)]}`;
}

interface Incident {
  victim: string;
  place: [string, string];
  group: string;
  day: Date;
  ransom: number;
  records: number;
  downtime: number;
}

function incident(k: number): Incident {
  const r = rng(1000 + k);
  return {
    victim: nameOf(r, k),
    place: PLACES[Math.floor(r() * PLACES.length)],
    group: GROUPS[Math.floor(r() * GROUPS.length)],
    day: new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 6 * 365) * 86_400_000),
    ransom: (1 + Math.floor(r() * 40)) * 250_000,
    records: 1000 + Math.floor(r() * 900) * 1000,
    downtime: 1 + Math.floor(r() * 20),
  };
}

const dateText = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const money = (n: number) =>
  n >= 1_000_000 ? `$${(n / 1_000_000).toFixed(n % 1_000_000 ? 2 : 0)} million` : `$${n.toLocaleString('en-US')}`;

function paragraphs(inc: Incident, variant: number, r: () => number): string[] {
  const [city, country] = inc.place;
  const v = inc.victim;
  const lead = [
    `${v} in ${city}, ${country}, was hit by a ransomware attack on ${dateText(inc.day)} that forced staff to return to paper records.`,
    `A ransomware attack on ${dateText(inc.day)} disrupted ${v}, a hospital operator in ${city}, ${country}, officials said.`,
    `Hackers struck ${v} in ${city}, ${country}, on ${dateText(inc.day)}, locking computer systems across its wards.`,
  ][variant % 3];
  // Filler sentences vary word by word (a Zipf-like vocabulary), so reports of different incidents share no
  // long word runs: the near-duplicate detector sees what it sees in real news, not one template.
  const filler = Array.from({ length: 12 + Math.floor(r() * 8) }, () =>
    Array.from({ length: 2 }, () => sentenceOf(r)).join(' '),
  );
  return [
    lead,
    `The ${inc.group} ransomware group claimed responsibility on its leak site and demanded ${money(inc.ransom)} in bitcoin.`,
    `The hospital said the data of about ${inc.records.toLocaleString('en-US')} patients may have been stolen, and it refused to pay the ransom.`,
    `Systems were down for ${inc.downtime} days before the electronic health record came back online.`,
    ...filler,
  ];
}

const COMMON = (
  'the hospital said staff patients systems was were had after before while during officials their its ' +
  'with from about into over more than would could also which when where services emergency records network week'
).split(' ');
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'tu',
  'ven',
  'sor',
  'pel',
  'dan',
  'ko',
  'ri',
  'sta',
  'mon',
  'gel',
  'fa',
  'zu',
];
const VOCAB = Array.from({ length: 20000 }, (_, i) => {
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / 16)) w += SYLLABLES[n % 16];
  return w;
});

function sentenceOf(r: () => number): string {
  const n = 10 + Math.floor(r() * 14);
  const words = Array.from({ length: n }, () =>
    r() < 0.45
      ? COMMON[Math.floor(r() * COMMON.length)]
      : VOCAB[Math.floor(Math.exp(r() * Math.log(VOCAB.length))) - 1],
  );
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}${r() < 0.3 ? ', officials said' : ''}.`;
}

/** About 150 KB of page chrome: what makes real pages slow to parse, none of it article text. */
function chrome(r: () => number, outlet: string): { head: string; nav: string; aside: string; foot: string } {
  const script = Array.from(
    { length: 500 },
    (_, i) => `window.__cfg${i}={id:${Math.floor(r() * 1e9)},slot:"ad-${i}",lazy:true};`,
  ).join('');
  const style = Array.from(
    { length: 500 },
    (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${((i * 997) % 4096).toString(16)}}`,
  ).join('');
  const link = (i: number) =>
    `<li class="menu-item"><a href="/section/${i}" class="menu-link">Section ${i} news and analysis</a></li>`;
  const related = (i: number) =>
    `<article class="teaser"><a href="/story/${Math.floor(r() * 1e6)}"><img src="/img/${i}.jpg" alt="">` +
    `<h3>Local council approves budget for road repairs and new library number ${i}</h3></a><p class="dek">Read more about the plan.</p></article>`;
  return {
    head: `<style>${style}</style><script>${script}</script>`,
    nav: `<header><div class="brand">${outlet}</div><nav><ul>${Array.from({ length: 260 }, (_, i) => link(i)).join('')}</ul></nav></header>`,
    aside: `<aside class="related"><h2>More stories</h2>${Array.from({ length: 340 }, (_, i) => related(i)).join('')}</aside>`,
    foot: `<footer><ul>${Array.from({ length: 150 }, (_, i) => link(i + 500)).join('')}</ul><p>© ${outlet}. All rights reserved.</p></footer>`,
  };
}

/** The incident behind page i and the page's rank among its reports. */
function slot(i: number): { k: number; j: number } {
  // Blocks of 14 pages hold 4 incidents of 2, 3, 4 and 5 pages.
  const block = Math.floor(i / 14);
  let rest = i % 14;
  for (let s = 0; s < 4; s++) {
    if (rest < PER[s]) return { k: block * 4 + s, j: rest };
    rest -= PER[s];
  }
  throw new Error('unreachable');
}

/** synthPage(i) as the fetcher would hand it on: the bytes of a 200 text/html response. */
export function synthFetchedPage(i: number): FetchedPage {
  const p = synthPage(i);
  return {
    url: p.url,
    final_url: p.url,
    status: 200,
    content_type: 'text/html',
    etag: null,
    last_modified: null,
    charset: 'utf-8',
    bytes_sha256: '',
    body: new Uint8Array(Buffer.from(p.html)),
    fetched_at: '2025-01-01T00:00:00Z',
    source_id: null,
    feed_title: null,
    feed_published: null,
    file: null,
    outlet: null,
  };
}

export function synthPage(i: number): SynthPage {
  const { k, j } = slot(i);
  const inc = incident(k);
  const r = rng(i + 1);
  const outlet = OUTLETS[(k + j) % OUTLETS.length];
  const host = `www.${outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  const published = new Date(inc.day.getTime() + (1 + j * 2) * 86_400_000 + 9 * 3_600_000);
  const slug = `${inc.victim.toLowerCase().replace(/[^a-z]+/g, '-')}-${k}-${j}`;
  const url = `https://${host}/news/${published.toISOString().slice(0, 10)}/${slug}`;
  const title = `${inc.victim} hit by ${inc.group} ransomware attack`;
  const c = chrome(r, outlet);
  const body = paragraphs(inc, j, r)
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${outlet}</title>
<link rel="canonical" href="${url}"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${published.toISOString()}">${c.head}</head>
<body>${c.nav}<main><article class="story"><h1>${title}</h1><p class="byline">By Staff Reporter</p>
<time datetime="${published.toISOString()}">${dateText(published)}</time>
<div class="story-body">${body}</div></article>${c.aside}</main>${c.foot}</body></html>`;
  return {
    index: i,
    path: `${String(Math.floor(i / 1000)).padStart(4, '0')}/page-${String(i).padStart(7, '0')}.html`,
    html,
    url,
  };
}

/** Writes pages [0, n) under dir (1,000 per sub-folder), streaming: one page in memory at a time. */
export async function writeCorpus(dir: string, n: number, onPage?: (i: number) => void): Promise<void> {
  for (let i = 0; i < n; i++) {
    const p = synthPage(i);
    if (i % 1000 === 0) await mkdir(join(dir, p.path, '..'), { recursive: true });
    await writeFile(join(dir, p.path), p.html);
    onPage?.(i);
  }
}

/** The victim named on page i (the query stage of the bench looks it up). */
export function synthVictim(i: number): string {
  return incident(slot(i).k).victim;
}
