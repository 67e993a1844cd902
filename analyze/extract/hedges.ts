// Hedges (the text does not vouch for a claim) and denials (police or victim say it is not so), each scoped to
// the claim it concerns.
import type { Span } from './text.ts';
import { listRe, type Lists } from './lists.ts';

const HEDGE =
  /\b(?:allegedly|alleged|reportedly|purportedly|supposedly|apparently|claim(?:s|ed|ing)?|(?:is|are|was|were) said to|(?:is|are|was|were) (?:believed|reported|understood|thought|alleged) to|reported that|according to (?:\w+ )?media|according to (?:unverified|unconfirmed|sources|reports|media reports|people familiar|people aware|(?:a|an|one|two|three) (?:[\w-]+ ){0,3}(?:firm|company|researchers?|analysts?|sources?|people|persons?|officials?|report)\b)|sources (?:said|say|told|claimed)|(?:the|two|three|several) (?:people|persons|sources) (?:said|say|told)|people (?:familiar with|aware of|close to)|(?:press|media|news|early|initial) reports (?:said|say|suggested|claimed|had claimed|had said)|unconfirmed|unverified|rumou?r(?:s|ed)?|(?:it|they|the group|the gang) says?)\b/i;
// A sentence after the claim that makes its source anonymous: "They spoke on condition of anonymity."
const ANONYMOUS =
  /\b(?:on (?:the )?condition of anonymity|(?:were|was) not authori[sz]ed to (?:speak|discuss|comment)|declined to be (?:named|identified)|asked not to be named)\b/i;

/** The claim's sentence hedges it, or the next sentence makes its source anonymous. */
export function isHedged(sentence: string, next?: string): boolean {
  return HEDGE.test(sentence) || (!!next && ANONYMOUS.test(next));
}

// Denials of a ransom demand. Each pattern needs a negation bound to the demand itself, so that
// "has not said whether a ransom was demanded" is not a denial.
const DENY_DEMAND = [
  /\bno (?:such )?(?:ransom )?(?:demand|ransom)s? (?:had|has|have|was|were)? ?(?:been |yet been )?(?:demanded|received|made|raised|come)/i,
  /\bno (?:such )?(?:ransom )?demands? (?:has|have|had) (?:come|reached|been)/i,
  // ("denied paying ransom" denies a payment, not the demand)
  /\bden(?:y|ies|ied|ying)\b(?:(?!\bpa(?:y|id)\w*)[^.;]){0,60}\b(?:ransom|demand)/i,
  /\b(?:ransom|demand)s?\b[^.;]{0,50}\b(?:was|were|has been|had been) denied\b/i,
  /\b(?:has|had|have) not (?:received|got|been sent) (?:any|a) (?:ransom )?(?:demand|ransom)/i,
  /\bnever (?:received|got) (?:any|a) (?:ransom )?(?:demand|ransom)/i,
  // "had 'no record' of any ransom demand"
  /\bno record["”’']? of (?:any |a )?(?:such )?(?:ransom )?(?:demand|ransom)/i,
  /\b(?:there (?:was|is|has been|had been|were) no|without any) (?:ransom )?demands?\b/i,
  // "received no ransom demand", "dismissed reports of a demand", "reports that hackers demanded $X were false"
  /\b(?:received|got|had) no (?:such )?(?:ransom )?(?:demand|ransom)/i,
  // a figure the victim does not know: "does not recognise that figure"
  /\b(?:does|did|do) not recogni[sz]e (?:that|the|this|those|these) (?:figure|sum|amount|number|demand)s?\b/i,
  /\b(?:dismiss|reject|refut|debunk)\w*\b[^.;]{0,60}\b(?:ransom|demand)/i,
  new RegExp(
    String.raw`\b(?:ransom|demand\w*)\b[^.;]{0,60}\b(?:were|was|are|is) ` +
      String.raw`["“‘']?(?:false|untrue|incorrect|baseless|wrong|inaccurate|fake|not (?:accurate|true|correct))\b`,
    'i',
  ),
];
const DENY_PAID = [
  /\bden(?:y|ies|ied|ying)\b[^.;]{0,40}\b(?:paying|having paid|payment)/i,
  /\bno ransom (?:was|has been|had been) paid\b/i,
  /\bpaid no ransom\b/i,
  /\b(?:did not|didn't|has not|had not|never) paid?\b[^.;]{0,20}\bransom/i,
  // "denied that any ransom was paid", "said it did not pay the hackers"
  /\bden(?:y|ies|ied|ying)\b[^.;]{0,40}\b(?:was|were|had been|has been) paid\b/i,
  /(?<!\b(?:if|unless|whether|or)\b[^.;]{0,40})\b(?:did not|didn't|has not|hasn't|had not|never) (?:pay|paid)\b(?! (?:attention|close|heed|tribute))/i,
];
// "would neither confirm nor deny" leaves the question open: no denial.
const NOT_A_DENIAL = /\bneither confirm(?:ed|s)? nor den(?:y|ied|ies)\b|\bnot (?:confirm|deny) or (?:confirm|deny)\b/i;
// Who denies matters: police, the victim, officials — not researchers or the gang.
const AUTHORITY =
  /\b(?:police|hospital|clinic|practice|mayor|board|county|institute|spokes(?:person|man|woman)|officials?|ministry|company|management|statement|authorities|director|chief|executive|ceo|trust|insurer|government|minister|administration|council|town|city)\b/i;

const ABOUT_MONEY = /ransom|demand|pa(?:y|id)/i;

export interface Denial {
  kind: 'demanded' | 'paid';
  sentence: Span;
  paragraph: number;
}

/** Every denial by an authority in the text, with the paragraph it stands in. */
export function findDenials(text: string, sents: Span[], lists?: Lists): Denial[] {
  const out: Denial[] = [];
  // (the listed constructions name their speaker or stand in a quote: "Not a single shilling has been paid")
  const listed = lists && {
    demanded: listRe(lists, 'ransom-denied-demand'),
    paid: listRe(lists, 'ransom-denied-paid'),
  };
  sents.forEach((s, i) => {
    const para = () => paragraphOf(text, s.start);
    if (listed?.demanded.test(s.text)) out.push({ kind: 'demanded', sentence: s, paragraph: para() });
    if (listed?.paid.test(s.text)) out.push({ kind: 'paid', sentence: s, paragraph: para() });
    // (every denial speaks of a ransom, a demand or a payment: a cheap first look spares the patterns)
    if (!ABOUT_MONEY.test(s.text) || NOT_A_DENIAL.test(s.text)) return;
    const byAuthority = AUTHORITY.test(s.text) || AUTHORITY.test(sents[i + 1]?.text ?? '');
    if (!byAuthority) return;
    if (DENY_DEMAND.some((p) => p.test(s.text))) out.push({ kind: 'demanded', sentence: s, paragraph: para() });
    if (DENY_PAID.some((p) => p.test(s.text))) out.push({ kind: 'paid', sentence: s, paragraph: para() });
  });
  return out;
}

export function paragraphOf(text: string, pos: number): number {
  let n = 0;
  for (let i = text.indexOf('\n\n'); i >= 0 && i < pos; i = text.indexOf('\n\n', i + 2)) n++;
  return n;
}

/**
 * Does a denial concern this claim? It must deny the same kind (a demand, a payment) and either name the
 * claim's figure, or stand in the claim's paragraph, or — when the article tells of one victim only — anywhere.
 */
export function denies(d: Denial, kind: string, as_written: string, paragraph: number, singleVictim: boolean): boolean {
  if (d.kind !== kind) return false;
  const figure = as_written.match(/\d[\d.,]*/)?.[0];
  if (figure && d.sentence.text.includes(figure)) return true;
  return d.paragraph === paragraph || singleVictim;
}
