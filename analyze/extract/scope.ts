// Whether a sentence that holds a sum speaks of this incident or of another case told as background: a turn to
// another incident ("a similar case was reported…", "an earlier attack"), an earlier year, or another organisation
// as the subject of the payment ("<Other Hospital> in February was forced to pay…").
import type { Reference } from './reference.ts';
import { listRe } from './lists.ts';
import { monthNumber, tokens, type Span } from './text.ts';
import { withTwin } from './fastre.ts';

export interface Scope {
  /** names of the victims the article tells of (the incident's own organisations) */
  victims: string[];
  /** the incident's year (attack date, else publication year less one); null when unknown */
  year: number | null;
  /** the incident's month, 1–12 (attack date, else publication); null when unknown */
  month?: number | null;
  /** words of the article's lead (headline and first sentence): an organisation named there is the story's own */
  lead?: Set<string>;
  /** names of the groups the article names as attackers (the incident's own) */
  attackers?: string[];
}

const MONTH =
  String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?` +
  String.raw`|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
// A year told as the time of an event: "in 2016", "in early 2019", "in February 2016", "on March 3, 2018",
// "2017's attack".
// (and in the Romance languages: "En 2023, le centre hospitalier …", "nel 2023", "em 2023")
const WHEN = new RegExp(
  String.raw`\b(?:in|during|back in|on|en|em|nel|im Jahr)\s+` +
    String.raw`(?:(?:early|late|mid-?|the (?:spring|summer|autumn|fall|winter) of)\s*)?` +
    String.raw`(?:${MONTH}\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d\d)\b(?!\s*(?:%|per|percent))` +
    String.raw`|\b((?:19|20)\d\d)['’]s (?:attack|breach|incident)`,
  'gi',
);
// Words that name no organisation of its own inside a capitalised run (sentence-initial words, kinds of organisation).
const FILLER = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'last',
  'earlier',
  'this',
  'that',
  'and',
  'of',
  'for',
  'but',
  'after',
  'hospital',
  'hospitals',
  'medical',
  'health',
  'healthcare',
  'center',
  'centre',
  'clinic',
  'university',
  'services',
  'service',
  'system',
  'systems',
  'group',
  'inc',
  'ltd',
  'corp',
  'city',
  'county',
  'state',
  'national',
  'regional',
  'general',
  'community',
  'memorial',
  'institute',
  'care',
  'heart',
  'children',
  'st',
  'saint',
  'foundation',
]);
// Leading words that are no name: sentence openers and time adverbs.
const OPENER = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'last',
  'earlier',
  'this',
  'that',
  'but',
  'after',
  'when',
  'then',
  'however',
  'meanwhile',
  'also',
  'now',
  'today',
  'yesterday',
  'according',
  'it',
  'they',
  'he',
  'she',
  'we',
]);
// The subject run followed by the verb of a payment or demand (a time phrase may stand between).
const SUBJECT_VERB = new RegExp(
  String.raw`^(?:\s+(?:in|last|earlier|back in|on)\s+[\w ,]{1,25}?)?,?\s+` +
    String.raw`(?:was|were|had|has|have|paid|agreed|decided|chose|opted|reportedly|also|itself|eventually|ultimately` +
    String.raw`|famously|fell|received|suffered|faced)\b`,
);

interface Compiled {
  other: RegExp;
  context: RegExp;
  groups: Set<string>;
}
const compiled = new WeakMap<Reference, Compiled>();
function compile(ref: Reference): Compiled {
  let c = compiled.get(ref);
  if (c) return c;
  const groups = new Set<string>();
  for (const g of ref.groups) {
    for (const n of [g.canonical, ...g.aliases]) if (n.length > 2) groups.add(tokens(n).join(' '));
  }
  c = {
    other: listRe(ref.lists, 'ransom-other-case', 'iu'),
    context: listRe(ref.lists, 'ransom-context', 'iu'),
    groups,
  };
  compiled.set(ref, c);
  return c;
}

// Another month's case opening the sentence, its victim brought in by an indefinite article: "In March, a
// critical-access hospital in the western part of the state said it paid $95,000" (the story's own is named).
const MONTH_FIRST = new RegExp(
  String.raw`^(?:(?:Back|Earlier|Early|Late|Later)\s+)?(?:in|last)\s+(${MONTH})(?:\s+(?:19|20)\d\d)?,?\s+` +
    String.raw`(?:[\w-]+\s+){0,5}?(?:a|an|another)\s+(?:[\w-]+\s+){0,4}?` +
    String.raw`(?:hospitals?|clinics?|health (?:systems?|networks?|providers?)|practices?|providers?|insurers?` +
    String.raw`|pharmac(?:y|ies)|lab(?:oratory|oratories|s)?|compan(?:y|ies)|firms?|chains?|groups?|trusts?|schools?` +
    String.raw`|universit(?:y|ies)|retailers?|councils?|cit(?:y|ies)|banks?|manufacturers?|businesses)\b`,
  'i',
);
/** The sentence opens on a month other than the incident's and a victim not named before ("In March, a …"). */
export function otherMonth(sentence: string, month: number | null): boolean {
  if (month === null) return false;
  const m = MONTH_FIRST.exec(sentence);
  return !!m && monthNumber(m[1]!) !== month;
}

/** The sentence tells an event of a year before the incident's `year` ("In 2023, X paid …"). */
export function earlierYear(sentence: string, year: number | null): boolean {
  if (year === null) return false;
  WHEN.lastIndex = 0;
  for (let m = WHEN.exec(sentence); m; m = WHEN.exec(sentence)) if (Number(m[1] ?? m[2]) < year) return true;
  return false;
}

/**
 * Does the sum's sentence `sents[i]` (paragraph `para(i)`) tell of another case than the article's incident?
 * `at` is the sum's offset within the sentence.
 */
export function otherCase(
  sents: Span[],
  i: number,
  at: number,
  para: (i: number) => number,
  ref: Reference,
  scope: Scope,
): boolean {
  const c = compile(ref);
  const s = sents[i]!;
  // a turn to another case in this sentence, or earlier in its paragraph
  for (let j = i; j >= 0 && para(j) === para(i); j--) {
    const m = c.other.exec(sents[j]!.text);
    if (m && (j < i || m.index < at + 40)) return true;
  }
  if (earlierYear(s.text, scope.year) || otherMonth(s.text, scope.month ?? null)) return true;
  // (the lead itself is judged against the victims only)
  const own = i > 0 ? scope : { ...scope, lead: undefined };
  return (
    otherStrain(s.text, at, c, own) ||
    otherSubject(s.text, at, c, own) ||
    otherTarget(s.text, at, c, own) ||
    otherAttack(s.text, at, c, own) ||
    otherBefore(s.text, at, c, own)
  );
}

// This incident set after another organisation's: "The attack comes months after Change Healthcare paid a $22 million
// ransom" (the sum after the name is that organisation's).
const COMES_AFTER = withTwin(
  new RegExp(
    String.raw`\b(?:comes?|came|follows?|followed|arrives?|arrived)\s+(?:[\p{Ll}\d]+\s+){0,3}?` +
      String.raw`(?:after|on the heels of)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'.&-]*\s+){0,4}\p{Lu}[\p{L}’'.&-]*)`,
    'u',
  ),
);
function otherBefore(sentence: string, at: number, c: Compiled, scope: Scope): boolean {
  if (!scope.victims.length) return false;
  const m = COMES_AFTER.exec(sentence.slice(0, at));
  return !!m && foreign(m[1]!.replace(/['’]s$/, ''), c, scope);
}

// Another attack named by its victim before the sum: "In the Atlanta attack, the hackers demanded $51,000".
const NAMED_ATTACK = withTwin(
  new RegExp(
    String.raw`\b(?:[Ii]n|[Dd]uring|[Aa]fter|[Ff]rom) the ((?:\p{Lu}[\p{L}’'.&-]*\s+){1,4})` +
      String.raw`(?:ransomware\s+|cyber\s?)?(?:attack|case|incident|breach|hack)\b`,
    'u',
  ),
);
// …or by the attack's object before the sum: "He pointed to last year's attack on X, which paid a ransom of
// $250,000", "it claimed an attack on a Kolkata eye-care chain, from which it sought $1 million" (a new one, brought in
// by "a")
const ATTACK_ON = withTwin(
  new RegExp(
    String.raw`\b(?:attack|cyberattack|cyber-attack|breach|hack|intrusion)\s+(?:on|against|at)\s+` +
      String.raw`(?:((?:\p{Lu}[\p{L}’'.&-]*\s+(?:(?:of|and|de)\s+)?){0,4}\p{Lu}[\p{L}’'.&-]*)` +
      String.raw`|(?:an?|another)\s+(?!(?:\w+\s+)?(?:victims?|target)\b)([\p{L}-]+(?:\s+[\p{L}-]+){0,3}))`,
    'u',
  ),
);
// (a past told by the year: not "earlier this week", which may be this one)
const EARLIER = /\b(?:(?:last|previous|prior)\s+(?:year|spring|summer|autumn|fall|winter)|years?\s+ago|previously)\b/i;
function otherAttack(sentence: string, at: number, c: Compiled, scope: Scope): boolean {
  if (!scope.victims.length) return false;
  const m = NAMED_ATTACK.exec(sentence.slice(0, at));
  if (m && foreign(m[1]!.trim(), c, scope)) return true;
  // (told as past: an attack on another named without a time may be this one's, its victim unread)
  const o = EARLIER.test(sentence.slice(0, at)) ? ATTACK_ON.exec(sentence.slice(0, at)) : null;
  return !!o && foreign((o[1] ?? o[2]!).trim(), c, scope);
}

// The target named after the sum: "demanded $4.5 million from Colonial Pipeline".
const FROM = withTwin(/^[^.;]{0,40}?\bfrom\s+((?:\p{Lu}[\p{L}’'.&-]*\s+(?:(?:of|and|de)\s+)?)*\p{Lu}[\p{L}’'.&-]*)/u);

// …or brought in new by an indefinite article: "demanded $2 million from a dental chain in Ohio" (the article's own
// victim is already named, so "a …" is another one).
const FROM_ANOTHER =
  /^[^.;]{0,40}?\bfrom (?:an?|another) (?!(?:\w+ )?(?:victims?|target)\b)(\p{Ll}[\p{L}-]*(?: [\p{L}-]+){0,4})/u;

/** The sum is asked of or paid by an organisation named after it that is none of the victims. */
function otherTarget(sentence: string, at: number, c: Compiled, scope: Scope): boolean {
  if (!scope.victims.length) return false;
  const after = sentence.slice(at).replace(/^\S+/, '');
  const a = FROM_ANOTHER.exec(after);
  if (a && foreign(a[1]!, c, scope)) return true;
  const m = FROM.exec(after);
  return !!m && foreign(m[1]!, c, scope);
}

const NOT_CAPITAL = /[^\p{Lu}]/gu;
/** Some run of the name's words is a group's whole name ("LockBit", "Black Basta"): a word alone ("Star") is not. */
function namesGroup(ts: string[], groups: Set<string>): boolean {
  for (let i = 0; i < ts.length; i++) {
    for (let j = i + 1; j <= Math.min(ts.length, i + 4); j++) if (groups.has(ts.slice(i, j).join(' '))) return true;
  }
  return false;
}
/** A name that is no victim's, no group's and no word of the attack. */
function foreign(name: string, c: Compiled, scope: Scope): boolean {
  const victims = scope.victims;
  if (c.context.test(name)) return false;
  const own = tokens(name).filter((t) => !FILLER.has(t));
  if (!own.length || own.some((t) => scope.lead?.has(t)) || namesGroup(tokens(name), c.groups)) return false;
  const victimTokens = new Set(victims.flatMap((v) => tokens(v)));
  const initials = new Set(victims.map((v) => v.replace(NOT_CAPITAL, '').toLowerCase()));
  return !own.some((t) => victimTokens.has(t) || initials.has(t));
}

const TIME_FIRST = new RegExp(
  String.raw`^(?:(?:In|On|Last|Earlier|Back in|During|Since|Two|Three)\b[^,]{0,30},\s*` +
    String.raw`|(?:Last|Earlier this|This past) (?:year|month|week|spring|summer|autumn|fall|winter)\s+` +
    String.raw`|(?:In|Back in) (?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\s+` +
    String.raw`|(?:\w+|a) (?:years?|months?|weeks?) ago\s+)`,
);
// …unless it is the one telling: "The Daily Courier has learned that X paid …", "Reuters has reported that …"
const SOURCE_VERB =
  /^,?\s+(?:has|have|had)\s+(?:\w+\s+)?(?:learned|learnt|reported|confirmed|revealed|seen|obtained|found)\b/;
const LOWER_WORDS = /(?:^|\s)\p{Ll}{4,}/gu;
const NAME_RUN = /^(?:(?:\p{Lu}[\p{L}’'.&-]*|of|and|de)\s+)*\p{Lu}[\p{L}’'.&-]*(?=[\s,])/u;
// the verb of a strain's demand or takings after its name: "WannaCry only demanded $300 from each victim"
const STRAIN_VERB = new RegExp(
  String.raw`^\s+(?:(?:only|also|reportedly|typically|usually|famously|once)\s+)?` +
    String.raw`(?:demanded|demands|asked|asks|sought|charged|charges|collected|raked|netted|earned|made|extorted)\b`,
);
/** The sentence opens on a group or strain of the table that is not this incident's attacker, asking or taking. */
function otherStrain(sentence: string, at: number, c: Compiled, scope: Scope): boolean {
  const time = TIME_FIRST.exec(sentence)?.[0].length ?? 0;
  const run = NAME_RUN.exec(sentence.slice(time));
  if (!run || time + run[0].length >= at || !STRAIN_VERB.test(sentence.slice(time + run[0].length))) return false;
  const ts = tokens(run[0]);
  if (!namesGroup(ts, c.groups) || ts.some((t) => scope.lead?.has(t))) return false;
  const own = new Set((scope.attackers ?? []).flatMap((a) => tokens(a)));
  return !ts.some((t) => own.has(t));
}

/** The sentence opens on an organisation's name that is none of the victims, as the subject of the sum's verb. */
function otherSubject(sentence: string, at: number, c: Compiled, scope: Scope): boolean {
  if (!scope.victims.length) return false;
  // title-case headlines have no run of lower-case words to end the subject on
  if ((sentence.match(LOWER_WORDS)?.length ?? 0) < 3) return false;
  // a time told first does not hide the subject: "Last year, <Other Hospital> paid …"
  // …with or without its comma: "Last year <Other Hospital> paid …", "Two years ago <Other Hospital> paid …"
  const time = TIME_FIRST.exec(sentence)?.[0].length ?? 0;
  sentence = sentence.slice(time);
  at -= time;
  const run = NAME_RUN.exec(sentence);
  if (!run || run[0].length >= at) return false;
  const words = run[0].split(/\s+/);
  while (words.length && OPENER.has(words[0]!.toLowerCase())) words.shift();
  const rest = sentence.slice(run[0].length);
  if (words.length < 2 || !SUBJECT_VERB.test(rest) || SOURCE_VERB.test(rest)) return false;
  return foreign(words.join(' '), c, scope);
}
