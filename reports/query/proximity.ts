// Term proximity on top of BM25 (in the spirit of Büttcher et al., "BM25TP"): when the searched words stand
// close together in a document, that document is more likely about the searched thing. Computed on the
// top candidates only, from their text, so the index stays positions-free.
import { words } from '../../store/search-terms.ts';

/** Sum over pairs of distinct query terms of min(idf) / distance in words between their nearest occurrences. */
export function proximityBonus(text: string, queryTerms: string[], idf: Map<string, number>): number {
  const wanted = [...new Set(queryTerms)];
  if (wanted.length < 2) return 0;
  const last = new Map<string, number>();
  const nearest = new Map<string, number>();
  let pos = 0;
  for (const w of words(text)) {
    if (idf.has(w.term) && wanted.includes(w.term)) {
      for (const [other, at] of last) {
        if (other === w.term) continue;
        const key = [other, w.term].sort().join('\u0000');
        nearest.set(key, Math.min(nearest.get(key) ?? Infinity, pos - at));
      }
      last.set(w.term, pos);
    }
    pos++;
  }
  let bonus = 0;
  for (const [key, d] of nearest) {
    const [a, b] = key.split('\u0000');
    bonus += Math.min(idf.get(a)!, idf.get(b)!) / d;
  }
  return bonus;
}

/** BM25's idf, the same formula as the SQL ranking. */
export const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
