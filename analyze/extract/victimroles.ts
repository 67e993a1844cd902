// Where a name stands relative to an attack: the victim's positions in news sentences ("an attack on X",
// "hackers hit X", "X was hit", "X paid", "X's servers", "servers at X", "X, a … company, …"), and the names
// that are sources rather than victims (people, security vendors and researchers, police and regulators).
import { fold, sentenceAt, type Span } from './text.ts';
import type { NameSpan } from './orgnames.ts';
import { words, type Lists } from './lists.ts';
import { withTwin } from './fastre.ts';

// Up to four describing words between a cue and the name: "the Indiana hospital", "Malaysian media giant".
// Function words never inside a description or a list item: "known in Italy as the CUP", "prompting the police".
const FUNC = String.raw`(?:or|but|who|which|that|by|to|with|from|for|in|on|at|as|after|before|while|when|said|says|reported|prompting|including|was|were|is|are|has|have|had)\s`;
const DESCR = String.raw`(?:(?:the|a|an|its|their|US|U\.S\.)\s+)?(?:(?!${FUNC})(?:of\s|[\p{L}\p{N}’'.&-]+\s+)){0,5}?`;
// Earlier items of a list the name ends: "disrupting car factories, global shipper X", "victims included A and a firm, X".
const ITEM = String.raw`(?:(?:the|a|an)\s+)?(?:(?!${FUNC})[\p{L}\p{N}’'.&-]+\s+){0,5}(?!${FUNC})[\p{L}\p{N}’'.&-]+`;
const LIST = String.raw`(?:${ITEM}(?:,\s+(?:and\s+)?|\s+and\s+)){0,4}`;
const ATTACK_NOUN = String.raw`(?:cyber-?\s?attacks?|attacks?|breach(?:es)?|hacks?|hacking|intrusions?|infections?|ransomware(?: (?:attack|infection|incident)s?)?|extortion|outbreak|incidents?|compromise)`;
const HIT_VERB = String.raw`(?:hit|hits|struck|strikes|targeted|targeting|targets|attacked|attacking|breached|hacked|hacking|infected|infecting|crippled|crippling|compromised|paraly[sz]ed|paraly[sz]ing|disrupted|disrupting|extorted|extorting|locked up|locked out|shut down|knocked out|victimi[sz]ed|held hostage|affected|affecting|blackmailed|blackmailing)`;
// the subject of what an organisation reports of itself: it, its vendor or practice, its employees ("X reported that
// its business associate (BA) was the victim of a ransomware attack", "… that an employee was the victim of a
// phishing scheme": the data lost is X's)
const ITS_OWN =
  String.raw`(?:it|they|(?:its|their)\s+(?:[\p{L}-]+\s+){0,2}?` +
  String.raw`(?:business associate|vendor|contractor|sub-?contractor|supplier` +
  String.raw`|practice|employees?|staff|workforce members?)(?:\s*\([^)]{1,10}\))?(?:['’]s?\s+sub-?contractor)?` +
  String.raw`|(?:an?|one|several|multiple|numerous|some|two|three|four|five|\d+)\s+(?:of\s+(?:its|their)\s+)?` +
  String.raw`(?:employees?|staff(?:\s+members?)?|workforce\s+members?|users?))`;
// …and what an attack does to its victim in a headline's present tense, said of the attack itself (a firm "shuts
// down" a phishing campaign, a hacker "compromises" accounts): "Ransomware shuts down X", "Cyberattack cripples X"
const AGENT_PRESENT =
  String.raw`(?:ransomware|malware|virus|worm|hackers?|attackers?|cyber-?\s?attacks?|attacks?|hacks?|breach)` +
  String.raw`\s+(?:shuts down|knocks out|knocks offline|takes down|cripples|paraly[sz]es|locks up|locks out` +
  String.raw`|hobbles|halts)`;

// an aside between the name and its verb: ", a video production firm,", " − owner of … −", ", which"
// …or where it is: "X in Zagreb, known as …, suffered", "X in Indiana paid"
const PLACE_AFTER = String.raw`(?:\s+(?:in|at)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,2})?`;
const APPOS = String.raw`${PLACE_AFTER}(?:,[^,.;]{1,110},|\s[−–—][^−–—.;]{1,110}[−–—]|,\s+(?:which|who)(?=\s)|\s[−–—](?=\s))?`;
const SYSTEMS =
  String.raw`computers?|systems?|servers?|networks?|files|data(?:bases?|[- ]?sets?)?|machines|workstations|devices` +
  String.raw`|e-?mail|website|operations|databases?|infrastructure|IT`;
// Where it said so: "X said in a filing with the state attorney general that …", "X confirmed in a statement …"
const TOLD_IN =
  String.raw`(?:\s+(?:in|on|via)\s+(?:an?|its|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|filing|notice` +
  String.raw`|letter|notification|post|update|release|disclosure|report|submission)s?(?:\s+(?:with|to|on|at|from)` +
  String.raw`\s+[^.;,]{1,60}?)??)?`;
// …and to whom: "X reported to the SEC that …", "X disclosed to the Maine attorney general that …"
const TOLD_TO = String.raw`(?:\s+to\s+(?:the\s+|its\s+)?(?:[\p{L}.-]+\s+){0,3}?[\p{L}.-]+(?=\s+that\s))?`;
// People of an organisation are told of in many stories besides an attack on it ("patients of X", "staff at X").
const PEOPLE = String.raw`employees|staff|customers|patients|students|users|residents|members|workers|doctors|nurses|visitors|passengers|officials|executives|administrators|leaders`;

/** Cues before the name; the regex must end right where the name starts. */
const BEFORE = [
  // "an attack on the Indiana hospital Hancock Health", "the breach at X", "ransomware attack against X"
  new RegExp(
    // (…told as reported: "a new cyber attack has emerged on X", "an attack was launched against X")
    String.raw`\b${ATTACK_NOUN}\s+(?:(?:has|have|had|was|were)\s+(?:been\s+)?(?:reported|emerged|surfaced|detected` +
      String.raw`|launched|carried out|mounted)\s+)?(?:on|at|against|of|affecting|impacting|involving|targeting` +
      String.raw`|(?:that|which) (?:hit|struck|crippled|affected)|into)\s+${DESCR}` +
      // …and the name in apposition to the organisation so described: "an attack on Chennai-based hospital, X,"
      String.raw`(?:(?:hospital|clinic|provider|company|firm|chain|cent(?:er|re)|system|insurer|laboratory|lab|practice|operator),\s+)?$`,
    'iu',
  ),
  // "hackers hit X", "the ransomware crippled X", "extorted money from X"
  new RegExp(
    String.raw`\b(?:${HIT_VERB}|(?:extort|blackmail)(?:ed|ing)? (?:\w+ )?(?:out of|from)|(?:money|ransom|payment|bitcoins?|sum|amount|fee) (?:from|out of)|(?:havoc|chaos) (?:for|at)|(?:sneaked|snuck|broke|got|crept|slipped) into` +
      // (…the systems of it: "broke into the systems of a dialysis operator")
      String.raw`(?:\s+the\s+(?:[\p{Ll}-]+\s+)?(?:systems?|networks?|servers?|computers?|accounts?)\s+(?:of|at))?)` +
      String.raw`\s+${LIST}${DESCR}(?:,\s+)?$`,
    'iu',
  ),
  // "the incident occurred at X", "another ransom attack was spotted in X"
  new RegExp(
    String.raw`\b${ATTACK_NOUN}\b[^.;]{0,60}?\b(?:occurred|happened|took place|was (?:spotted|reported|discovered|detected))\s+(?:at|in)\s+${DESCR}$`,
    'iu',
  ),
  // the subject after a clause that told of the attack on "it": "A week after it was hit by ransomware, the City of X …"
  new RegExp(
    String.raw`^(?:[^.;]{0,40}\b)?(?:after|since|when|as|while|because|although|though)\s+(?:it|its)\b[^.;]{0,120}?\b(?:${ATTACK_NOUN}|${HIT_VERB}|encrypted|ransom\w*)\b[^.;,]{0,40},\s+(?:the\s+)?$`,
    'iu',
  ),
  // "data it claims to have stolen from X", "records taken from X", "files exfiltrated from X"
  new RegExp(
    String.raw`\b(?:stolen|stole|steal|taken|took|exfiltrated|leaked|obtained|copied|downloaded|extracted` +
      String.raw`|lifted|siphoned|sourced|scraped|pulled|looted|pilfered|plundered|swiped|harvested|grabbed` +
      String.raw`|(?:made|walked|ran) off with|got away with)\s+(?:[\p{L}\d,.'’-]+\s+){0,6}?from\s+${DESCR}$`,
    'iu',
  ),
  // "Ransomware shuts down X", "Cyberattack cripples X"
  new RegExp(String.raw`\b${AGENT_PRESENT}\s+${DESCR}$`, 'iu'),
  // "computers at X", "systems of X", "files belonging to X"
  new RegExp(String.raw`\b(?:${SYSTEMS})\s+(?:at|of|belonging to|operated by|run by|used by)\s+${DESCR}$`, 'iu'),
  // "victims included X", "victims such as X", "among the victims were X", "the victim, X"
  new RegExp(
    String.raw`\b(?:victims?|incidents|attacks|targets)\b[^.;]{0,60}?\b(?:include[sd]?|included|such as)\s+${LIST}${DESCR}(?:,\s+)?$|\b(?:victims? (?:like|was|were|is)|victims? (?:was|were|is) (?:the )?|among (?:the )?(?:victims|those (?:hit|affected))(?: (?:were|was|is|are))?|the latest victim(?: (?:is|was))?|(?:fell|falls) on)\s+${DESCR}$`,
    'iu',
  ),
].map(withTwin);
// Weaker: "demanded X pay", "told X" — also said of people and sources.
// (…or one of them: "a hospital employee at X is charged with …")
const PERSON_OF = String.raw`employee|worker|nurse|doctor|staff member|member of staff|pharmacist|receptionist|clerk`;
const BEFORE_WEAK = withTwin(
  new RegExp(
    String.raw`\b(?:demand(?:ed|ing|s)? that|demand(?:ed|ing|s)?` +
      String.raw`|forc(?:ed|ing)|ask(?:ed|ing|s)?|told|(?:${PEOPLE}|${PERSON_OF})\s+` +
      String.raw`(?:(?:who|that)\s+(?:works?|worked|had worked)\s+)?(?:at|of|belonging to|operated by|run by` +
      String.raw`|used by))\s+${DESCR}$`,
    'iu',
  ),
);

// (the name may open with its own article: "The covered entity (CE), The Guidance Center, reported …")
// a relative clause between the renamed subject and its verb: "(X) that operates out of Pune, India was hacked"
const RELATIVE_BEFORE_VERB = /^\s+(?:that|which)\s+[^.;()]{1,80}?(?=\s(?:was|were|has been|had been)\s)/i;
// (…or in brackets: "A popular clinic website (X) was hacked")
const DESCRIBED_SUBJECT = /^[\s“"‘]*(?:a|an|the)\s+(?:[^,.;]{1,60},\s*|[^,.;()]{1,60}\s\()(?:The\s+)?$/i;

// (in the singular: "MongoDB attacks", "RDP breaches" are a campaign against a technology)
const INCIDENT_AFTER = withTwin(
  new RegExp(
    String.raw`^(?:['’]s?)?\s+(?:(?:(?:data|security|cyber|IT|network|computer` +
      String.raw`|ransomware|e-?mail|system)\s+){1,2}(?:breach|hack|incident|compromise|intrusion|leak|attack)|breach` +
      String.raw`|hack|cyber-?\s?attack)(?![\p{L}])`,
    'iu',
  ),
);
/** The name qualifies its own incident: "the Equifax breach" (no adjective use of a name then). */
export const namesIncident = (after: string) => INCIDENT_AFTER.test(after);

/** Cues after the name; the regex is anchored at the end of the name. */
// adverbs standing before the auxiliary or after it: "X apparently was the victim", "X was reportedly hit"
const HEDGED = 'also|reportedly|allegedly|apparently|recently|now|still';
// idioms of a victim laid low: "X has been brought to its knees by a cyberattack"
const KNEES = String.raw`brought to (?:its|their) knees|brought to a (?:standstill|halt)`;
const AFTER = [
  // "X was hit", "X has been attacked", "X, a video production firm, was targeted"
  new RegExp(
    String.raw`^(?:\s*\([^)]{1,40}\))?${APPOS}\s+(?:(?:${HEDGED})\s+)?(?:was|were|has|had|have|is|are|got|get|gets` +
      String.raw`|getting|being|became|had been|has been|have been|may have been|are being|is being|were being` +
      String.raw`|was being)\s+(?:(?:${HEDGED}|both|been|the)\s+)*(?:${HIT_VERB}|victim|the victim|the latest victim` +
      String.raw`|under attack|infected|breached|knocked offline|held to ransom|forced to|paying|paid|${KNEES}` +
      String.raw`|suffered\s+(?:\S+\s+){0,4}?(?:${ATTACK_NOUN}|cyber\S*)` +
      // "X was the subject of a ransomware attack", "X was subject to a cyberattack"
      String.raw`|(?:the\s+)?subject\s+(?:of|to)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${ATTACK_NOUN}|cyber\S*))\b`,
    'iu',
  ),
  // a headline's or a reduced clause's participle: "X hit by cyberattack", "hospitals hit with ransomware"
  new RegExp(
    String.raw`^${APPOS}\s+(?:hit|struck|targeted|crippled|paraly[sz]ed|hobbled|rocked|breached|hacked)\s+` +
      String.raw`(?:by|with|in)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${ATTACK_NOUN}|cyber\S*|hackers|ransomware)`,
    'iu',
  ),
  // …or ending its clause, as headlines write it: "X hacked; password reset notice issued", "X breached:"
  /^\s+(?:hacked|breached)\s*(?:[;:|]|[—–-]\s|$)/iu,
  // the writer of a breach notice: "X is committed to protecting the privacy of our patients' information"
  new RegExp(
    String.raw`^${APPOS}\s+(?:is|are|remains|remain)\s+(?:deeply\s+|fully\s+|firmly\s+)?` +
      String.raw`(?:committed|dedicated)\s+to\s+(?:protecting|safeguarding|maintaining|ensuring)\s+(?:the\s+)?` +
      String.raw`(?:privacy|security|confidentiality)`,
    'iu',
  ),
  // "X is the latest hospital to fall victim to ransomware", "X appears to be the latest brand to suffer a breach"
  new RegExp(
    String.raw`^${APPOS}\s+(?:has\s+|have\s+)?(?:is|was|are|were|become|became|becomes|appears to be|seems to be)` +
      String.raw`\s+(?:now\s+)?(?:one of\s+)?the latest\s+(?:[\p{L}-]+\s+){0,4}?(?:to\s+(?:suffer|fall victim|be\s+` +
      String.raw`(?:${HIT_VERB}|hit|targeted|breached|hacked))|${HIT_VERB}\b)`,
    'iu',
  ),
  // "X was one of several agencies hit", "X was among the victims"
  new RegExp(
    String.raw`^\s+(?:was|were|is|are)\s+(?:also\s+)?(?:one of|among)\s+[^.;]{0,60}?\b(?:victims?|${HIT_VERB}|encrypted)\b`,
    'iu',
  ),
  // "X paid the ransom", "X suffered a ransomware attack", "X refused to pay"
  new RegExp(
    String.raw`^(?:\s*\([^)]{1,40}\))?${APPOS}\s+(?:(?:has|had|have|also|reportedly|eventually|ultimately|then|later|recently)\s+)*(?:paid|pays|offered to pay|(?:suffer|experienc|sustain)(?:ed|es|s)\s+(?:\S+\s+){0,4}?(?:${ATTACK_NOUN}|cyber\S*)|lost (?:its|their|control of its) (?:[\p{L}-]+\s+){0,2}?to (?:hackers|attackers|ransomware|cyber\S*)|fell victim|falls victim|fallen victim|was forced|(?:was|were) (?:told|asked|ordered) to (?:pay|deposit|send|transfer|hand over)|(?:did not|didn['’]t|does not|doesn['’]t|would not|wouldn['’]t|will not|won['’]t|refused to|declined to) (?:want to )?(?:pay|meet|fork over|hand over|cough up)|never paid|decided to pay|agreed to pay|chose to pay|opted to pay|refused to pay|declined to pay|did not pay|didn't pay|negotiated|shut down its|took (?:down |offline )?(?:all (?:of )?)?(?:its|their) (?:[\p{L}-]+ )?(?:systems|computers|servers|networks?|websites?|sites|portals?))\b`,
    'iu',
  ),
  // the subject telling what only a victim does: "X has made it clear that it will not meet the hackers' demands",
  // "X said it had restored its systems from backups"
  new RegExp(
    String.raw`^${APPOS}\s+(?:has\s+|had\s+)?(?:said|says|stated|insisted|confirmed|announced|made it clear|` +
      String.raw`maintains|maintained)(?:\s+on\s+\p{L}+)?\s+(?:that\s+)?(?:it|they)\s+` +
      String.raw`(?:(?:(?:would|will|does|did|could)\s+not|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t)\s+` +
      String.raw`(?:pay|meet|negotiate|give in)` +
      String.raw`|(?:had|has|have)\s+(?:since\s+|now\s+|fully\s+)?(?:restored|recovered|rebuilt|contained)\s+` +
      String.raw`(?:its|their|the|all|most)\b)`,
    'iu',
  ),
  // the subject telling that it was hit: "X said it was the victim of a ransomware attack" (not "said it was
  // investigating": the verb after the pronoun must tell the attack)
  new RegExp(
    // (…and what it found out of itself: "X discovered that it had been a victim of a phishing attack")
    String.raw`^${APPOS}\s+(?:said|says|reported|confirmed|confirms|announced|disclosed|revealed|acknowledged` +
      String.raw`|discovered|learned|learnt|determined|found)` +
      String.raw`(?:\s+on\s+\p{L}+)?\s+(?:that\s+)?${ITS_OWN}\s+` +
      String.raw`(?:was|were|had been|has been|have been)\s+(?:also\s+)?` +
      String.raw`(?:(?:the\s+|an?\s+)?victims?\s+of|(?:the\s+|an?\s+)?subjects?\s+(?:of|to)|${HIT_VERB}\b)` +
      // …or that it went through one: "X reported that it experienced a ransomware incident"
      String.raw`|^${APPOS}\s+(?:said|says|reported|confirmed|announced|disclosed|revealed|acknowledged)(?:\s+on\s+\p{L}+)?` +
      String.raw`\s+(?:that\s+)?${ITS_OWN}\s+(?:had\s+|has\s+|have\s+)?(?:experienced|suffered|sustained)\s+` +
      String.raw`(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:${ATTACK_NOUN}|cyber\S*)`,
    'iu',
  ),
  // what only the attacked find on their own network: "X detected unusual network activity on 21 October", "X
  // discovered suspicious activity on its systems"
  new RegExp(
    String.raw`^${APPOS}\s+(?:(?:first|later|then|also)\s+)?` +
      String.raw`(?:detected|discovered|identified|noticed|observed|found)\s+(?:(?:some|an?)\s+)?` +
      String.raw`(?:unusual|suspicious|unauthori[sz]ed|anomalous|malicious)\s+(?:[\p{L}-]+\s+){0,2}?` +
      String.raw`(?:activity|access|traffic|behaviou?r|login|logins|intrusion)` +
      // (not on another's machines: "detected unauthorized login activity to a server belonging to a business
      // associate")
      String.raw`(?![^.;]{0,80}\b(?:belonging to|owned by|hosted by|operated by)\b)`,
    'iu',
  ),
  // the subject kept from its work by the attack: "X were unable to fill prescriptions after a cyberattack on …"
  new RegExp(
    String.raw`^${APPOS}\s+(?:was|were|has been|have been|had been|is|are)\s+(?:left\s+)?(?:unable|struggling)\s+to\s+` +
      String.raw`[^.;]{0,80}?\b(?:after|following|because of|due to|amid)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?${ATTACK_NOUN}\b`,
    'iu',
  ),
  // "X's computer systems", "X’s network"
  // "X had its computer systems hacked"
  new RegExp(
    String.raw`^\s+(?:had|has|have|got)\s+(?:its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:${SYSTEMS}|accounts?)\s+(?:hacked|encrypted|locked|infected|breached|compromised|held|taken)`,
    'iu',
  ),
  /^['’]s?\s+(?:[\p{L}-]+\s+){0,2}?(?:attackers|hackers|extortionists|blackmailers)\b/iu,
  // the subject of an attack on its own assets: "X is investigating an attack on one of its sites", "X told of the
  // breach of its network"
  new RegExp(
    String.raw`^${APPOS}\s+(?:[\p{L}-]+\s+){1,6}?${ATTACK_NOUN}\s+(?:on|of|against|targeting|affecting|into)\s+(?:one of\s+|some of\s+|parts? of\s+)?(?:its|their)\s`,
    'iu',
  ),
  // a name the attackers put on their leak site: "the gang listed X on its leak site", "added X to their blog"
  new RegExp(
    String.raw`^${APPOS}\s+(?:on|to)\s+(?:its|their|the (?:group|gang)['’]s)\s+(?:[\p{L}-]+\s+){0,2}?` +
      String.raw`(?:leak|extortion|shaming|victim)\S*\s+(?:sites?|blogs?|pages?|portals?|lists?)\b`,
    'iu',
  ),
  // the subject telling of intruders in its own systems: "X said hackers accessed its network between …"
  new RegExp(
    String.raw`^${APPOS}\s+(?:(?:said|says|confirmed|disclosed|reported|announced|revealed)${TOLD_IN}${TOLD_TO}` +
      String.raw`|(?:told|informed|notified)\s+(?:the\s+|its\s+)?(?:[\p{L}.-]+\s+){0,2}?[\p{L}.-]+(?=\s+that\s))` +
      String.raw`\s+(?:that\s+)?(?:hackers|attackers|intruders|cyber-?criminals|criminals|ransomware|malware` +
      String.raw`|(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:cyber-?attack|attack|intrusion|hack)` +
      String.raw`|an?\s+(?:[\p{L}-]+\s+)?(?:hacker|attacker|intruder|cybercriminal|third party|threat actor|party` +
      String.raw`|individual|person)|unauthori[sz]ed\s+(?:[\p{L}-]+\s+)?` +
      String.raw`(?:parties|party|actors?|persons?|individuals?|users?))\s+(?:[\p{L}-]+\s+){0,4}?(?:its|their)\s+` +
      String.raw`(?:[\p{L}-]+\s+){0,2}?(?:${SYSTEMS})\b`,
    'iu',
  ),
  // the name qualifying its incident: "the Equifax breach", "the X data breach incident", "X's cyberattack"
  INCIDENT_AFTER,
  // the name as the owner before its systems: "X computers were infected", "X servers have been encrypted"
  new RegExp(
    String.raw`^\s+(?:computers?|computer systems?|systems?|servers?|networks?)\s+(?:were|was|have been|had been|has been|are|is)\s+(?:\w+\s+)?(?:${HIT_VERB}|encrypted|locked)\b`,
    'iu',
  ),
].map(withTwin);
// "X's computer systems": a victim's position when an attack verb is near ("hackers encrypted X's servers", "X's
// network was hit"); otherwise only weak ("X's IT department thinks …", "no impact on X's operations").
const PEOPLE_DATA = withTwin(
  new RegExp(
    String.raw`^\s+(?:customer|patient|employee|user|member|client|staff|student)s?['’]?\s+(?:[\p{L}-]+\s+)?` +
      String.raw`(?:data|records|details|information|files|accounts|e-?mails?|e-?mail addresses|passwords)\b`,
    'iu',
  ),
);
/** The name owns the people's data after it: "1.9 million X customer account details stolen" (a victim's position
 *  in a sentence telling of the incident, and no adjective use). */
export const ownsData = (after: string) => PEOPLE_DATA.test(after);
const STRAY_COMMA = /^,(?=\s+(?:is|was|has|had)\s)/;
const WORD_LEAD = /^(?!(?:\p{Lu}\.){1,3},?\s)\p{Lu}/u;
/** A company's legal form as written after its name ("Inc.", "LLC", "P.A."): one source for the rules that read it. */
export const LEGAL_FORM = String.raw`P\.?A\.?|P\.?C\.?|PLLC|L\.?L\.?C\.?|LLP|L\.?P\.?|S\.?C\.?|Inc\.?|Ltd\.?|Corp\.?|plc`;
// (…and "Co.", which after a comma closes a name as they do: "X, Co., said")
const COMMA_SUFFIX = new RegExp(String.raw`,\s*(?:${LEGAL_FORM}|Co\.?)$`);
const POSSESSED = withTwin(
  new RegExp(
    // (a count between: "X's 16 clinics")
    String.raw`^['’]s?\s+(?:(?:[\p{L}-]+|\d[\d,.]*)\s+){0,2}?(?:computers?` +
      String.raw`|computer systems?|systems?|servers?|networks?|files|data(?:bases?)?|machines|website|portals?|e-?mail|IT|infrastructure|operations|records|patient records|customers|employees|accounts` +
      // …its places of care and its people: "X's hospitals diverted ambulances after the attack"
      String.raw`|hospitals|clinics|facilities|pharmacies|emergency (?:rooms|departments)|patients|members|staff` +
      // …and its premises: "Production at X' plant has been halted since the cyberattack"
      String.raw`|plants?|factor(?:y|ies)|production|manufacturing|warehouses?|stores|branches|offices)\b`,
    'iu',
  ),
);
const VERB_AFTER = withTwin(
  new RegExp(
    String.raw`^[^.;,]{0,60}?\b(?:${HIT_VERB}|encrypted|locked|down|offline` + String.raw`|infected|seized|held)\b`,
    'iu',
  ),
);
const VERB_BEFORE = withTwin(
  new RegExp(
    String.raw`\b(?:${HIT_VERB}|encrypted|encrypting|locked|seized|into|on` +
      String.raw`|took|access to)\s+(?:the\s+)?$`,
    'iu',
  ),
);
// Weaker: "X said it was hit", "X restored its systems" — also said by sources about others.
// a description set off by commas may itself hold a list: "X, a Denver company that hosts records for clinics, health
// centers and urgent-care sites in six states, said …"
// (a bare day after the verb: "said Thursday that its platform …")
const SAID_WHEN = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)`;
const LONG_APPOS = String.raw`,\s+(?:a|an|the)\s[^.;]{1,220}?,`;
const AFTER_WEAK = withTwin(
  new RegExp(
    String.raw`^(?:\s*\([^)]{1,40}\))?${PLACE_AFTER}(?:,[^,.;]{1,110},|${LONG_APPOS})?\s+` +
      String.raw`(?:(?:has|had|have|also|reportedly` +
      String.raw`|eventually|ultimately|then|later|recently|is|was|are|were|been|still|began|begun|started)\s+)*` +
      String.raw`(?:restored|struggling` +
      String.raw`|investigating (?:an?|the) (?:[\p{L}-]+ ){0,2}?(?:cyber\S*|attack|breach|incident|intrusion|hack)` +
      // a breach notice in the organisation's own voice: "X ("X," "we," or "us") is providing notice of a data
      // security incident"
      String.raw`|(?:providing|provides|provided|giving|gives|gave|issuing|issued) (?:\S+\s+){0,2}?notice ` +
      String.raw`(?:of|about|regarding) (?:an?|the|a recent)\s` +
      String.raw`|recovering|unable|disclosed (?:a|the|that it)|(?:learned|learnt|discovered|determined` +
      String.raw`|became aware) (?:on [\p{L}\d, ]{3,20} )?(?:that|of) (?:an?|the|its|their|someone|hackers|attackers` +
      String.raw`|an unauthori[sz]ed)` +
      // what an organisation does for its people after a breach: "notified patients", "warned customers that …",
      // "reset all its users' passwords"
      String.raw`|(?:reset|forced a reset of) (?:all )?(?:of )?(?:its|their) (?:[\p{L}'’-]+ ){0,2}?` +
      String.raw`(?:passwords|credentials)` +
      // (a warning to its own people about what happened, not to the public about a scam: "warned customers that")
      String.raw`|(?:warn|alert|inform|e-?mail)(?:ed|ing|s)? ` +
      String.raw`(?:all |its |their |some |affected |current and former )*` +
      String.raw`(?:patients|customers|members|employees|clients|users|staff) that` +
      String.raw`|(?:notif(?:ying|ied|ies|y)|(?:wrote|writes|writing) to` +
      String.raw`|(?:sent|sending|mailed|mailing) letters to) (?:\S+\s+){0,3}?(?:patients|customers|members` +
      String.raw`|individuals|people|employees|clients)|(?:said|says|confirmed|confirms|announced|admitted|acknowledged` +
      String.raw`|reported|disclosed|revealed` +
      String.raw`|told (?:the )?(?:federal |state |local )?[\p{L}.]+(?:\s[\p{Lu}][\p{L}.]*){0,3}` +
      String.raw`|notified)${TOLD_IN} (?:to (?:the )?[\p{L}.]+(?:\s[\p{Lu}][\p{L}.]*){0,3} )?` +
      String.raw`(?:on \w+ |${SAID_WHEN} )?(?:that )?(?:(?:some` +
      String.raw`|several|many|most|one|two|three|all|parts?) of )?(?:it|its|they|their|the (?:attack|breach` +
      String.raw`|ransomware|hack|incident|intrusion|cyber\S*)|hackers|attackers|ransomware|malware` +
      String.raw`|an? (?:cyber\S*|ransomware|malware)` +
      // …how many of its people it reached: "X told regulators that 40,000 patients were affected"
      String.raw`|(?:(?:more than|about|nearly|some|approximately|around|over|up to|almost) )?` +
      String.raw`\d[\d,.]*(?: million| thousand)? ` +
      String.raw`(?:[\p{L}-]+ )?(?:patients|customers|members|individuals|people|employees|clients|users|records)` +
      // …its people's data: "X said patients' names and addresses were copied"
      String.raw`|(?:(?:some|many|several|the) )?(?:patient|customer|member|employee|client)s?['’]? ` +
      String.raw`(?:[\p{L}-]+,? ){0,3}?(?:data|information|records|names|details)` +
      // …its own people, phished: "X said an employee fell for a phishing e-mail"
      String.raw`|(?:(?:an?|one of its|several|multiple|some|two|three|(?:some|several|two|three) of its) )?` +
      String.raw`(?:[\p{L}-]+ )?(?:employees?|staff(?: members?)?|workers?|users?)` +
      // …or its contractor's failing: "X reported that its business associate was hit"
      String.raw`|(?:[^.;]{0,60}?\b)?(?:its|their) (?:business associate|vendor|contractor|supplier|third-party)` +
      String.raw`|(?:computer |IT )?(?:systems|servers|networks) (?:at|of|across|in)))\b`,
    'iu',
  ),
);
// Its people speaking of the attack: "X officials said the attack …", "X spokesperson Jane Doe said patient data …"
const ITS_PEOPLE_SAID = withTwin(
  new RegExp(
    String.raw`^\s+(?:spokes(?:person|man|woman)|officials?|executives?|leaders(?:hip)?|administrators?|representatives?` +
      String.raw`|CEO|chief executive|president)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},?\s+(?:said|says|told|confirmed|acknowledged)` +
      // …of its own attack, not another's: "said that the ESEA hack was …" names that one
      String.raw`(?:\s+that)?\s+(?:the|its|it|an?|hackers|attackers)(?:\s+[\p{Ll}-]+){0,3}?\s+` +
      String.raw`(?:attack|breach|hack|ransomware|intrusion|incident|cyber\S*|outage)`,
    'u',
  ),
);
// The subject doing what the attack left it to do: "X diverted ambulances after a ransomware attack", "X was trying
// to return to routine operations one day after the cyberattack" (not what a speaker or helper did about it)
const SUBJECT_LEAD = /^\s*(?:(?:On|By|Since|Late|Early|Last|Earlier|This)\s[^,]{1,40},\s*)?(?:The\s+)?$/;
const AFTER_ATTACK_CLAUSE = withTwin(
  new RegExp(
    String.raw`^(?:\s+in\s+\p{Lu}[\p{L}.’'-]*)?\s+(?!(?:said|says|told|warned|urged|announced|reported|issued|released|published|advised|called|asked|helped|offered|sent)\b)` +
      String.raw`[^.;]{0,100}?\b(?:after|following|in the wake of|because of|due to|amid)\s+(?:an?|the|last week['’]s|this week['’]s|its|a suspected)\s+` +
      String.raw`(?:[\p{L}-]+\s+){0,3}?(?:${ATTACK_NOUN}|cyber\S*)`,
    'iu',
  ),
);

/** Its people speak of the attack after the name: the name owns them, it is no adjective ("X spokesperson"). */
export const peopleSpeak = (after: string) => ITS_PEOPLE_SAID.test(after);
const APPOSITIVE = withTwin(
  /^,\s+(?:a|an|the)\s+[^,.;]{2,80}?\b(?:company|firm|business|maker|provider|manufacturer|operator|utility|agency|authority|district|hospital|school|university|college|bank|retailer|studio|producer|council|city|town|county|municipality|department|chain|group|giant|conglomerate|organi[sz]ation|charity|practice|clinic|centre|center|exchange)\b/iu,
);

// Told as spared or as another matter: "no impact on X's operations", "the hacks on X were unrelated", "X was not affected".
const UNHURT_BEFORE =
  /\b(?:no (?:impact|effect) on|did not (?:hit|affect|reach)|didn['’]t (?:hit|affect|reach)|unlike|spared)\s+(?:the\s+)?$/i;
const UNHURT_AFTER =
  /^(?:['’]s?\s+[^.;]{0,40}?)?\s+(?:(?:was|were|is|are|has|have|had)\s+(?:not|never|n['’]t)\s+(?:been\s+)?(?:hit|affected|impacted|breached|compromised|involved|hurt|infected|targeted)|(?:was|were|is|are)\s+(?:unrelated|unaffected|spared))\b/i;

const FACILITIES = new RegExp(
  String.raw`\b(?:which|that|who) ` +
    String.raw`(?:runs|operates|owns|manages|includes|oversees|comprises)\b` +
    String.raw`(?![^.;]*\b(?:said|says|is|was|were|are|has|had)\b)[^.;]*$`,
  'i',
);

const MADE_TO_BEFORE = new RegExp(
  String.raw`\b(?:${ATTACK_NOUN}|virus|malware|hackers|attackers)\b[^.;]{0,80}?` +
    String.raw`\b(?:forced|forcing|caused|causing|prompted|prompting|led|leading|compelled)\s+(?:the\s+)?$`,
  'iu',
);
const MADE_TO_AFTER = new RegExp(
  String.raw`^\s+to\s+(?:(?:temporarily|immediately|briefly)\s+)?(?:shut|take|turn|close|divert|cancel|postpone|` +
    String.raw`reschedule|switch|revert|go|move|operate|rely|disconnect|suspend|isolate|pay|halt|stop)\b`,
  'i',
);
// the one helped to recover is the victim: "members were helping X recover from the attack", "assisting X after a
// cyberattack" (not the helper: "working with X" is HELPER_BEFORE)
const HELPED_BEFORE = /\b(?:help(?:s|ed|ing)?|assist(?:s|ed|ing)?|support(?:s|ed|ing)?)\s+(?:the\s+)?$/i;
const HELPED_AFTER = new RegExp(
  String.raw`^(?:\s+(?:to\s+)?(?:recover|restore|rebuild|respond|resume|get back)\b` +
    String.raw`|\s+(?:after|following|in the wake of|through|with)\s+(?:the\s+|an?\s+|its\s+)?(?:[\p{L}-]+\s+){0,2}?` +
    String.raw`(?:${ATTACK_NOUN}|cyber\S*))`,
  'iu',
);

export type Cue = 'strong' | 'weak';
/**
 * Is the name at [start, end) of the sentence in a victim's position? "strong": a position only victims take (an
 * attack on X, X was hit, X paid); "weak": one sources share (X said it…, demanded X…, X, a company, … attack).
 */
export function victimCue(sentence: string, start: number, end: number, incident: RegExp): Cue | null {
  const before = sentence.slice(Math.max(0, start - 150), start);
  // a stray comma between the sentence's subject and its verb is read past: "X Co, is investigating an attack"
  // (not after a comma before the name, where the comma closes an aside: "Y, a subsidiary of X, was hit")
  const raw = sentence.slice(end, end + 160);
  // …and the comma that closes a company suffix set off by commas: "X, Inc., reported that it was the victim …"
  // (a name of words, not of degrees and suffixes only: "D.O., P.A.")
  const closes =
    raw.startsWith(',') && COMMA_SUFFIX.test(sentence.slice(start, end)) && WORD_LEAD.test(sentence.slice(start));
  const after = STRAY_COMMA.test(raw) && !sentence.slice(0, start).includes(',') ? raw.slice(1) : raw;
  if (UNHURT_BEFORE.test(before) || UNHURT_AFTER.test(after)) return null;
  // a facility listed in what the subject runs takes none of the subject's cues: "X, which runs A, B and C, is …"
  if (FACILITIES.test(before)) return null;
  // (…read both ways, as the comma may also open an aside: "X, Inc., the business associate, reported …")
  const unclosed = closes ? raw.slice(1) : null;
  if (
    BEFORE.some((re) => re.test(before)) ||
    AFTER.some((re) => re.test(after) || (unclosed !== null && re.test(unclosed)))
  )
    return 'strong';
  // what the attack made it do: "a computer virus caused X to shut down its computers", "the attack forced X to
  // divert ambulances"
  if (MADE_TO_BEFORE.test(before) && MADE_TO_AFTER.test(after)) return 'strong';
  if (HELPED_BEFORE.test(before) && HELPED_AFTER.test(after)) return 'strong';
  // the name set off by commas after the subject it renames: "An Irish hospital, X, was hacked"
  // (a bracket holds the whole name: "(X) was hacked", not "the covered entity (CE), X, reported")
  const lead = DESCRIBED_SUBJECT.exec(sentence.slice(0, start));
  const renamed =
    lead && (!lead[0].endsWith('(') || /^\)\s/.test(after))
      ? after.replace(/^[,)]/, '').replace(RELATIVE_BEFORE_VERB, '')
      : null;
  if (renamed !== null && AFTER.some((re) => re.test(renamed))) return 'strong';
  const possessed = POSSESSED.exec(after);
  if (possessed)
    return VERB_BEFORE.test(before) || VERB_AFTER.test(after.slice(possessed[0].length)) ? 'strong' : 'weak';
  // (…and it speaks as a subject not so renamed does: "The billing firm, X, said it was hit")
  // (a long description may stand between the name and its verb: LONG_APPOS)
  const far = after.length < 160 ? after : sentence.slice(end + (after === raw ? 0 : 1), end + 300);
  if (BEFORE_WEAK.test(before) || AFTER_WEAK.test(renamed ?? far) || ITS_PEOPLE_SAID.test(after)) return 'weak';
  if (SUBJECT_LEAD.test(sentence.slice(0, start)) && AFTER_ATTACK_CLAUSE.test(after)) return 'weak';
  return APPOSITIVE.test(after) && incident.test(after) ? 'weak' : null;
}

// People: titles before or inside the name, and honorifics.
const PERSON_TITLE =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|CEO|CTO|CIO|CISO|COO|CFO|Chairman|Chairwoman|Chair|President|Vice President|VP|Mayor|Governor|Senator|Rep|Representative|Minister|Secretary|Director|Superintendent|Commissioner|Chief|Officer|Manager|Spokes(?:man|woman|person)|Researcher|Analyst|Founder|Co-founder|Head|Sheriff|Detective|Agent|Professor|Judge|Inspector|Lieutenant|Sergeant|Captain|Lord|Councillor|Councilman|Administrator|Deputy|Attorney|Prosecutor|Author|Editor|Reporter|Engineer|Expert|Consultant|Principal|Partner)\.?$/;
const PERSON_BEFORE =
  /\b(?:said|says|according to|by|told|to|via|from|reported|for|with|quoted|wrote|writes|in a statement to|interview with|speaking to|published by|reports? (?:from|by)|Mr|Mrs|Ms|Dr|Prof|CEO|CTO|CIO|CISO|chairman|president|mayor|governor|senator|minister|secretary|director|superintendent|commissioner|chief|officer|manager|spokes(?:man|woman|person)|researcher|analyst|founder|head|sheriff|detective|agent|professor|judge|inspector|expert|consultant|engineer|developer|programmer|blogger|journalist|nurse|surgeon|physician|patient|editor|reporter|author|named|dubbed|called|user|hacker|attacker|whistleblower|member|leader|lawmaker|owner|executive|official|employee|student|resident|victim)\.?\s+$/i;
const PERSON_AFTER =
  /^(?:,|\s[−–—])?\s+(?:who|a|an|the)?\s*(?:said|says|told|explained|added|noted|wrote|warned|according|(?:a|an|the|our|its) (?:[\w-]+ ){0,4}(?:researcher|analyst|expert|professor|spokes\w+|director|officer|manager|consultant|engineer|founder|executive|responder|CISO|CEO|adviser|advisor|lawyer|attorney|partner|head|chief|author|reporter|hacker|student|resident|owner|president))\b/i;

// Security vendors, research outfits and bodies quoted as sources; government agencies and police as sources.
const SOURCE_WORDS =
  /\b(?:Labs?|Security|Research|Intelligence|Threat|Threats|CERT|Talos|Unit 42|Antivirus|Anti-Virus|Cyber ?security|Forensics|Investigations?|Verizon DBIR)\b/;
// …and by name (lists/victim-source-names), folded
const sourceSets = new WeakMap<Lists, Set<string>>();
export function sourceNames(lists: Lists): Set<string> {
  let set = sourceSets.get(lists);
  if (!set) sourceSets.set(lists, (set = new Set(words(lists, 'victim-source-names').map(fold))));
  return set;
}
// Nationalities and regions used as adjectives: "European diagnostic providers", "Polish banks".
const DEMONYM = withTwin(/^(?:\p{Lu}\p{L}+\s)?\p{Lu}\p{L}+(?:ian|ean|ese|ish|ic|i|an|ch)$/u);
const VERBISH = withTwin(
  /^\s(?:was|were|is|are|has|had|have|said|says|paid|pays|suffered|confirmed|announced|became|got|did|does|will|would|could|may|might|can|must|also|and|or|to|in|on|at|of|for|by|with|from|shut|hit|took|lost|made|began|put|let|cut|kept|left|told|sent|spent|went|came|knew|saw|found|gave|fell|held|brought|thought|struck|sought|ran|won|chose|became|still|now|then|later|first|quickly|recently|eventually|reportedly|allegedly|never|not|declined|refused|that|which|who|whose|where|when|while|as|after|before|since|because|but|so|until|last|this|earlier|over|into|through|during|about|against|among|under|via|per|than|if|though|although|once|the|a|an|its|their|next|getting|being|did|\p{Ll}+n['’]t)\b/u,
);
const LOWER_AFTER = /^\s\p{Ll}/u;
const VERB_FORM_AFTER = /^\s\p{Ll}+(?:ed|s)\b/u;
/** The name qualifies the noun after it ("Central government hospitals", "Kothrud resident", "Polish banks"). */
// …a place written before "based" without its hyphen: "the Warwick based company"
// `known`: whether a word of demonym form is one (a brand may end so: "Velmurai disrupted care")
export const adjectiveUse = (name: string, after: string, known: (name: string) => boolean = () => true) =>
  PLACE_BASED.test(after) ||
  (LOWER_AFTER.test(after) &&
    !VERBISH.test(after) &&
    ((DEMONYM.test(name) && known(name)) || !VERB_FORM_AFTER.test(after)));
const PLACE_BASED = /^\sbased\s(?!(?:in|on|at|out|near|around|upon|off)\b)\p{Ll}/u;
// Common technical acronyms (protocols, devices, data kinds, attack kinds) are never the victim organisation.
const TECH_ACRONYM =
  /^(?:API|APT|ATM|ATMs|BEC|BIOS|C2|C&C|CMS|CPU|CSV|CVE|DB|DDoS|DLL|DNS|DoS|EHR|EMR|FTP|GPS|GUI|HTML|HTTP|HTTPS|IoT|IP|IT|LAN|MFA|NAS|NAT|OS|OT|PC|PCs|PDF|PHI|PII|PIN|PLC|PLCs|POS|RAT|RDP|SaaS|SCADA|SDK|SMB|SMS|SQL|SSH|SSL|SSN|TLS|TV|TVs|UDP|URL|USB|VPN|VNC|VoIP|WAN|XML|ZIP|CEO|CTO|CIO|CISO|AI|ML|ID|IDs|PR|HR|UK|US|EU|UN|CE|BA)$/;
export const techAcronym = (name: string) => TECH_ACRONYM.test(name) || /^[A-Z]{2,5}s$/.test(name);
// "Ian Vell, chief executive of …", "Dana Roe, senior security researcher with …", "Jo Park, who works …"
const PERSON_ROLE =
  /^(?:,|\s[−–—])\s+(?:(?:[\w-]+\s+){0,4}(?:researcher|analyst|expert|professor|spokes\w+|director|officer|manager|consultant|engineer|founder|executive|CISO|CEO|CTO|CIO|adviser|advisor|lawyer|attorney|partner|head|chief|author|reporter|owner|president|leader|member|secretary|chairman|chairwoman|mayor|governor)\s+(?:of|at|for|with|in)\b|who\s+(?:works|is|was|has|had|runs|leads|heads|said|says|told)\b)/i;

// Named as a helper, an addressee or a destination of the victim: "working with the NCSC and X", "reported the
// breach to X", "ambulances diverted to X and Y".
const HELPER_BEFORE = new RegExp(
  String.raw`\b(?:work(?:s|ed|ing)? (?:closely )?with|liais\w+ with` +
    String.raw`|in contact with|assisted by|supported by` +
    String.raw`|helped by|partnered with|(?:notified|informed|alerted|contacted)|report(?:ed|s|ing)? (?:it` +
    String.raw`|the (?:\w+ )?(?:attack|breach|incident)) to|(?:divert\w*|transferr\w*|redirect\w*|rerout\w*|sent` +
    String.raw`|moved) (?:[\w-]+ ){0,4}to)\s+(?:[^.;]{0,60}?(?:,|\band)\s+)?(?:the\s+)?$`,
  'i',
);
export const helperOf = (before: string) => HELPER_BEFORE.test(before);
/** The name says it helps the victim: "NHS England said it was supporting the trust". */
export const helperSays = (after: string) => HELPER_SAYS.test(after);

/** A security vendor, outlet or agency quoted as a source, by name. */
export const knownSource = (name: string, sources: Set<string>) =>
  sources.has(fold(name)) || sources.has(fold(name).replace(/^the /, ''));

const TAKEN_FROM = withTwin(
  new RegExp(
    String.raw`\b(?:money|cash|ransom|payments?|bitcoins?|funds) (?:out of|from)\s+$` +
      String.raw`|\bextort\w*\s+(?:\w+\s+)?from\s+$|\b(?:stolen|stole|taken|took|exfiltrated|leaked|obtained` +
      String.raw`|copied|downloaded|extracted|lifted|siphoned|looted|pilfered|plundered|swiped|harvested|grabbed` +
      String.raw`|(?:made|walked|ran) off with|got away with)\s+(?:[\p{L}\d,.'’-]+\s+){0,6}?from\s+$`,
    'iu',
  ),
);

// "had access to X's network", "files belonging to X": the owner of what was reached, not a person spoken to
const ACCESS_TO = /\b(?:access\s+to|belong(?:ing|s|ed)?\s+to)\s+(?:the\s+)?$/i;

/** A name that is a person, a quoted source or a technical term, judged from the name and its surroundings. */
/** `company`: a word only an organisation's name holds (lists/victim-company-words, cuesFor's `company`). */
export function notVictim(
  name: string,
  before: string,
  after: string,
  sources: Set<string>,
  company: RegExp,
  // an organisation's kind noun before "called", "named", "known as": "a web-hosting company called X" names no person
  kindCalled?: RegExp,
): boolean {
  if (knownSource(name, sources)) return true;
  if (SOURCE_WORDS.test(name)) return true;
  const words = name.split(/\s+/);
  if (words.some((w) => PERSON_TITLE.test(w))) return true;
  // "money from Disney", "extort cash from X", "data stolen from X" name the victim, not a person quoted
  if (PERSON_BEFORE.test(before) && !TAKEN_FROM.test(before) && !ACCESS_TO.test(before) && !kindCalled?.test(before))
    return true;
  if (HELPER_APPOSITIVE.test(after) || HELPER_SAYS.test(after)) return true;
  // the name of a place told as one: "a hospital in the southern German town of Wertheim"
  if (PLACE_OF.test(before)) return true;
  if (words.length >= 2 && words.length <= 3 && (PERSON_AFTER.test(after) || PERSON_ROLE.test(after)))
    return !company.test(name);
  return false;
}

// (not "the city of X", "the county of X": a city or county is a government an attack may hit)
// (…and as Romance languages write it: "la provincia de X", "della provincia di X")
const PLACE_OF = new RegExp(
  String.raw`(?:\b(?:town|village|suburb|district|region|province|island)\s+of` +
    String.raw`|(?<![\p{L}])(?:provincia|región|regione|région|comarca|distrito|distretto|ciudad|città|cidade` +
    String.raw`|ville` +
    String.raw`|comune|municipio|município|departamento|département)\s+(?:de|di|del|della|du|do|da)(?:\s+la)?)\s+$`,
  'u',
);
// A firm described as one that helps the victim: "X, a cyber security firm assisting the county, said …"
const HELPER_APPOSITIVE =
  /^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:firm|company|vendor|consultancy|contractor|specialists?|experts?)\s+(?:that\s+(?:was|is|has been)\s+)?(?:assisting|helping|hired|retained|brought in|called in|working (?:with|for))\b/i;
// …or one that says it helps the victim, named by its kind: "NHS England said it was supporting the trust"
const HELPER_SAYS = new RegExp(
  String.raw`^\s+(?:said|says|added)\s+(?:it|they)\s+(?:was|were|is|are|had been|has been|would be|will be)\s+` +
    String.raw`(?:\p{Ll}+ly\s+)?(?:supporting|helping|assisting)\s+(?:the|an?)\s+(?:[\p{L}-]+\s+){0,2}?` +
    String.raw`(?:trust|hospital|board|clinic|system|organi[sz]ation|provider|practice|company|cent(?:re|er)` +
    String.raw`|lab(?:oratory)?|authority|region|service|victim)s?\b`,
  'u',
);

const DESCRIBED_LEAD = withTwin(
  new RegExp(
    String.raw`^(?:The\s)?(?:\p{Lu}[\p{L}-]*\s)?` +
      String.raw`(?:(?!(?:according|at|with|from|by|of|to|for)\s)\p{Ll}[\p{L}-]*\s){1,4}$`,
    'u',
  ),
);

// A firm quoted for its expertise is no victim: "a principal consultant at incident-response firm Northgate Labs".
const EXPERT_SOURCE =
  /(?:\b(?:consultants?|analysts?|researchers?|experts?|professor|lecturer|fellow|investigators?)\b[^.;]{0,40}\b(?:at|of|from|with)\s+(?:[\w-]+\s+){0,3}|\b(?:security|cybersecurity|cyber-security|incident-response|threat intelligence|forensics?|consulting|analytics) (?:firm|company|vendor|provider|specialist)\s+)$/i;

/** A name placed as a quoted firm or its experts' employer: "researchers at security company X". */
export function expertAt(text: string, sents: Span[], at: number): boolean {
  const s = sentenceAt(sents, at);
  // (a firm so described as the sentence's subject speaks of itself: "Israeli forensics firm X has suffered …")
  return (
    EXPERT_SOURCE.test(text.slice(Math.max(0, at - 70), at)) && !(s && DESCRIBED_LEAD.test(text.slice(s.start, at)))
  );
}

/** The first words of the firms the text places as sources; each stays one wherever it is named again:
 *  "researchers at security company X" … "the CTO at X Labs told reporters". */
export function expertFirms(text: string, sents: Span[], runs: NameSpan[]): Set<string> {
  return new Set(runs.filter((r) => expertAt(text, sents, r.start)).map((r) => firstWord(r.name)));
}

/** A name a source's word ends or holds: "X Labs", "X Security", "X Research". */
export const sourceWorded = (name: string) => SOURCE_WORDS.test(name);

/** A name's first word, folded: the part two forms of one firm's name share ("X" and "X Labs"). */
export const firstWord = (name: string) => fold(name.split(/\s+/)[0] ?? '');
