// The role of a sum, read from the words around it in its sentence: demanded, paid, or not a ransom.
export type Role = 'demanded' | 'paid' | 'unknown' | 'other';

import type { Lists } from './lists.ts';
import { listRe } from './lists.ts';
import { withTwins } from './fastre.ts';

// Cue words live in data/reference/lists/ransom-*.yaml; each cue class has a distance penalty (a noun cue says less
// than a verb and loses to a verb at similar distance).
// `needs`: the cue counts only in a sentence that also matches it; `not`: nor with a match of it beside the cue.
interface Cue {
  role: Role;
  re: RegExp;
  penalty: number;
  needs?: RegExp;
  not?: RegExp;
}
interface Cues {
  cues: Cue[];
  context: RegExp;
  payee: RegExp;
  totals: RegExp;
  /** a bare "pay" or "meet" after a verb of asking: "demanding (that) X pay the", "want X to pay a" */
  asked: RegExp;
  /** a verb of asking, then "to" right before a verb of handing over: "asking the owners to fork over" */
  askedTo: RegExp;
  /** a payment asked for, right before the payment noun: "were demanding a payment of", "asking for payments of" */
  askedFor: RegExp;
  /** the terms of a demand told as a condition: "if the department paid $4,000 in Bitcoin, its files would be
   *  released", "once the clinic pays 2 BTC the data will be deleted" (asked for, not paid; no hypothetical) */
  terms: RegExp;
}
// the verbs of handing a sum over besides "pay": "asking the owners to fork over 0.2 BTC", "if the department
// shelled out $4,000 … its files would be released"
const PAY_VERBS =
  String.raw`(?:transfer(?:s|red)?|sen(?:d|ds|t)|wire[sd]?|hand(?:s|ed)? over|fork(?:s|ed)? (?:over|out)` +
  String.raw`|cough(?:s|ed)? up|shell(?:s|ed)? out)`;
const compiled = new WeakMap<Lists, Cues>();
function cuesOf(lists: Lists): Cues {
  let c = compiled.get(lists);
  if (c) return c;
  c = {
    cues: [
      { role: 'demanded', re: listRe(lists, 'ransom-demanded', 'giu'), penalty: 0 },
      { role: 'paid', re: listRe(lists, 'ransom-paid', 'giu'), penalty: 0 },
      // an asking price for stolen data put up for sale is a demand (a ransomware kit on sale is not)
      {
        role: 'demanded',
        re: listRe(lists, 'ransom-sale', 'giu'),
        penalty: 4,
        needs: listRe(lists, 'ransom-sale-objects'),
        not: listRe(lists, 'ransom-sale-tools'),
      },
      // "ransom of", "ransom note", "the ransom amount of", "made a $60,000 payment"
      { role: 'demanded', re: /\bransoms? (?:(?:amount|sum|figure|demand) )?(?:of|note|demand)\b/gi, penalty: 12 },
      { role: 'demanded', re: /\bask(?:ed|s|ing)?\b/gi, penalty: 6 },
      {
        role: 'paid',
        re: /(?<=\b(?:made|make|making|agreed to|approved|sent|authori[sz]ed) (?:a|an|the) \S+ (?:\S+ )?)payment\b/gi,
        penalty: 8,
      },
      { role: 'other', re: listRe(lists, 'ransom-not-ransom', 'giu'), penalty: 0 },
    ],
    context: listRe(lists, 'ransom-context', 'iu'),
    totals: listRe(lists, 'ransom-totals', 'iu'),
    terms: new RegExp(
      String.raw`\b(?:if|once|when|after)\b[^.;]{0,60}?\b(?:paid|pays|pay|were to pay|${PAY_VERBS})\b[^.;]{0,100}?` +
        String.raw`\b(?:would|will|could)(?: then| only)? (?:be )?${listRe(lists, 'ransom-release-verbs').source}` +
        // …or the promise told first: "promised to return the stolen data if the firm would agree to pay him 30 BTC"
        String.raw`|\b(?:promis|offer|pledg|vow|agree)\w* to ${listRe(lists, 'ransom-release-verbs').source}\b` +
        String.raw`[^.;]{0,100}?` +
        String.raw`\b(?:if|once|when|after)\b[^.;]{0,60}?\b(?:paid|pays|pay|were to pay|${PAY_VERBS})\b[^.;]{0,40}`,
      'iu',
    ),
    askedTo: new RegExp(String.raw`${listRe(lists, 'ransom-asked-verbs').source}[^.;]{0,60}\bto\s+$`, 'iu'),
    askedFor: new RegExp(
      String.raw`${listRe(lists, 'ransom-asked-verbs').source}(?:\s+(?:for|on))?\s+(?:(?:an?|the)\s+)?(?:\w+\s+)?$`,
      'iu',
    ),
    asked: new RegExp(
      String.raw`${listRe(lists, 'ransom-asked-verbs').source}[^.;]{0,60}\b(?:pay|meet|${PAY_VERBS})\s+` +
        String.raw`(?:the|a|an|its|their|this)\s+(?:[\w’'-]+\s+){0,2}$`,
      'iu',
    ),
    // "paid 70 million yen ($470,000) to an IT firm to examine the attack": a recovery cost
    payee: new RegExp(
      String.raw`^\s*(?:\w+\))?\s*(?:\([^)]{0,40}\)\s*)?` +
        String.raw`to (?:an?|the|its|their|one|two|several) (?:[\w-]+ ){0,3}?` +
        listRe(lists, 'ransom-payees').source,
      'iu',
    ),
  };
  // (each runs its plain-text twin: fastre.ts)
  compiled.set(lists, withTwins(c));
  return c;
}
// Statements about ransomware in general, not about this incident — statistics, habits, a sum that "can be demanded" (not
// "can be paid": "a demand of $50,000, which could be paid in bitcoin" tells how this one is paid) or
// "varies between" (present: a habit; "a fee that varied between €40 and €900" tells one case), and other cases held
// up "by comparison".
const GENERIC =
  /\b(?:average|median|typical(?:ly)?|usually|generally|often|frequently|commonly|rang(?:e|es|ed|ing) from|some (?:groups|gangs|attackers|criminals|hackers)|(?:businesses|companies|firms|hospitals|institutions) (?:have )?paid|(?:operators|gangs|criminals|cybercriminals) (?:have )?(?:raked in|earned|collected|netted|made)|over the (?:past|last) (?:\w+ )?(?:years|months)|in (?:19|20)\d\d alone|(?:last|this) year alone|in the (?:first|second|third|fourth|last) (?:quarter|half)|tend to|on average|per cent of|percent of|industry-wide|across (?:all |the )?(?:sectors?|industr(?:y|ies))|globally|worldwide|in total last year|(?<!\d )victims (?:have )?(?:paid|sent|transferred|shelled out|forked over|handed over|coughed up)|organisations paid|organizations paid|most (?:other )?(?:forms|types|strains|kinds|families|variants) of ransomware|most ransomware|(?:a|the) common (?:ransom|demand)|surveyed|respondents|in ransoms|(?:per ?cent|%) (?:of \w+ )?(?:said|say|reported)|(?:per ?cent|%) of (?:\w+ )?(?:cases|incidents|attacks)|(?:can|could|may|might) be (?:demanded|asked for|requested|charged)|var(?:ies|y) (?:between|from)|(?:by|for|in) comparison)\b/i;
// A paid verb whose object is the demand: "paid the gang's demand", "met the ransom demand".
const PAID_OBJECT =
  /\b(?:paid|pay|pays|paying|met|meet|meets|meeting)\s+(?:the|a|an|its|their|this)\s+(?:[\w’'-]+\s+){0,2}$/i;
// A paid cue that is negated, hypothetical, weighed or still to come is no payment ("refused to pay", "a ransom to be
// paid", "considering paying the ransom").
const NOT_PAID =
  /(?:(?:\b(?:not|never|refus\w*|declin\w*|den(?:y|ies|ied|ying)|won't|wouldn't|no intention of|without|unless|if|whether|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|debat(?:es|ed|ing)|contemplat(?:es|ed|ing))\b|n[’']t\b)[^.;]{0,25}|\b(?:to be|be|until it is|once it is|once|(?:offer|propos|promis)(?:es|s|ed|ing)? to|how to|either)\s)$/i;
// ... and one under a condition of a threat states the demand: "unless a $10 million ransom was paid", "if the
// chain doesn't fork over $25 million by Friday".
const CONDITION = new RegExp(
  String.raw`(?:\bunless\b[^.;]{0,50}` +
    String.raw`|\bif\b[^.;]{0,50}(?:\b(?:not|never|fails?|failed)\b|n[’']t\b)[^.;]{0,25})$`,
  'i',
);
// What a strain of malware asks of any victim, in the present tense: "the malware displays a message asking
// for 222 bitcoins", "The ransom notes demand $100", "The program then demands $100 in Bitcoin".
// (what the attackers hit someone "with" is no subject: "the gang that hit X with ransomware wants 50 bitcoin"; nor
// is a noun across "and": "X was hit by ransomware and the gang wants $1 million"; nor an attack: "the gang behind
// the ransomware attack on X wants €2.5m")
const STRAIN =
  /\b(?<!\bwith )(?:ransomware(?! (?:group|gang|operators?|crew|actors?|affiliates?|cartel|attacks?|incidents?|infections?|outbreaks?)\b)|malware|virus|worm|variant|strain|trojan|app|program|ransom (?:note|message|screen|demand)s?|(?:message|note|screen|window)s?)\s+(?:(?!(?:and|but|while|whereas)\s+(?:the|a|an|its|their|they|he|she|it|we|this|these|those)\b)[\w’']+\s+){0,5}?(?:demands|asks|requests|wants|displays|is for|are for|typically|usually|will (?:demand|ask))\b|\b(?:owners|victims|users|they|you) are (?:then )?(?:instructed|asked|told|required) to (?:[\w’']+ ){0,8}?pay\b|\bransom (?:notes?|messages?|screens?) (?:demand|ask)\b/i;
// The makers of a strain asking, as a habit (present tense, or so far): "those behind the ransomware demand 2 Dash",
// "the crooks behind the ransomware are asking for 0.4 Bitcoin", "each time, the author behind the strain has demanded
// 7 BTC".
const MAKERS =
  /\b(?:those|people|criminals|cybercriminals|crooks|gang|group|operators?|authors?|developers?|creators?|hackers|attackers|culprits?) behind (?:the|this|these|a) (?:[\w-]+ )?(?:ransomware|malware|strain|variant|family|trojan)\b[^.;]{0,20}?\s(?:(?:demand|ask|want|request|charge|seek)s?\b|(?:is|are|’re|'re) (?:\w+ )?(?:demanding|asking|seeking|requesting|charging)\b|(?:has|have) (?:\w+ )?(?:demanded|asked|sought)\b)/i;
// A price list set by conditions: "If one laptop has been infected, 1.5 BTC is demanded."
const PRICE_LIST = /^\W*if\b(?:[^.;]|\.\d)*\b(?:is|are|will be) (?:demanded|charged|asked for|requested|required)\b/i;
// Conditions and offers: "if KeepKey would agree to pay him 30 Bitcoin".
const HYPOTHETICAL = /\bif\b[^.;]{0,120}\bwould\b|\bwould (?:have )?(?:cost|charge)\b/i;

const MEANS = /^,\s*paid in\s$/i;
/** The sentence (or the words around a sum in it) speak of ransoms in general, of a malware strain, or of a condition. */
export const isGeneric = (sentence: string) =>
  GENERIC.test(sentence) || isStrain(sentence) || HYPOTHETICAL.test(sentence);
const isStrain = (sentence: string) => STRAIN.test(sentence) || makersHabit(sentence) || PRICE_LIST.test(sentence);
const FROM_MAKER = /\b(?:from|of)\s+(?:the|a|an|its|this|\p{Lu})/u;
// ... unless the demand has a target: "the gang behind the ransomware is demanding $1m from the hospital" is this
// incident told in the present.
function makersHabit(sentence: string): boolean {
  const m = MAKERS.exec(sentence);
  return !!m && !FROM_MAKER.test(sentence.slice(m.index + m[0].length));
}

// A reward for finding flaws ("paid $80,000 for reporting a bug"), money spent on recovery ("shelling out
// $2.7 million on emergency contracts", "paid out $2 million to cover the cost") or paid to settle a lawsuit
// ("agreed to pay $1.1 million to settle …").
const NOT_A_RANSOM = new RegExp(
  String.raw`^[^.;]{0,40}?\bfor (?:identifying|finding|reporting|discovering|disclosing)\b` +
    String.raw`|^\s*(?:\w+\s+)?on (?:\w+ ){0,3}(?:contracts?|recovery|repairs?|consultants?|upgrades?|overtime` +
    String.raw`|hardware|equipment|software|cleanup|clean-up)\b` +
    String.raw`|^\s*(?:\w+\s+)?(?:to settle|in (?:damages|compensation|settlements?))\b` +
    String.raw`|^\s*(?:\w+\s+)?to (?:cover|pay for|fund|offset)\b` +
    // …or the noun the sum qualifies: "paid a $25,000 deductible", "a $2 million fine"
    String.raw`|^[\s-]*(?:deductible|fines?|penalty|settlement|grants?|budget|bill|contract|loan|investment|payout` +
    String.raw`|premiums?|bonus)\b`,
  'i',
);
// The ransom named as the subject of the sum: "the ransom amount was $3,400", "the ransom came to 2 BTC".
const RANSOM_WAS =
  /\bransom(?: (?:amount|sum|fee|price|figure))?(?:,? (?:which|that))? (?:was|is|stood at|came to|totall?ed)\s+(?:set at\s+)?(?:about|around|roughly|approximately|nearly|some|just over|just under|more than)?\s*$/i;

// A payment still to come, as the condition of a promise or threat: "said it would delete the list only after Apple
// pays it $75,000", "will not release the files until the clinic pays" (a present "pay(s)" after such a conjunction,
// with the promise's "would"/"will" before it; "after the clinic paid" is past).
const PENDING = /\b(?:would|will)\b[^.;]{0,100}\b(?:after|once|until|when|as soon as|if)\s+[^.;]{0,50}$/i;

const SUPPOSED = /^[^.;]*?\b(?:would|could|might)\b/i;

const MODAL = /\b(?:could|might|may|can|would)\s+(?:(?:also|even|easily|then|well)\s+)?$/i;

const PAID_AFTER = new RegExp(
  String.raw`^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:which|that)\s+(?:it|they|the [\w-]+)\s+` +
    String.raw`(?:then\s+|eventually\s+|ultimately\s+|later\s+|reportedly\s+)?(?:paid|agreed to pay|handed over)\b`,
  'i',
);
export interface RoleHit {
  role: Role;
  cueStart: number;
  cueEnd: number;
}

/**
 * Role of the sum at [start, end) (offsets within `sentence`); the nearest cue wins, cues after the sum count less.
 * General statements are judged near the sum only, so a relative clause ("which typically steals data") does not
 * make a specific claim generic. A cue counts where `context` (the sentence and its neighbours) holds a ransom
 * word, or where the sentence names the incident's attacker (`named`).
 */
export function roleOf(
  sentence: string,
  start: number,
  end: number,
  context: string,
  lists: Lists,
  named = false,
): RoleHit | null {
  const { cues, context: RANSOM_CONTEXT, payee, totals, asked, askedFor, askedTo, terms: TERMS } = cuesOf(lists);
  const near = sentence.slice(Math.max(0, start - 80), Math.min(sentence.length, end + 40));
  const terms = TERMS.exec(sentence);
  const inTerms = (at: number) => !!terms && at >= terms.index && at < terms.index + terms[0].length;
  if (
    GENERIC.test(near) ||
    // a total is often spelled out at length after the sum ("$100 million in ransom payments from over 1,500 victims")
    totals.test(sentence.slice(Math.max(0, start - 80), end + 80)) ||
    isStrain(sentence) ||
    (HYPOTHETICAL.test(sentence.slice(Math.max(0, start - 60), end + 20)) && !inTerms(start))
  )
    return null;
  // a price per unit ("$100,000 per group member", "$300 per computer") is not the sum asked of the victim
  if (
    /^\s*(?:per|each|a head|apiece)\b/i.test(sentence.slice(end, end + 10)) &&
    /\bper (?:\w+ )?(?:member|person|head|coin|bitcoin|victim|user)\b/i.test(sentence.slice(end, end + 30))
  )
    return null;
  // what the words right after the sum say it was for: a bounty, or recovery spending
  if (NOT_A_RANSOM.test(sentence.slice(end)) || payee.test(sentence.slice(end))) return null;
  let best: { role: Role; d: number; cs: number; ce: number } | null = null;
  for (const { role, re, penalty, needs, not } of cues) {
    if (needs && !needs.test(sentence)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const cs = m.index,
        ce = m.index + m[0].length;
      if (not?.test(sentence.slice(Math.max(0, cs - 40), ce + 30))) continue;
      let r = role;
      const before = sentence.slice(Math.max(0, cs - 30), cs);
      // "threatened to leak the files unless the clinic paid $100,000": the condition states the demand
      const pending = /^pays?$/i.test(m[0]) && PENDING.test(sentence.slice(Math.max(0, cs - 160), cs));
      if (role === 'paid' && (CONDITION.test(sentence.slice(Math.max(0, cs - 80), cs)) || pending || inTerms(cs)))
        r = 'demanded';
      else if (role === 'paid' && NOT_PAID.test(before)) continue;
      // a participle right after the sum tells the means: "the payment demanded, the equivalent of $300, paid in bitcoin"
      if (role === 'paid' && cs >= end && MEANS.test(sentence.slice(end, ce + 4))) continue;
      // a modal with a bare verb tells what could happen, not what did: "gangs could demand as much as $5 million"
      // ("may have demanded" is a hedged report and stays)
      if (role !== 'other' && MODAL.test(before)) continue;
      // "paid the gang's demand of $90,000", "met the ransom demand": the demand was paid
      // …and "paid the ransom of $1.5 million": the ransom named as what was paid
      // (a bare "pay" after a demand is the demand's: "demanding Apple pay a ransom of $75,000")
      // (…unless that payment is itself asked about or denied: "unclear whether the clinic paid the demand of")
      const paidVerb = PAID_OBJECT.exec(before);
      const verbAt = paidVerb ? cs - before.length + paidVerb.index : 0;
      if (
        role === 'demanded' &&
        /^(?:demands?|ransoms? (?:(?:amount|sum|figure|demand) )?of)$/i.test(m[0]) &&
        paidVerb &&
        !asked.test(sentence.slice(Math.max(0, cs - 90), cs)) &&
        !NOT_PAID.test(sentence.slice(Math.max(0, verbAt - 30), verbAt))
      )
        r = 'paid';
      // a payment as the subject of a supposition: "Paying the $2 million ransom would have been cheaper"
      if (role === 'paid' && /^paying$/i.test(m[0]) && SUPPOSED.test(sentence.slice(ce))) r = 'demanded';
      // "were demanding a payment of 50 BTC": a payment asked for
      if (role === 'paid' && askedFor.test(before)) r = 'demanded';
      // …and a verb of handing over asked for: "asking the owners of the database to fork over 0.2 Bitcoin"
      if (role === 'paid' && askedTo.test(sentence.slice(Math.max(0, cs - 90), cs))) r = 'demanded';
      const between = cs >= end ? sentence.slice(end, cs) : sentence.slice(ce, start);
      let d = (cs >= end ? (cs - end) * 1.6 + 3 : start - ce) + penalty;
      if (d < 0) continue;
      // a cue before "but" belongs to the other clause: "demanded $50,000, but the city spent $2.7 million on repairs"
      if (cs < start && /\bbut\b/.test(between)) continue;
      if (/\bbut\b|;/.test(between)) d += 60;
      if (!best || d < best.d) best = { role: r, d, cs, ce };
    }
  }
  if (best && best.role !== 'other' && !named && !RANSOM_CONTEXT.test(context)) return null;
  // the sum the demand came down to, then paid: "negotiated the ransom down to $1.5 million, which it paid"
  const paidAfter = best?.role === 'demanded' ? PAID_AFTER.exec(sentence.slice(end)) : null;
  if (best && paidAfter) return { role: 'paid', cueStart: end + paidAfter.index, cueEnd: end + paidAfter[0].length };
  if (best) return { role: best.role, cueStart: best.cs, cueEnd: best.ce };
  // the sum inside the terms of a promise is what was asked ("promised to return the data if the firm would agree to
  // pay him 30 BTC"; a bare "pay" is no cue of its own)
  if (terms && inTerms(start) && RANSOM_CONTEXT.test(context))
    return { role: 'demanded', cueStart: terms.index, cueEnd: terms.index + terms[0].length };
  // "a $5 million ransom", "ransom of $5 million", "the ransom amount was $3,400" without a verb
  const from = Math.max(0, start - 12),
    around = sentence.slice(from, Math.min(sentence.length, end + 10));
  const r = /\bransom\b/i.exec(around);
  if (r) return { role: 'unknown', cueStart: from + r.index, cueEnd: from + r.index + 6 };
  const lead = Math.max(0, start - 45);
  const said = RANSOM_WAS.exec(sentence.slice(lead, start));
  return said ? { role: 'unknown', cueStart: lead + said.index, cueEnd: lead + said.index + 6 } : null;
}
