// Regenerates data/reference/groups-galaxy.tsv from the MISP galaxy clusters (CC0) in ../shared/reference/misp-galaxy/.
// Usage: node --import tsx bench/groups-galaxy.ts --dict PATH/index.dic [--galaxy DIR] [--out FILE]
// --dict is the hunspell en_US word list of the npm package dictionary-en@4.0.0 (SCOWL): a name made only of
// dictionary words, function words of any language we list, or very short words is marked "common" and counts
// in an article only where the text says it is a group. Deterministic: same inputs, same bytes.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const opt = (k: string, d?: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const dictPath = opt('--dict');
if (!dictPath) {
  console.error('--dict PATH (hunspell index.dic of dictionary-en@4.0.0) is required');
  process.exit(2);
}
const galaxy = opt('--galaxy', '../shared/reference/misp-galaxy')!;
const out = opt('--out', 'data/reference/groups-galaxy.tsv')!;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

// dictionary stems, any case ("Everest", "hive"): a place, a given name or a word is equally ambiguous in text
const dict = new Set(
  readFileSync(dictPath, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => fold(l.split('/')[0]!.trim())),
);
const lists = 'data/reference/lists';
const stop = new Set(
  readdirSync(lists)
    .filter((f) => f.startsWith('stopwords-'))
    .flatMap((f) => (parse(readFileSync(join(lists, f), 'utf8')) as { words: string[] }).words.map(fold)),
);
// places and nationalities are never group names here ("Russian" is listed as a synonym of one strain)
const places = new Set(
  ['places.yaml']
    .flatMap((f) =>
      Object.values(parse(readFileSync(join('data/reference', f), 'utf8')) as Record<string, Record<string, string>>),
    )
    .flatMap((g) => Object.keys(g).map((n) => words(n).join(' '))),
);
// nationalities: capitalised dictionary words shaped like demonyms ("Russian", "Turkish")
const dictCap = new Set(
  readFileSync(dictPath, 'utf8')
    .split('\n')
    .map((l) => l.split('/')[0]!.trim())
    .filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)),
);
const nationality = (p: string) => dictCap.has(p) && /(?:ian|ean|ese|ish|i)$/.test(p);
const inDict = (w: string) =>
  dict.has(w) || [/s$/, /es$/, /ed$/, /ing$/].some((r) => r.test(w) && dict.has(w.replace(r, '')));
const commonWord = (w: string) => /^\d+$/.test(w) || w.length <= 3 || stop.has(w) || inDict(w);
const isCommon = (name: string) => {
  const ws = words(name);
  if (/\d/.test(name) && ws.length > 1) return false; // "Storm-0558", "Serpent 2017": numbered names are distinctive
  return (ws.length === 1 && ws[0]!.length <= 4) || ws.every(commonWord);
};

// "Foo Ransomware (Fake)", "A or B", "Name (Alias)", "Troldesh orShade, XTBL": split into surfaces and drop the kind word
const SKIP =
  /\b(?:fake|unnamed|related|version|official|formerly|known as|variant|decryptor|prank|test|hidden ?tear)\b/i;
function surfaces(raw: string): string[] {
  if (/fake/i.test(raw)) return [];
  return (
    raw
      .split(/\s+or\s*|[(),/>]|\s+aka\s+/i)
      .map((p) =>
        p
          .replace(/["'“”]/g, '')
          .replace(/\b(?:ransom(?:e)?ware|ransom|locker ransomware)\s*$/i, '')
          .trim(),
      )
      .map((p) =>
        p
          .replace(/\s+(?:ransom(?:e)?ware)$/i, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      // "Desorden Group", "ALPHV Ransomware Group": the group noun is context, not name
      .map((p) => {
        const q = p.replace(/^(\S.{2,}?)\s+(?:ransom(?:e)?ware\s+)?(?:group|gang|team|crew)$/i, '$1');
        return isCommon(q) ? p : q;
      })
      .map((p) => p.replace(/^[[\]{}]+|[[\]{}]+$/g, ''))
      .filter(
        (p) =>
          p.length >= 3 &&
          p.length <= 40 &&
          /\p{L}/u.test(p) &&
          words(p).length <= 4 &&
          !SKIP.test(p) &&
          !/^G\d{4}$/.test(p) &&
          !/^ransom(?:e)?ware$/i.test(p) &&
          !places.has(words(p).join(' ')) &&
          !nationality(p),
      )
  );
}

interface Entry {
  kind: 'ransomware' | 'actor';
  names: string[];
}
const entries: Entry[] = [];
for (const [file, kind] of [
  ['ransomware.json', 'ransomware'],
  ['threat-actor.json', 'actor'],
] as const) {
  const doc = JSON.parse(readFileSync(join(galaxy, file), 'utf8')) as {
    values: { value: string; meta?: { synonyms?: string[] } }[];
  };
  for (const v of doc.values) {
    const names = [...surfaces(v.value), ...(v.meta?.synonyms ?? []).flatMap(surfaces)];
    if (names.length) entries.push({ kind, names });
  }
}

// One owner per surface: ransomware entries first, then primary names before synonyms. Entries whose primary names
// coincide ("Termite Ransomware" and "termite") merge, keeping the capitalised spelling.
const owner = new Map<string, Entry>();
const key = (s: string) => words(s).join(' ');
for (const e of entries) {
  const k = key(e.names[0]!);
  const prev = owner.get(k);
  if (prev && prev.kind === e.kind && key(prev.names[0]!) === k) {
    if (prev.names[0] === prev.names[0]!.toLowerCase() && e.names[0] !== e.names[0]!.toLowerCase())
      prev.names[0] = e.names[0]!;
    prev.names.push(...e.names.slice(1));
    e.names = [];
  } else if (!prev) owner.set(k, e);
}
for (const e of entries) for (const n of e.names.slice(1)) if (!owner.has(key(n))) owner.set(key(n), e);

const rows: string[] = [];
const seen = new Set<Entry>();
for (const e of entries) {
  if (!e.names.length || seen.has(e)) continue;
  seen.add(e);
  const mine = [...new Map(e.names.filter((n) => owner.get(key(n)) === e).map((n) => [key(n), n])).values()];
  if (!mine.length || !key(mine[0]!)) continue;
  // names listed only in lower case ("interlock") are written as names are
  if (mine[0] === mine[0]!.toLowerCase()) mine[0] = mine[0]!.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
  const common = mine.filter(isCommon);
  rows.push([e.kind, mine[0], mine.join('|'), common.join('|')].join('\t'));
}
const head = [
  '# Ransomware families and threat actors with their synonyms, derived from the MISP galaxy clusters',
  '# ransomware.json and threat-actor.json (github.com/MISP/misp-galaxy, commit 9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0,',
  '# CC0 1.0) by bench/groups-galaxy.ts. Columns: kind, canonical, names (|), names that are common words (|).',
  '# "common": every word is in the hunspell en_US list of dictionary-en 4.0.0 (SCOWL) or a listed function word, or',
  '# the name is one word of at most four letters. data/reference/groups.yaml (curated) overrides these rows.',
  '# See groups-galaxy.SOURCE.md.',
  'kind\tcanonical\tnames\tcommon',
];
writeFileSync(out, [...head, ...rows].join('\n') + '\n');
console.log(`${rows.length} rows → ${out}`);
