// Place mentions (data/reference/places-world.yaml, places.yaml → ISO alpha-2): every country, demonym, division,
// city, country-bound institution or currency written in a text, with its kind. country-decide.ts weighs them.

export type PlaceKind = 'country' | 'demonym' | 'institution' | 'region' | 'city' | 'abbreviation' | 'none';
export interface PlaceHit {
  start: number;
  end: number;
  cc: string;
  kind?: PlaceKind;
}
const KINDS: Record<string, PlaceKind> = {
  countries: 'country',
  demonyms: 'demonym',
  institutions: 'institution',
  cities: 'city',
  us_abbreviations: 'abbreviation',
  ca_abbreviations: 'abbreviation',
  mx_abbreviations: 'abbreviation',
  supranational: 'none',
};
const kindOf = (group: string | undefined): PlaceKind =>
  !group ? 'country' : (KINDS[group] ?? (/states|regions|provinces/.test(group) ? 'region' : 'city'));

// first word of each place → its names, longest first; and a scanner that stops only at words that can start one
// (a capitalised word, one of the few lower-case first words, a symbol), so common words cost nothing
import { withTwin } from './fastre.ts';
interface Index {
  first: Map<string, string[]>;
  scan: RegExp;
}
const indexes = new WeakMap<Map<string, string>, Index>();
const ALNUM = withTwin(/[\p{L}\p{M}\p{N}]/u);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const FIRST_WORD = /^(?:[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}])/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
function indexOf(places: Map<string, string>): Index {
  let idx = indexes.get(places);
  if (!idx) {
    const first = new Map<string, string[]>();
    for (const name of places.keys()) {
      const word = name.match(FIRST_WORD)?.[0];
      if (!word) continue;
      const list = first.get(word) ?? [];
      list.push(name);
      first.set(word, list);
    }
    for (const list of first.values()) list.sort((a, b) => b.length - a.length);
    const rest = [...first.keys()].filter((w) => !CAPITAL_FIRST.test(w)).sort((a, b) => b.length - a.length);
    const words = rest
      .filter((w) => ALNUM.test(w))
      .map(escapeRe)
      .join('|');
    const symbols = rest
      .filter((w) => !ALNUM.test(w))
      .map(escapeRe)
      .join('|');
    const W = String.raw`[\p{L}\p{M}\p{N}]`;
    const scan = withTwin(new RegExp(String.raw`(?<!${W})(?:\p{Lu}${W}*|(?:${words})(?!${W}))|${symbols}`, 'gu'));
    idx = { first, scan };
    indexes.set(places, idx);
  }
  return idx;
}

/** Every place mention, longest name first at each word; `kinds` (ref.placeKinds) adds each hit's kind. */
export function findPlaces(text: string, places: Map<string, string>, kinds?: Map<string, string>): PlaceHit[] {
  const { first, scan } = indexOf(places);
  const out: PlaceHit[] = [];
  let next = 0;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    if (m.index < next) continue;
    // a nationality in the plural names its country too: "279 million Indonesians"
    const plural = !first.has(m[0]) && kinds !== undefined && m[0].endsWith('s');
    const names = first.get(plural ? m[0].slice(0, -1) : m[0]);
    if (!names) {
      const d = dateline(text, m.index, places);
      if (d) {
        out.push({ ...d, kind: kinds ? kindOf(kinds.get(d.name)) : undefined });
        next = d.end;
      }
      continue;
    }
    for (const name of names) {
      if (plural && kinds!.get(name) !== 'demonyms') continue;
      const end = m.index + name.length + (plural ? 1 : 0);
      if (!text.startsWith(plural ? `${name}s` : name, m.index)) continue;
      // a name ending in a letter ends at a word boundary; "US$" is a currency, not a place
      if (ALNUM.test(name.at(-1)!) && (ALNUM.test(text[end] ?? '') || text[end] === '$')) continue;
      const kind = kinds ? kindOf(kinds.get(name)) : undefined;
      // …and the second part of a hyphened compound is no place of its own: "KwaZulu-Natal" holds no Natal (a
      // country-bound noun is: "Rhein-Klinikum")
      if (kind !== 'institution' && text[m.index - 1] === '-' && ALNUM.test(text[m.index - 2] ?? '')) continue;
      // a state abbreviation only where US datelines put it: "Dover, Del." or "Del.-based"
      if (kind === 'abbreviation' && !/, $/.test(text.slice(m.index - 2, m.index)) && text[end] !== '-') continue;
      out.push({ start: m.index, end, cc: places.get(name)!, kind });
      next = end;
      break;
    }
  }
  return out;
}

// A dateline writes its place in capitals at the head of a paragraph: "PUNE: …", "CHICAGO (AP) — …", "LONDON, May 3
// (Reuters) - …". Read in title case ("New York", "Pune").
const DATELINE = withTwin(
  /^\p{Lu}[\p{Lu}.'’-]+(?:[ \t]+\p{Lu}[\p{Lu}.'’-]+){0,2}(?=[ \t]*(?:[:(—–]|,[ \t]*\p{Lu}\p{Ll}|[ \t]-[ \t]))/u,
);
const titleWord = (w: string) => w[0] + w.slice(1).toLowerCase();
/** The place in capitals of a dateline starting at `at` (the head of a paragraph), as written; else null. */
export function datelinePlace(text: string, at: number): string | null {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k >= 0 && text[k] !== '\n') return null;
  return DATELINE.exec(text.slice(at, at + 60))?.[0] ?? null;
}
function dateline(
  text: string,
  at: number,
  places: Map<string, string>,
): { start: number; end: number; cc: string; name: string } | null {
  const written = datelinePlace(text, at);
  if (!written) return null;
  const name = written
    .split(/[ \t]+/)
    .map(titleWord)
    .join(' ');
  // (the state or country written after the city decides: "VICTORIA, Texas —" is no Australian dateline)
  const region = QUALIFIER.exec(text.slice(at + written.length, at + written.length + 40))?.[1];
  const cc = (region && places.get(region)) || places.get(name);
  return cc ? { start: at, end: at + written.length, cc, name } : null;
}
const QUALIFIER = /^,[ \t]*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)(?=[ \t]*(?:[(—–-]|,|$))/u;
