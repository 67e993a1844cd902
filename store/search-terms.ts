// One tokeniser for the search index, the queries and the snippet highlighter, so they always agree. Words are
// cut here (Unicode letters and digits: natural's tokenizers drop non-ASCII letters); natural stems them.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** Words too common to rank anything; left out of the index to keep it small. */
const STOP = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the this to was were ' +
    'will with which who not but after also been than said'
  ).split(' '),
);

const STEMS = new Map<string, string>();

/** Porter's English stemmer ("hospitals" and "hospital" → "hospit"), memoised: a stem costs ~4.5 µs, a lookup
 * far less, and an index sees the same few hundred thousand words again and again. */
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size >= 500_000) STEMS.clear();
    s = PorterStemmer.stem(word);
    STEMS.set(word, s);
  }
  return s;
}

/** Names the stemmer behind the index: an index built with another is rebuilt by the next analyze. */
export const STEMMER = 'porter (natural 6.10.5)';

/** Lower-cased, stemmed terms of a text, stop words dropped. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    if (!STOP.has(m[0])) out.push(stem(m[0]));
  }
  return out;
}

/** Term frequencies and length (in indexed terms) of one document. */
export function termFrequencies(text: string): { tf: Map<string, number>; len: number } {
  const tf = new Map<string, number>();
  const all = terms(text);
  for (const t of all) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, len: all.length };
}

/** Every word of a text with its offsets and stemmed term (for highlighting). */
export function* words(text: string): Generator<{ start: number; end: number; term: string }> {
  for (const m of text.matchAll(WORD)) {
    yield { start: m.index, end: m.index + m[0].length, term: stem(m[0].toLowerCase()) };
  }
}

/** Names compared without case, accents or punctuation. */
export function normaliseName(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(WORD)?.join(' ') ?? '';
}

const NAME_STOP = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'le', 'du', 'des', 'del', 'der', 'und', 'et', 'y']);

/** Name tokens without linking words: "All India Institute of Medical Sciences" → all india institute medical sciences. */
export function nameTokens(s: string): string[] {
  return normaliseName(s)
    .split(' ')
    .filter((t) => t && !NAME_STOP.has(t));
}

/** Initials of the significant words: "All India Institute of Medical Sciences" → "aiims". */
export function acronym(s: string): string | null {
  const tokens = nameTokens(s);
  return tokens.length >= 2 ? tokens.map((t) => t[0]).join('') : null;
}
