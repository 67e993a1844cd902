// Language of a text: non-Latin scripts by their Unicode script, Latin-script languages by function words
// (data/reference/lists/stopwords-*.yaml). Words come from Intl.Segmenter, which keeps every letter of every script.
import type { Extraction } from '../../core/records.ts';
import type { Lists } from './lists.ts';
import { withTwin } from './fastre.ts';

// Languages told by their script alone: ISO 639-1 code and the Unicode scripts of its letters.
const SCRIPTS: [string, RegExp][] = (
  [
    ['ml', 'Malayalam'],
    ['hi', 'Devanagari'],
    ['ta', 'Tamil'],
    ['te', 'Telugu'],
    ['kn', 'Kannada'],
    ['bn', 'Bengali'],
    ['ar', 'Arabic'],
    ['he', 'Hebrew'],
    ['ru', 'Cyrillic'],
    ['el', 'Greek'],
    ['th', 'Thai'],
    ['ko', 'Hangul'],
    ['ja', 'Hiragana Katakana'],
    ['zh', 'Han'],
    ['gu', 'Gujarati'],
    ['pa', 'Gurmukhi'],
    ['or', 'Oriya'],
    ['si', 'Sinhala'],
    ['ka', 'Georgian'],
    ['hy', 'Armenian'],
    ['am', 'Ethiopic'],
    ['km', 'Khmer'],
    ['my', 'Myanmar'],
  ] as const
).map(([lang, scripts]) => [
  lang,
  new RegExp(
    `[${scripts
      .split(' ')
      .map((s) => `\\p{Script=${s}}`)
      .join('')}]`,
    'gu',
  ),
]);

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Text of ASCII, Latin-1 and Latin Extended-A letters and common punctuation only is cut by a regex that follows the
// Unicode word-break rules for those characters (letters, digits and '_' run together; '.', ':' and apostrophes join
// letters, '.', ',', ';' and apostrophes join digits): the same words as the segmenter, several times faster.
const LATIN = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F`;
const PLAIN = new RegExp(String.raw`^[\t\n\r -~${LATIN}\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$`, 'u');
const PLAIN_WORD = new RegExp(
  String.raw`[${LATIN}0-9_]+(?:(?:(?<=[${LATIN}])[.:'\u2018\u2019](?=[${LATIN}])` +
    String.raw`|(?<=[0-9])[.,;'\u2018\u2019](?=[0-9]))[${LATIN}0-9_]+)*`,
  'gu',
);
const LETTER_IN = withTwin(/\p{L}/u);

const HAS_LETTER = /\p{L}/u;
/** Lower-cased words of any script (numbers and punctuation left out). */
export function wordsOf(text: string): string[] {
  if (PLAIN.test(text)) {
    return (text.match(PLAIN_WORD) ?? []).filter((w) => LETTER_IN.test(w)).map((w) => w.toLowerCase());
  }
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike && HAS_LETTER.test(s.segment)) out.push(s.segment.toLowerCase());
  }
  return out;
}

const stopSets = new WeakMap<Lists, Map<string, Set<string>>>();
function stopwords(lists: Lists): Map<string, Set<string>> {
  let m = stopSets.get(lists);
  if (!m) {
    m = new Map();
    for (const [name, ws] of lists) if (name.startsWith('stopwords-')) m.set(name.slice(10), new Set(ws));
    stopSets.set(lists, m);
  }
  return m;
}

export interface Language {
  lang: string;
  share: number;
}

const NON_LATIN = /[^\P{L}\p{Script=Latin}]/gu;
const LETTER = /\p{L}/gu;
const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

/**
 * The text's language (ISO 639-1). Scripts decide from the first ~4,000 characters: a non-Latin script holding over
 * 30 % of the letters names the language (ml, hi, ru …). Latin-script text is told by function words
 * (data/reference/lists/stopwords-*.yaml) among the words of its first 800 characters (some 130 words; the
 * segmenter is the costly step).
 * `share` is the fraction of letters in the winning script, or of words that are the winner's function words.
 * 'und' when nothing decides (no words, or under 8 % function words of any listed language).
 */
export function detectLanguage(text: string, lists: Lists): Language {
  const head = text.slice(0, 4000);
  // letters of other scripts are rare in Latin-script text, so the full letter count is taken only when they occur
  if (count(NON_LATIN, head) > 0) {
    const letters = count(LETTER, head);
    for (const [lang, re] of SCRIPTS) {
      const n = count(re, head);
      if (n / letters > 0.3) return { lang, share: n / letters };
    }
  }
  const ws = wordsOf(text.slice(0, 800));
  if (!ws.length) return { lang: 'und', share: 0 };
  let best: Language = { lang: 'und', share: 0 };
  for (const [lang, set] of stopwords(lists)) {
    const hits = ws.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
    const share = ws.length ? hits / ws.length : 0;
    if (share > best.share) best = { lang, share };
  }
  return best.share >= 0.08 ? best : { lang: 'und', share: best.share };
}

/**
 * What the extractor reads, by language:
 * - facts (victims, actors, ransom, dates, counts, countries, attack types) and relevance: Latin-script text — en
 *   fully; es, fr, de, nl, pt, it, pl, da, no, sv through their cue lists and the script-level grammar of names,
 *   numbers, money and dates (the fact rules are written in English, so they find less there); 'und' too, as short
 *   English text can hold too few function words to be told and a Latin-script name or sum reads the same in any
 *   language;
 * - relevance only: text in another script — ml and hi through cue lists of their own, the rest through English
 *   loanwords ("ransomware") alone. Names there are not told by capital letters and the fact rules do not read the
 *   words, so any fact found would be invented.
 */
export const FACT_LANGUAGES: ReadonlySet<string> = new Set([
  'en',
  'es',
  'fr',
  'de',
  'nl',
  'pt',
  'it',
  'pl',
  'da',
  'no',
  'sv',
  'und',
]);

export const readsFacts = (lang: string): boolean => FACT_LANGUAGES.has(lang);

type Own = Pick<Extraction, 'doc_id' | 'extractor_version' | 'relevant' | 'relevance' | 'published' | 'language'>;

/** An extraction with no fact: its relevance and the document's own fields, keys in the contract's order. */
export function factless(x: Own): Extraction {
  const { doc_id, extractor_version, relevant, relevance, published, language } = x;
  return {
    doc_id,
    extractor_version,
    relevant,
    relevance,
    attack_types: [],
    victims: [],
    actors: [],
    ransom: [],
    payment_method: null,
    records_affected: null,
    attack_date: null,
    published,
    downtime_days: null,
    countries: [],
    language,
  };
}

/** An extraction of a text whose language is not read for facts: relevance and language kept, every fact emptied. */
export function withoutFacts(x: Extraction): Extraction {
  return { ...x, ...factless(x) };
}
