// Does the extractor find a victim by how the text speaks of it, or because it knows the name? Each labelled victim of
// a healthcare-news split is renamed: its own words (not its health or kind words, not English words) become invented
// ones throughout the text, in capitals too, and its acronym follows its new initials. A victim found before and lost
// after was found by its name (a gazetteer entry, a rule that fits one spelling).
// Usage: node --import tsx bench/rename.ts [DIR] [--split dev|check] [--verbose]
//   DIR defaults to ../shared/benchmarks/healthcare-news. --verbose lists the lost and gained (dev only: check is
//   summarised, never printed record by record).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, loadReference } from '../analyze/extract/index.ts';
import { escapeRe } from '../analyze/extract/text.ts';
import type { CleanArticle } from '../core/records.ts';
import { ROOT, SHARED } from './quality/cli.ts';

interface Gold {
  id: string;
  text: string;
  published: string | null;
  relevant: boolean;
  victims: string[];
}

const args = process.argv.slice(2);
const dir =
  args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--split') ??
  join(SHARED, 'benchmarks/healthcare-news');
const split = args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'dev';
const verbose = args.includes('--verbose') && split !== 'check';
const goldPath = join(dir, `${split}.jsonl`);
if (!existsSync(goldPath)) {
  console.error(`rename: no ${goldPath} (give the benchmark's directory)`);
  process.exit(2);
}
const ref = loadReference(join(ROOT, 'data/reference'));

// the scorer's loose match of two names: one inside the other, or most of the smaller one's words shared
const STOP = new Set('the of and inc ltd llc plc group a an in at for'.split(' '));
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .split(/\s+/)
    .filter((t) => t && !STOP.has(t));
function same(a: string, b: string): boolean {
  const ta = words(a),
    tb = words(b);
  if (!ta.length || !tb.length) return false;
  const sa = ta.join(' '),
    sb = tb.join(' ');
  if (sa.includes(sb) || sb.includes(sa)) return true;
  const A = new Set(ta),
    B = new Set(tb);
  const shared = [...A].filter((x) => B.has(x)).length;
  return shared >= 1 && shared / Math.min(A.size, B.size) >= 0.6;
}

// words a name keeps: its health and kind words, in the languages of the sets
const KEEP =
  /(?:mexican|seguro|social|h[ôo]p|klinik|spital|hospi|clinic|cl[ií]nic|sanit|salud|gesund|ziekenhuis|zorg|osped|sant[ée]|sa[úu]de|cent|medic|m[ée]dic|health|care|univers|instit|nacional|national|general|regional|county|saint|royal|trust|nhs|foundation|group|grupo|system)/i;
const POOL = ['Tavistrom', 'Orlenby', 'Quenwick', 'Brastow', 'Fellmoor', 'Harrowby', 'Kestleton', 'Morvale'];
const ACRONYMS = ['QX', 'ZRV', 'KWTB', 'JQPZ', 'XVQK'];
const SMALL = new Set(['of', 'de', 'del', 'la', 'and', 'for', 'the', 'du', 'des', 'di', 'der', 'für']);
const initials = (s: string) =>
  s
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !SMALL.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('');

/** The renaming of a victim's name: word → invented word (deterministic per record). */
function renaming(id: string, name: string): Map<string, string> {
  const map = new Map<string, string>();
  let seed = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const w of name.split(/[\s,()'’-]+/)) {
    if (!w || !/^\p{Lu}/u.test(w) || KEEP.test(w) || ref.english.has(w.toLowerCase()) || map.has(w)) continue;
    if (/^\p{Lu}{2,}$/u.test(w)) map.set(w, ACRONYMS.find((a) => a.length === w.length) ?? ACRONYMS[2]!);
    else map.set(w, POOL[Math.floor(next() * POOL.length)]!);
  }
  for (const [a, b] of [...map]) if (/^\p{Lu}\p{Ll}/u.test(a)) map.set(a.toUpperCase(), b.toUpperCase());
  const bare = name.replace(/\s*\(.*\)\s*$/, '');
  const before = initials(bare),
    after = initials([...map].reduce((s, [a, b]) => s.split(a).join(b), bare));
  if (map.size && before.length >= 2 && before !== after && !map.has(before)) map.set(before, after);
  return map;
}
function apply(map: Map<string, string>, s: string): string {
  for (const [a, b] of map) s = s.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(a)}(?![\\p{L}\\p{N}])`, 'gu'), b);
  return s;
}
function victims(g: Gold, text: string): string[] {
  const article: CleanArticle = {
    doc_id: g.id,
    content_hash: g.id,
    url: null,
    canonical_url: null,
    file: null,
    title: null,
    byline: null,
    outlet: null,
    site_name: null,
    published: g.published ? `${g.published}T00:00:00Z` : null,
    modified: null,
    lang: null,
    text,
    bytes_sha256: null,
    fetched_at: null,
    source_id: null,
  };
  return extract(article, ref).victims.map((v) => v.canonical || v.name);
}

const gold = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Gold);
let renamed = 0,
  before = 0,
  after = 0,
  lost = 0,
  gained = 0;
for (const g of gold) {
  if (!g.relevant || !g.victims.length) continue;
  const name = g.victims[0]!;
  const map = renaming(g.id, name);
  if (!map.size) continue;
  renamed++;
  const was = victims(g, g.text).some((v) => same(name, v));
  const now = victims(g, apply(map, g.text)).some((v) => same(apply(map, name), v));
  before += +was;
  after += +now;
  if (was && !now) lost++;
  if (!was && now) gained++;
  if (verbose && was !== now) console.log(`${g.id}\t${was ? 'lost' : 'gained'}\t${name} → ${apply(map, name)}`);
}
console.log(
  `${split}: ${renamed} victims renamed; found ${before} before and ${after} after (lost ${lost}, gained ${gained})`,
);
