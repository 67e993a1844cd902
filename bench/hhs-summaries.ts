// `npm run bench:hhs -- [CSV] [--half even|odd] [--show KINDS]`: extraction on real text nobody here wrote — the case
// summaries ("Web Description") of the HHS OCR breach archive (../shared/benchmarks/hhs-ocr-breaches, public domain).
// Each summary is read as an article published on its submission date; its row gives what a reader takes from it:
// - hacking rows ("Hacking/IT Incident"): relevant; the first victim is the row's entity (its name folded, a "d/b/a"
//   part cut off: either name containing the other counts); the records are the row's count when the summary
//   writes that figure; a summary that says "ransomware" or "phishing" has that attack type;
// - rows of physical loss ("Theft", "Loss", "Improper Disposal"): printed as how many were judged relevant, with
//   no verdict — whether a stolen laptop is a cyber incident is the labels' call, not this bench's.
// The split by row parity lets a rule be shaped on one half (even) and confirmed on the other (odd).
// --show prints the misses of the given kinds: r (not relevant), v (wrong victim), n (no victim), k (wrong records),
// K (no records), t (no ransomware type), p (no phishing type), f (physical loss judged relevant).
// Not a quality gate: the summaries share one office's style, so a figure here says how the rules read that style.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../analyze/extract/index.ts';
import { fold } from '../analyze/extract/text.ts';
import type { CleanArticle } from '../core/records.ts';
import { SHARED } from './quality/cli.ts';
import { ref } from './quality/inprocess.ts';

const args = process.argv.slice(2);
const opt = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const path =
  args.find((a) => a.endsWith('.csv')) ??
  join(SHARED, 'benchmarks/hhs-ocr-breaches/breach_report_archive_2009-2024-04.csv');
const half = opt('--half');
const show = opt('--show') ?? '';
if (half !== undefined && half !== 'even' && half !== 'odd') {
  console.error('--half takes even or odd');
  process.exit(2);
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function csvRows(t: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (q && ch === '"' && t[i + 1] === '"') {
      f += '"';
      i++;
    } else if (q && ch === '"') q = false;
    else if (q) f += ch;
    else if (ch === '"') q = true;
    else if (ch === ',' || ch === '\n') {
      row.push(f);
      f = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (ch !== '\r') f += ch;
  }
  return rows;
}

const norm = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const article = (i: number, text: string, date: string): CleanArticle => {
  const [mm, dd, yy] = date.split('/');
  return {
    ...{ doc_id: `hhs-${i}`, content_hash: '', url: null, canonical_url: null, file: null, title: null },
    ...{ byline: null, outlet: null, site_name: null, modified: null, lang: 'en', text, bytes_sha256: null },
    ...{ fetched_at: null, source_id: null, published: `${yy}-${mm}-${dd}T12:00:00Z` },
  };
};

const rows = csvRows(readFileSync(path, 'utf8'))
  .slice(1)
  .filter((r) => r[8]?.trim() && /^\d{2}\/\d{2}\/\d{4}$/.test(r[4] ?? ''));
const c = { hacking: 0, relevant: 0, victim: 0, wrongVictim: 0, noVictim: 0, records: 0, recordsOf: 0 };
const t = { ransomware: 0, ransomwareTyped: 0, phishing: 0, phishingTyped: 0, physical: 0, physicalRelevant: 0 };
const say = (kind: string, ...parts: unknown[]) => {
  if (show.includes(kind)) console.log(kind, ...parts);
};
rows.forEach((r, i) => {
  if (half && (i % 2 === 0) !== (half === 'even')) return;
  const [name, , , affected, date, type, , , desc] = r as [string, ...string[]];
  const x = extract(article(i, desc!, date!), ref());
  if (/^(?:Theft|Loss|Improper Disposal)$/.test(type!)) {
    t.physical++;
    if (x.relevant) {
      t.physicalRelevant++;
      say('f', i, desc!.slice(0, 200));
    }
    return;
  }
  if (!/Hacking/.test(type!)) return;
  c.hacking++;
  if (x.relevant) c.relevant++;
  else say('r', i, desc!.slice(0, 200));
  const want = norm(name.replace(/\b(?:d\/?b\/?a)\b.*/i, ''));
  const got = x.victims[0] ? norm(x.victims[0].name) : '';
  if (!got) {
    c.noVictim++;
    say('n', i, JSON.stringify(name), desc!.slice(0, 160));
  } else if ((want.includes(got) && got.length >= 4) || got.includes(want)) c.victim++;
  else {
    c.wrongVictim++;
    say('v', i, JSON.stringify(name), '→', JSON.stringify(x.victims[0]!.name));
  }
  const n = Number(affected);
  if (n > 0 && desc!.replace(/,/g, '').includes(String(n))) {
    c.recordsOf++;
    const r = x.records_affected?.count;
    if (r && Math.abs(r - n) <= 0.01 * n) c.records++;
    else say(r ? 'k' : 'K', i, n, '→', r ?? null);
  }
  if (/ransomware/i.test(desc!)) {
    t.ransomware++;
    if (x.attack_types.includes('ransomware')) t.ransomwareTyped++;
    else say('t', i, desc!.slice(0, 160));
  }
  if (/phishing/i.test(desc!)) {
    t.phishing++;
    if (x.attack_types.includes('phishing')) t.phishingTyped++;
    else say('p', i, desc!.slice(0, 160));
  }
});
const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '—'} %)`;
console.log(`HHS OCR summaries (${path}${half ? `, ${half} rows` : ''}): ${c.hacking} hacking rows`);
console.log(`  relevant            ${pct(c.relevant, c.hacking)}`);
console.log(`  victim = the entity ${pct(c.victim, c.hacking)}  (wrong ${c.wrongVictim}, none ${c.noVictim})`);
console.log(`  records within 1 %  ${pct(c.records, c.recordsOf)}  (rows whose summary writes the count)`);
console.log(`  ransomware typed    ${pct(t.ransomwareTyped, t.ransomware)}`);
console.log(`  phishing typed      ${pct(t.phishingTyped, t.phishing)}`);
console.log(`  physical-loss rows judged relevant: ${pct(t.physicalRelevant, t.physical)} (no verdict)`);
