// Victim name identity: normalisation, acronyms, token containment, Jaro-Winkler. Pure functions of two names.
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
  'new',
  'north',
  'south',
  'east',
  'west',
  'children',
  'childrens',
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
  if (short.some((t) => !GENERIC.has(t) && !/^\d+$/.test(t)) && aligns(short, long, true)) {
    return { kind: 'contained', score: 0.9 };
  }
  return null;
}

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
