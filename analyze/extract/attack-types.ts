// Attack types from what the article states as fact (claims by the gang and open questions do not count).
import type { AttackType } from '../../core/records.ts';
import type { Span } from './text.ts';
import { isGeneric } from './roles.ts';

const RANSOMWARE = /\b(?:ransomware|decrypt(?:ion|or) (?:key|tool)|encrypt(?:ed|ing|ion) (?:its |the |their )?(?:servers?|systems?|files|data|computers|network))\b/i;
const NOT_RANSOMWARE = /\b(?:not (?:a |been )?(?:a )?ransomware|no (?:sign|evidence) of ransomware|nothing was encrypted)\b/i;
const DATA_THEFT = /\b(?:stole|stolen|cop(?:ied|ying)|exfiltrat\w+|leak(?:ed|ing)|published (?:the )?(?:files|data|records|documents)|accessed (?:the )?(?:personal|patient|customer)|data (?:breach|theft)|theft of)\b/i;
// Uncertain or attributed-to-the-criminals statements about data theft.
const UNSURE = /\b(?:whether|if any|no evidence|not yet (?:clear|known)|may have|might|could|claim(?:s|ed|ing)?|(?:it|the group|the gang) says|says it|would|threaten\w*|unless|allegedly|to be wary)\b/i;
const EXTORTION = /\b(?:extort\w*|demand(?:ed|s)? (?:a |payment|money|us\$|\$)|negotiat\w+|ransom|pay (?:up|to))\b/i;
const DDOS = /\b(?:ddos|denial[- ]of[- ]service)\b/i;
const PHISHING = /\bphishing\b/i;
const PHISHING_ADVICE = /\b(?:wary|beware|warn\w*|advised|alert|caution)\b/i;

// A ransom incident told as fact: a ransom word and a past event in one sentence ("the county was hit by ransomware",
// "hackers demanded two bitcoins", "the clinic paid"). What a strain does in general ("Locky asks 0.5 BTC",
// "ransomware encrypts files") is present tense and no incident; nor are conditions and advice ("if you are hit").
const RANSOM_WORD = /\b(?:ransomware|ransom(?:ed|s)?|extort(?:ed|ion|ing)|held (?:\w+ ){0,3}hostage|encrypted (?:its|the|their|\w+'s|\w+’s) |locked (?:up|out))\b/i;
const PAST_EVENT = /\b(?:was|were|has been|have been|had been|got)\s+(?:\w+\s+)?(?:hit|struck|attacked|infected|targeted|crippled|compromised|breached|hacked|encrypted|locked|held|forced|extorted|paralyzed|paralysed|disrupted|knocked|taken)\b|\b(?:hit|struck|attacked|infected|crippled|paralyzed|paralysed|disrupted|encrypted|locked|seized|demanded|paid|suffered|fell victim|refused to pay|declined to pay|decided (?:not )?to pay|agreed to pay|extorted|targeted|shut down|deployed|launched|unleashed|planted|took (?:\w+ ){0,2}offline|came under|held (?:\w+ ){0,3}hostage|blackmailed|tried to extort|attempted to (?:blackmail|extort)|(?:fell|fallen|became|was|were|been) (?:the |a )?victims? (?:of|to))\b/i;
// …or one attack named as such: "after a ransomware attack on Monday", "the cause was a ransomware incident",
// "the attack … was ransomware", "the Hive gang has claimed an attack on X", "the group started publishing files".
const NAMED_EVENT = /\b(?:after|following|by|from|disclosed|confirmed|suffered|suspect(?:ed|s)? (?:is|was)|was|is|of) (?:a|an|the|its|this) (?:suspected |possible |apparent |major |massive |recent |[A-Z]\w+ )?(?:ransomware|extortion|ransom) (?:attack|incident|infection|event)\b(?!s)|\bwas ransomware\b|\b(?:ransomware|extortion) (?:group|gang|crew|operation|operators?)\b[^.]{0,60}\b(?:claimed|published|posted|listed|named|started publishing|leaked)\b|\bclaimed (?:responsibility for )?(?:an|the) attack\b|\bransomware (?:attack|incident|infection) (?:on|at|against) (?:the )?\p{Lu}/iu;
// Extortion without the word ransom: "the group wanted to negotiate", "threatened to publish the files".
const EXTORT_EVENT = /\b(?:wanted|sought|offered|tried|attempted|demanded) to negotiate\b|\bthreatened to (?:leak|publish|release|sell|dump|expose)\b|\bclaim(?:ed|ing|s)? to (?:hold|have stolen|have taken)\b/i;
const NOT_EVENT = /\b(?:if|whether|could|would|should|might|may|can|how to|tips?|protect|prevent|avoid|never pay|don't pay|do not pay|in the event)\b/i;

/** The article tells of an actual ransomware or extortion incident (a strain or a trend described in general does not). */
export function ransomIncident(sents: Span[]): boolean {
  return sents.some((s) => {
    const t = s.text;
    const word = RANSOM_WORD.exec(t), past = word && PAST_EVENT.exec(t);
    const ev = past ? [word, past] : [NAMED_EVENT.exec(t) ?? EXTORT_EVENT.exec(t)];
    if (!ev[0] || isGeneric(t)) return false;
    // a condition or a modal must come before the event ("if you are hit", "could have encrypted"); one after it
    // tells of what the attackers offered ("… which would only unlock for a payment")
    const end = Math.max(...ev.map((m) => m!.index + m![0].length));
    return !NOT_EVENT.test(t.slice(0, end));
  });
}

/**
 * Attack types of the article's incident. `incident`: a victim was found in an incident sentence; `ransom`: a ransom
 * incident is told (ransomIncident, or a ransom claim was extracted) — then ransomware needs no named victim, and
 * without it a mere mention of ransomware ("a breach, not ransomware like the one at X") does not make the type.
 */
export function attackTypes(sents: Span[], incident: boolean, ransom = true): AttackType[] {
  if (!incident && !ransom) return [];
  const types = new Set<AttackType>();
  const all = sents.map((s) => s.text).join(' ');
  if (ransom && sents.some((s) => RANSOMWARE.test(s.text) && !NOT_RANSOMWARE.test(s.text))) types.add('ransomware');
  if (sents.some((s) => DATA_THEFT.test(s.text) && !UNSURE.test(s.text))) types.add('data-breach');
  // a ransom incident without ransomware words is extortion
  if (ransom && !types.has('ransomware')) types.add('extortion');
  if (DDOS.test(all)) types.add('ddos');
  if (sents.some((s) => PHISHING.test(s.text) && !PHISHING_ADVICE.test(s.text))) types.add('phishing');
  if (NOT_RANSOMWARE.test(all) || types.size === 0) types.add('other');
  return [...types];
}
