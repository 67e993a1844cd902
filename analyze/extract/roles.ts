// The role of a sum, read from the words around it in its sentence: demanded, paid, or not a ransom.
export type Role = 'demanded' | 'paid' | 'unknown' | 'other';

const CUES: [Role, RegExp][] = [
  ['demanded', /\b(?:demand(?:ed|s|ing)?|sought|seeking|ask(?:ed|s|ing)? for|want(?:ed|s)?|requested|extort(?:ed|ing)?|in (?:exchange|return) for|ransom (?:of|note|demand)|lower(?:ed|ing)? (?:its|their|the) (?:demand|price))\b/gi],
  ['paid', /\b(?:paid|pays|payment (?:was|had been|has been) made|made (?:a|the) payment|settled for|handed over|transferred|coughed up|parted with)\b/gi],
  ['other', /\b(?:budget|fine[ds]?|penalt(?:y|ies)|grants?|funds?|funding|revenue|turnover|gifts?|donat\w+|stole|stolen|theft|cost(?:s|ing)?|spen[dt]|invest\w*|compensation|settlement|salar(?:y|ies)|allocat\w+|profits?|sales|loss(?:es)?|damages|bount(?:y|ies)|rewards?|premiums?|market value|raised|insurance payout|valuation)\b/gi],
];
// Statements about ransomware in general, not about this incident.
const GENERIC = /\b(?:average|median|typical(?:ly)?|usually|generally|range from|tend to|on average|per cent of|percent of|industry-wide|across (?:all |the )?(?:sectors?|industr(?:y|ies))|globally|worldwide|in total last year|victims (?:have )?paid|organisations paid|organizations paid)\b/i;
// A paid cue that is negated or hypothetical is no payment.
const NOT_PAID = /\b(?:not|never|refus\w*|declin\w*|won't|wouldn't|no intention of|without|unless|if|whether)\b[^.;]{0,25}$/i;
const RANSOM_CONTEXT = /\b(?:ransom\w*|hack\w*|attack\w*|gang|group|criminals?|extort\w*|decrypt\w*|crypto\w*|bitcoin|monero|middleman|leak|threat actors?|intruders?|negotiat\w*)\b/i;

export const isGeneric = (sentence: string) => GENERIC.test(sentence);

/** Role of the sum at [start, end) (offsets within `sentence`); the nearest cue wins, cues after the sum count less. */
export function roleOf(sentence: string, start: number, end: number, context: string): Role | null {
  if (isGeneric(sentence)) return null;
  let best: { role: Role; d: number } | null = null;
  for (const [role, re] of CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const cs = m.index, ce = m.index + m[0].length;
      if (role === 'paid' && NOT_PAID.test(sentence.slice(Math.max(0, cs - 30), cs))) continue;
      const between = cs >= end ? sentence.slice(end, cs) : sentence.slice(ce, start);
      let d = cs >= end ? (cs - end) * 1.6 + 3 : start - ce;
      if (d < 0) continue;
      if (/\bbut\b|;/.test(between)) d += 60;
      if (!best || d < best.d) best = { role, d };
    }
  }
  if (best && best.role !== 'other' && !RANSOM_CONTEXT.test(context)) return null;
  if (best) return best.role;
  // "a $5 million ransom", "ransom of $5 million" without a verb
  const around = sentence.slice(Math.max(0, start - 12), Math.min(sentence.length, end + 10));
  return /\bransom\b/i.test(around) ? 'unknown' : null;
}
