// The role of a sum, read from the words around it in its sentence: demanded, paid, or not a ransom.
export type Role = 'demanded' | 'paid' | 'unknown' | 'other';

const CUES: [Role, RegExp, number][] = [
  ['demanded', /\b(?:demand(?:ed|s|ing)?|sought|seeking|ask(?:ed|s|ing)? (?:for|them to pay|victims to pay|the \w+ to pay|to be paid)|asking (?:\w+ ){0,5}to pay|want(?:ed|s)?|requested|extort(?:ed|ing)?|in (?:exchange|return) for|lower(?:ed|ing)? (?:its|their|the) (?:demand|price)|set (?:its|their|the) price|(?:gave|given|giving) (?:\w+ ){0,4}(?:days?|hours?|weeks?) to pay|(?:was|were|been) (?:told|ordered|instructed|required) to (?:pay|deposit|send|transfer)|send (?:us|them|him)|(?:will|would) (?:even |also )?accept|shak(?:e|ing) (?:\w+ ){0,3}down (?:\w+ ){0,3}for)\b/gi, 0],
  ['paid', /\b(?:paid|pays|payment (?:was|had been|has been) made|made (?:a|the) payment|settled for|handed over|transferred|coughed up|parted with|(?:chose|agreed|decided|opted|had|was forced|were forced|elected) to pay|paying|earned|raked in|brought in|netted|collected|received (?:\w+ )?(?:payments?|in ransom)|payments? (?:totall?ing|worth|of)|payments? (?:had |have |has )?(?:been )?made (?:\w+ ){0,2}totall?ing|in ransom payments)\b/gi, 0],
  // a noun cue ("ransom of", "ransom note") says less than a verb: it loses to a verb at similar distance
  ['demanded', /\bransom (?:of|note|demand)\b/gi, 12],
  ['other', /\b(?:budget|fine[ds]?|penalt(?:y|ies)|grants?|funds?|funding|revenue|turnover|gifts?(?! ?cards?)|donat\w+|stole|stolen(?! (?:\w+ )?(?:data|accounts?|records?|files?|information|credentials|passwords?|documents?|emails?|details))|theft|cost(?:s|ing)?|spen[dt]|invest\w*|compensation|settlement|salar(?:y|ies)|allocat\w+|profits?|sales|loss(?:es)?|damages|bount(?:y|ies)|rewards?|premiums?|market value|raised|insurance payout|valuation|deductible|per (?:bitcoin|coin|btc)|price of (?:a |one )?bitcoin|value of (?:a |one )?bitcoin|bitcoin (?:was|is) (?:worth|trading)|withdr[ae]w\w*|cash(?:ed|ing)? out)\b/gi, 0],
];
// Statements about ransomware in general, not about this incident.
const GENERIC = /\b(?:average|median|typical(?:ly)?|usually|generally|range from|tend to|on average|per cent of|percent of|industry-wide|across (?:all |the )?(?:sectors?|industr(?:y|ies))|globally|worldwide|in total last year|(?<!\d )victims (?:have )?paid|organisations paid|organizations paid|most (?:other )?(?:forms|types|strains|kinds|families|variants) of ransomware|most ransomware|(?:a|the) common (?:ransom|demand)|surveyed|respondents|(?:per ?cent|%) (?:of \w+ )?(?:said|say|reported))\b/i;
// A paid cue that is negated, hypothetical or still to come is no payment ("refused to pay", "a ransom to be paid").
const NOT_PAID = /(?:\b(?:not|never|refus\w*|declin\w*|won't|wouldn't|no intention of|without|unless|if|whether)\b[^.;]{0,25}|\b(?:to be|be|until it is|once it is|once)\s)$/i;
const RANSOM_CONTEXT = /\b(?:ransom\w*|hack\w*|hijack\w*|encrypt\w*|infect\w*|infiltrat\w*|malware|virus|lock(?:ed|ing) (?:out|up)|attack\w*|gang|group|criminals?|extort\w*|decrypt\w*|crypto\w*|bitcoin|monero|middleman|leak|threat actors?|intruders?|negotiat\w*)\b/i;
// What a strain of malware asks of any victim, in the present tense: "the malware displays a message asking
// for 222 bitcoins", "The ransom notes demand $100", "The program then demands $100 in Bitcoin".
const STRAIN = /\b(?:ransomware|malware|virus|worm|variant|strain|trojan|app|program|ransom (?:note|message|screen|demand)s?|(?:message|note|screen|window)s?)\s+(?:[\w’']+\s+){0,5}?(?:demands|asks|requests|wants|displays|is for|are for|typically|usually|will (?:demand|ask))\b|\b(?:owners|victims|users|they|you) are (?:then )?(?:instructed|asked|told|required) to (?:[\w’']+ ){0,8}?pay\b|\bransom (?:notes?|messages?|screens?) (?:demand|ask)\b/i;
// Conditions and offers: "if KeepKey would agree to pay him 30 Bitcoin".
const HYPOTHETICAL = /\bif\b[^.;]{0,120}\bwould\b|\bwould (?:have )?(?:cost|charge)\b/i;

/** The sentence (or the words around a sum in it) speak of ransoms in general, of a malware strain, or of a condition. */
export const isGeneric = (sentence: string) => GENERIC.test(sentence) || STRAIN.test(sentence) || HYPOTHETICAL.test(sentence);

export interface RoleHit { role: Role; cueStart: number; cueEnd: number }

/**
 * Role of the sum at [start, end) (offsets within `sentence`); the nearest cue wins, cues after the sum count less.
 * General statements are judged near the sum only, so a relative clause ("which typically steals data") does not
 * make a specific claim generic.
 */
export function roleOf(sentence: string, start: number, end: number, context: string): RoleHit | null {
  const near = sentence.slice(Math.max(0, start - 80), Math.min(sentence.length, end + 40));
  if (GENERIC.test(near) || STRAIN.test(sentence) || HYPOTHETICAL.test(sentence.slice(Math.max(0, start - 60), end + 20))) return null;
  // a price per unit ("$100,000 per group member", "$300 per computer") is not the sum asked of the victim
  if (/^\s*(?:per|each|a head|apiece)\b/i.test(sentence.slice(end, end + 10)) && /\bper (?:\w+ )?(?:member|person|head|coin|bitcoin)\b/i.test(sentence.slice(end, end + 30))) return null;
  // a reward for finding flaws is a bounty: "was paid $80,000 for reporting a bug"
  if (/^[^.;]{0,40}?\bfor (?:identifying|finding|reporting|discovering|disclosing)\b/i.test(sentence.slice(end))) return null;
  let best: { role: Role; d: number; cs: number; ce: number } | null = null;
  for (const [role, re, penalty] of CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const cs = m.index, ce = m.index + m[0].length;
      if (role === 'paid' && NOT_PAID.test(sentence.slice(Math.max(0, cs - 30), cs))) continue;
      const between = cs >= end ? sentence.slice(end, cs) : sentence.slice(ce, start);
      let d = (cs >= end ? (cs - end) * 1.6 + 3 : start - ce) + penalty;
      if (d < 0) continue;
      // a cue before "but" belongs to the other clause: "demanded $50,000, but the city spent $2.7 million on repairs"
      if (cs < start && /\bbut\b/.test(between)) continue;
      if (/\bbut\b|;/.test(between)) d += 60;
      if (!best || d < best.d) best = { role, d, cs, ce };
    }
  }
  if (best && best.role !== 'other' && !RANSOM_CONTEXT.test(context)) return null;
  if (best) return { role: best.role, cueStart: best.cs, cueEnd: best.ce };
  // "a $5 million ransom", "ransom of $5 million" without a verb
  const from = Math.max(0, start - 12), around = sentence.slice(from, Math.min(sentence.length, end + 10));
  const r = /\bransom\b/i.exec(around);
  return r ? { role: 'unknown', cueStart: from + r.index, cueEnd: from + r.index + 6 } : null;
}
