// Victim decision: features of each candidate organisation (found by victims.ts), a score, and who is kept.
// Hand-set weights, ordered as the evidence ranks: a mention in a sentence about this incident, a healthcare
// organisation, a victim's position (victimroles.ts), repeated mentions, the headline. A candidate named only on the
// far side of a comparison or as the attacker's other victim ("similar to the attack on X", "after attacking X") is none.
import type { VictimRef } from './reference.ts';
import type { NameSpan } from './orgnames.ts';
import type { VictimCues } from './victimcues.ts';
import { sentenceAt, fold, LIST_MARK, listItems, monthNumber, type Span } from './text.ts';
import { breachListed } from './gazetteer.ts';

// cued: mentions in a victim's position; strong: in a position only victims take (victimroles.ts)
export interface Entity {
  key: string;
  ref?: VictimRef;
  forms: NameSpan[];
  health: boolean;
  cued: number;
  strong: number[];
}

export interface Scored {
  e: Entity;
  forms: NameSpan[];
  inIncident: NameSpan[];
  mentions: number;
  now: boolean;
  strongNow: number;
  headline: boolean;
  score: number;
}

// A sentence about an earlier, other incident: "where Waikato DHB's hospitals were crippled … in May last year",
// "the group that was behind the attack on the HSE" ("the group behind the attack on X wants €3m" tells this one;
// "the group behind the May 2021 attack on the HSE" is told past by its year)
const PAST =
  /\b(?:last year|years? ago|(?:was|were) behind|memories|reminiscent of|recalls?|recalling|previous(?:ly)? (?:attack|breach|incident)s?|earlier (?:attack|breach|incident) on)\b/i;
// …told as a memory the new one brings back: background, never this story's victim
const RECALLED = /\b(?:memories|reminiscent|recall(?:s|ing|ed)?|echoes)\b/i;
export const RANSOM_TOLD = /\b(?:ransom\w*|extort\w*|bitcoins?|decrypt\w*|encrypt\w*)\b/i;

// a month of last year within eight months of publication is recent: "on 28 December 2024" in a January 2025
// story, "between August 3 and August 9, 2024" in a breach notice of February 2025 (notices lag by months)
const MONTH_BEFORE =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$/i;
const recentMonth = (before: string, year: number, pubYear: number, pubMonth: number) => {
  const m = year === pubYear - 1 ? MONTH_BEFORE.exec(before) : null;
  return !!m && pubMonth + 12 - monthNumber(m[1]!) <= 8;
};

/** A sentence about an earlier incident than the one the article reports (a year before publication, "last year"). */
export function pastIncident(sentence: string, published: string | null): boolean {
  if (PAST.test(sentence)) return true;
  if (published === null) return false;
  const pubYear = Number(published.slice(0, 4)),
    pubMonth = Number(published.slice(5, 7));
  return (
    [...sentence.matchAll(/\b(?:19|20)\d\d\b/g)].some(
      (m) =>
        Number(m[0]) < pubYear &&
        !recentMonth(sentence.slice(Math.max(0, m.index! - 20), m.index), Number(m[0]), pubYear, pubMonth),
    ) && !/\b(?:since|from) (?:19|20)\d\d\b/.test(sentence)
  );
}

// A sentence opened by a month two or more months before publication tells an earlier event of the year: "In
// February, hackers hit X … This week it was Y's turn". Notices lag by months, so this only ranks: a victim told
// only there counts half as current.
const MONTH_LEAD =
  /^\W*(?:(?:back|earlier|also|then)\s+)?in\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[\s,]/i;
function staleMonth(sentence: string, published: string | null): boolean {
  const m = published ? MONTH_LEAD.exec(sentence) : null;
  if (!m) return false;
  const pub = Number(published!.slice(5, 7)),
    month = monthNumber(m[1]!);
  return month <= pub - 2;
}

/** The weights of the decision; a primary below ABSTAIN is no victim. */
const W = { now: 8, health: 4, strong: 1.5, cued: 0.5, mentions: 0.25, headline: 0.5, ref: 0.5 };
const ABSTAIN = 0.5;

/**
 * The victims, in text order. Comparisons and an attacker's other victims are set aside in a story about a healthcare
 * victim, where they are background; a roundup or general cyber news has no such centre and keeps them.
 */
// A tracker's list item naming its victim first and the group that posted it: "1. X (United States). Posted by Akira
// on 10 April." (the line is the item; its sentences are cut short by the country in brackets)
const TRACKER_ITEM = new RegExp(String.raw`^\s*${LIST_MARK}\s+$`);
const POSTED_BY = /^[^\n]{0,80}?[.)]\s+(?:Posted|Listed|Claimed|Added|Named)\s+(?:by|on)\s/;
export function trackerItem(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  return TRACKER_ITEM.test(text.slice(start, at)) && POSTED_BY.test(text.slice(at, at + 160));
}

export function decide(
  text: string,
  sents: Span[],
  L: VictimCues,
  entities: Entity[],
  published: string | null,
): Scored[] {
  const focused = decideWith(text, sents, L, entities, published, true);
  // (…and so is a story whose first candidate holds a victim's position in it, named by a brand alone: "X has
  // been brought to its knees by a cyberattack similar to the one that crippled Y")
  if (focused[0]?.e.health || (focused[0]?.strongNow ?? 0) > 0) return focused;
  const any = decideWith(text, sents, L, entities, published, false);
  if (any.length) return any;
  // a story told long after its incident (a lawsuit, a settlement, a report) tells it only as past: that one counts
  // when it is a healthcare organisation (other sectors' past cases are mostly told as comparisons)
  const pastFocused = decideWith(text, sents, L, entities, published, true, true);
  return pastFocused[0]?.e.health ? pastFocused : [];
}

function decideWith(
  text: string,
  sents: Span[],
  L: VictimCues,
  entities: Entity[],
  published: string | null,
  focus: boolean,
  past = false,
): Scored[] {
  /** The mention's sentence, or the one before/after it, tells of an attack (not an earlier one). */
  // (each sentence is read once: a name mentioned often asks about the same sentences again)
  const seen = new Map<Span, boolean>();
  const tells = (x: Span) => {
    let v = seen.get(x);
    // (read as past, a sentence comparing with another case tells that one: "similar to one that hit X in 2022")
    if (v === undefined) {
      const own = past ? !L.otherCase.test(x.text) : !pastIncident(x.text, published);
      seen.set(x, (v = L.incident.test(x.text) && own));
    }
    return v;
  };
  const incidentNear = (pos: number) => {
    // (a tracker's item tells its posting as its own incident)
    if (trackerItem(text, pos)) return true;
    const s = sentenceAt(sents, pos);
    if (!s || (past ? L.otherCase.test(s.text) : pastIncident(s.text, published))) return false;
    const i = sents.indexOf(s);
    return [sents[i - 1], s, sents[i + 1]].some((x) => x && tells(x));
  };
  /** Named after a comparison or the attacker's other victims in its sentence: "… similar to the one that hit X". */
  const otherCase = (pos: number) => {
    const s = sentenceAt(sents, pos);
    return focus && !!s && L.otherCase.test(s.text.slice(0, pos - s.start));
  };
  const scored: Scored[] = entities
    .map((e) => {
      const forms = e.forms.sort((a, b) => a.start - b.start);
      const own = forms.filter((f) => !otherCase(f.start));
      const current = own.filter((f) => incidentNear(f.start));
      // an earlier ransom attack told in passing names its victim too ("X paid a ransom last year"); it ranks last
      const earlier = own.filter(
        (f) =>
          !current.includes(f) &&
          e.strong.includes(f.start) &&
          RANSOM_TOLD.test(sentenceAt(sents, f.start)?.text ?? '') &&
          !RECALLED.test(sentenceAt(sents, f.start)!.text),
      );
      const inIncident = current.length ? current : earlier;
      // a name found in a victim's position once counts all its mentions
      const mentions = e.health || e.ref ? own.length : Math.max(own.length, occurrences(text, forms[0]!.name));
      const strongNow = e.strong.filter((p) => current.some((f) => f.start === p)).length;
      const headline = !!sents[0] && own.some((f) => f.start < sents[0]!.end);
      const now = current.length > 0;
      const stale = now && current.every((f) => staleMonth(sentenceAt(sents, f.start)?.text ?? '', published));
      const score =
        W.now * (stale ? 0.5 : +now) +
        W.health * +e.health +
        W.strong * Math.min(strongNow, 2) +
        W.cued * Math.min(e.cued, 3) +
        W.mentions * Math.min(mentions, 6) +
        W.headline * +headline +
        W.ref * +curated(e);
      return { e, forms, inIncident, mentions, now, strongNow, headline, score };
    })
    .filter((x) => x.inIncident.length > 0 && (x.e.health || x.e.ref !== undefined || x.e.cued > 0));
  scored.sort((a, b) => b.score - a.score || a.forms[0]!.start - b.forms[0]!.start);
  const primary = scored[0];
  if (focus) return primary?.e.health ? keepWith(text, sents, L, scored, true) : [];
  return keepWith(text, sents, L, scored, false);
}

function keepWith(text: string, sents: Span[], L: VictimCues, scored: Scored[], focus: boolean): Scored[] {
  const primary = scored[0];
  if (!primary || primary.score < ABSTAIN) return [];
  // a co-victim needs a victim's position of its own ("an attack on X", "X paid"), or repeated mentions
  // …in a story of a ransom attack, a position in a sentence about the ransom attack, not a hack told beside it
  const ransomStory = RANSOM_TOLD.test(text);
  const near = (p: number, re: RegExp) => {
    const i = sents.indexOf(sentenceAt(sents, p)!);
    return [sents[i - 1], sents[i], sents[i + 1]].some((n) => n && re.test(n.text));
  };
  const tied = (x: Scored) => !ransomStory || x.e.strong.some((p) => near(p, RANSOM_TOLD));
  // beside a healthcare victim, an organisation of another sector is a victim only where care is told of with it
  // (a hotel or an army hit by the same gang is another story)
  // …or where it is hit now and named again (a supplier whose outage hit the hospital)
  const sameStory = (x: Scored) =>
    x.e.health ||
    !focus ||
    (x.strongNow > 0 && x.inIncident.length >= 2) ||
    x.e.strong.some((p) => healthAround(sents, p, L.health));
  // a text laid out as a list of cases (three or more items) is a roundup: each item's health victim counts
  const roundup = listItems(text) >= 3;
  // a part of the primary named as such is hit with it: "X, part of the Y group, told patients …" (Y the primary)
  const partOfPrimary = (x: Scored) =>
    x.forms.some((f) => {
      const m = L.partOf.exec(text.slice(f.end, f.end + 60));
      const rest = m ? text.slice(f.end + m[0].length, f.end + m[0].length + 80) : '';
      return !!m && primary.forms.some((p) => p.name.length > 2 && rest.startsWith(p.name));
    });
  const keep = scored.filter(
    (x) =>
      x === primary ||
      (x.e.health && partOfPrimary(x)) ||
      (sameStory(x) &&
        ((x.e.strong.length > 0 && tied(x)) ||
          ((x.e.health || !primary.e.health) && (x.mentions >= 2 || curated(x.e) || (roundup && x.e.cued > 0))))),
  );
  return keep.sort((a, b) => a.forms[0]!.start - b.forms[0]!.start);
}

// the sentence after a name that goes on about it: "The company pivoted to manual workflows to keep its dialysis
// centres running", "It runs 40 clinics"
// …"The nonprofit runs 30 hospitals", "The health system said"
export const GOES_ON =
  /^\s*(?:(?:The|the)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:company|firm|group|organi[sz]ation|provider|operator|chain|business|nonprofit|non-profit|system|network|insurer|practice)|It|Its)\b/u;
/** Care is told of in the sentence of a name's position, or in the next one when that goes on about it. */
function healthAround(sents: Span[], p: number, health: RegExp): boolean {
  const s = sentenceAt(sents, p);
  if (!s) return false;
  if (health.test(fold(s.text))) return true;
  const next = sents[sents.indexOf(s) + 1];
  return !!next && GOES_ON.test(next.text) && health.test(fold(next.text));
}

const occurrences = (text: string, name: string) => text.split(name).length - 1;
// a curated victim's name counts as evidence; a name from the breach list only tells the organisation's sector
const curated = (e: Entity) => e.ref !== undefined && !breachListed(e.ref);
