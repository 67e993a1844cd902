// Descriptions of a victim candidate: the words after a name that say what it is (an appositive, a qualified
// noun, the next sentence about the subject), the care it gives ("X's hospitals", "treated at X"), and the
// shapes that are no name (a legal form alone, a quantity). Used by victims.ts.
import type { NameSpan } from './orgnames.ts';
import { ownDescription } from './sectors.ts';
import { fold, sentenceAt, type Span } from './text.ts';
import { withTwin } from './fastre.ts';
import { GOES_ON } from './victimscore.ts';
import { LEGAL_FORM } from './victimroles.ts';

// Before a sentence subject: a dateline ("PORT ELGIN NORTH – ") and/or "The".
// …or a descriptor ("Singapore-based cryptocurrency exchange Corvane Exchange has suspended…").
export const LEADIN = withTwin(
  /^(?:[\p{Lu}][\p{Lu}\s,.]*(?:\([^)]*\))?\s*[–—-]\s)?(?:The\s)?(?:[\p{Lu}][\p{L}-]*-based\s)?(?:[\p{Ll}][\p{L}-]*\s){0,3}$/u,
);
// the next sentence says what the subject is or does: "It runs 40 clinics", "The nonprofit operates 30 hospitals"
const SAYS_WHAT =
  /^\s*(?:(?:The|the)\s+(?:[\p{Ll}-]+\s+){1,3}?|It\s+)(?:also\s+|now\s+)?(?:runs|operates|owns|manages|has|treats|serves|provides|offers|employs|is|cares for|includes)\b/u;
/** The words describing a name after it: its clause, and the next sentence when that goes on about the sentence's
 *  subject ("X confirmed an attack. The nonprofit runs 30 hospitals"). */
export function describedAfter(text: string, sents: Span[], r: NameSpan): string {
  const own = ownDescription(text.slice(r.end, r.end + 120));
  const s = sentenceAt(sents, r.start);
  if (!s || !LEADIN.test(text.slice(s.start, r.start))) return own;
  const next = sents[sents.indexOf(s) + 1];
  return next && GOES_ON.test(next.text) && SAYS_WHAT.test(next.text) ? `${own} ${ownDescription(next.text)}` : own;
}

// "Cascadia Health Plan", "the Hospital Contribution Fund": a health plan or fund is an insurer, not a scheme
export const HEALTH_PLAN = /\bhealth (?:plan|fund)s?$/;
// ", a chain of private clinics in X", ", the largest hospital operator in Y": the name's description after a comma
// …or a relative clause saying what it runs or provides: ", which provides blood tests for hospitals"
const APPOSITIVE = withTwin(
  new RegExp(
    String.raw`^,\s+(?:a|an|the|one of the|one of` +
      String.raw`|(?:which|that) (?:provides|runs|operates|owns|manages|supplies))\s+([^,.;()]{0,60})`,
    'u',
  ),
);
export function healthAppositive(after: string, health: RegExp): boolean {
  const m = APPOSITIVE.exec(after);
  if (!m) return false;
  // (what a relative clause provides or runs may be "for hospitals"; a description's own words stop before a link)
  const said = /^,\s+(?:which|that)\s/.test(m[0])
    ? m[1]!
    : m[1]!.split(/\s(?:in|based|that|which|with|for|serving|operating)\s/)[0]!;
  return health.test(fold(said));
}

// "Barts health trust", "Lakeside dental practice": the name before a lower-case health noun and organisation noun
const QUALIFIED =
  /^\s((?:\p{Ll}+\s){1,2})(?:trust|clinic|hospital|practice|group|cent(?:er|re)|system|board|network|chain)s?(?![\p{L}])/u;
export function healthQualified(after: string, health: RegExp): boolean {
  const m = QUALIFIED.exec(after);
  return !!m && health.test(fold(m[1]!));
}

// its places and people of care: "X's hospitals", "X patients", "X notified its patients" — X gives care
const OWNS_CARE =
  /^(?:['’]s?\s+(?:[\p{Ll}-]+\s+){0,2}?|\s+|\s+(?:[\p{Ll}]+\s+){1,2}its\s+(?:[\p{Ll}-]+\s+)?)(?:patients|hospitals|clinics|physicians|doctors|nurses|emergency (?:rooms|departments)|surgery centers|medical (?:records|centers|centres))(?![\p{L}])/u;
// (written bare before the noun, the name needs a word of its own: "Two hospitals", "Three Norwegian hospitals" count)
export const ownsCare = (after: string, name: string, english: ReadonlySet<string>) =>
  OWNS_CARE.test(after) &&
  (/^['’]/.test(after) || (!QUANTITY.test(name) && name.split(/\s+/).some((w) => !english.has(w.toLowerCase()))));
// a legal form or a degree alone is the tail of a name, not one: "InterMed, PA", "Jane Roe, M.D."
export const SUFFIX_ONLY = new RegExp(String.raw`^(?:${LEGAL_FORM}|M\.?D\.?|D\.?D\.?S\.?|DPM|D\.?O\.?|RN)$`);
// a quantity opening a run counts things, it names none: "Dozens of GP practices"
export const MANY = /^(?:Dozens|Hundreds|Thousands|Several|Many|Some|All|Both|Most|Few|Numerous|Multiple|Various)\b/;
// (the lexicon lacks number words)
const QUANTITY = new RegExp(
  String.raw`^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Other)\b|${MANY.source}`,
);
// …or care given at it: "patients who cannot be treated at X", "nurses at X", "admitted to X"
export const CARE_AT =
  /\b(?:(?:treated|admitted|hospitali[sz]ed|cared for|operated on|patients|nurses|doctors|physicians|surgeons|midwives)\s+(?:at|to|of)|patients\s+(?:who\s+(?:have been|had been|were|are)\s+)?(?:served|treated|seen)\s+(?:by|at))\s+(?:the\s+)?$/;
