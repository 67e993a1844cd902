// Hedges (the text does not vouch for a claim) and denials (police or victim say it is not so).
import type { Span } from './text.ts';

const HEDGE = /\b(?:allegedly|alleged|reportedly|purportedly|supposedly|apparently|claim(?:s|ed|ing)?|(?:is|are|was|were) said to|(?:is|are|was|were) (?:believed|reported|understood|thought|alleged) to|reported that|according to (?:\w+ )?media|according to (?:unverified|unconfirmed|sources|reports|media reports|people familiar)|sources (?:said|say|told|claimed)|unconfirmed|unverified|rumou?r(?:s|ed)?|(?:it|they|the group|the gang) says?)\b/i;

export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence);
}

// Denials of a ransom demand. Each pattern needs a negation bound to the demand itself, so that
// "has not said whether a ransom was demanded" is not a denial.
const DENY_DEMAND = [
  /\bno (?:such )?(?:ransom )?(?:demand|ransom)s? (?:had|has|have|was|were)? ?(?:been |yet been )?(?:demanded|received|made|raised|come)/i,
  /\bno (?:such )?(?:ransom )?demands? (?:has|have|had) (?:come|reached|been)/i,
  /\bden(?:y|ies|ied|ying)\b[^.;]{0,60}\b(?:ransom|demand)/i,
  /\b(?:ransom|demand)s?\b[^.;]{0,50}\b(?:was|were|has been|had been) denied\b/i,
  /\b(?:has|had|have) not (?:received|got|been sent) (?:any|a) (?:ransom )?(?:demand|ransom)/i,
  /\bnever (?:received|got) (?:any|a) (?:ransom )?(?:demand|ransom)/i,
];
const DENY_PAID = [
  /\bden(?:y|ies|ied|ying)\b[^.;]{0,40}\b(?:paying|having paid|payment)/i,
  /\bno ransom (?:was|has been|had been) paid\b/i,
  /\b(?:did not|didn't|has not|had not|never) paid?\b[^.;]{0,20}\bransom/i,
];
// Who denies matters: police, the victim, officials — not researchers or the gang.
const AUTHORITY = /\b(?:police|hospital|institute|spokes(?:person|man|woman)|officials?|ministry|company|management|statement|authorities|director|chief|executive|ceo|trust|insurer|government|minister|administration)\b/i;

function denied(sents: Span[], patterns: RegExp[]): boolean {
  return sents.some((s, i) => patterns.some((p) => p.test(s.text))
    && (AUTHORITY.test(s.text) || AUTHORITY.test(sents[i + 1]?.text ?? '')));
}

export const demandDenied = (sents: Span[]) => denied(sents, DENY_DEMAND);
export const paymentDenied = (sents: Span[]) => denied(sents, DENY_PAID);
