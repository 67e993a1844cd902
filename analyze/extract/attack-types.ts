// Attack types: every type cue (data/reference/lists/attack-*.yaml) is a candidate; features drop cues in sentences
// about another case, cues after an open question or a denial, and habits or hypotheticals; the article's types are
// the cues left. Claims count (data the gang claims to hold is a data breach); open questions do not.
import type { Actor, AttackType } from '../../core/records.ts';
import type { Span } from './text.ts';
import type { GroupRef } from './reference.ts';
import { isGeneric } from './roles.ts';
import { listRe, words, type Lists } from './lists.ts';
import { withTwin } from './fastre.ts';

// A ransom incident told as fact: a ransom word and a past event in one sentence ("the county was hit by ransomware",
// "hackers demanded two bitcoins", "the clinic paid"). What a strain does in general ("Locky asks 0.5 BTC",
// "ransomware encrypts files") is present tense and no incident; nor are conditions and advice ("if you are hit").
const RANSOM_WORD =
  /\b(?:ransomware|ransom(?:ed|s)?|extort(?:ed|ion|ing)|held (?:\w+ ){0,3}hostage|encrypted (?:its|the|their|\w+'s|\w+’s) |locked (?:up|out))\b/i;
const PAST_EVENT =
  /\b(?:was|were|has been|have been|had been|got)\s+(?:\w+\s+)?(?:hit|struck|attacked|infected|targeted|crippled|compromised|breached|hacked|encrypted|locked|held|forced|extorted|paralyzed|paralysed|disrupted|knocked|taken)\b|\b(?:hit|struck|attacked|infected|crippled|paralyzed|paralysed|disrupted|encrypted|locked|seized|demanded|paid|suffered|fell victim|refused to pay|declined to pay|decided (?:not )?to pay|agreed to pay|extorted|targeted|shut down|deployed|launched|unleashed|planted|took (?:\w+ ){0,2}offline|came under|held (?:\w+ ){0,3}hostage|blackmailed|tried to extort|attempted to (?:blackmail|extort)|(?:fell|fallen|became|was|were|been) (?:the |a )?victims? (?:of|to))\b/i;
// …or one attack named as such: "after a ransomware attack on Monday", "the cause was a ransomware incident",
// "the attack … was ransomware", "the Hive gang has claimed an attack on X", "the group started publishing files".
const NAMED_EVENT = withTwin(
  /\b(?:after|following|by|from|disclosed|confirmed|suffered|suspect(?:ed|s)? (?:is|was)|was|is|of) (?:a|an|the|its|this) (?:suspected |possible |apparent |major |massive |recent |[A-Z]\w+ )?(?:ransomware|extortion|ransom) (?:attack|incident|infection|event)\b(?!s)|\bwas ransomware\b|\b(?:ransomware|extortion) (?:group|gang|crew|operation|operators?)\b[^.]{0,60}\b(?:claimed|published|posted|listed|named|started publishing|leaked)\b|\bclaimed (?:responsibility for )?(?:an|the) attack\b|\bransomware (?:attack|incident|infection) (?:on|at|against) (?:the )?\p{Lu}/iu,
);
// Extortion without the word ransom: "the group wanted to negotiate", "threatened to publish the files".
const EXTORT_EVENT =
  /\b(?:wanted|sought|offered|tried|attempted|demanded) to negotiate\b|\bthreatened to (?:leak|publish|release|sell|dump|expose)\b|\bclaim(?:ed|ing|s)? to (?:hold|have stolen|have taken)\b/i;
const NOT_EVENT =
  /\b(?:if|whether|could|would|should|might|may|can|how to|tips?|protect|prevent|avoid|never pay|don't pay|do not pay|in the event)\b/i;

/** The article tells of an actual ransomware or extortion incident (a strain or a trend described in general does not). */
export function ransomIncident(sents: Span[]): boolean {
  return sents.some((s) => {
    const t = s.text;
    const word = RANSOM_WORD.exec(t),
      past = word && PAST_EVENT.exec(t);
    const ev = past ? [word, past] : [NAMED_EVENT.exec(t) ?? EXTORT_EVENT.exec(t)];
    if (!ev[0] || isGeneric(t)) return false;
    // a condition or a modal must come before the event ("if you are hit", "could have encrypted"); one after it
    // tells of what the attackers offered ("… which would only unlock for a payment")
    const end = Math.max(...ev.map((m) => m!.index + m![0].length));
    return !NOT_EVENT.test(t.slice(0, end));
  });
}

// A habit, a rule or a condition before the cue: "perpetrators can demand ransom payments", "if a hospital is hit",
// "monitor their accounts in case their data was compromised". ("could not" is a past inability: "files could not be
// opened"; "can confirm" is a statement: "we can now confirm that we have been the victim of a ransomware attack")
const HYPOTHETICAL = new RegExp(
  String.raw`\b(?:can(?! (?:now |also |today )?(?:confirm|say|report|reveal|share|tell|announce|update)\b)` +
    String.raw`|could(?! have| not|n't)|would(?! have)|should|might(?! have)|typically|usually|often|generally` +
    String.raw`|tend to|if|in case)\b`,
  'i',
);
const RELATIVE_END = /\b(?:who|which|that)\s+(?:had\s+|has\s+|have\s+)?$/i;
// Phishing named as advice or a risk to come is no vector: "beware of phishing", "will use it for phishing".
const FUTURE =
  /\b(?:will|won't|would|could|can|might|beware|wary|warn\w*|advis\w*|caution|alert|tips?|to conduct|risk of)\b/i;
// A demand denied or refused to talk: "not aware of a ransom demand", "will not negotiate" (not paying is no denial);
// a demand asked about: "did not say whether a ransom was demanded", "whether it received a ransom demand" (whether
// it will pay presumes one); comment withheld: "declined to comment on any ransom".
const NO_DEMAND = new RegExp(
  String.raw`\b(?:not aware of|no|never|without|den(?:y|ies|ied)) (?:\w+ ){0,2}$` +
    String.raw`|\b(?:not|never|won't` +
    String.raw`|refuses? to|refused to) $|\bwhether (?:(?!pa(?:y|id)\b)\w+ ){0,3}(?:a|any) $` +
    String.raw`|\b(?:declin\w+|refus\w+|not|n't) (?:to )?(?:comment|speak|talk) (?:on|about) (?:\w+ ){0,2}$` +
    // "has not received a ransom demand", "had not yet seen any ransom note", "did not receive any ransom demand"
    String.raw`|\b(?:not|never|n't) (?:yet )?(?:received?|gotten|got|get|seen|see|had|been sent|been given) (?:\w+ )?$` +
    // "says nothing about a ransom demand", "did not give details of any data loss or ransom demand"
    String.raw`|\b(?:nothing|no details?|no word) (?:about|of|on) (?:\w+ ){0,4}$` +
    String.raw`|\b(?:not|n't) (?:give|provide|offer|share) (?:any )?details? (?:of|about|on) (?:\w+ ){0,5}$`,
  'i',
);
// …and the demand denied after its noun, in German: "eine Lösegeldforderung sei bislang nicht bekannt", "Wir lassen
// uns nicht erpressen"
const NO_DEMAND_AFTER = /^[\p{L}\s]{0,30}?\b(?:nicht|nie) (?:bekannt|eingegangen|gestellt)\b/u;
const NOT_BLACKMAILED = /\b(?:nicht|nie|niemals) (?:\p{L}+ ){0,2}$/u;
// Ransoms in the bare plural are ransoms in general: "policy bars hospitals from paying ransoms"
const BARE_PLURAL = /\b(?:the|its|their|these|those|both|two|three|several)\s+(?:[\w-]+\s+)?$/i;
// A sum offered for sale on a forum is no demand on the victim.
const SALE = withTwin(
  new RegExp(
    String.raw`\b(?:sale|\w*sell\w*|sold|prices?|advertis\w*|buyers?|host\w*` +
      String.raw`|listed|listing` +
      String.raw`|auction\w*|bid\w*` +
      String.raw`|asking price|venta|vend\p{L}+|ofrec\p{L}+|vente|verkauf\p{L}*|verkoop)(?![\p{L}\p{N}])`,
    'iu',
  ),
);
// A strain's or a gang's habit in the simple present: "the variant exfiltrates data before locking systems".
const HABIT = /^(?:exfiltrates|steals|leaks|sells|publishes|encrypts|extorts|blackmails|demands|threatens)\b/i;
// …or a reputation: "the gang, known for demanding large ransoms, …"
const HABIT_BEFORE =
  /\b(?:exfiltrates|steals|encrypts|locks|extorts|targets)\b|\b(?:known|notorious|infamous) for (?:\w+ ){0,3}$/i;
// An expert's warning of what may follow: "the data is a cocktail for fraud and extortion", experts warn.
const WARNING = /\b(?:warn\w*|advier\w+|advirti\w+|avert\w+|warnt|waarschuw\w*)\b/i;
const TYPES = ['ransomware', 'data-breach', 'extortion', 'ddos', 'phishing', 'other'] as const;
const LIST: Record<(typeof TYPES)[number], string> = {
  ransomware: 'attack-ransomware',
  'data-breach': 'attack-data-breach',
  extortion: 'attack-extortion',
  ddos: 'attack-ddos',
  phishing: 'attack-phishing',
  other: 'attack-other',
};
/** The lists whose cues give a type (quiet.ts looks for them before the type rules run). */
export const TYPE_CUE_LISTS: readonly string[] = [...Object.values(LIST), 'attack-locked'];

export interface TypeContext {
  /** a victim was found in an incident sentence */
  incident: boolean;
  /** a ransom incident is told (ransomIncident, a ransom claim, a group named) */
  ransom: boolean;
  /** sentences of ransom sums extracted for this incident */
  demands?: string[];
  /** a ransomware gang is named as the attacker */
  gang?: boolean;
}

// Tools or exploits stolen or leaked are no data of the victim: "stolen NSA hacking tools", "a leaked exploit",
// "exploits, allegedly stolen from the agency" (the tool is the object, or the noun the participle follows).
const TOOL_TAKEN = /^(?:stole|stolen|steal\w*|leak(?:ed|s)?)$/i;
const TOOL = String.raw`(?:exploits?|tools?|cyber-?\s?weapons?|arsenal|malware)`;
const TOOL_AFTER = new RegExp(String.raw`^\s+(?:[\w.-]+\s+){0,3}?${TOOL}\b`, 'i');
const TOOL_BEFORE = new RegExp(String.raw`\b${TOOL},?\s+(?:\w+\s+)?$`, 'i');

const TIME_CLAUSE = /\b(?:after|following|since|amid|in the wake of|because of|due to)\s/gi;
function ownClause(upTo: string): string {
  let at = 0;
  for (const m of upTo.matchAll(TIME_CLAUSE)) at = m.index! + m[0].length;
  return upTo.slice(at);
}

/** Does the cue stand in a sentence about this incident, stated rather than asked, denied or supposed? */
function told(lists: Lists, s: Span, m: RegExpExecArray, type: string): boolean {
  const before = s.text.slice(0, m.index);
  // a relative clause in the past tells a fact whatever the main clause's mood:
  // "would not pay the hackers who locked …"
  const pastRelative = RELATIVE_END.test(before) && /ed\b/.test(m[0]);
  if ((HYPOTHETICAL.test(before) && !pastRelative) || HABIT.test(m[0]) || HABIT_BEFORE.test(before)) return false;
  if ((type === 'extortion' || type === 'phishing') && WARNING.test(before)) return false;
  // a question or a denial before the cue, or one that takes the cue in: "no patient or employee data was accessed"
  const upTo = s.text.slice(0, m.index + m[0].length);
  if (type === 'data-breach') {
    const toolTaken =
      TOOL_TAKEN.test(m[0]) && (TOOL_AFTER.test(s.text.slice(m.index + m[0].length)) || TOOL_BEFORE.test(before));
    if (toolTaken || listRe(lists, 'attack-generic-ransom').test(s.text)) return false;
  }
  // (an open question does not reach into a clause of time or cause: "declined to say whether it paid a ransom after
  // the ransomware attack" tells the attack)
  if (type === 'data-breach' || type === 'ransomware') return !listRe(lists, 'attack-unsure').test(ownClause(upTo));
  // (nor does a group's take from all its victims: "had earned $850,000 from their victims, who paid the ransoms")
  if (type === 'extortion') {
    if (/^ransoms$/i.test(m[0]) && !BARE_PLURAL.test(before)) return false;
    const after = s.text.slice(m.index + m[0].length);
    if (NO_DEMAND_AFTER.test(after) || (/^erpress/i.test(m[0]) && NOT_BLACKMAILED.test(before))) return false;
    return !NO_DEMAND.test(before) && !listRe(lists, ['attack-generic-ransom', 'ransom-totals']).test(s.text);
  }
  if (type === 'phishing') return !FUTURE.test(s.text);
  return true;
}

// A contrast starts a clause of its own: "X has not said whether it will pay the ransom, though it paid in an earlier
// attack" — the earlier attack is the second clause's.
const CONTRAST = /[,;]\s*(?=(?:though|although|but|while|whereas|however)\b)/gi;
// …and a fronted clause of time before "a new" incident tells the earlier one: "After the ransomware attack crippled
// X for days, a new case of a cyber attack has emerged on Y" (a dateline may open the sentence: "Leeds: After …")
const FRONTED_EARLIER = new RegExp(
  String.raw`^(?:[^,:;]{1,40}:\s+)?(?:after|following|days after|weeks after|soon after|close on the heels of)` +
    String.raw`\s[^,;]{10,200},\s+(?=(?:a|an|another)\s+(?:\w+\s+)?(?:new|fresh|second|third|further)\b)`,
  'i',
);
function clauses(s: Span): (Span & { earlier?: boolean })[] {
  const out: (Span & { earlier?: boolean })[] = [];
  let from = 0;
  const f = FRONTED_EARLIER.exec(s.text);
  if (f) {
    out.push({ start: s.start, end: s.start + f[0].length, text: f[0], earlier: true });
    from = f[0].length;
  }
  for (const m of s.text.matchAll(CONTRAST)) {
    if (m.index! < from) continue;
    out.push({ start: s.start + from, end: s.start + m.index!, text: s.text.slice(from, m.index) });
    from = m.index! + m[0].length;
  }
  out.push({ start: s.start + from, end: s.end, text: s.text.slice(from) });
  return out;
}

/** Attack types of the article's incident, from the cues of the sentences that tell it. */
export function attackTypes(sents: Span[], lists: Lists, ctx: TypeContext): AttackType[] {
  const types = new Set<AttackType>();
  const other = listRe(lists, 'impact-other-case');
  const notRansomware = listRe(lists, 'attack-not-ransomware');
  const locked = listRe(lists, 'attack-locked');
  const any = listRe(lists, [...Object.values(LIST), 'attack-not-ransomware', 'attack-locked']);
  const cueOf = Object.fromEntries(TYPES.map((t) => [t, listRe(lists, LIST[t], 'giu')]));
  let denied = false;
  // (a sentence of one clause is that clause: its cue is not looked for twice)
  const cued = sents
    .filter((x) => any.test(x.text))
    .flatMap((x) => clauses(x).map((s, _, all) => ({ s, one: all.length === 1 })));
  for (const { s, one } of cued) {
    if ((!one && !any.test(s.text)) || s.earlier || other.test(s.text) || isGeneric(s.text)) continue;
    // a sentence denying ransomware may still tell the rest: "stole patient data without encrypting any files"
    const denies = notRansomware.test(s.text);
    denied ||= denies;
    for (const t of TYPES) {
      if (types.has(t) || (denies && t === 'ransomware')) continue;
      const re = cueOf[t]!;
      re.lastIndex = 0;
      for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
        if (told(lists, s, m, t)) {
          types.add(t);
          break;
        }
      }
    }
    // systems locked until a ransom is paid: "the still-locked computers", "won't work until the region pays a ransom"
    const l = locked.exec(s.text);
    // …or where a sum paid or asked for them is read in the same sentence ("paid $20,000 to the hackers who …")
    const priced = !!ctx.demands?.some((d) => d.includes(s.text) || s.text.includes(d));
    if (l && !denies && (priced || listRe(lists, 'attack-extortion').test(s.text)) && told(lists, s, l, 'ransomware')) {
      types.add('ransomware');
    }
  }
  if (ctx.gang && !denied) types.add('ransomware');
  // (a gang's leak site selling the victim's data makes that sale a demand on it)
  if (ctx.demands?.some((d) => !SALE.test(d) || ctx.gang)) types.add('extortion');
  if (denied) types.delete('ransomware');
  if (!ctx.incident && !ctx.ransom && !types.size) return [];
  if (types.size === 0) types.add('other');
  return TYPES.filter((t) => types.has(t));
}

type Loose = GroupRef & { kind?: string; curated?: boolean };
// the table's first group of each canonical name, indexed once (the table holds thousands)
const canonicals = new WeakMap<GroupRef[], Map<string, GroupRef>>();
function byCanonical(groups: GroupRef[]): Map<string, GroupRef> {
  let m = canonicals.get(groups);
  if (!m) {
    m = new Map();
    for (const g of groups) if (!m.has(g.canonical)) m.set(g.canonical, g);
    canonicals.set(groups, m);
  }
  return m;
}
/**
 * A named attacker is a ransomware gang: the group table says so (a galaxy ransomware entry, or a curated entry not
 * listed in groups-not-ransomware), or the text calls it one where it names it.
 */
// ("a hacker group" is not one: news calls ransomware gangs so too, and `dev` labels such a gang's attack ransomware)
const OTHER_KIND = /\b(?:(?:data[- ])?extortion|data[- ]theft)\s+(?:gang|group|crew|collective|outfit|operation)s?\b/i;
const UNLIKE = /\bunlike\s+(?:most\s+|other\s+|many\s+)?ransomware\s+\w+/gi;
export function ransomwareGang(actors: Actor[], groups: GroupRef[], lists: Lists): boolean {
  const word = listRe(lists, 'attack-ransomware');
  const not = new Set(words(lists, 'groups-not-ransomware'));
  return actors.some((a) => {
    // (a group the text calls an extortion group, with no word of ransomware there, is told as such: "the
    // data-extortion gang Karakurt", "the Cl0p extortion gang")
    // (…"unlike most ransomware groups" sets it apart)
    if (OTHER_KIND.test(a.evidence.quote) && !word.test(a.evidence.quote.replace(UNLIKE, ''))) return false;
    // kind and curated come with the galaxy table (groups.ts); read loosely so a table without them still works
    const g = byCanonical(groups).get(a.family ?? a.canonical) as Loose | undefined;
    if (g?.kind === 'ransomware' || (g?.curated && !g.kind && !not.has(g.canonical))) return true;
    return word.test(a.evidence.quote);
  });
}
