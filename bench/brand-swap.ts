// `npm run bench:brand -- [--seeds 7,11,23]`: victims whose names carry no health word, on real text.
// Real healthcare news names many victims by a brand alone ("Ascension", "Synnovis", "DaVita"), while most labelled
// dev victims carry a health noun ("… Medical Center"). This bench rewrites the dev split of
// ../shared/benchmarks/healthcare-news: in each relevant record whose primary victim (two words or more) is written
// in the text, that name, its distinctive words and its initials become one invented word (syllables drawn with a
// seeded generator), in the text and the labels alike; then it extracts and scores with the set's score.mjs, and
// prints the figures beside those of the untouched split. Only dev is rewritten (check is never read here).
// The same is done with the attackers' names (groupSwap): each labelled group becomes an invented name.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeRe } from '../analyze/extract/text.ts';
import { makeTemp, rmTemp } from './quality/cli.ts';
import { HN_DIR, measureSplit, type Figures } from './quality/measure.ts';

// the words a name shares with descriptions stay (a brand keeps none of them)
const GENERIC = new Set(
  (
    'hospital hospitals health healthcare medical center centre clinic clinics system systems services service group ' +
    'university college institute foundation trust care network partners inc ltd llc corp corporation company ' +
    'community regional general memorial county city state national department ministry board authority agency ' +
    'insurance of the and for de del la le des du st saint holdings international'
  ).split(' '),
);
const LINKS = new Set(['of', 'the', 'and', 'for']);
const SYLLABLES =
  'bran tel mor ven cal dor wick ley ston mar lin ford ash hol ber ton rid gale wyn sel kes ora val den';

/** A small seeded generator (mulberry32): the same seed gives the same brands. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gold {
  id: string;
  text: string;
  relevant: boolean;
  victims: string[] | null;
  [k: string]: unknown;
}

/** Invented names of three syllables, capitalised, drawn from the seed. */
function inventor(seed: number): () => string {
  const rand = rng(seed);
  const syl = SYLLABLES.split(' ');
  const pick = () => syl[Math.floor(rand() * syl.length)]!;
  return () => (pick() + pick() + pick()).replace(/^./, (c) => c.toUpperCase());
}

/** The records with each primary victim's name turned into a brand; the count of records rewritten. */
export function brandSwap(records: Gold[], seed: number): { records: Gold[]; swapped: number } {
  const invent = inventor(seed);
  let swapped = 0;
  const out = records.map((r) => {
    const v = r.relevant ? r.victims?.[0] : undefined;
    if (!v || !r.text.includes(v) || v.split(/\s+/).length < 2) return r;
    const brand = invent();
    const words = v.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
    const own = words.filter((w) => !GENERIC.has(w.toLowerCase()) && w.length > 2 && /^\p{Lu}/u.test(w));
    const initials = words
      .filter((w) => !LINKS.has(w.toLowerCase()))
      .map((w) => w[0]!.toUpperCase())
      .join('');
    const keys = [...new Set([v, ...own, ...(initials.length >= 2 ? [initials] : [])])].sort(
      (a, b) => b.length - a.length,
    );
    let text = r.text;
    for (const k of keys)
      text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(k)}(?![\\p{L}\\p{N}])`, 'gu'), brand);
    // (a name and its initials written side by side become one brand: "Waikato DHB" is not "Brand Brand")
    text = text.replace(new RegExp(`${brand}(?:\\s+${brand})+`, 'gu'), brand);
    swapped++;
    return { ...r, text, victims: [brand, ...(r.victims ?? []).slice(1)] };
  });
  return { records: out, swapped };
}

/** The records with each named attacker's name turned into an invented one: real news names new groups every month,
 * which no table lists, so the group is found by how the text speaks of it ("the X gang", "claimed by X"). */
export function groupSwap(records: Gold[], seed: number): { records: Gold[]; swapped: number } {
  const invent = inventor(seed);
  let swapped = 0;
  const out = records.map((r) => {
    const a = typeof r.actor === 'string' ? r.actor : null;
    const re = a ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(a)}(?![\\p{L}\\p{N}])`, 'giu') : null;
    if (!re?.test(r.text)) return r;
    const name = invent();
    swapped++;
    return { ...r, text: r.text.replace(re, name), actor: name };
  });
  return { records: out, swapped };
}

async function main(): Promise<void> {
  const seedsArg = process.argv.indexOf('--seeds');
  const seeds = (seedsArg > 0 ? process.argv[seedsArg + 1]! : '7,11,23').split(',').map(Number);
  const gold = join(HN_DIR, 'dev.jsonl');
  if (!existsSync(gold)) throw new Error(`bench:brand needs ${gold} (the shared healthcare-news benchmark)`);
  const records = readFileSync(gold, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
  const show = (label: string, f: Figures) =>
    console.log(
      `${label.padEnd(28)} victim ${f.victim?.toFixed(3)}  actor ${f.actor?.toFixed(3)}  relevance ` +
        `${f.relevance?.toFixed(3)}  country ${f.country?.toFixed(3)}  records ${f.records?.toFixed(3)}  types ` +
        `${f.types?.toFixed(3)}`,
    );
  const base = await measureSplit(HN_DIR, 'dev', { cluster: false, inProcess: true });
  if (base) show('dev as written', base.measured.figures);
  for (const seed of seeds) {
    for (const [what, swap] of [
      ['victims', brandSwap],
      ['groups', groupSwap],
    ] as const) {
      const tmp = makeTemp('brand');
      try {
        const { records: out, swapped } = swap(records, seed);
        writeFileSync(join(tmp, 'dev.jsonl'), `${out.map((r) => JSON.stringify(r)).join('\n')}\n`);
        symlinkSync(join(HN_DIR, 'score.mjs'), join(tmp, 'score.mjs'));
        const m = await measureSplit(tmp, 'dev', { cluster: false, inProcess: true });
        if (m) show(`seed ${seed} (${swapped} ${what} swapped)`, m.measured.figures);
      } finally {
        rmTemp(tmp);
      }
    }
  }
}

if (process.argv[1]?.endsWith('brand-swap.ts')) await main();
