// Language of a text: non-Latin scripts by their Unicode script, Latin-script languages by function words
// (data/reference/lists/stopwords-*.yaml). Words come from Intl.Segmenter, which keeps every letter of every script.
import type { Lists } from './lists.ts';

const SCRIPTS: [string, RegExp][] = [
  ['ml', /\p{Script=Malayalam}/u], ['hi', /\p{Script=Devanagari}/u], ['ta', /\p{Script=Tamil}/u],
  ['te', /\p{Script=Telugu}/u], ['kn', /\p{Script=Kannada}/u], ['bn', /\p{Script=Bengali}/u],
  ['ar', /\p{Script=Arabic}/u], ['he', /\p{Script=Hebrew}/u], ['ru', /\p{Script=Cyrillic}/u],
  ['el', /\p{Script=Greek}/u], ['th', /\p{Script=Thai}/u], ['ko', /\p{Script=Hangul}/u],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u], ['zh', /\p{Script=Han}/u],
];

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Lower-cased words of any script (numbers and punctuation left out). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike && /\p{L}/u.test(s.segment)) out.push(s.segment.toLowerCase());
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

export interface Language { lang: string; share: number }

/**
 * The text's language (ISO 639-1) from its first ~4,000 characters. `share` is the fraction of letters in the
 * winning script, or of words that are the winning language's function words. 'und' when nothing decides.
 */
export function detectLanguage(text: string, lists: Lists): Language {
  const head = text.slice(0, 4000);
  const letters = head.match(/\p{L}/gu)?.length ?? 0;
  if (!letters) return { lang: 'und', share: 0 };
  for (const [lang, re] of SCRIPTS) {
    const n = head.match(new RegExp(re.source, 'gu'))?.length ?? 0;
    if (n / letters > 0.3) return { lang, share: n / letters };
  }
  const ws = wordsOf(head);
  let best: Language = { lang: 'und', share: 0 };
  for (const [lang, set] of stopwords(lists)) {
    const hits = ws.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
    const share = ws.length ? hits / ws.length : 0;
    if (share > best.share) best = { lang, share };
  }
  return best.share >= 0.08 ? best : { lang: 'und', share: best.share };
}
