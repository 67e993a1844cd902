// Relevance: does the text report a cyber incident at a healthcare organisation? Evidence by sentence from word
// lists per language (data/reference/lists/KIND-LANG.yaml; the English lists apply to every text, as its loanwords
// travel): a healthcare organisation named or described, patients' data, a cyber cue, and their link (same or
// adjacent sentence, more when in the lead); against it, a denial that an attack happened, a physical crime with a
// ransom, trend and survey constructions, a lead about another kind of victim. Hand-set weights decide (WEIGHTS):
// a logistic regression on the same features (dev + demo labels, leave-one-out) reached no better and chose
// weights of the same signs and sizes, so the weights stay readable numbers with a reason each.
import type { Victim } from '../../core/records.ts';
import type { Lists } from './lists.ts';
import { listRe } from './lists.ts';
import type { Span } from './text.ts';
import { cuesFor } from './victimcues.ts';
import { withTwin } from './fastre.ts';
import { titleCaseLine } from './orgnames.ts';
import { chrome } from './asides.ts';

/**
 * Is there an actual incident told in the article (not just words about cyber risk)? Gates the incident facts. Read in
 * English and in every language the victim lists carry incident words for ("ciberataque", "Hackerangriff").
 */
export function hasIncident(sents: Span[], victimsFound: boolean, lists: Lists, lang = 'und'): boolean {
  const words = cuesFor(lists, lang).incident;
  return victimsFound && sents.some((s) => words.test(s.text));
}

/** Cue kinds looked up in every sentence; each is a list family `KIND-LANG` (English lists apply to every text). */
type Kind = 'health-orgs' | 'health-data' | 'cyber' | 'cyber-weak' | 'cyber-denials' | 'physical-crime' | 'trend';

// Capitalised name heads mark a named healthcare organisation in any Latin-script language ("Integris Health").
const HEALTH_NAME = withTwin(
  /\p{Lu}[\p{L}&'-]+\s+(?:Health(?:care)?|Medical|Dental|Pharma|Clinic|Hospital|Hospice)\b/u,
);
// "secuestro de datos", "secuestraron los datos", "sequestrou os sistemas": the kidnapping word names ransomware here.
const DATA_AFTER =
  /^\s+(?:(?:de|of|los|las|sus|os|as|seus|suas|the|their)\s+){1,2}(?:datos|dados|data|sistemas?|servidores|archivos|arquivos|informaci[oó]n|informa[cç][aã]o)(?![\p{L}\p{N}])/iu;

const HEALTH_SECTOR = /\b(?:health ?care|health sector|hospital sector|life sciences)\b/i;
const KINDS: Kind[] = ['health-orgs', 'health-data', 'cyber', 'cyber-weak', 'cyber-denials', 'physical-crime', 'trend'];

/** The languages whose word lists exist for a cue kind; English always, as its loanwords appear everywhere. */
const cueCache = new WeakMap<Lists, Map<string, Record<Kind, RegExp | null>>>();
function cueRes(lists: Lists, lang: string): Record<Kind, RegExp | null> {
  let cache = cueCache.get(lists);
  if (!cache) cueCache.set(lists, (cache = new Map()));
  let res = cache.get(lang);
  if (!res) {
    res = Object.fromEntries(
      KINDS.map((kind) => {
        const names = [...new Set([`${kind}-en`, `${kind}-${lang}`])].filter((n) => lists.has(n));
        return [kind, names.length ? listRe(lists, names, 'giu') : null];
      }),
    ) as Record<Kind, RegExp | null>;
    cache.set(lang, res);
  }
  return res;
}

// A health noun in the plural ("hospitals", "healthcare organisations") speaks of a sector, not of one victim.
// Told by the ending in languages that mark the plural so; German and Dutch nouns are taken as singular.
const PLURAL: Record<string, RegExp> = {
  en: /(?:[^s]s|ies)$/i,
  es: /[^s]s$/i,
  pt: /[^s]s$/i,
  fr: /(?:[^s]s|aux)$/i,
  it: /[^s]i$/i,
};
const NOT_PLURAL = /(?:diagnostics|dialysis|NHS|pharmaceuticals|sanidad|sant[eé])$/i;

export interface SentenceCues {
  /** 0 none, 1 only plural health organisations, 2 one named or described in the singular */
  health: 0 | 1 | 2;
  data: boolean;
  strong: boolean;
  weak: boolean;
  denial: boolean;
  physical: boolean;
  trend: number;
}

/** Cues of one sentence. A denied attack ("was not a cyberattack") leaves no cyber cue in that sentence. */
// a cue kind only asked whether it occurs stops at its first match (the regexes are shared: lastIndex is reset)
function occurs(re: RegExp | null, text: string, keep?: (m: RegExpExecArray) => boolean): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  // (with nothing to judge, the first match settles it: no match object is built)
  let hit = !keep && re.test(text);
  if (keep)
    for (let m = re.exec(text); m; m = re.exec(text))
      if (keep(m)) {
        hit = true;
        break;
      }
  re.lastIndex = 0;
  return hit;
}

const defenceCache = new WeakMap<Lists, RegExp | null>();
function defended(lists: Lists, before: string): boolean {
  let re = defenceCache.get(lists);
  if (re === undefined) {
    re = lists.has('cyber-defence-en')
      ? withTwin(new RegExp(`(?:${listRe(lists, 'cyber-defence-en', 'iu').source})\\s*$`, 'iu'))
      : null;
    defenceCache.set(lists, re);
  }
  return !!re && re.test(before);
}

// a cue told as what could happen ("hackers could control a device"); "may have accessed" reports a real event
const POTENTIAL_AFTER =
  /^\s+(?:could|can|might|may)\s+(?!have\b|already\b)(?:potentially\s+|theoretically\s+|easily\s+)?\p{Ll}/u;
// A cue written in capitals that runs on into more capitals is part of a name, outside a title-case headline: "the
// Health Sector Cybersecurity Coordination Center warned …" tells of an agency, not of the sector.
const CAPITALISED = /^\p{Lu}\S*(?:\s+\p{Lu}\S*)*$/u;
const NEXT_CAPITAL = /^\s+\p{Lu}/u;
function inName(text: string, m: RegExpExecArray): boolean {
  return (
    CAPITALISED.test(m[0]) &&
    NEXT_CAPITAL.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) &&
    !titleCaseLine(text, m.index)
  );
}
// a sentence told inside an exercise's scenario tells no incident: "In the scenario, hackers encrypted the records …"
const SCENARIO =
  /^\W*(?:in|under|during)\s+(?:the|this|that|a|an)\s+(?:scenario|exercise|drill|simulation|tabletop)\b/i;
const UNTOUCHED = new RegExp(
  String.raw`^[^.;]{0,12}?\b(?:(?:was|were|is|are|has|have|had)\s+)?(?:not|never)\s+(?:been\s+)?` +
    String.raw`(?:affected|impacted|hit)\b|^\s+(?:was\s+|were\s+)?unaffected\b`,
  'i',
);
// hospitals and records of animals are no health cue: "40 animal hospitals", "pet medical records"
const animalRes = new WeakMap<Lists, RegExp>();
function animalBefore(lists: Lists): RegExp {
  let re = animalRes.get(lists);
  if (!re) {
    re = new RegExp(String.raw`(?:${listRe(lists, 'victim-animal-care').source})(?:[\s-]+[\p{L}-]+)?\s+$`, 'iu');
    animalRes.set(lists, re);
  }
  return re;
}
/** `skip` leaves out cue kinds the caller will not read (reported as absent). */
export function sentenceCues(
  text: string,
  lists: Lists,
  lang: string,
  healthNames: string[] = [],
  skip: { weak?: boolean; trend?: boolean } = {},
): SentenceCues {
  const res = cueRes(lists, lang);
  const any = (kind: Kind, keep?: (m: RegExpExecArray) => boolean) => occurs(res[kind], text, keep);
  const all = (kind: Kind, keep?: (m: RegExpExecArray) => boolean) => {
    const re = res[kind];
    const out: string[] = [];
    if (!re) return out;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!keep || keep(m)) out.push(m[0]);
    return out;
  };
  const denial = any('cyber-denials');
  const named = HEALTH_NAME.test(text) || healthNames.some((n) => text.includes(n));
  // (a named organisation settles the health cue: its nouns need no scan)
  // (…and one said to be untouched is no link: "City hit by ransomware; 911 dispatch and hospital not affected")
  const orgs = named
    ? []
    : all(
        'health-orgs',
        (m) =>
          !UNTOUCHED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)) &&
          !animalBefore(lists).test(text.slice(Math.max(0, m.index - 24), m.index)),
      );
  const plural = PLURAL[lang];
  const single = named || orgs.some((o) => !plural?.test(o) || NOT_PLURAL.test(o));
  return {
    health: single ? 2 : orgs.length ? 1 : 0,
    data: any('health-data', (m) => !animalBefore(lists).test(text.slice(Math.max(0, m.index - 24), m.index))),
    // a cue right after a defence or training construction tells no incident ("train staff to recognise phishing")
    strong:
      !denial &&
      any(
        'cyber',
        (m) =>
          !SCENARIO.test(text) &&
          !defended(lists, text.slice(Math.max(0, m.index - 60), m.index)) &&
          !POTENTIAL_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24)),
      ),
    weak: !denial && !skip.weak && any('cyber-weak'),
    denial,
    physical: any('physical-crime', (m) => !DATA_AFTER.test(text.slice(m.index + m[0].length))),
    trend: skip.trend ? 0 : all('trend', (m) => !inName(text, m)).length,
  };
}

export interface RelevanceFeatures {
  /** a cyber cue beside a healthcare organisation or patients' data in the title or first three sentences */
  leadLink: number;
  /** sentences elsewhere with a cyber cue beside a healthcare organisation or patients' data (at most 3) */
  links: number;
  /** sentences with a strong cyber cue (at most 4) */
  strong: number;
  /** a named victim the victim finder places in a health sector */
  namedHealth: number;
  /** the lead denies that an attack happened */
  leadDenial: number;
  /** sentences telling of a kidnapping, abduction or bomb threat (at most 3) */
  physical: number;
  /** trend and statistics constructions in the lead (at most 3) */
  trend: number;
  /** the lead tells of a cyber incident but names or describes no healthcare organisation: another victim's story */
  leadOther: number;
  /** the lead speaks of healthcare organisations only in the plural, naming none: a sector, not a victim */
  plural: number;
}

const LEAD = 4; // title + three sentences, or four sentences when there is no title

// A sentence's turn to another case is that case's, and so is a sentence after the first told of a past year: "in an
// attack similar to one that hit a hospital in 2022", "The same gang hit a children's hospital last year" (a bank's
// story; the headline and lead telling of last year's breach are the story: "a lawsuit over a breach last year").
const PAST_YEAR = /\b(?:last year|the previous year|years? ago)\b/i;
function ownPart(text: string, other: RegExp, first: boolean): string {
  if (!first && PAST_YEAR.test(text)) return '';
  const m = other.exec(text);
  return m ? text.slice(0, m.index) : text;
}

// A fronted clause telling an earlier event before a main clause that tells an attack of its own is that other
// event: "A day after a hospital became the target of a ransomware attack, fraudsters encrypted an accountant's
// files" (…but "Days after a ransomware attack crippled its systems, the hospital restored …" keeps it: its main
// clause tells no attack).
const FRONTED_AFTER = new RegExp(
  String.raw`^[\s“"‘]*(?:(?:a|an|one|two|three|four|five|\d+|several|just|only|hours?|days?|weeks?|months?)\s+){1,3}` +
    String.raw`(?:after|before)\s[^,;]{5,160},\s*`,
  'i',
);
function mainClause(text: string, lists: Lists, lang: string): string {
  const m = FRONTED_AFTER.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return sentenceCues(rest, lists, lang, [], { weak: true, trend: true }).strong ? rest : text;
}

const earlierLeads = new WeakMap<Lists, RegExp>();
function earlierLead(lists: Lists): RegExp {
  let re = earlierLeads.get(lists);
  if (!re) {
    re = new RegExp(String.raw`^[\s“"‘'(]*(?:${listRe(lists, 'relevance-earlier-leads', 'iu').source})`, 'iu');
    earlierLeads.set(lists, re);
  }
  return re;
}

/** `attackers`: offsets of groups named as the attacker; their sentences carry a strong cyber cue. */
export function relevanceFeatures(
  lists: Lists,
  lang: string,
  title: string | null,
  sents: Span[],
  victims: Victim[],
  attackers: number[] = [],
): RelevanceFeatures {
  // (push loops: chained array methods over an often empty list deoptimise the compiled function, as in victims.ts)
  let healthCount = 0,
    healthNow = 0;
  const names: string[] = [];
  const earlier = earlierLead(lists);
  for (const v of victims) {
    if (v.sector === 'other') continue;
    healthCount++;
    if (!earlier.test(v.evidence.quote)) healthNow++;
    if (v.name.length > 3) names.push(v.name);
  }
  const units: string[] = title ? [title] : [];
  const other = listRe(lists, 'impact-other-case');
  for (const [i, s] of sents.entries()) units.push(mainClause(ownPart(s.text, other, i < 2), lists, lang));
  // trend is read in the lead only, and a weak cue only beside no strong one once the article has a strong one:
  // neither is looked for where it would go unread
  // the lead is the title and the first prose: a page's chrome before it (a section label, a byline, a time stamp) is
  // no sentence of the lead ("Tech | Cybersecurity", "Shreya Iyer, Bengaluru", "Dec 10, 2025, 21:12 IST")
  let leadEnd = units.length;
  for (let i = 0, counted = 0; i < units.length; i++) {
    if (!chrome(units[i]!)) counted++;
    if (counted === LEAD) {
      leadEnd = i + 1;
      break;
    }
  }
  const cues = units.map((t, i) => sentenceCues(t, lists, lang, names, { weak: true, trend: i >= leadEnd }));
  const off = title ? 1 : 0;
  sents.forEach((s, i) => {
    const c = cues[i + off]!;
    if (!c.denial && attackers.some((a) => a >= s.start && a < s.end)) c.strong = true;
  });
  const anyStrong = cues.some((c) => c.strong);
  const weakRe = anyStrong ? cueRes(lists, lang)['cyber-weak'] : null;
  cues.forEach((c, i) => {
    if (weakRe && !c.strong && !c.denial) c.weak = occurs(weakRe, units[i]!);
  });
  // a weak cue (attack, breach, ransom) counts once the article has a strong one somewhere
  const cyber = (c: SentenceCues) => c.strong || (anyStrong && c.weak);
  const near = (i: number, lo: number, hi: number, one = false) =>
    [i - 1, i, i + 1].some(
      (j) => j >= lo && j < Math.min(hi, cues.length) && (cues[j]!.health > (one ? 1 : 0) || cues[j]!.data),
    );
  // in the lead a cue beside the health noun links fully, a cue and a health noun apart in it by half
  let leadLink = 0,
    links = 0;
  cues.forEach((c, i) => {
    if (!cyber(c)) return;
    // (beside healthcare organisations only in the plural — a sector among others — the link is half, as below)
    if (i < leadEnd && near(i, 0, leadEnd, true)) leadLink = 1;
    else if (i < leadEnd && cues.slice(0, leadEnd).some((x) => x.health > 0 || x.data))
      leadLink = Math.max(leadLink, 0.5);
    else if (near(i, 0, cues.length)) links++;
  });
  const lead = cues.slice(0, leadEnd);
  // (a lead that speaks of the healthcare sector is no lead about another kind of victim: "Healthcare leak-site
  // tracker: … victims in healthcare and life sciences")
  const sector = units.slice(0, leadEnd).some((u) => HEALTH_SECTOR.test(u));
  const leadOther = lead.some((c) => c.strong) && !lead.some((c) => c.health > 0 || c.data) && !sector ? 1 : 0;
  return {
    leadLink,
    links: Math.min(links, 3),
    strong: Math.min(cues.filter((c) => c.strong).length, 4),
    // (beside another victim's story in the lead, a healthcare victim told only as an earlier event is background)
    namedHealth: (leadOther ? healthNow : healthCount) ? 1 : 0,
    leadDenial: lead.some((c) => c.denial) ? 1 : 0,
    physical: Math.min(cues.filter((c) => c.physical).length, 3),
    trend: Math.min(
      lead.reduce((n, c) => n + c.trend, 0),
      3,
    ),
    leadOther,
    plural: lead.some((c) => c.health === 1) && !lead.some((c) => c.health === 2) ? 1 : 0,
  };
}

/** Weights of the features (log-odds). Set by hand, each by what it means, and checked on dev and demo labels. */
export const WEIGHTS: Record<keyof RelevanceFeatures, number> & { bias: number } = {
  bias: -3.5,
  leadLink: 3,
  links: 0.5,
  strong: 0.7,
  namedHealth: 1.5,
  leadDenial: -3,
  physical: -1.5,
  trend: -2,
  leadOther: -2,
  plural: -1.5,
};

export function relevanceScore(f: RelevanceFeatures, w = WEIGHTS): number {
  let z = w.bias;
  for (const k of Object.keys(f) as (keyof RelevanceFeatures)[]) z += w[k] * f[k];
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

/** P(relevant) of an article from its evidence. */
export function relevance(
  lists: Lists,
  lang: string,
  title: string | null,
  sents: Span[],
  victims: Victim[],
  attackers: number[] = [],
): number {
  return relevanceScore(relevanceFeatures(lists, lang, title, sents, victims, attackers));
}
