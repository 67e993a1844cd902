// Fallback victim: an article judged to report a healthcare incident whose victim no rule placed still names its
// victim somewhere, most often in the headline or the lead. The likeliest organisation there is taken, ranked by a
// health word in or near the name, a victim's position, the lead and repeated mentions; a lone word must be written
// as a name mid-sentence and never in lower case. Used only by extract.ts, and only for a relevant article.
import type { Victim } from '../../core/records.ts';
import type { Reference } from './reference.ts';
import { commonAcronyms, headlineCommon, nameRuns, siteName, type NameSpan } from './orgnames.ts';
import { lookupName, breachListed } from './gazetteer.ts';
import { isGroupName } from './groups.ts';
import { sectorOf } from './sectors.ts';
import { victimCountry } from './country-decide.ts';
import { evidence, fold, sentenceAt, escapeRe, perText, type At, type Span } from './text.ts';
import {
  victimCue,
  notVictim,
  techAcronym,
  knownSource,
  sourceNames,
  adjectiveUse,
  expertFirms,
  firstWord,
  sourceWorded,
} from './victimroles.ts';
import { cues, isCountry } from './victimcues.ts';

// a word that makes a run an organisation's name whatever its sector
const ORG_WORD = new RegExp(
  String.raw`\b(?:Inc|Corp|Corporation|Ltd|LLC|Group|Company|Bank|University|College|Council|` +
    String.raw`County|City|Authority|Department|District|Services?|Systems?|Trust|Institute|Foundation|Association|` +
    String.raw`Partners|Holdings|Network)\b`,
);
// people's titles and words that open a sentence as names do
const PERSONISH = /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|President|Officials?|Police|Patients?|Hackers?|Ransomware)\b/;
// the least score kept: a health organisation needs less (a relevant article is about one)
// a health word inside a brand's one word: "Bayhealth", "Careline", "Medisure"
const HEALTH_PART = /health|care|medic|clinic|pharm|hospital|dental|ortho/;
const MIN = 3,
  MIN_HEALTH = 2.5;

interface Cand {
  key: string;
  span: NameSpan;
  score: number;
  health: number;
}

const GERMAN_NOUN = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;
/** The best candidate victim of a relevant article, or none when nothing scores enough. */
export function fallbackVictim(
  text: string,
  sents: Span[],
  ref: Reference,
  lang = 'und',
  attackers: readonly At[] = [],
): Victim[] {
  const L = cues(ref.lists);
  const sources = sourceNames(ref.lists);
  const lead = sents.slice(0, 4);
  const leadEnd = lead[lead.length - 1]?.end ?? 0;
  const cands = new Map<string, Cand>();
  const common = commonAcronyms(text);
  const runs = nameRuns(text, L.breaks, (n) => ref.places.has(n), L.company, L.people, L.titles).filter(
    (r) => !common.has(r.name) && !siteName(text, r),
  );
  const experts = expertFirms(text, sents, runs);
  for (const r of runs) {
    const name = r.name.replace(/^The\s/, '');
    const f = fold(name);
    const s = sentenceAt(sents, r.start);
    if (!s || name.length < 3 || name.split(' ').length > 8 || /\d/.test(name) || PERSONISH.test(name)) continue;
    if (L.nonOrgLast.test(f) || isCountry(name) || ref.places.has(name)) continue;
    // common words a title-case headline capitalises, never written so again: "… Obtained From Third Parties"
    if (headlineCommon(text, name, r.start, ref.english, ref.places)) continue;
    if (L.calendar.test(name) || L.authority.test(name)) continue;
    const before = text.slice(Math.max(0, r.start - 70), r.start);
    const after = text.slice(r.end, r.end + 80);
    if (notVictim(name, before, after, sources, L.company) || knownSource(name, sources) || techAcronym(name)) continue;
    if (experts.has(firstWord(name)) && (!L.health.test(f) || sourceWorded(name))) continue;
    const single = !/\s/.test(name);
    // German writes every noun with a capital: a lone word there is a name only when it is no plain noun's shape
    if (single && lang === 'de' && GERMAN_NOUN.test(name)) continue;
    const healthName = L.health.test(f) && !single;
    // a name before a lower-case noun qualifies it ("Acme devices"), unless the name is a health organisation's
    // (an acronym defined in brackets qualifies the noun after them: "File Transfer Protocol (FTP) servers")
    if ((!healthName && adjectiveUse(name, after)) || L.techNoun.test(after.slice(0, 30).replace(/^\)/, ''))) continue;
    // …and a name before a programme's or a card's noun is none ("Medicare and concession card numbers")
    if (L.nonOrgAfter.test(after.slice(0, 30))) continue;
    if (isGroupName(ref.groups, name)) continue;
    const g = lookupName(ref.victims, name);
    // a lone word is a name only when the article never prints it in lower case and writes it mid-sentence
    if (
      single &&
      !(g && !breachListed(g)) &&
      (name.length < 4 ||
        lowerCase(text, name) ||
        !midSentence(text, name) ||
        /-(?:based)?$/.test(name) ||
        spokenBy(text, name))
    )
      continue;
    if (!single && !healthName && !g && !ORG_WORD.test(name) && occurrences(text, name) < 2) continue;
    const near = text.slice(Math.max(0, r.start - 60), r.end + 60);
    const healthy =
      healthName ||
      (single && HEALTH_PART.test(f)) ||
      (g !== undefined && g.sector !== 'other') ||
      L.healthBefore.test(fold(before.slice(-40))) ||
      L.health.test(fold(near.replace(name, ' ')));
    const cue = victimCue(s.text, r.start - s.start, r.end - s.start, L.incident);
    const told = L.incident.test(s.text);
    // 2: a health word in the name; 1: beside it
    const health = healthName ? 2 : healthy ? 1 : 0;
    const score =
      health +
      (cue === 'strong' ? 2 : cue ? 1 : 0) +
      (told ? 1 : 0) +
      (r.start < leadEnd ? (s === sents[0] ? 1.5 : 1) : 0) +
      0.25 * Math.min(occurrences(text, name), 4);
    // a lone word with no health word near it is as likely a product, a person or a strain as an organisation
    if (single && !g && !health) continue;
    const key = g?.name ?? f;
    const old = cands.get(key);
    if (!old || old.score < score) cands.set(key, { key, span: { ...r, name }, score, health });
  }
  // a health organisation first: a relevant article is about one
  const best = [...cands.values()].sort(
    (a, b) => b.health - a.health || b.score - a.score || a.span.start - b.span.start,
  )[0];
  if (!best || best.score < (best.health ? MIN_HEALTH : MIN)) return [];
  const g = lookupName(ref.victims, best.span.name);
  const s = sentenceAt(sents, best.span.start)!;
  const canonical = g?.name ?? best.span.name;
  const described = text.slice(best.span.end, best.span.end + 120).split(/[.;]/)[0] ?? '';
  return [
    {
      name: best.span.name,
      canonical,
      sector: g?.sector ?? sectorOf(canonical, described, ref.lists),
      country: g?.country ?? victimCountry(text, sents, ref, [best.span], attackers),
      evidence: evidence(text, s.start, s.end),
    },
  ];
}

const occurrences = (text: string, name: string) => text.split(name).length - 1;

const lowerCase = perText(
  (text: string, word: string) =>
    word !== word.toUpperCase() &&
    new RegExp(`(?<![\\p{L}@/.])${escapeRe(word.toLowerCase())}(?![\\p{L}])`, 'u').test(text),
);
const midSentence = perText((text: string, word: string) =>
  new RegExp(`[\\p{Ll},;:]\\s+${escapeRe(word)}(?![\\p{L}])`, 'u').test(text),
);
// a person's surname: "said Jane Roe", "Roe added", "according to Roe" (not "While Acme …" opening a sentence)
const spokenBy = perText((text: string, word: string) =>
  new RegExp(
    `(?:(?<=[\\p{Ll}\\d,;:]\\s)\\p{Lu}\\p{Ll}+\\s${escapeRe(word)}(?![\\p{L}])|` +
      `${escapeRe(word)}\\s(?:said|says|told|added|wrote|explained)\\b|according to ${escapeRe(word)}\\b)`,
    'u',
  ).test(text),
);
