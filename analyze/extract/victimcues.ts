// The word lists victim finding reads (data/reference/lists/victim-*.yaml), compiled once per loaded reference.
import { listRe, words, type Lists } from './lists.ts';
import { escapeRe, fold } from './text.ts';
import { withTwin, withTwins } from './fastre.ts';

export interface VictimCues {
  /** a healthcare head noun anywhere in a folded name */
  health: RegExp;
  /** a healthcare head noun ending a folded word: "sint-annaziekenhuis" */
  healthTail: RegExp;
  /** a health noun among the three lower-case words right before a name: "dialysis firm X", "groupe hospitalier X" */
  healthBefore: RegExp;
  /** a Romance health noun and its link right before a name: "centre hospitalier d'", "ospedale di" */
  romanceHead: RegExp;
  /** …its link alone, as written (a cheap first look) */
  romanceEnd: RegExp;
  /** a Romance health noun right before a name, no link between: "la clinique Sainte-Marthe", "el hospital X" */
  romanceBare: RegExp;
  /** a victim's position in the other languages: what stands right before the name, and right after it */
  positionBefore: RegExp;
  positionAfter: RegExp;
  /** a sentence that tells of a cyber incident, in any language the lists cover */
  incident: RegExp;
  /** a sentence that compares with another case or tells of the attacker's other victims */
  otherCase: RegExp;
  /** police, courts, regulators and ministries by name */
  authority: RegExp;
  /** a folded run ending in a noun that names no organisation ("… Act", "… Programme") */
  nonOrgLast: RegExp;
  /** a word only a company's, a body's or an institution's name holds (never a person's) */
  company: RegExp;
  /** a programme, law or event noun right after the run, which the run qualifies */
  nonOrgAfter: RegExp;
  /** a headline's attack word, which ends the name before it */
  breaks: RegExp;
  /** nouns for an organisation's people, which after its bare kind word in a headline end the name */
  people: RegExp;
  /** Romance auxiliaries and copulas right after a name: its verb (lists/victim-romance-auxiliaries) */
  romanceAux: RegExp;
  /** titles of office before "of" and the organisation served (lists/name-person-titles) */
  titles: ReadonlySet<string>;
  /** a month, weekday or holiday starting a run */
  calendar: RegExp;
  /** a date opening a run before a name: "January 19 2017 Dorset County Hospital", "Monday 3 May X" */
  dateLead: RegExp;
  peopleLead: RegExp;
  /** a German noun of the organisation's kind opening the run: "Klinikbetreiber X", "Pharmakonzern X" */
  descriptorLead: RegExp;
  /** right after a name, a construction setting it inside another: "X, part of the Y group" (victim-part-of) */
  partOf: RegExp;
  /** the data of an organisation's people before its name: "the personal details of 1,700 " (…X customers) */
  heldDataOf: RegExp;
  /** …and its people's noun right after the name; group 1 the noun */
  clienteleAfter: RegExp;
  /** a noun for patients or their medical data: such people make their organisation a healthcare one */
  healthData: RegExp;
  /** a lower-case organisational head right after a name, which the name modifies ("X County government") */
  lowerHead: RegExp;
  /** …one a place's name before it does not make its own ("a Florida school district") */
  lowerHeadNamed: RegExp;
  /** a trade name after the name, linked by "dba", "doing business as" (group 0 through the trade name's comma) */
  tradeName: RegExp;
  /** an organisation's kind noun and "called", "named" or "known as" right before a name */
  kindCalled: RegExp;
  /** a product's noun right after a name ("MongoDB databases") */
  techNoun: RegExp;
  /** the words before a publication's name: "a study published in X" */
  publishedIn: RegExp;
  toldTo: RegExp;
  /** …after a list or an acronym: "MongoDB, Hadoop and CouchDB installations", "Server Message Block (SMB) flaw" */
  techAfter: RegExp;
}

// "dialysis firm X", "hospital chain X", "les hôpitaux du groupe X": the health noun, then at most a link and an
// organisation noun, right before the name.
const ORG_LINK = 'of the|of|de|du|des|del|der';
const ORG_NOUN =
  'firm|company|group|groupe|grupo|gruppe|chain|giant|provider|operator|network|system|trust|maker' +
  '|manufacturer|centre|center|consortium|consorci|supplier|distributor|vendor|wholesaler';
// "clinics run by X", "the hospitals operated by X": the owner of health facilities is a health organisation
// the links of a Romance institution's name: "hôpital de Dax", "centre hospitalier du Rouvray", "ospedale di Lodi"
const ROMANCE_LINK = 'de|du|des|del|della|dello|di|da|do|dos|das';
// …and the organisation noun before a health adjective: "centre hospitalier", "azienda sanitaria"
const ROMANCE_ORG = 'centre|centro|groupe|groupement|complexe|institut|instituto|istituto|azienda|presidio|polo';
const RUN_BY = '(?:run|operated|owned|managed)\\s+by';

const cache = new WeakMap<Lists, VictimCues>();
const OTHER_CYBER = /^cyber-(?:es|fr|it|pt|de|nl)$/;

const byLanguage = new WeakMap<Lists, VictimCues>();
/**
 * The cues for a text's language: outside English the other languages' cyber cues of relevance.ts tell an incident
 * as well ("vol de données", "furto di dati"); English text is spared their long patterns.
 */
export function cuesFor(lists: Lists, lang: string): VictimCues {
  const c = cues(lists);
  if (lang === 'en') return c;
  let o = byLanguage.get(lists);
  if (!o) {
    const names = ['victim-incident-words', ...[...lists.keys()].filter((n) => OTHER_CYBER.test(n))];
    o = { ...c, incident: listRe(lists, names) };
    byLanguage.set(lists, o);
  }
  return o;
}

export function cues(lists: Lists): VictimCues {
  const hit = cache.get(lists);
  if (hit) return hit;
  const health = listRe(lists, 'victim-health-heads');
  const adjective = listRe(lists, 'victim-romance-adjectives').source;
  const facility = listRe(lists, 'victim-romance-facilities').source;
  const nonOrg = words(lists, 'victim-non-org-heads').map(escapeRe).join('|');
  const tech = listRe(lists, 'victim-tech-nouns', 'u').source;
  const c: VictimCues = {
    health,
    healthTail: new RegExp(String.raw`(?:${health.source})$`, 'u'),
    // (a comma may close the description: "an Irish hospital, X,")
    healthBefore: withTwin(
      new RegExp(
        // (a second health word or a Romance complement may follow: "clínica oftalmológica X", "laboratoire d'analyses X")
        // (…and a health adjective after that complement: "laboratorio de análisis clínicos X")
        String.raw`(?:${health.source})(?:\s+(?:${health.source})` +
          String.raw`|\s+(?:d['’]|(?:de|di|da|del)\s+)\p{L}+(?:\s+(?:${health.source}))?)?` +
          String.raw`(?:\s+(?:${ORG_LINK}))?(?:\s+(?:${ORG_NOUN}))?` +
          // (…or name it: "a South Korean hospital group called X", "a fertility clinic named X")
          String.raw`(?:\s+${RUN_BY}|,?\s+(?:called|named|known\s+as))?\s*$`,
        'u',
      ),
    ),
    // (an adjective may follow the noun: "centre hospitalier universitaire de", "azienda ospedaliera regionale di")
    romanceHead: new RegExp(
      String.raw`(?<![\p{L}])(?:(?:${ROMANCE_ORG})\s+)?(?:${health.source})(?:\s+(?:${adjective}))?` +
        String.raw`(?:\s+(?:${ROMANCE_LINK})\s*|\s+d')$`,
      'u',
    ),
    romanceBare: new RegExp(String.raw`(?<![\p{L}])(?:${facility})(?:\s+(?:${adjective}|${health.source}))?\s*$`, 'u'),
    romanceEnd: new RegExp(String.raw`(?:\s(?:${ROMANCE_LINK})\s*|\sd['’])$`, 'i'),
    positionBefore: new RegExp(String.raw`(?:${listRe(lists, 'victim-before-other').source})\s*$`, 'iu'),
    positionAfter: new RegExp(
      String.raw`^(?:\s*\([^)]{1,40}\))?(?:,[^,.;]{1,110},)?\s+(?:${listRe(lists, 'victim-after-other').source})`,
      'iu',
    ),
    incident: listRe(lists, 'victim-incident-words'),
    otherCase: listRe(lists, 'victim-other-case'),
    authority: listRe(lists, 'victim-authority-nouns', 'u'),
    company: new RegExp(
      String.raw`(?<![\p{L}])(?:${listRe(lists, 'victim-company-words', 'u').source})(?![\p{L}])`,
      'u',
    ),
    nonOrgLast: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${nonOrg})$`, 'u'),
    nonOrgAfter: new RegExp(
      // (…or a name coordinated with another modifier of it: "Medicare and concession card numbers")
      String.raw`^\s+(?:(?:and|or|&)\s+[\p{L}-]+\s+)?` +
        String.raw`(?:${words(lists, 'victim-modified-nouns').map(escapeRe).join('|')})(?![\p{L}\p{N}])`,
      'u',
    ),
    breaks: listRe(lists, ['victim-headline-breaks', 'name-sentence-openers'], 'u'),
    people: listRe(lists, 'victim-described-qualified', 'u'),
    romanceAux: new RegExp(
      String.raw`^\s+(?:${listRe(lists, 'victim-romance-auxiliaries', 'iu').source})(?![\p{L}])`,
      'iu',
    ),
    titles: new Set(words(lists, 'name-person-titles').map(fold)),
    calendar: new RegExp(`^${listRe(lists, 'victim-calendar-words', 'u').source}`, 'u'),
    // "20.000 Patienten der MVZ X": a count and the organisation's people before its name
    peopleLead: new RegExp(
      String.raw`^(?:[\d.,]+\s+)?(?:${listRe(lists, 'victim-people-lead', 'u').source})` +
        String.raw`\s+(?:of|der|des|von|van)\s+(?:the\s+|den\s+|de\s+|het\s+)?(?=\p{Lu})`,
      'u',
    ),
    partOf: new RegExp(String.raw`^,\s+(?:${listRe(lists, 'victim-part-of', 'iu').source})\s+(?:the\s+)?`, 'iu'),
    descriptorLead: new RegExp(
      String.raw`^\p{Lu}\p{Ll}{3,}(?:${words(lists, 'victim-descriptor-suffixes-de').map(escapeRe).join('|')})\s+(?=\p{Lu})`,
      'u',
    ),
    heldDataOf: new RegExp(
      String.raw`(?<![\p{L}])(?:${listRe(lists, 'victim-held-data', 'u').source})\s+(?:of|belonging to)\s+` +
        String.raw`(?:(?:some|about|around|roughly|nearly|almost|more than|over|up to|at least|as many as)\s+)?` +
        String.raw`(?:\d[\d.,]*(?:\s+(?:million|thousand|billion))?\s+)?(?:the\s+)?$`,
      'iu',
    ),
    clienteleAfter: new RegExp(String.raw`^['’]?\s+(${listRe(lists, 'victim-clientele', 'u').source})(?![\p{L}])`, 'u'),
    healthData: listRe(lists, 'health-data-en'),
    kindCalled: withTwin(
      new RegExp(
        String.raw`(?:${listRe(lists, ['victim-kind-nouns', 'victim-described-heads'], 'iu').source})` +
          String.raw`,?\s+(?:called|named|known\s+as|dubbed)\s+(?:the\s+)?$`,
        'iu',
      ),
    ),
    // (as written, in lower case: "X County Government" is a name of its own)
    lowerHead: new RegExp(String.raw`^[ \t]+(?:${listRe(lists, 'victim-lower-heads', 'u').source})`, 'u'),
    tradeName: withTwin(
      new RegExp(
        String.raw`^,?\s+(?:${listRe(lists, 'victim-trade-name-links', 'u').source})\s+(?:the\s+)?` +
          String.raw`[\p{Lu}\d][\p{L}\p{N}&.'’-]*` +
          String.raw`(?:\s+(?:(?:of|and|for|&|the)\s+)?[\p{Lu}\d][\p{L}\p{N}&.'’-]*){0,6},?(?=\s)`,
        'u',
      ),
    ),
    lowerHeadNamed: new RegExp(String.raw`^[ \t]+(?:${listRe(lists, 'victim-lower-heads-named', 'u').source})`, 'u'),
    dateLead: new RegExp(
      String.raw`^(?:${listRe(lists, 'victim-calendar-words', 'u').source}\s+)+` +
        String.raw`(?:\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4},?\s+)?|\d{4},?\s+)(?=\p{Lu})`,
      'u',
    ),
    techNoun: new RegExp(String.raw`^\s${tech}`, 'u'),
    // the outlet spoken to: "told Nordic Health Finance." (the name the whole object, a clause's end after it)
    toldTo: new RegExp(
      String.raw`\b(?:${listRe(lists, 'victim-told-to').source})\s+(?:the\s+)?` +
        String.raw`(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})` +
        String.raw`(?=\s*(?:[.,;:]|$|\s(?:in|on|that|last|this|after|when|via|by)\b))`,
      'gu',
    ),
    publishedIn: new RegExp(String.raw`\b(?:${listRe(lists, 'victim-publication-before').source})\s+(?:the\s+)?$`, 'i'),
    techAfter: new RegExp(
      String.raw`^(?:\s\([^)]{1,12}\)|(?:,\s\p{Lu}\S*)*,?\s(?:and|or)\s\p{Lu}\S*)` +
        String.raw`(?:\s(?:critical|known|new|remote|serious|severe|unpatched|zero-day|security))?\s${tech}`,
      'u',
    ),
  };
  // (each runs its plain-text twin: fastre.ts)
  cache.set(lists, withTwins(c));
  return c;
}

// Country names in English from the ISO region codes the runtime knows: a country is never the victim itself.
const REGION_CODES =
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW';
let countryNames: Set<string> | null = null;
function countries(): Set<string> {
  if (countryNames) return countryNames;
  const dn = new Intl.DisplayNames(['en'], { type: 'region' });
  countryNames = new Set(
    REGION_CODES.split(' ')
      .map((c) => fold(dn.of(c) ?? ''))
      .filter(Boolean),
  );
  return countryNames;
}

/** "Croatia", "the Netherlands": a country's name (places of the reference count too). */
export function isCountry(name: string): boolean {
  const bare = name.replace(/^(?:the|The)\s/, '').replace(/['’]s$/u, '');
  return countries().has(fold(bare));
}
