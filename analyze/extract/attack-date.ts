// The attack date: every date mention (dates.ts) gets features from the words that govern it — an attack verb or
// noun ("was hacked on 13 February", "the 3 May attack"), a verb of saying ("said on Tuesday"), a later step of the
// extortion ("posted the data on 7 April"), a limit ("until 4 January") — and the earliest date governed by the
// attack is chosen. A date nothing ties to the attack is left out: a wrong date is worse than none.
import type { Lists } from './lists.ts';
import { listRe, words } from './lists.ts';
import type { Span } from './text.ts';
import { sentenceAt } from './text.ts';
import { withTwins } from './fastre.ts';
import { findDates, iso, utc, validDay, DAY, type DateMention } from './dates.ts';
import { carryYears, reyear, yearsNamed } from './date-years.ts';
import { ORDINAL_WORD, smallNumber } from './numbers.ts';

type Cue = 'verb' | 'noun' | 'report' | 'event';
export type Governor = 'attack' | 'report' | 'limit' | 'other' | null;

interface Cues {
  verb: RegExp;
  noun: RegExp;
  report: RegExp;
  event: RegExp;
  limit: RegExp;
  attributive: RegExp;
  offset: RegExp;
  clause: RegExp;
  bareClause: RegExp;
  subjectOf: RegExp;
  other: RegExp;
  future: RegExp;
  later: RegExp;
  pastMonth: RegExp;
  leadOffset: RegExp;
  leadClause: RegExp;
  nounSubject: RegExp;
  pastVerb: RegExp;
  relativeAttack: RegExp;
  dayOf: RegExp;
  itBegan: RegExp;
  subjectNoun: RegExp;
}
const compiled = new WeakMap<Lists, Cues>();

// a dateline before a sentence: "Jaipur: ", "NEW DELHI — "
const DATELINE = String.raw`\W*(?:\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}\s?[:—–-]\s+)?`;

function cues(lists: Lists): Cues {
  let c = compiled.get(lists);
  if (c) return c;
  const noun = listRe(lists, 'date-attack-nouns').source;
  const claim = listRe(lists, ['date-report-verbs', 'date-claim-verbs']).source;
  const nums = words(lists, 'date-numerals')
    .map((w) => w.split(' ')[1])
    .join('|');
  const verbs = listRe(lists, ['date-attack-verbs', 'date-event-verbs']).source;
  const limit = listRe(lists, 'date-limit-words').source;
  const AFTER = String.raw`(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,2}?`;
  c = {
    verb: listRe(lists, 'date-attack-verbs', 'giu'),
    noun: listRe(lists, 'date-attack-nouns', 'giu'),
    report: listRe(lists, ['date-report-verbs', 'date-claim-verbs', 'date-legal-verbs'], 'giu'),
    event: listRe(lists, 'date-event-verbs', 'giu'),
    clause: listRe(lists, 'date-clause-words', 'iu'),
    bareClause: listRe(lists, 'date-bare-clauses', 'iu'),
    other: listRe(lists, 'date-other-incident', 'iu'),
    future: listRe(lists, 'date-future-words', 'iu'),
    later: listRe(lists, 'date-later-words', 'iu'),
    // the date ends a subject: "an attack on Monday took down the portal"
    subjectOf: new RegExp(String.raw`^,?\s+(?:[\p{Ll}]+ly\s+|had\s+|has\s+)?${verbs}`, 'iu'),
    // …or of any verb in the past, right after "an attack on Sunday": "said a ransomware attack on Sunday forced it …"
    nounSubject: new RegExp(String.raw`(?:${noun})\s+(?:on|last|this|early|late)?\s*$`, 'iu'),
    pastVerb: new RegExp(
      String.raw`^\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}{2,}ed|took|left|brought|hit|shut|knocked|made|kept` +
        String.raw`|sent|struck|caught)\b`,
      'u',
    ),
    limit: new RegExp(String.raw`${limit}\s+(?:(?:the|late|early|around)\s+)?$`, 'iu'),
    // "the 3 May attack", "Wednesday's hacking", "a Monday deadline": the date modifies the noun after it
    // (a link word after the date opens another clause: "on Jan. 28 and disclosed it on Feb. 5")
    attributive: new RegExp(
      String.raw`^(?:['’]s)?\s+(?:(?!(?:the|an?|and|or|but|then|to|in|on|at|after|before|when` +
        String.raw`|that|which|who|as|because|since|while|where|it|its|they|was|were|is|are|has|had|have|been` +
        // (…nor the other languages' "and": "comenzó el sábado 4 de mayo y dijo que …")
        String.raw`|y|e|et|und|en|o|ou|ed|og|och)\b)` +
        String.raw`[\p{Ll}-]+\s+)?` +
        String.raw`(?:(${noun})|${claim})`,
      'iu',
    ),
    // "on Thursday, one day after the ransomware attack"
    // (…or weeks: "restored its systems Tuesday, a week after the attack"; or a clause of the attack: "learned of
    // the breach Wednesday, the day after the information was stolen")
    offset: new RegExp(
      String.raw`^,?\s+(?:(\d+|${nums}|an?)|the)\s+(days?|weeks?)\s+after\s+` +
        String.raw`(?:${AFTER}${noun}|[^,.;]{0,60}?(?:${verbs}))`,
      'iu',
    ),
    // "on Friday, the sixth day of a ransomware outage": the outage began five days before
    dayOf: new RegExp(
      String.raw`^,?\s+(?:which was\s+|on\s+)?the\s+(\d+(?:st|nd|rd|th)|${ORDINAL_WORD})\s+` +
        String.raw`(?:straight\s+|consecutive\s+|full\s+)?day\s+of\s+${AFTER}${noun}`,
      'iu',
    ),
    // "Five days after a ransomware attack crippled its systems, X on Wednesday restored …": the clause opening the
    // sentence counts back from the date of its main clause
    leadOffset: new RegExp(String.raw`^${DATELINE}(\d+|${nums})\s+days?\s+after\s+${AFTER}${noun}\b[^,;]*,`, 'iu'),
    // …and any clause opening it ("After the attack on Monday, …") is not the main clause the date stands in
    leadClause: new RegExp(
      String.raw`^${DATELINE}(?:[\p{L}\d-]+\s+){0,3}?` +
        String.raw`(?:${listRe(lists, 'date-lead-clause-words').source})[^,;]*,`,
      'iu',
    ),
    pastMonth: /\blast\s+(\p{L}+)|(\p{L}+)\.?\s+last\s+year\b/giu,
    // (…or with no comma, the relative pronoun right after the noun: "a ransomware attack that the company says
    // began Sept. 21")
    relativeAttack: new RegExp(String.raw`(?:${noun})(?:\b[^.;,]{0,60},\s*|\s+)(?:which|that)\b[^.;,]*$`, 'iu'),
    // "The cyberattack against … has kept staff on paper since it began on Monday": "it" is the sentence's subject
    itBegan: new RegExp(String.raw`\bit\s+(?:first\s+)?(?:${verbs})\s+(?:on\s+|late\s+|early\s+)?$`, 'iu'),
    subjectNoun: new RegExp(
      String.raw`^${DATELINE}(?:the|a|an|this|that)?\s*(?:[\p{L}\d'’-]+\s+){0,3}?(?:${noun})\b`,
      'iu',
    ),
  };
  // (each runs its plain-text twin: fastre.ts)
  compiled.set(lists, withTwins(c));
  return c;
}

interface Hit {
  cue: Cue;
  at: number;
}
function hits(re: RegExp, cue: Cue, s: string, base: number): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ cue, at: base + m.index + m[0].length });
  return out;
}

/** All cues in a stretch of text, by position. */
function cuesIn(c: Cues, s: string): Hit[] {
  return [
    ...hits(c.verb, 'verb', s, 0),
    ...hits(c.noun, 'noun', s, 0),
    ...hits(c.report, 'report', s, 0),
    ...hits(c.event, 'event', s, 0),
  ].sort((a, b) => a.at - b.at);
}

// (the verb and at most one word before the date's preposition: "the breach affected patients treated between …" is
// no date of the breach)
const NOUN_VERB_AT = new RegExp(
  String.raw`^\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}{2,}ed|took|began|came|hit|struck)(?:\s+\p{Ll}+)?` +
    String.raw`\s+(?:on|between|during|over|late|early)\s+` +
    String.raw`(?:the\s+(?:night|morning|evening|afternoon|weekend)\s+(?:of\s+|between\s+)?)?` +
    // (a range's end is read with its start: "between Wednesday and Thursday")
    String.raw`(?:\p{Lu}\p{Ll}+\s+(?:and|to|through)\s+)?$`,
  'u',
);
const SINCE = /\bsince\s+(?:(?:late|early)\s+)?$/i;
const UNAWARE_UNTIL = new RegExp(
  String.raw`\b(?:not|never|un)\s*(?:\w+\s+){0,2}?` +
    String.raw`(?:aware|know|knew|learn|learned|learnt|discover|notice|realize|realise)\b` +
    String.raw`[^.;]{0,80}\buntil\s+(?:(?:late|early)\s+)?$`,
  'i',
);

/**
 * What governs a date mention. Left of it, the nearest verb decides ("said it found unusual activity on Monday": the
 * finding); an attack noun between a verb of saying and the date does not ("reported a cyber incident on 15 March").
 * With no cue on the left, the nearest cue on the right decides ("On Thursday night the site was taken over").
 */
export function governor(text: string, d: DateMention, sent: Span, lists: Lists): { gov: Governor; shift: number } {
  const c = cues(lists);
  const right = text.slice(d.end, Math.min(sent.end, d.end + 120));
  const off = c.offset.exec(right);
  if (off) {
    const n = !off[1] || /^an?$/i.test(off[1]) ? 1 : /^\d+$/.test(off[1]) ? Number(off[1]) : numeral(lists, off[1]);
    return { gov: 'attack', shift: n * (/^week/i.test(off[2]!) ? 7 : 1) };
  }
  const nth = c.dayOf.exec(right);
  if (nth) return { gov: 'attack', shift: (smallNumber(nth[1]!) ?? 1) - 1 };
  const attr = c.attributive.exec(right);
  if (attr) return { gov: attr[1] ? 'attack' : 'report', shift: 0 };
  // a day that owns another event's noun is that event's: "Prior to Wednesday's indictment, …"
  const owned = POSSESSIVE_DAY.exec(right);
  if (owned && !holds(c.noun, owned[1]!) && !holds(c.report, owned[1]!)) return { gov: 'other', shift: 0 };
  const opening = text.slice(sent.start, d.start);
  const lead = c.leadOffset.exec(opening);
  if (lead) return { gov: 'attack', shift: /^\d+$/.test(lead[1]!) ? Number(lead[1]) : numeral(lists, lead[1]!) };
  const opener = c.leadClause.exec(opening);
  // (a long object may stand between the verb and its date: "accessed a file server used by … as early as Feb. 19")
  let left = text.slice(Math.max(sent.start + (opener?.[0].length ?? 0), d.start - 160), d.start);
  // the clause the date stands in: after the last semicolon, colon, dash or ", but"
  const cut = [...left.matchAll(/[;:]|\s[—–]\s|,\s+(?:but|while|although|whereas|and|yet)\s/gu)].pop();
  if (cut) left = left.slice(cut.index! + cut[0].length);
  // "was not aware of a breach until Feb 22": the day it learned of it, a detection
  if (UNAWARE_UNTIL.test(left)) return { gov: 'attack', shift: 0 };
  if (c.limit.test(left)) return { gov: 'limit', shift: 0 };
  if (c.other.test(left)) return { gov: 'other', shift: 0 };
  if (c.future.test(left.slice(-40))) return { gov: 'limit', shift: 0 };
  // the date ends the subject of an attack verb: "says a flood of traffic on Sunday took down its portal"
  if (c.subjectOf.test(right)) return { gov: 'attack', shift: 0 };
  if (c.pastVerb.test(right) && c.nounSubject.test(left)) return { gov: 'attack', shift: 0 };
  // (…or what the attack has done "since" the date: "A cyberattack on X has left pharmacies unable to … since Feb. 21")
  if ((c.itBegan.test(left) || SINCE.test(left)) && c.subjectNoun.test(opening)) return { gov: 'attack', shift: 0 };
  // "from Monday" with no end is when something resumes; "from 14 March through 3 April" and "from 12 to 19
  // January" (one mention) are windows
  const from = /\bfrom\s+(?:(?:late|early)\s+)?$/i.test(left);
  const window =
    /^\s*(?:-|–|to|through|until|till)\s/i.test(right) ||
    /\d\s*(?:-|–|to|through|until|till)\s*\d/i.test(text.slice(d.start, d.end));
  if (from && !window) return { gov: ACCESS_FROM.test(left) ? 'attack' : 'limit', shift: 0 };
  const gov = leftGovernor(c, left);
  if (gov) return { gov, shift: 0 };
  // a label ("- 7 Nov: attack detected") is governed by what follows its colon
  const after = right.replace(/^\s*:/, '');
  const stop = after.search(/[;:]|\s—\s/);
  const clause = stop >= 0 ? after.slice(0, stop) : after;
  // a verb decides before a noun: "On Monday, hackers posted the files" is the leak's date
  const hs = cuesIn(c, clause).filter((h) => h.cue !== 'event');
  const first = hs.find((h) => h.cue !== 'noun') ?? hs[0];
  if (!first) return { gov: null, shift: 0 };
  // "called in on Monday after the attack": the date is later than the attack it names
  if (c.later.test(clause.slice(0, first.at))) return { gov: 'limit', shift: 0 };
  return { gov: first.cue === 'report' ? 'report' : 'attack', shift: 0 };
}

/**
 * The nearest cue left of the date decides. A verb like "began" takes its subject's side ("the sale began on…").
 * An attack noun decides unless a verb of saying takes it as its object ("reported a cyber incident on 15 March");
 * a clause word between them ("said that an attack on Monday…", "after the intrusion on…") or a verb after the date
 * ("says an attack on Monday took down…") makes the noun the attack's own.
 */
function leftGovernor(c: Cues, left: string): Governor {
  const hs = cuesIn(c, left).reverse();
  let event = false;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    if (h.cue === 'event') {
      // "the attack on X, which the hospital says began on Nov. 23": the relative clause's subject is the attack
      if (i === 0 && c.relativeAttack.test(left.slice(0, h.at))) return 'attack';
      event = true;
      continue;
    }
    if (h.cue === 'verb') return 'attack';
    // "said that on 30 November an intruder accessed …": a clause opened after the verb of saying holds the date,
    // and what follows the date decides
    if (h.cue === 'report') return c.clause.test(left.slice(h.at)) ? null : 'report';
    // an attack noun; one that a verb in the past follows is the subject of the date's clause: "said the infection
    // took root on the night between Wednesday and Thursday", "said the breach occurred on 3 March"
    if (i === 0 && NOUN_VERB_AT.test(left.slice(h.at))) return 'attack';
    const rep = hs.slice(i + 1).find((x) => x.cue === 'report' || x.cue === 'verb');
    if (!rep || rep.cue === 'verb' || event) return 'attack';
    const between = left.slice(rep.at, h.at);
    if (c.clause.test(between) || (rep.cue === 'report' && c.bareClause.test(between))) return 'attack';
    return 'report';
  }
  return null;
}

function numeral(lists: Lists, w: string): number {
  const hit = words(lists, 'date-numerals').find((x) => x.endsWith(' ' + w.toLowerCase()));
  return hit ? Number(hit.split(' ')[0]) : 1;
}

// (the cue patterns are global: a test must not leave lastIndex behind)
const holds = (re: RegExp, s: string) => {
  re.lastIndex = 0;
  const hit = re.test(s);
  re.lastIndex = 0;
  return hit;
};
// the words a possessive day owns: "Monday's criminal indictments"
const POSSESSIVE_DAY = /^['’]s\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u;
const LOWER_WORD = /(?<!\p{L})\p{Ll}/u;
const TIME_OR_AGENCY = /^\s*(?:\d{1,2}[:.]\d{2}|\(\p{L}+\))/u;
const CAPITAL_WORD = /\p{Lu}.*\p{L}/u;
const DATELINE_AFTER = /^\s*(?:[:|–—-]|\p{Lu})/u;
/**
 * A dateline or byline: a date opening its paragraph after a place in capitals ("JAKARTA May 13 At least…",
 * "New Delhi, Nov 28:") or followed by a time or an agency. A bullet before it makes a timeline entry instead.
 */
function dateline(text: string, d: DateMention, layoutEnd: number): boolean {
  const para = Math.max(text.lastIndexOf('\n', d.start) + 1, layoutEnd);
  const left = text.slice(para, d.start),
    right = text.slice(d.end, d.end + 12);
  // only capitalised words (a place) before it
  if (d.start - para > 60 || LOWER_WORD.test(left)) return false;
  if (TIME_OR_AGENCY.test(right)) return true;
  return CAPITAL_WORD.test(left) && DATELINE_AFTER.test(right);
}

const MONTH_WORD = /\p{L}{3,}/u;
/**
 * Without a publication date, dates without a year are read against the latest full date in the text, only where
 * that is unambiguous: on or before it in its year, or in a month the text calls "last October".
 */
function anchorYears(text: string, ds: DateMention[], c: Cues): number | null {
  const full = ds.filter((d) => d.kind === 'full' && d.date).map((d) => Date.parse(d.date!));
  if (!full.length) return null;
  const anchor = Math.max(...full);
  const a = new Date(anchor),
    ay = a.getUTCFullYear(),
    amd = (a.getUTCMonth() + 1) * 100 + a.getUTCDate();
  const past = new Set<string>();
  c.pastMonth.lastIndex = 0;
  for (let m = c.pastMonth.exec(text); m; m = c.pastMonth.exec(text)) {
    past.add((m[1] ?? m[2])!.toLowerCase().slice(0, 3));
  }
  for (const d of ds) {
    if (d.date || d.kind !== 'md' || !d.m) continue;
    const name = text.slice(d.start, d.end).toLowerCase().match(MONTH_WORD)?.[0]?.slice(0, 3) ?? '';
    const y = d.m * 100 + d.d! <= amd ? ay : past.has(name) ? ay - 1 : null;
    if (y && validDay(y, d.m, d.d!)) d.date = iso(utc(y, d.m, d.d!));
  }
  return anchor;
}

const WEEK_OF = /\bweek\s+(?:of|beginning|starting)\s+$/i;
const SPAN_START = /\b(?:between|from)\s+$/i;
// …but access held "from" a date is the intrusion's start: "an unauthorized party had access to the network from
// March 3" (breach notices)
const ACCESS_FROM =
  /\b(?:had|has|have|gained|obtained|maintained)\s+(?:\w+\s+)?access\b[^.;]{0,40}\bfrom\s+(?:(?:late|early)\s+)?$/i;
const SPAN_END = /^\s*(?:and|to|through|-|–)\s*$/i;

export interface AttackDate {
  date: string;
  start: number;
  end: number;
}

/**
 * The attack (else detection) date: the earliest date the attack governs, within 200 days before publication; else,
 * for a breach notice published long after, the earliest such date written with its year within 400 days.
 */
export function attackDate(
  text: string,
  sents: Span[],
  published: string | null,
  lists: Lists,
  lang = 'en',
): AttackDate | null {
  const c = cues(lists);
  const pubDay = published ? published.slice(0, 10) : null;
  const ds = findDates(text, pubDay, lists, lang);
  const ref = pubDay ? Date.parse(pubDay) : anchorYears(text, ds, c);
  if (ref === null) return null;
  if (pubDay) {
    carryYears(ds);
    reyear(ds, ref, yearsNamed(text));
  }
  // with no publication date the latest full date is only a lower bound of it: a wider window
  const ceil = iso(ref + DAY),
    floor = iso(ref - (pubDay ? 200 : 365) * DAY);
  const late = iso(ref - (pubDay ? 400 : 365) * DAY);
  let best: AttackDate | null = null,
    older: AttackDate | null = null;
  let layoutEnd = 0;
  for (const [i, d] of ds.entries()) {
    if (d.kind === 'layout') {
      layoutEnd = d.end;
      continue;
    }
    // "during the week of March 4" names a week, not its day
    if (!d.date || dateline(text, d, layoutEnd) || WEEK_OF.test(text.slice(Math.max(0, d.start - 14), d.start)))
      continue;
    const sent = sentenceAt(sents, d.start);
    if (!sent) continue;
    // "between 5 and 9 January, 2025", "from 3 to 6 March": a range's first date takes the governor of its last
    const next = ds[i + 1];
    const ranged =
      next &&
      next.start < sent.end &&
      SPAN_END.test(text.slice(d.end, next.start)) &&
      SPAN_START.test(text.slice(Math.max(sent.start, d.start - 12), d.start));
    const { gov, shift } = governor(text, ranged ? next : d, sent, lists);
    if (gov !== 'attack') continue;
    const date = shift ? iso(Date.parse(d.date) - shift * DAY) : d.date;
    // a date written with its year may lie further back ("discovered the attack on May 24, 2017" in a notice a
    // year on): it is kept aside, used only when the text dates the attack no nearer
    // (a range's start stands where its end stands: "between May 13 and July 29", the end within the window)
    const at = ranged && next.date && !shift ? next.date : date;
    const written = (d.kind === 'full' || d.year !== undefined || (ranged && next.kind === 'full')) && !shift;
    if (date > ceil || (at < late && !written)) continue;
    if (at >= floor) {
      if (!best || date < best.date) best = { date, start: d.start, end: d.end };
    } else if (written && (!older || date < older.date)) older = { date, start: d.start, end: d.end };
  }
  return best ?? older;
}
