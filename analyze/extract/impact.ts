// Impact: how many records/people were affected, and how long systems were down.
import type { Evidence } from '../../core/records.ts';
import { NUM, SCALE, parseFigure, scaleOf, smallNumber, NUMBER_WORD, ORDINAL_WORD } from './numbers.ts';
import { evidence, sentenceAt, type Span } from './text.ts';
import { isGeneric } from './roles.ts';

const APPROX = String.raw`(?:about|around|nearly|almost|some|over|more than|up to|roughly|approximately|an estimated|at least)`;
const QTY = String.raw`(${NUM})(?:[\s-]?(${SCALE})(?![\p{L}]))?`;
const NOUN = String.raw`(?:current and former |of |its |their |the )*(?:patients?|records|customers|people|individuals|members|policyholders|users|persons|beneficiaries|employees|citizens)`;
const RECORDS = new RegExp(String.raw`(?:${APPROX}\s+)?${QTY}(?:\s*(?:-|–|to)\s*${QTY})?\s+${NOUN}\b`, 'giu');
const DATA_CONTEXT = /\b(?:data|records?|details|information|stolen|stole|cop(?:ied|y)|exposed|accessed|affected|compromised|leak\w*|breach\w*|hold|held|database|notif\w+|exfiltrat\w+|impacted|files)\b/i;

// "serves a catchment of 600,000 people", "employs about 600 people": sizes, not data
const NOT_DATA = /\b(?:serv(?:es|ing)|catchment|population|residents|treats|employs|staff of|beds)\b[^.]*$/i;

export interface Records { count: number; as_written: string; evidence: Evidence }

/** The number of records/people whose data was involved (first one told in a data sentence). */
export function findRecords(text: string, sents: Span[]): Records | null {
  RECORDS.lastIndex = 0;
  for (let m = RECORDS.exec(text); m; m = RECORDS.exec(text)) {
    const s = sentenceAt(sents, m.index);
    if (!s || !DATA_CONTEXT.test(s.text) || isGeneric(s.text) || NOT_DATA.test(text.slice(Math.max(s.start, m.index - 40), m.index))) continue;
    const n = parseFigure(m[1]!);
    if (n === null) continue;
    // "3-4 crore": the scale written after the range applies to its lower bound too
    const count = n * scaleOf(m[2] ?? (m[3] ? m[4] : undefined));
    if (count < 10 || (!m[2] && !m[4] && /^(19|20)\d\d$/.test(m[1]!))) continue;
    return { count, as_written: m[0], evidence: evidence(text, s.start, s.end) };
  }
  return null;
}

const APPROX_D = String.raw`(?:nearly|about|almost|more than|over|around|at least|roughly|some|close to|a full|the)\s+`;
const DURATION = new RegExp(String.raw`\b(?:for|after|lasted|lasting)\s+(?:${APPROX_D})?(\d+|${NUMBER_WORD})\s+(?:full\s+)?(days?|weeks?)\b(?!\s+(?:ago|later|earlier|before))`, 'gi');
const NTH_DAY = new RegExp(String.raw`\b(?:(?:for|on)\s+)?(?:a|the|its)\s+(\d+(?:st|nd|rd|th)|${ORDINAL_WORD})\s+(?:consecutive\s+|straight\s+|successive\s+|full\s+)?day\b`, 'gi');
const N_DAY_OUTAGE = new RegExp(String.raw`\b(\d+|${NUMBER_WORD})[-\s](day|week)[-\s](?:long\s+)?(?:outage|shutdown|disruption)\b`, 'gi');
const OUTAGE = /\b(?:down|offline|manual\w*|paper|pen|outage|disrupt\w*|shut|restor\w*|unavailable|divert\w*|de-registered|redirect\w*|without|crippl\w*|running|ran|remained|closed|suspend\w*|halt\w*|held up|delay\w*|out of action|by hand|reduced|degraded|postpone\w*|cancel\w*|back online|brought back|hit|affected|recover\w*)\b/i;

export interface Downtime { days: number; evidence: Evidence }

/** The longest outage stated, in days ("sixth consecutive day" → 6, "two weeks" → 14). */
export function findDowntime(text: string, sents: Span[]): Downtime | null {
  let best: Downtime | null = null;
  const consider = (re: RegExp, days: (m: RegExpExecArray) => number | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = sentenceAt(sents, m.index);
      if (!s || !OUTAGE.test(s.text) || isGeneric(s.text)) continue;
      const d = days(m);
      if (d && d <= 365 && (!best || d > best.days)) best = { days: d, evidence: evidence(text, s.start, s.end) };
    }
  };
  const unit = (u: string) => (/^week/i.test(u) ? 7 : 1);
  consider(DURATION, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  consider(NTH_DAY, (m) => smallNumber(m[1]!));
  consider(N_DAY_OUTAGE, (m) => (smallNumber(m[1]!) ?? 0) * unit(m[2]!));
  return best;
}
