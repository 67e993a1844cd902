// Attack types from what the article states as fact (claims by the gang and open questions do not count).
import type { AttackType } from '../../core/records.ts';
import type { Span } from './text.ts';

const RANSOMWARE = /\b(?:ransomware|decrypt(?:ion|or) (?:key|tool)|encrypt(?:ed|ing|ion) (?:its |the |their )?(?:servers?|systems?|files|data|computers|network))\b/i;
const NOT_RANSOMWARE = /\b(?:not (?:a |been )?(?:a )?ransomware|no (?:sign|evidence) of ransomware|nothing was encrypted)\b/i;
const DATA_THEFT = /\b(?:stole|stolen|cop(?:ied|ying)|exfiltrat\w+|leak(?:ed|ing)|published (?:the )?(?:files|data|records|documents)|accessed (?:the )?(?:personal|patient|customer)|data (?:breach|theft)|theft of)\b/i;
// Uncertain or attributed-to-the-criminals statements about data theft.
const UNSURE = /\b(?:whether|if any|no evidence|not yet (?:clear|known)|may have|might|could|claim(?:s|ed|ing)?|(?:it|the group|the gang) says|says it|would|threaten\w*|unless|allegedly|to be wary)\b/i;
const EXTORTION = /\b(?:extort\w*|demand(?:ed|s)? (?:a |payment|money|us\$|\$)|negotiat\w+|ransom|pay (?:up|to))\b/i;
const DDOS = /\b(?:ddos|denial[- ]of[- ]service)\b/i;
const PHISHING = /\bphishing\b/i;
const PHISHING_ADVICE = /\b(?:wary|beware|warn\w*|advised|alert|caution)\b/i;

export function attackTypes(sents: Span[], incident: boolean): AttackType[] {
  if (!incident) return [];
  const types = new Set<AttackType>();
  const all = sents.map((s) => s.text).join(' ');
  if (sents.some((s) => RANSOMWARE.test(s.text) && !NOT_RANSOMWARE.test(s.text))) types.add('ransomware');
  if (sents.some((s) => DATA_THEFT.test(s.text) && !UNSURE.test(s.text))) types.add('data-breach');
  if (!types.has('ransomware') && EXTORTION.test(all)) types.add('extortion');
  if (DDOS.test(all)) types.add('ddos');
  if (sents.some((s) => PHISHING.test(s.text) && !PHISHING_ADVICE.test(s.text))) types.add('phishing');
  if (NOT_RANSOMWARE.test(all) || types.size === 0) types.add('other');
  return [...types];
}
