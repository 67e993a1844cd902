// Victim name identity: normalisation, acronyms, token containment, Jaro-Winkler. Pure functions of two names.
// (incremental analyze keeps name edges: a change here that changes a match bumps MATCH_RULES in group.ts)
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** Dropped before comparing: articles, connectors (also skipped by acronyms) and legal-form words. */
export const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'for',
  'at',
  'in',
  's',
  'de',
  'da',
  'do',
  'das',
  'dos',
  'du',
  'des',
  'la',
  'le',
  'di',
  'del',
  'der',
  'und',
  'y',
  'e',
  'pvt',
  'private',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'srl',
  'bv',
  'nv',
  'pty',
  'group',
]);

/** Words that do not identify an organisation on their own: a shorter name needs one other word to be contained. */
export const GENERIC = new Set([
  'hospital',
  'hospitals',
  'health',
  'healthcare',
  'medical',
  'medicine',
  'center',
  'centre',
  'clinic',
  'clinics',
  'system',
  'systems',
  'services',
  'service',
  'institute',
  'university',
  'memorial',
  'general',
  'regional',
  'community',
  'national',
  'city',
  'county',
  'st',
  'saint',
  'care',
  'trust',
  'foundation',
  'nhs',
  'lab',
  'labs',
  'laboratory',
  'laboratories',
  'diagnostics',
  'pharma',
  'network',
  'board',
  'new',
  'north',
  'south',
  'east',
  'west',
  'children',
  'childrens',
  // the hospital and the saint in the other languages outlets write a name in
  'krankenhaus',
  'spital',
  'spitalul',
  'ospedale',
  'ziekenhuis',
  'clinica',
  'clinique',
  'szpital',
  'nemocnice',
  'sankt',
  'san',
  'santa',
  'santo',
  'sao',
  'sint',
  'sainte',
  'ste',
  'sfantul',
  'sfanta',
  'hospitalier',
  'hospitalar',
  'klinikum',
  'hopital',
  'sciences',
  'science',
  'research',
]);

/** Lower-case, diacritics folded, "&" read as "and", stop words dropped (kept if nothing else is left). */
export function nameTokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ');
  const all = folded.match(WORD) ?? [];
  const kept = all.filter((t) => !STOP.has(t));
  return kept.length > 0 ? kept : all;
}

export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

export function initials(tokens: string[]): string {
  return tokens.map((t) => t[0]).join('');
}

/** Can `a` be read token by token against `b`, a token on either side standing for the initials of a run of
 * ≥3 tokens on the other? With `skip`, tokens of `b` may be left out (b is a longer form of a). */
function aligns(a: string[], b: string[], skip: boolean, i = 0, j = 0): boolean {
  if (i === a.length) return j === b.length || skip;
  if (j === b.length) return false;
  if (a[i] === b[j] && aligns(a, b, skip, i + 1, j + 1)) return true;
  const ka = a[i].length;
  if (ka >= 3 && j + ka <= b.length && initials(b.slice(j, j + ka)) === a[i] && aligns(a, b, skip, i + 1, j + ka)) {
    return true;
  }
  const kb = b[j].length;
  if (kb >= 3 && i + kb <= a.length && initials(a.slice(i, i + kb)) === b[j] && aligns(a, b, skip, i + kb, j + 1)) {
    return true;
  }
  return skip && aligns(a, b, skip, i, j + 1);
}

export type NameMatch = { kind: 'exact' | 'acronym' | 'contained' | 'fuzzy'; score: number };

/** How two names relate, or null. `contained` (a name inside a longer one) is the weakest: callers
 * require an agreeing known country for it. */
export function matchNames(x: string, y: string, jwThreshold: number): NameMatch | null {
  const a = nameTokens(x);
  const b = nameTokens(y);
  if (a.length === 0 || b.length === 0) return null;
  if (a.join(' ') === b.join(' ')) return { kind: 'exact', score: 1 };
  if (aligns(a, b, false) || aligns(b, a, false)) return { kind: 'acronym', score: 0.99 };
  const jw = JaroWinklerDistance(a.join(' '), b.join(' '), {});
  if (jw >= jwThreshold) return { kind: 'fuzzy', score: jw };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.some(identifying) && aligns(short, long, true)) {
    return { kind: 'contained', score: 0.9 };
  }
  // the identifying words of one among the other's in another order, as outlets of two languages write a name:
  // "University Hospital Düsseldorf" and "Düsseldorf University Hospital", "Centre hospitalier de Cannes" and
  // "Cannes hospital", "Krankenhaus Sfântul Gheorghe" and "Saint Gheorghe Recovery Hospital"
  // …with the kind words of one among the other's ("Sahyadri Diagnostics" is not "Sahyadri Hospitals")
  const ia = new Set(a.filter(identifying)),
    ib = new Set(b.filter(identifying));
  const [few, more] = ia.size <= ib.size ? [ia, ib] : [ib, ia];
  if (few.size > 0 && within(few, more) && kindsAgree(a, b)) return { kind: 'contained', score: 0.9 };
  return null;
}

const within = (x: Set<string>, y: Set<string>) => [...x].every((t) => y.has(t));
function kindsAgree(a: string[], b: string[]): boolean {
  const ka = new Set(a.filter((t) => GENERIC.has(t)).map((t) => SAME_KIND[t] ?? t)),
    kb = new Set(b.filter((t) => GENERIC.has(t)).map((t) => SAME_KIND[t] ?? t));
  return within(ka, kb) || within(kb, ka);
}

/** Generic words of one meaning across the languages and spellings outlets use. */
const SAME_KIND: Record<string, string> = {
  hospitals: 'hospital',
  krankenhaus: 'hospital',
  spital: 'hospital',
  spitalul: 'hospital',
  ospedale: 'hospital',
  ziekenhuis: 'hospital',
  hopital: 'hospital',
  hospitalier: 'hospital',
  hospitalar: 'hospital',
  szpital: 'hospital',
  nemocnice: 'hospital',
  klinikum: 'hospital',
  clinics: 'clinic',
  clinica: 'clinic',
  clinique: 'clinic',
  centre: 'center',
  st: 'saint',
  sankt: 'saint',
  san: 'saint',
  santa: 'saint',
  santo: 'saint',
  sao: 'saint',
  sint: 'saint',
  sainte: 'saint',
  ste: 'saint',
  sfantul: 'saint',
  sfanta: 'saint',
  labs: 'lab',
  laboratory: 'lab',
  laboratories: 'lab',
  childrens: 'children',
  services: 'service',
  systems: 'system',
};

/** A token that identifies an organisation by itself (no generic word, no bare number). */
export const identifying = (t: string) => !GENERIC.has(t) && !/^\d+$/.test(t);

/** The best match between any name of one set and any of the other. */
export function matchNameSets(xs: string[], ys: string[], jwThreshold: number): NameMatch | null {
  let best: NameMatch | null = null;
  for (const x of xs) {
    for (const y of ys) {
      const m = matchNames(x, y, jwThreshold);
      if (m && (!best || m.score > best.score)) best = m;
    }
  }
  return best;
}
