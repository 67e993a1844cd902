// Shared text helpers: sentence spans with offsets, evidence quotes, a Unicode word tokenizer.
import type { Evidence } from '../../core/records.ts';
import { withTwin } from './fastre.ts';
import { smallNumber } from './numbers.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Unicode-aware tokens: natural's tokenizers drop non-ASCII letters ("Städtisches"). */
/** A stretch of the text. */
export interface At {
  start: number;
  end: number;
}

/** Every place the text writes one of the names (exact case), in text order. */
export function mentionsOf(text: string, names: string[]): At[] {
  const out: At[] = [];
  for (const name of new Set(names.filter(Boolean)))
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length))
      out.push({ start: i, end: i + name.length });
  return out.sort((a, b) => a.start - b.start);
}

export function tokens(s: string): string[] {
  return s.toLowerCase().match(TOKEN) ?? [];
}
const TOKEN = withTwin(/[\p{L}\p{N}]+/gu);

export function evidence(text: string, start: number, end: number): Evidence {
  return { quote: text.slice(start, end), start, end };
}

// Words after which a full stop does not end a sentence.
const ABBREV =
  /(?:\b(?:Rs|Dr|Mr|Mrs|Ms|Prof|St|No|Inc|Ltd|Co|Corp|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Pvt|Mio|Mrd|U\.S|e\.g|i\.e|[A-Z])\.)$/;

// A line that ends like this was wrapped inside a sentence: "… including the\nHealth Ministry".
const WRAPPED = withTwin(
  new RegExp(
    String.raw`(?:[,;:(–-]|\b(?:the|a|an|of|and|or|to|in|at|for|with|by|from|on` +
      String.raw`|as|its|their` +
      String.raw`|his|her|our|including|said|says|told|de|la|el|los|las|del|der|die|das|und|le|les|des|du|et|da|do|e|y)` +
      String.raw`|[\p{Ll}]-)\s*$`,
    'u',
  ),
);

const MONTH_AFTER = withTwin(
  new RegExp(
    String.raw`^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August` +
      String.raw`|September|Oktober` +
      String.raw`|November|Dezember|januari|februari|maart|mei|juni|juli|augustus|oktober)\b`,
    'u',
  ),
);

const BREAK = withTwin(
  new RegExp(
    String.raw`([.!?][”"’)]?)\s+(?=[“"‘(]?[\p{Lu}\p{N}])|\n\s*\n|\n(?=\s*[-*•]\s)` +
      String.raw`|(\n)(?=[“"‘(]?[\p{Lu}\p{N}])`,
    'gu',
  ),
);

/** Split into sentences (paragraph breaks always split). Offsets index into `text`. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  const re = BREAK;
  re.lastIndex = 0;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const cut = m.index + (m[1]?.length ?? 0);
    if (m[1] && ABBREV.test(text.slice(Math.max(from, m.index - 12), m.index + 1))) continue;
    // a German or Dutch ordinal day before its month: "am 3. März"
    if (
      m[1] === '.' &&
      /(?<![\d.])\d{1,2}$/.test(text.slice(Math.max(0, m.index - 3), m.index)) &&
      MONTH_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))
    )
      continue;
    // a line break before a capital ends a headline or a caption, unless the line was wrapped mid-sentence
    if (m[2] && WRAPPED.test(text.slice(Math.max(from, m.index - 16), m.index))) continue;
    push(from, cut);
    from = cut;
  }
  push(from, text.length);
  return out;
}

/** The mark that opens a list item: "- ", "• ", "3. ", "2) ". */
export const LIST_MARK = String.raw`(?:[-*•]|\d{1,2}[.)])`;
const LIST_ITEM = new RegExp(String.raw`^\s*${LIST_MARK}\s+`, 'gm');
/** How many lines of the text open as list items ("- …", "• …", "3. …"): a roundup lays its cases out so. */
export function listItems(text: string): number {
  return text.match(LIST_ITEM)?.length ?? 0;
}

const MONTH_ABBRS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The number (1–12) of an English month name or its abbreviation ("March", "Sept", "Dec"); 0 when none. */
export const monthNumber = (name: string): number => MONTH_ABBRS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The sentence containing offset `pos`. */
export function sentenceAt(sents: Span[], pos: number): Span | undefined {
  let lo = 0,
    hi = sents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sents[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Strip diacritics and case, for comparing names ("Sao Lucas" = "São Lucas"). */
// the same words and names are folded over and over: remembered (bounded, cleared when full)
const folded = new Map<string, string>();
const MARKS = /\p{M}/gu;
export function fold(s: string): string {
  let f = folded.get(s);
  if (f !== undefined) return f;
  // ASCII has nothing to decompose: most names skip the costly normalisation
  const bare = ASCII.test(s) ? s : s.normalize('NFD').replace(MARKS, '');
  f = bare.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  if (folded.size >= 50_000) folded.clear();
  folded.set(s, f);
  return f;
}

/** The words of a text (maximal runs of letters and digits): offsets and folded forms (lower case; accents dropped
 * too outside ASCII). Made once per text: the victim gazetteer and the group table both walk them. */
export interface WordTokens {
  starts: number[];
  ends: number[];
  folded: string[];
}
let tokensOf: { text: string; tokens: WordTokens } | null = null;
export function wordTokens(text: string): WordTokens {
  if (tokensOf?.text === text) return tokensOf.tokens;
  const tokens: WordTokens = { starts: [], ends: [], folded: [] };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.starts.push(m.index);
    tokens.ends.push(m.index + m[0].length);
    tokens.folded.push(ASCII.test(m[0]) ? m[0].toLowerCase() : fold(m[0]));
  }
  TOKEN.lastIndex = 0;
  tokensOf = { text, tokens };
  return tokens;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pure test of (text, word), remembered for the latest text: one article asks about the same name many times and
 * each ask would compile a regex of its own.
 */
export function perText<T>(test: (text: string, word: string) => T): (text: string, word: string) => T {
  let last: string | undefined;
  let seen = new Map<string, T>();
  return (text, word) => {
    if (text !== last) {
      last = text;
      seen = new Map();
    }
    if (seen.has(word)) return seen.get(word) as T;
    const v = test(text, word);
    seen.set(word, v);
    return v;
  };
}

const LETTERS_ONLY = /^\p{L}+$/u;
/** An English word, or one's plural ("Parties", "Hotels"), by the word list `english`; or a number word ("Third"). */
export function englishWord(english: ReadonlySet<string>, word: string): boolean {
  // (asked of every word of every name candidate, and words recur: the answers are kept, a bounded number per list)
  let known = englishMemo.get(english);
  if (!known) englishMemo.set(english, (known = new Map()));
  let yes = known.get(word);
  if (yes === undefined) {
    const w = word.toLowerCase();
    yes =
      [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y')].some((x) => english.has(x)) ||
      (LETTERS_ONLY.test(w) && smallNumber(w) !== null);
    if (known.size >= MEMO_MAX) known.clear();
    known.set(word, yes);
  }
  return yes;
}
const englishMemo = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
const MEMO_MAX = 50_000;

/** A name of common words only, after a leading place or nationality: "Luxury Hotels", "South Korean Web Host". */
export function commonWords(name: string, english: ReadonlySet<string>, places: ReadonlyMap<string, string>): boolean {
  let ws = name.split(/\s+/);
  for (const n of [2, 1]) {
    if (ws.length > n && places.has(ws.slice(0, n).join(' '))) {
      ws = ws.slice(n);
      break;
    }
  }
  return ws.every((w) => englishWord(english, w));
}
