// The cues of group names (actors.ts): regexes built once per set of word lists from data/reference/lists/group-*.
import { listRe, words, type Lists } from './lists.ts';
import { withTwins } from './fastre.ts';
import { fold } from './text.ts';

// Words that start a sentence or precede a name without being part of it.
export const LEADING =
  /^(?:The|A|An|By|From|And|Of|In|On|At|Both|Researchers|Police|Le|La|Les|El|Los|De|Het|Die|Der|Das)$/;
const QUOTE = String.raw`[\s"'‘’“”«»:–—-]*`;
const WORD_START = String.raw`(?<![\p{L}\p{N}])(?=[\p{L}])`;
const ALIAS = 'alias|handle|moniker|pseudonym';

export interface Cues {
  cue: RegExp;
  named: RegExp;
  declares: RegExp;
  /** a galaxy name that is only a kind of malware or group: "Trojan", "Worm", "Ransomware" */
  kindOnly: RegExp;
  /** a kind of malware or group named just before: "identified the ransomware as " */
  kindIn: RegExp;
  tail: RegExp;
  before: RegExp;
  naming: RegExp;
  agent: RegExp;
  after: RegExp;
  possessive: RegExp;
  claims: RegExp;
  kindAfter: RegExp;
  nounAfter: RegExp;
  stop: Set<string>;
  /** platforms a strain is named after by what it attacks: "Linux ransomware" (lists/group-platforms) */
  platforms: Set<string>;
  passing: RegExp;
  lineage: RegExp;
  otherEvent: RegExp;
  tool: RegExp;
  fronted: RegExp;
  noClaim: RegExp;
  denial: RegExp;
  crimeTail: RegExp;
  leakAfter: RegExp;
  kindAppos: RegExp;
  attackAgent: RegExp;
  responsible: RegExp;
  benign: RegExp;
  calendar: RegExp;
  kindComma: RegExp;
  copula: RegExp;
  soCalled: RegExp;
  groupAfter: RegExp;
  strainActs: RegExp;
}
const cuesCache = new WeakMap<Lists, Cues>();
// the lists one of whose words a sentence that declares a group name holds
const DECLARING = [
  'group-nouns',
  'group-kinds',
  'group-compounds',
  'group-strain-nouns',
  'group-claimed-by',
  'group-identified-as',
];

export function cues(lists: Lists): Cues {
  const hit = cuesCache.get(lists);
  if (hit) return hit;
  const src = (n: string | string[]) => listRe(lists, n).source;
  const N = src('group-nouns'),
    K = src('group-kinds'),
    V = src(['group-naming', 'group-identified-as']),
    A = src('group-agent');
  const S = src('group-strain-nouns'),
    C = src('group-compounds'),
    R = src('group-criminal-nouns');
  const of = String.raw`\s+(?:de|of|van|di|des)\s+`;
  // "ransomware gang", "grupo de hackers", "Hackersgroep", or a noun with a naming verb after it ("group … called")
  // …or a strain noun so named ("the malware, which has been dubbed X": a strain counts as the attacker's name)
  // (the naming verb names the nearest noun: "hackers attacked a hospital called X" names the hospital)
  // (…but a copula names the clause's subject: "the ransomware used in the hack is known as X")
  const nearer =
    String.raw`[^.;!?]{0,30}?\b(?:a|an|the|its|their)\s+[\p{L}-]+\s+` +
    String.raw`(?:(?!(?:is|was|are|were|be|been|being)\s)[\p{L}-]+\s+)?${V}`;
  // …the noun first, as French and Spanish write it ("le groupe ransomware X", "l'organisation criminelle X"), or
  // the members of the group so named ("les hackeurs du groupe X", "hackers from the group X")
  const kindNoun =
    String.raw`(?:(?:${K}\s+)+${N}|${N}${of}${K}|(?:${N}|${C})\s+${K}|${C}|` +
    String.raw`${K}\s+(?:du|of\s+the|from\s+the|del|della|do|da)\s+${N}|` +
    String.raw`(?:${N}|${K}|${S})(?=${QUOTE}(?!${nearer})[^.;!?]{0,30}?${V}))`;
  // (an article may come between: "calls itself the X", "known as the X")
  const naming = String.raw`(?:[^.;!?]{0,30}?${V}${QUOTE}(?:the\s+${QUOTE})?)?`;
  const c: Cues = {
    // a cheap first look: a sentence without any group word declares no name
    cue: new RegExp(`${src(DECLARING)}|${ALIAS}`, 'iu'),
    // names declared by construction: "the ransomware group X", "a group calling itself X", "alias 'X'"
    named: new RegExp(
      String.raw`${WORD_START}(?:${kindNoun}${QUOTE}${naming}|(?:${ALIAS})(?:\s+of)?${QUOTE}` +
        String.raw`|${src('group-claimed-by')}\s+(?:the\s+|el\s+|la\s+|le\s+)?(?:(?:${N})\s+)?${QUOTE}` +
        String.raw`|${src('group-identified-as')}${QUOTE})` +
        String.raw`(?=[\p{Lu}\p{N}]|\p{Ll}*\d)`,
      'giu',
    ),
    kindOnly: new RegExp(String.raw`^(?:${S}|${K}|${N})$`, 'iu'),
    kindIn: new RegExp(String.raw`(?:${S}|${K})[^.;]{0,30}$`, 'iu'),
    // a declaration that says where the name starts: a naming or claiming word, an alias mark, a quote
    declares: new RegExp(String.raw`${V}|${src('group-claimed-by')}|${ALIAS}|["“”'‘’«]`, 'iu'),
    // " ransomware gang", " hacker group" after a name, in lower case as running text writes it
    tail: new RegExp(String.raw`^\s+(?:${K}\s+)+${N}`, 'u'),
    // before a table name: "ransomware group X", "el grupo de hackers conocido como X", "the strain X", "ransomware X"
    // (the name may stand in apposition: "a relatively new gang, X, listed …")
    before: new RegExp(
      String.raw`${WORD_START}(?:(?:${K}\s+)*(?:${N}|${S})(?:${of}${K})?|${C}|ransomware)` +
        String.raw`(?:,\s*)?${QUOTE}${naming}$`,
      'iu',
    ),
    naming: new RegExp(String.raw`${WORD_START}${V}${QUOTE}$`, 'iu'),
    // …a country's possessive between: "hackers linked to North Korea's X"
    agent: new RegExp(
      String.raw`${WORD_START}${A}\s+(?:the\s+|el\s+|la\s+|le\s+|de\s+)?` +
        String.raw`(?:(?:\p{Lu}[\p{L}.]*\s+){0,2}\p{Lu}[\p{L}.]*['’]s\s+)?${QUOTE}$`,
      'iu',
    ),
    after: new RegExp(String.raw`^[\s-]*(?:${K}|${S}|RaaS)`, 'iu'),
    possessive: new RegExp(String.raw`^['’]s\s+(?:[\p{L}-]+\s+){0,2}?${src('group-leak-sites')}`, 'iu'),
    // (past an aside: "X, which has claimed 300 victims, said it was behind the attack")
    // …or an adverb: "X also leaked", "X reportedly claimed"
    claims: new RegExp(
      String.raw`^(?:,[^,.;]{1,80},)?(?:\s+(?:also|reportedly|allegedly|apparently|later|then|now))?` +
        String.raw`\s+${src('group-claims')}`,
      'iu',
    ),
    kindAfter: new RegExp(String.raw`^[\s-]*(?:(?:${K}\s+)?${N}|${C})`, 'iu'),
    // what a strain does, after its kind word: "the X worm has infected 200,000 computers"
    strainActs: new RegExp(
      String.raw`^(?:\s+(?:also|reportedly|allegedly|apparently|later|then|now))?\s+(?:${src('group-strain-acts')})`,
      'iu',
    ),
    nounAfter: new RegExp(String.raw`^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:${N}|${S})`, 'iu'),
    stop: new Set([...lists.entries()].filter(([k]) => k.startsWith('stopwords-')).flatMap(([, w]) => w.map(fold))),
    platforms: new Set(words(lists, 'group-platforms').map(fold)),
    // listed in passing, lineage and comparison, another incident: the group named there is not this attacker
    // …also a later item of the list: "groups such as Rhysida and BlackCat"
    passing: new RegExp(
      String.raw`${src('group-in-passing')}\s+(?:the\s+)?(?:[\p{L}\p{N}.-]+(?:\s+[\p{L}\p{N}.-]+)?` +
        String.raw`(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)){0,4}$`,
      'iu',
    ),
    lineage: new RegExp(String.raw`${src('group-lineage')}[^.;]{0,40}$`, 'iu'),
    otherEvent: new RegExp(String.raw`${src('group-other-event')}[^.;]{0,80}$`, 'iu'),
    // the name told first, what it is after: "Known as X, the ransomware …", "Dubbed X, the group …"
    fronted: new RegExp(
      String.raw`^${QUOTE}(?:${V})${QUOTE}([^,;.]{2,40}?)${QUOTE},\s+(?:the|a|an|this)\s+` +
        String.raw`(?:[\p{L}-]+\s+){0,2}?(?:${K}|${N}|${S})(?![\p{L}])`,
      'iu',
    ),
    noClaim: listRe(lists, 'group-no-claim', 'iu'),
    denial: listRe(lists, 'group-denials', 'iu'),
    // after an unlisted name: "the X gang", "X listed the clinic on its leak site", "X, a new ransomware operation"
    crimeTail: new RegExp(String.raw`^\s+${src('group-criminal-nouns')}`, 'u'),
    leakAfter: new RegExp(
      String.raw`^\s+(?:(?:has|had|have|also|then|later)\s+)*(?:listed|posted|added|named|published|put)\s+` +
        String.raw`[^.;]{1,80}?\s+(?:on|to)\s+(?:its|their)\s+(?:[\p{L}-]+\s+){0,2}?${src('group-leak-sites')}`,
      'iu',
    ),
    // (the apposition closes, or goes on about the group: not "In the case of X, a hacker group going by …")
    kindAppos: new RegExp(
      String.raw`^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:${K}\s+)+(?:${N}|${S})` +
        String.raw`(?:\s*(?:[,;.)]|$)|\s+(?:that|which|who|behind|known|believed|thought|linked|tied|based)(?![\p{L}]))`,
      'iu',
    ),
    calendar: new RegExp(`^(?:${listRe(lists, 'victim-calendar-words', 'u').source})$`, 'u'),
    // the name in apposition after its kind, closed by a comma: "the hacker group, X, said …"
    kindComma: new RegExp(String.raw`${WORD_START}(?:(?:${K}\s+)+(?:${N}|${S})|${N}${of}${K}|${C}|${R})\s*,\s*$`, 'iu'),
    // what it is said to be: "X is one of the more prolific ransomware gangs", "X was a hacker group" (not "X is one
    // of the agencies tracking ransomware gangs": no verb or clause between)
    copula: new RegExp(
      String.raw`^\s+(?:is|was|has\s+been)\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)` +
        String.raw`(?:(?![\p{L}-]*ing\s)(?!(?:that|which|who|of|for|with|to|on|against|by)\s)[\p{L}-]+\s+){0,3}?` +
        String.raw`(?:(?:${K}\s+)+(?:${N}|${S})|${N}${of}${K}|${C}|${R})(?![\p{L}])`,
      'iu',
    ),
    // "the so-called X group", "the self-styled X gang"
    soCalled: new RegExp(String.raw`${WORD_START}(?:${src('group-so-called')})\s+$`, 'iu'),
    groupAfter: new RegExp(String.raw`^\s+(?:(?:${K})\s+)*(?:${N})(?![\p{L}])`, 'iu'),
    // a group of defenders named: "the anti-malware research group called X" is no attacker
    benign: new RegExp(
      String.raw`${WORD_START}((?:${src('group-benign-modifiers')})[\s-]+(?:${N}))` +
        String.raw`${QUOTE}(?:${V})?${QUOTE}(?:the\s+)?$`,
      'iu',
    ),
    // "the attack was carried out by X" (an investigation is carried out by someone too: the attack noun first)
    attackAgent: new RegExp(
      String.raw`\b(?:attacks?|breach|intrusion|hack|cyber-?attack|incident)\b[^.;]{0,60}?` +
        String.raw`${src('group-attack-agents')}\s+(?:the\s+)?$`,
      'iu',
    ),
    tool: new RegExp(String.raw`\b(?:${src('group-tool-nouns')})\b`, 'iu'),
    // the group named in apposition to its role: "The group responsible, X, demanded …", "the gang behind the
    // attack, X, …"
    responsible: new RegExp(
      String.raw`${WORD_START}(?:${N}|hackers|attackers)\s+(?:responsible|behind\s+(?:the|this|it)\b[^,.;]{0,40}?)\s*,\s*$`,
      'iu',
    ),
  };
  // the cues run their plain-text twins (fastre.ts)
  cuesCache.set(lists, withTwins(c));
  return c;
}
