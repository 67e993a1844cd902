// The victim's country: each place mention (countries.ts) is a candidate; its weight comes from where it stands
// against the victim's mentions; the country with the largest sum wins unless the evidence is thin or split.
import type { Reference } from './reference.ts';
import { sentenceAt, type At, type Span } from './text.ts';
import { listRe } from './lists.ts';
import { withTwin } from './fastre.ts';
import { findPlaces, type PlaceHit } from './countries.ts';

/** where the text writes a victim's name */
type Mention = At;
interface Context {
  text: string;
  sents: Span[];
  hits: PlaceHit[];
  headEnd: number;
  sources: RegExp;
}

// A language spoken as the main tongue of one country is weak evidence of it (Spanish, Portuguese, French and
// English are not: they are the tongue of many countries).
const LANGUAGE_COUNTRY: Record<string, string> = {
  de: 'DE',
  nl: 'NL',
  it: 'IT',
  pl: 'PL',
  cs: 'CZ',
  da: 'DK',
  no: 'NO',
  sv: 'SE',
  ja: 'JP',
  ko: 'KR',
  he: 'IL',
  ml: 'IN',
  te: 'IN',
  kn: 'IN',
  hi: 'IN',
  th: 'TH',
  el: 'GR',
};

export const WEIGHTS = {
  inName: 6,
  cityInName: 2,
  based: 5,
  apposition: 3,
  sentence: 2,
  adjacent: 1,
  elsewhere: 0.5,
  headline: 1,
  institution: 1,
  language: 1,
  demonym: 0.75,
  repeat: 0.25,
  theBased: 4,
};

const stopSets = new WeakMap<Reference['lists'], Set<string>>();
function stopwords(lists: Reference['lists']): Set<string> {
  let set = stopSets.get(lists);
  if (!set) {
    set = new Set([...lists].filter(([n]) => n.startsWith('stopwords-')).flatMap(([, ws]) => ws));
    stopSets.set(lists, set);
  }
  return set;
}

// attackers placed by a preposition; the kind of firm after "the X-based"
const located = new WeakMap<Reference['lists'], { heads: RegExp; sources: RegExp }>();
function cueRes(ref: Reference): { heads: RegExp; sources: RegExp } {
  let r = located.get(ref.lists);
  if (!r) {
    const heads = listRe(ref.lists, 'place-attacker-heads', 'iu').source;
    r = {
      heads: withTwin(
        new RegExp(
          String.raw`${heads}\s+(?:(?:based|located|operating)\s+)?(?:from|in|out of)` + String.raw`\s+(?:the\s+)?$`,
          'iu',
        ),
      ),
      sources: listRe(ref.lists, 'place-source-nouns', 'iu'),
    };
    located.set(ref.lists, r);
  }
  return r;
}

let last: { text: string; ref: Reference; attackers: readonly At[]; ctx: Context } | null = null;

/** Place hits of the text that can tell the victim's country: not the attacker's ("a Russian gang"), not "Europe". */
function context(text: string, sents: Span[], ref: Reference, attackers: readonly At[] = []): Context {
  if (last && last.text === text && last.ref === ref && last.attackers === attackers) return last.ctx;
  const attacker = listRe(ref.lists, 'place-attacker-nouns', 'iu');
  const stop = stopwords(ref.lists);
  const cues = cueRes(ref);
  const raw = findPlaces(text, ref.places, ref.placeKinds);
  // "Victoria, British Columbia", "Córdoba, Argentina": the division or country after a city says where it is
  const misread = (h: PlaceHit, i: number) => {
    const q = raw[i + 1];
    return (
      h.kind === 'city' &&
      !!q &&
      q.cc !== h.cc &&
      (q.kind === 'region' || q.kind === 'country') &&
      /^,\s*$/.test(text.slice(h.end, q.start))
    );
  };
  const hits = raw.filter((h, i) => {
    if (h.cc === 'none' || misread(h, i)) return false;
    // inside the attacker's name: "the Turkish Crime Family", "Syrian Electronic Army"
    if (attackers.some((a) => h.start >= a.start && h.end <= a.end)) return false;
    // "a pro-Russian group": a stance, never where the victim is
    if (/\bpro-$/i.test(text.slice(Math.max(0, h.start - 4), h.start))) return false;
    // "Russian state hackers", "a Russia-linked gang", "North Korea's hackers"; not "staff in Israel confront …"
    // (the words up to the first function word: "hospital hit by ransomware" is no ransomware gang)
    const tail = text
      .slice(h.end, h.end + 60)
      .replace(/^(?:-|[’']s\b)/, ' ')
      .trim()
      .split(/\s+/)
      .slice(0, 3);
    const cut = tail.findIndex((w) => w.length <= 2 || stop.has(w.toLowerCase()));
    if (attacker.test(tail.slice(0, cut < 0 ? 3 : cut).join(' '))) return false;
    // a language, not a people: "a note in Spanish.", "Spanish-language media"
    const inLanguage =
      /\bin\s+$/.test(text.slice(Math.max(0, h.start - 4), h.start)) &&
      /^\s*(?:[.,;:)]|$)/.test(text.slice(h.end, h.end + 2));
    if (h.kind === 'demonym' && (inLanguage || /^-language\b/.test(text.slice(h.end, h.end + 10)))) return false;
    // "hackers from Russia", "a gang based in Russia"
    const lead = text.slice(Math.max(0, h.start - 60), h.start);
    return !(/\b(?:from|in|of)\s+(?:the\s+)?$/i.test(lead) && cues.heads.test(lead));
  });
  const nl = text.search(/\n/);
  const first = sents[0]?.end ?? 0;
  const headEnd = nl > 0 ? Math.min(nl, first || nl) : first;
  const ctx: Context = { text, sents, hits, headEnd, sources: cues.sources };
  last = { text, ref, attackers, ctx };
  return ctx;
}

/** Index of the sentence holding `pos` (-1 outside any). */
function sentenceIndex(sents: Span[], pos: number): number {
  const s = sentenceAt(sents, pos);
  return s ? sents.indexOf(s) : -1;
}

function weightOf(h: PlaceHit, ctx: Context, mentions: Mention[], mentionSents: number[]): number {
  const { text, sents } = ctx;
  const k = h.kind === 'demonym' ? WEIGHTS.demonym : 1;
  if (mentions.some((m) => h.start >= m.start && h.end <= m.end)) {
    return h.kind === 'city' ? WEIGHTS.cityInName : WEIGHTS.inName;
  }
  // "Dover, Del.-based X", "the Zagreb-based X", "Croatia's X": the place qualifies the name it stands before
  const before = mentions.some(
    (m) =>
      m.start >= h.end &&
      m.start - h.end <= 40 &&
      /^(?:-based|’s|'s)\b/.test(text.slice(h.end, h.end + 7)) &&
      !/[.;!?]\s/.test(text.slice(h.end, m.start)),
  );
  if (before) return WEIGHTS.based;
  // "the Germany-based conglomerate": the story's subject, named again by what it is
  const the = /\bthe\s+$/i.test(text.slice(Math.max(0, h.start - 5), h.start));
  const what = text
    .slice(h.end + 6, h.end + 60)
    .trim()
    .split(/\s+/)
    .slice(0, 3)
    .join(' ');
  if (the && /^-based\b/.test(text.slice(h.end, h.end + 7)) && !ctx.sources.test(what)) {
    return WEIGHTS.theBased;
  }
  const i = sentenceIndex(sents, h.start);
  let w = WEIGHTS.elsewhere;
  for (const [n, m] of mentions.entries()) {
    const j = mentionSents[n]!;
    if (j < 0) continue;
    if (i === j && h.start >= m.end && h.start - m.end <= 80) w = Math.max(w, WEIGHTS.apposition * k);
    else if (i === j) w = Math.max(w, WEIGHTS.sentence * k);
    else if (Math.abs(i - j) === 1) w = Math.max(w, WEIGHTS.adjacent * k);
  }
  if (h.start < ctx.headEnd) w = Math.max(w, WEIGHTS.headline * k);
  // with no victim named, the lead (the sentence after the headline) places the story as the headline does
  else if (!mentions.length && sentenceIndex(ctx.sents, ctx.headEnd + 1) === i) w = Math.max(w, WEIGHTS.headline * k);
  if (h.kind === 'institution') w = Math.max(w, WEIGHTS.institution);
  return w;
}

function decide(ctx: Context, mentions: Mention[], min: number, lang: string | null = null): string | null {
  // each place name counts at its best position; repeating it adds little ("London Drugs" said ten times)
  const byName = new Map<string, { cc: string; w: number; n: number }>();
  const mentionSents = mentions.map((m) => sentenceIndex(ctx.sents, m.start));
  for (const h of ctx.hits) {
    // a country's agencies are one piece of evidence, however many of them are named
    const name = h.kind === 'institution' ? `institution ${h.cc}` : ctx.text.slice(h.start, h.end);
    const w = weightOf(h, ctx, mentions, mentionSents);
    const inside = mentions.some((m) => h.start >= m.start && h.end <= m.end);
    const b = byName.get(name);
    if (!b) byName.set(name, { cc: h.cc, w, n: inside ? 0 : 1 });
    else {
      b.w = Math.max(b.w, w);
      if (!inside) b.n++;
    }
  }
  const score = new Map<string, number>();
  for (const { cc, w, n } of byName.values()) {
    score.set(cc, (score.get(cc) ?? 0) + w + Math.min(1, Math.max(0, n - 1) * WEIGHTS.repeat));
  }
  const fromLang = lang ? LANGUAGE_COUNTRY[lang] : undefined;
  if (fromLang) score.set(fromLang, (score.get(fromLang) ?? 0) + WEIGHTS.language);
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < min) return null;
  // two countries with as much said for each: no guess
  if (second && second[1] * 1.25 > best[1]) return null;
  return best[0];
}

/** The country of a victim named at `mentions` (every place it is written), or null when the text does not fix it. */
export function victimCountry(
  text: string,
  sents: Span[],
  ref: Reference,
  mentions: Mention[],
  attackers: readonly At[] = [],
): string | null {
  // every place the text writes one of the victim's names, not only those found in a victim's position
  const all = new Map<number, Mention>();
  for (const name of new Set(mentions.map((m) => text.slice(m.start, m.end)))) {
    for (let i = text.indexOf(name); i >= 0 && name; i = text.indexOf(name, i + name.length)) {
      all.set(i, { start: i, end: i + name.length });
    }
  }
  for (const m of mentions) all.set(m.start, m);
  return decide(context(text, sents, ref, attackers), [...all.values()], 0.5);
}

/**
 * The country an article's incident happens in, when no victim's country is known: the places it speaks of most,
 * and the text's language (ISO 639-1) when one country speaks it.
 */
export function textCountry(
  text: string,
  sents: Span[],
  ref: Reference,
  lang: string | null = null,
  attackers: readonly At[] = [],
): string | null {
  return decide(context(text, sents, ref, attackers), [], 1, lang);
}
