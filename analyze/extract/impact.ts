// Impact: how many records/people were affected, and how long systems were down.
// Records: every count with its head noun is a candidate; features say whether it counts people or records whose
// data the attack touched (noun class, data words, size words, statistics, another case, a later correction); the
// decision takes the first good candidate, or the last correction, then its most precise restatement.
import type { Evidence } from '../../core/records.ts';
import {
  NUM,
  SCALE,
  parseFigure,
  scaled,
  smallNumber,
  NUMBER_WORD,
  ORDINAL_WORD,
  SCALE_INTL,
  TEN_OR_MORE_WORD,
} from './numbers.ts';
import { evidence, fold, LIST_MARK, listItems, sentenceAt, type Span } from './text.ts';
import { isGeneric } from './roles.ts';
import { listRe, type Lists } from './lists.ts';
import { withTwin } from './fastre.ts';
import { otherDowntime } from './downtime-other.ts';

const APPROX = `(?:${[
  'about',
  'around',
  'nearly',
  'almost',
  'some',
  'over',
  'more than',
  'up to',
  'roughly',
  'approximately',
  'an estimated',
  'at least',
  'as many as',
  'close to',
  'unos',
  'aproximadamente',
  'más de',
  'plus de',
  'environ',
  'mehr als',
  'rund',
  'etwa',
  'ruim',
  'bijna',
  'meer dan',
].join('|')})`;
const SCALES = `${SCALE}|${SCALE_INTL}`;
// "2.4 million", "81.5Cr", "one million", "485.000", "3-4 crore", "fifty-six"; a figure in brackets after it is the
// exact one:
// "nearly one million (941,000)"
// (thousands grouped by spaces, as French and German print them: "30 000 patients")
const SPACED = String.raw`(?<![\d.,]\s?)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)`;
const QTY =
  String.raw`(?:(${SPACED}|${NUM})(?:[\s-]?(${SCALES})(?![\p{L}]))?` +
  String.raw`|\b(${NUMBER_WORD}(?=\s+(?:${SCALES})(?![\p{L}]))|${TEN_OR_MORE_WORD}(?![\p{L}‐–-]))` +
  String.raw`(?:\s+(${SCALES})(?![\p{L}]))?)`;
// "between 10,000 and 15,000 patients" is a range too (its lower bound is taken)
const RANGE = String.raw`(?:\s*(?:-|–|to|and)\s*(${SPACED}|${NUM})(?:[\s-]?(${SCALES})(?![\p{L}]))?)?`;
const COUNT = withTwin(new RegExp(String.raw`(?<![\p{L}\d.,-])${QTY}(?:\s*\((${SPACED}|${NUM})\))?${RANGE}`, 'giu'));
// "about", "more than" before the count belong to what was written
const APPROX_BEFORE = new RegExp(String.raw`${APPROX}\s+$`, 'i');
// up to three modifiers between the count and its noun: "81.5 million Indian citizens", "1.5 lakh patients' data";
// a function word ends them ("19 test details of citizens" counts no citizens)
const FUNCTION =
  String.raw`(?:of|in|on|at|to|for|from|with|by|and|or|the|a|an|de|la|el|los|las|les|des|du|der|die|das` +
  String.raw`|den|van|het|een)\s`;
const MODIFIER = String.raw`(?!${FUNCTION})[“"‘]?[\p{L}&][\p{L}'’&.-]*[”"’]?\s+`;
// (two modifiers may be coordinated: "27,500 current and former patients")
// (a partitive may name its whole: "2.2 million of the insurer's members")
const MODS = String.raw`(?:\s+(?:de|of)\s+(?:the\s+)?|\s+d['’]|\s+)(?:(?:[\p{L}-]+\s+(?:and|or|y|et|und|e)\s+)?${MODIFIER}){0,3}?`;
// a nationality as the people counted: "12.9 million Australians"
const DEMONYM = withTwin(/^\p{Lu}\p{Ll}+(?:i|e)?ans\b/u);
// a bare figure restating "the number" or "the total": "later found the number to be closer to 2.4 million"
// (its subject may run long: "The number of patients affected by a breach at X has nearly tripled, to about 118,000")
const NUMBER_OF = /\b(?:number|figure|total|tally|count)\b(?:\s+\S+){0,20}\s*$/i;
// …or a bare figure after the records it counts: "exposed the records of 80,000"
const RECORDS_OF = new RegExp(String.raw`\b(?:records|data|details|information|files)\s+of\s+(?:${APPROX}\s+)?$`, 'i');
// sector-wide statistics: "211 breaches reported this year", "600 US healthcare organizations"
const AGGREGATE = new RegExp(
  String.raw`\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:breaches|incidents|attacks|organi[sz]ations` +
    String.raw`|providers|entities|companies|hospitals)\b|\b(?:study|survey|statistics|so far this year|this year alone)\b`,
  'i',
);
// …in lower case only: "Nationwide Laboratory Services" is a name
const NATIONWIDE = /\bnationwide\b/;
// the size of a body, not of a breach: "the chain has 9,000 employees", "serves 10,000 people daily"
const OWNS = /\b(?:has|have|had|boasts|counts)\s+(?:(?:more than|over|about|around|nearly|almost|some|roughly)\s+)?$/i;
const PER_TIME = new RegExp(
  String.raw`^\s*\S+(?:\s+\S+)?\s+(?:a|per|every|each)\s+(?:day|week|month|year)\b` +
    String.raw`|^\s*\S+\s+(?:daily|annually|yearly)\b`,
  'i',
);

// an aside giving the body's own size is no statistic: "X, which runs 180 hospitals, said …"
const SIZE_ASIDE = /,\s(?:which|that|who)\s(?:runs|operates|owns|manages|has|serves|employs)\s[^,;]*,/gi;
const ownSize = (s: string) => s.replace(SIZE_ASIDE, ',');

export interface Records {
  count: number;
  as_written: string;
  evidence: Evidence;
}

interface Candidate extends Records {
  index: number;
  digits: number;
  revised: boolean;
  superseded: boolean;
  /** told as the attackers' claim ("the listing says the data relates to 55,000 patients") */
  claimed: boolean;
  /** told as part of a larger count ("About 3,100 people … are among the patients whose details …") */
  part: boolean;
}
const QUOTE_FIRST = /^["”’](?=\s)/;
const PART_OF = /^[^.;]{0,80}?\b(?:are|were|is|was)\s+(?:also\s+)?among\b/;

const significant = (s: string) => s.replace(/\D/g, '').replace(/0+$/, '').length;

/** The second figure of a range match: "from 20,000 to 34,000" → 34,000 (the scale after it, else the first's). */
function toFigure(m: RegExpExecArray): { n: number; digits: number } | null {
  const scale = m[7] ?? m[2];
  const v = parseFigure(m[6]!, !scale);
  return v === null ? null : { n: scaled(v, scale), digits: significant(m[6]!) };
}

function countOf(m: RegExpExecArray): { n: number; digits: number } | null {
  const exact = m[5];
  if (exact) {
    const v = parseFigure(exact, true);
    if (v !== null) return { n: v, digits: significant(exact) };
  }
  if (m[3]) return { n: scaled(smallNumber(m[3]) ?? 0, m[4]), digits: 1 };
  const figure = m[1]!;
  // "3-4 crore": the scale written after the range applies to its lower bound too
  const scale = m[2] ?? (m[6] ? m[7] : undefined);
  if (!scale && /^(19|20)\d\d$/.test(figure)) return null; // a year
  // a count of people is whole: "485.000" is 485,000 (but "2.39 million" keeps its decimals)
  const v = parseFigure(figure, !scale);
  return v === null ? null : { n: scaled(v, scale), digits: significant(figure) };
}

const nouns = new WeakMap<Lists, RegExp>();
function nounRe(lists: Lists): RegExp {
  let re = nouns.get(lists);
  if (!re)
    nouns.set(
      lists,
      (re = withTwin(new RegExp(String.raw`^${MODS}(?:${listRe(lists, 'record-nouns').source})`, 'iu'))),
    );
  return re;
}

/** Every count of people or records in a data sentence, with its features. */
const MONEY_BEFORE = /(?:[$€£¥₹₦₱]|\b(?:USD|EUR|GBP|INR|AUD|CAD|Rs\.?|RM)\s?)$/;

export function recordCandidates(text: string, sents: Span[], lists: Lists): Candidate[] {
  const noun = nounRe(lists);
  const context = listRe(lists, 'record-context');
  const size = listRe(lists, 'record-size');
  const revision = listRe(lists, 'record-revision');
  const superseded = listRe(lists, 'record-superseded');
  const claimed = listRe(lists, 'record-claimed');
  const other = listRe(lists, 'impact-other-case');
  const out: Candidate[] = [];
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
    const s = sentenceAt(sents, m.index);
    if (!s) continue;
    const end = m.index + m[0].length;
    // (a quote may close on the figure: related to "more than 112,000" patients)
    const after = text.slice(end, Math.min(s.end, end + 80)).replace(QUOTE_FIRST, ' ');
    const before = text.slice(s.start, m.index);
    const head = noun.exec(after);
    const headed = !!head || DEMONYM.test(after.trimStart());
    const bare = (NUMBER_OF.test(before) || RECORDS_OF.test(before)) && /^\s*(?:[.,;]|$|from\b)/.test(after);
    if (!headed && !bare) continue;
    if (/^\s*(?:%|per ?cent|percent|years?|days?|GB|TB|MB|gigabytes?|terabytes?)/i.test(after)) continue;
    // a sum of money is no count of people: "the $4 billion health system notified patients"
    if (MONEY_BEFORE.test(before)) continue;
    if (
      !context.test(s.text) ||
      isGeneric(s.text) ||
      AGGREGATE.test(ownSize(s.text)) ||
      NATIONWIDE.test(ownSize(s.text)) ||
      other.test(s.text)
    )
      continue;
    // (an aside closed by a comma holds its own size: "X, which treats 500,000 patients a year, said 8,000 …")
    const clause = lastClause(before);
    if (
      size.test(clause.slice(clause.lastIndexOf(',') + 1).slice(-60)) ||
      OWNS.test(before.slice(-25)) ||
      PER_TIME.test(after)
    )
      continue;
    // a figure changed "from X to Y" is Y now, not a range: "revised the number of patients from 20,000 to 34,000"
    const changed = !!m[6] && /\sto\s/i.test(m[0]) && /\bfrom\s+$/i.test(before);
    const c = changed && revision.test(lastClause(before)) ? toFigure(m) : countOf(m);
    if (!c || c.n < 10) continue;
    // "half a million people" (an exact figure in brackets after it is already the count)
    const half = /^an?$/i.test(m[3] ?? '') && /\bhalf\s+$/i.test(before);
    if (half && !m[5]) c.n /= 2;
    const rel = end - s.start;
    out.push({
      count: c.n,
      digits: c.digits,
      index: m.index, // as written with its noun: "3-4 crore patients"
      as_written:
        (APPROX_BEFORE.exec(before.replace(/half\s+$/i, ''))?.[0] ?? '') +
        (half ? 'half ' : '') +
        m[0] +
        // (the head as written, with the quote that closed on the figure)
        text.slice(end, end + (head?.[0].trimEnd().length ?? 0)),
      evidence: evidence(text, s.start, s.end),
      // the cue before the figure in its clause: "initially reported 2,689,826 … but later found … 2.4 million"
      revised: revision.test(lastClause(s.text.slice(0, rel))),
      superseded: superseded.test(lastClause(s.text.slice(0, rel))),
      claimed: claimed.test(lastClause(s.text.slice(0, rel))),
      part: PART_OF.test(after),
    });
  }
  return out;
}

function lastClause(s: string): string {
  const cut = Math.max(s.lastIndexOf(' but '), s.lastIndexOf(';'), s.lastIndexOf(', however'));
  return cut >= 0 ? s.slice(cut) : s;
}

/**
 * The count's line names another victim of the article and not the first one: it is that victim's count ("Blue
 * Shield notified 4.7 million members" in a piece led by another breach).
 * `victims`: each victim's names, primary first.
 */
function otherVictims(text: string, at: number, victims: string[][]): boolean {
  if (victims.length < 2) return false;
  const line = fold(text.slice(text.lastIndexOf('\n', at) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1));
  const named = (names: string[]) => names.some((n) => n.length > 2 && line.includes(fold(n)));
  // (a name holding the primary's, or held in it, is the primary written in full or short: "X, P.C." and "X")
  const primary = victims[0]!.filter((n) => n.length > 2).map(fold);
  const same = (names: string[]) =>
    names.some((n) => n.length > 2 && primary.some((p) => p.includes(fold(n)) || fold(n).includes(p)));
  return !named(victims[0]!) && victims.slice(1).some((v) => !same(v) && named(v));
}

const LIST_ITEM = new RegExp(String.raw`^\s*${LIST_MARK}\s`);
const FIGURE = /\d[\d,.]*\d{3}/;
const near = (a: number, b: number) => Math.abs(a - b) <= 0.06 * Math.max(a, b);

/** The number of records/people whose data was involved, or null (none, or a list of other cases' counts). */
export function findRecords(text: string, sents: Span[], lists: Lists, victims: string[][] = []): Records | null {
  const cands = recordCandidates(text, sents, lists).filter((c) => !otherVictims(text, c.index, victims));
  if (!cands.length) return null;
  // a roundup: counts that disagree in a text laid out as a list of cases, one count per case
  const values: number[] = [];
  for (const c of cands) if (!values.some((v) => near(v, c.count))) values.push(c.count);
  const items = listItems(text);
  if (values.length >= 2 && items >= 3) {
    // (…unless the headline writes one of them: the story's own count, the list after it other cases')
    // (a section label may stand before it: "BREACH PORTAL WATCH")
    // (…and no item of the list itself)
    const head = sents
      .slice(0, 2)
      .filter((x) => !LIST_ITEM.test(x.text))
      .map((x) => x.text)
      .join(' ');
    const own = cands.find((c) => head.includes(FIGURE.exec(c.as_written)?.[0] ?? '\u0000'));
    return own ? { count: own.count, as_written: own.as_written, evidence: own.evidence } : null;
  }
  const live1 = cands.filter((c) => !c.superseded || cands.every((d) => d.superseded));
  // (a part told with a whole beside it yields to the whole: "3,100 … are among the patients", "112,000 in all")
  const whole = live1.some((c) => !c.part && live1.some((p) => p.part && c.count > p.count));
  const live0 = whole ? live1.filter((c) => !c.part) : live1;
  // a count the attackers claim yields to the victim's or a regulator's own count of the people reached
  const own = live0.filter((c) => !c.claimed);
  const live = own.length ? own : live0;
  const revised = live.filter((c) => c.revised);
  const pick = revised.length ? revised[revised.length - 1]! : live[0]!;
  // the most precise restatement of the same figure: "nearly 9 million" … "8,923,662 people"
  const best = live.filter((c) => near(c.count, pick.count)).reduce((a, b) => (b.digits > a.digits ? b : a), pick);
  return { count: best.count, as_written: best.as_written, evidence: best.evidence };
}

// (…or the span counted back from now: "for the past six days")
const APPROX_D = String.raw`(?:nearly|about|almost|more than|over|around|at least|roughly|some|close to|a full|the(?:\s+(?:past|last))?)\s+`;
const DURATION = new RegExp(
  String.raw`\b(?:for|after|lasted|lasting|spent)\s+(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(?:full\s+)?(days?|weeks?|fortnights?)\b` +
    // (a time before the attack is none, a clause after the count is: "halted for 11 days before lines came back")
    String.raw`(?!\s+(?:ago|later|earlier)|\s+before\s+(?:the|an?|its|their)\s+(?:[\w-]+\s+){0,2}?` +
    String.raw`(?:attack|breach|hack|intrusion|incident|ransomware|cyber))`,
  'gi',
);
const NTH_DAY = new RegExp(
  // (a headline drops the article: "halts new outpatients for seventh day")
  String.raw`\b(?:(?:for|on)\s+(?:(?:an?|the|its)\s+)?|(?:an?|the|its)\s+)(\d+(?:st|nd|rd|th)|${ORDINAL_WORD})\s+` +
    String.raw`(?:consecutive\s+|straight\s+|successive\s+|full\s+)?day\b`,
  'gi',
);
// an attack or outage in its Nth day, the attack itself telling the outage ("a cyberattack that has now dragged
// into a fourth day", a headline's "as cyberattack reaches fourth day", "the outage entered its 12th day")
const ATTACK_NTH_DAY = withTwin(
  new RegExp(
    String.raw`\b(?:outage|shutdown|disruption|attack|cyberattack|cyber-attack|crisis|incident)\b[^.;]{0,50}?` +
      String.raw`\b(?:into|in|enters?|entered|entering|reach(?:es|ed|ing)?)\s+(?:an?\s+|the\s+|its\s+)?` +
      String.raw`(\d+(?:st|nd|rd|th)|${ORDINAL_WORD})\s+(?:consecutive\s+|straight\s+|successive\s+|full\s+)?day\b`,
    'giu',
  ),
);
// "entered day 10 of its ransomware outage", "day eight of the outage"
const DAY_N_OF = withTwin(
  new RegExp(
    String.raw`\bday\s+(\d{1,3}|${NUMBER_WORD})\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?` +
      String.raw`(?:outage|shutdown|disruption|attack|cyberattack|cyber-attack|recovery|crisis|incident)\b`,
    'giu',
  ),
);
// "went down six days ago … and remain offline": the outage so far (not once restored)
const DOWN_AGO = withTwin(
  new RegExp(
    String.raw`\b(?:went|gone|been|was|were|taken|knocked|shut)\s+(?:\p{L}+\s+)?(?:down|offline|dark)\s+` +
      String.raw`(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+ago\b(?![^.;]*\b(?:restored|back online|reopened))`,
    'giu',
  ),
);
const N_DAY_OUTAGE = new RegExp(
  String.raw`\b(\d+|${NUMBER_WORD})[-\s](day|week)[-\s](?:long\s+)?(?:outage|shutdown|disruption)\b`,
  'gi',
);
// time passed since the attack while the outage goes on: "five days later, the site remains inaccessible"
const STILL_DOWN =
  String.raw`[^.]*\b(?:remains?|still|continues? to be)\b[^.]*\b(?:down|offline|inaccessible|unavailable` +
  String.raw`|closed|disrupted|out of action|unable|without|paper|manual\w*|by hand)\b`;
const AFTER_ATTACK =
  String.raw`after\s+(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,2}?` +
  String.raw`(?:attack|cyber-?attack|breach|hack|incident|intrusion|outage)`;
const N_LATER_STILL = withTwin(
  new RegExp(
    // ("a week after the attack, X is still unable to …": a week is one)
    String.raw`\b(\d+|${NUMBER_WORD}|[Aa])\s+(days?|weeks?)\s+(?:later|on|${AFTER_ATTACK})\b(?=${STILL_DOWN})`,
    'giu',
  ),
);
// "restored its systems 12 days after the attack": the outage lasted until then
const RESTORED_AFTER = withTwin(
  new RegExp(
    String.raw`\b(?:restor\w+|recover\w+|back online|reopen\w*` +
      String.raw`|resum\w+|normal)\b[^.;]{0,60}?` +
      String.raw`\b(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+${AFTER_ATTACK}\b`,
    'giu',
  ),
);
// "knocked the network offline for 48 hours": whole days told in hours
// "ten days into the outage", "two weeks into the recovery": the time the outage has lasted so far
const N_INTO = withTwin(
  new RegExp(
    String.raw`\b(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+into\s+(?:the\s+|its\s+` +
      String.raw`|their\s+)?` +
      String.raw`(?:[\p{L}-]+\s+){0,2}?(?:outage|shutdown|disruption|attack|cyberattack|cyber-attack|recovery|crisis` +
      String.raw`|incident)\b`,
    'giu',
  ),
);
// "for the past week": one unit counted back from now
const PAST_UNIT = /\bfor\s+the\s+(?:past|last)\s+(week|fortnight)\b/gi;
// "the hospital went five days without email", "has gone two weeks without its records"
const WENT_WITHOUT = new RegExp(
  String.raw`\b(?:went|gone|going|go)\s+(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+without\b`,
  'gi',
);
const HOURS = new RegExp(String.raw`\bfor\s+(?:${APPROX_D})?(\d+)\s+hours\b`, 'gi');
const OUTAGE = new RegExp(
  String.raw`\b(?:down|offline|manual\w*|paper|pen|outage|disrupt\w*|shut|restor\w*|unavailable|divert\w*|diversion` +
    String.raw`|de-registered|redirect\w*|without|crippl\w*|running|ran|remained|closed|suspend\w*|halt\w*|held up` +
    String.raw`|delay\w*|unable|out of action|by hand|reduced|degraded|postpone\w*|cancel\w*|back online|brought back` +
    String.raw`|hit|affected|recover\w*|inaccessible|unreachable|out of service|normal|locked(?: out)?|no access` +
    String.raw`|turn(?:s|ed|ing)? away|paus(?:e|es|ed|ing))\b`,
  'i',
);

// the time a recovery took: "it took 10 days to restore the systems"
const TOOK = new RegExp(
  // (the one who took it may be named: "it took Kestrel Valley Hospital three weeks to bring …")
  String.raw`\btook\s+(?:[\w’'-]+\s+){0,4}?(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(days?|weeks?)` +
    String.raw`\s+(?:to|before)\s+` +
    String.raw`(?:fully\s+)?(?:restore|recover|bring|get|return|reopen|resume)`,
  'gi',
);

// "without its systems since the attack five days ago": the outage has lasted since then
const SINCE_AGO = withTwin(
  new RegExp(
    String.raw`\bsince\s+(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,2}?(?:attack|cyber-?attack|breach|hack|incident|intrusion)` +
      String.raw`\s+(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+ago\b`,
    'giu',
  ),
);

// the time passed, said of the outage still going on: "it has been ten days since ransomware hit X", "systems remain
// offline more than two weeks after the attack"
const BEEN_SINCE = withTwin(
  new RegExp(
    String.raw`\b(?:it\s+has\s+been|it['’]s\s+been|it\s+is\s+now|now)\s+(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(days?|weeks?)` +
      String.raw`\s+since\s+(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+){0,2}?(?:attack|cyber-?attack|breach|hack|incident|intrusion` +
      String.raw`|ransomware|hackers|attackers)\b`,
    'giu',
  ),
);
const REMAINS_AFTER = withTwin(
  new RegExp(
    String.raw`\b(?:remains?|remained|still|stay(?:s|ed)?)\s+(?:\p{L}+\s+){0,2}?(?:down|offline|inaccessible|unavailable` +
      // (…or on the fallback: "services remain on contingency arrangements 11 days after the incident")
      String.raw`|on\s+(?:contingency|paper|manual|downtime|backup)(?:\s+(?:arrangements|procedures|plans|systems|records))?)` +
      // (a comma may set the time off: "the network remains down, 11 days after the attack")
      String.raw`,?\s+(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+${AFTER_ATTACK}\b`,
    'giu',
  ),
);

// the outage closed by a return: "came back online March 12, ending 24 days in which nurses worked from paper"
const ENDING_DAYS = withTwin(
  new RegExp(
    String.raw`\b(?:ending|closing|capping)\s+(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(days?|weeks?)\s+` +
      String.raw`(?:in which|during which|of)\b`,
    'giu',
  ),
);
const ROUGH = /\b(?:nearly|almost|about|around|roughly|close to|more than|over|at least|some)\s/i;

export interface Downtime {
  days: number;
  evidence: Evidence;
}

/** The longest outage stated, in days ("sixth consecutive day" → 6, "two weeks" → 14). */
export function findDowntime(text: string, sents: Span[], lists?: Lists, lang = 'en'): Downtime | null {
  // (a text in another language states its outages in its own words: downtime-other.ts)
  let best: Downtime | null = lists && !['en', 'und'].includes(lang) ? otherDowntime(text, sents, lists) : null;
  // an outage in a sentence about another case is that case's ("a similar attack kept another hospital offline …")
  const other = lists ? listRe(lists, 'impact-other-case') : null;
  let bestRough = false;
  // (`told`: the match itself tells an outage, no outage word needed in its sentence)
  const consider = (re: RegExp, days: (m: RegExpExecArray) => number | null, told = false) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = sentenceAt(sents, m.index);
      if (!s || !(told || OUTAGE.test(s.text)) || isGeneric(s.text) || other?.test(s.text)) continue;
      const d = days(m);
      // an exact count beats a rounded one: "for a 12th day" over "for nearly two weeks"
      const rough = ROUGH.test(m[0]);
      const worse = !!best && ((rough && !bestRough) || (rough === bestRough && d !== null && d <= best.days));
      if (!d || d > 365 || worse) continue;
      best = { days: d, evidence: evidence(text, s.start, s.end) };
      bestRough = rough;
    }
  };
  const unit = (u: string) => (/^week/i.test(u) ? 7 : /^fortnight/i.test(u) ? 14 : 1);
  consider(DURATION, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(NTH_DAY, (m) => smallNumber(m[1]!));
  // (a first day is no count of an outage)
  consider(ATTACK_NTH_DAY, (m) => ((smallNumber(m[1]!) ?? 0) >= 2 ? smallNumber(m[1]!) : null), true);
  consider(N_DAY_OUTAGE, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(DAY_N_OF, (m) => smallNumber(m[1]!));
  consider(DOWN_AGO, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(N_LATER_STILL, (m) => (/^a$/i.test(m[1]!) ? 1 : (smallNumber(m[1]!) ?? 0)) * unit(m[2]!));
  consider(N_INTO, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(TOOK, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(RESTORED_AFTER, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(SINCE_AGO, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(BEEN_SINCE, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(REMAINS_AFTER, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!), true);
  consider(ENDING_DAYS, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(PAST_UNIT, (m) => unit(m[1]!));
  consider(WENT_WITHOUT, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(HOURS, (m) => (Number(m[1]) >= 24 && Number(m[1]) % 24 === 0 ? Number(m[1]) / 24 : null));
  return best;
}
