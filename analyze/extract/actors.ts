// Groups named as the attacker: names from the group table (curated over the MISP galaxy) and names found by
// construction ("the X ransomware gang", "a group calling itself X", "X's leak site"), by canonical name.
// A name that is also a common word (Play, Royal, Nova) counts only where the text says it is a group.
import type { Actor } from '../../core/records.ts';
import type { GroupRef, Reference } from './reference.ts';
import { findGroupNames, nameKey, type GroupHit } from './groups.ts';
import { cues, LEADING, type Cues } from './actor-cues.ts';
import { withTwin } from './fastre.ts';
import { escapeRe, evidence, fold, sentenceAt, perText, type Span } from './text.ts';

const UPPER = /\p{Lu}/u;
/** Does the text around [start, end) say that the name there is a group? */
function groupContext(text: string, s: Span, start: number, end: number, c: Cues, common: boolean): boolean {
  const before = text.slice(Math.max(s.start, start - 80), start),
    after = text.slice(end, Math.min(s.end, end + 120));
  // (a word-like name is named as a group or strain only where the naming says what it names: "identified the
  // ransomware as Erebus")
  if (c.before.test(before) || c.agent.test(before) || (c.naming.test(before) && (!common || c.kindIn.test(before))))
    return true;
  if (c.possessive.test(after) || c.claims.test(after) || c.nounAfter.test(after)) return true;
  if (after.startsWith(',') && c.responsible.test(before)) return true;
  // "linked the breach at X to Scattered Spider", "appeared on the Medusa leak site"
  if (ATTRIBUTED.test(before) || (LEAK_SITE_AFTER.test(after) && THE_BEFORE.test(before))) return true;
  // the name told first, what it is after: "Known as X, the ransomware …"
  const f = c.fronted.exec(text.slice(s.start, Math.min(s.end, end + 120)));
  if (f && s.start + f[0].indexOf(f[1]!) === start) return true;
  // "the Play gang", "Nova-hackersgroep", "the Nova ransomware gang" — but "Royal Group" is a company: the noun in
  // lower case ("Ransomware" in a title-case headline is still the kind word). A kind word alone after a common word
  // is no name: "Android ransomware", "Linux malware"; after a distinctive one it is ("WannaCry ransomware").
  // …but a strain's new form is one: "a new version of the Dharma ransomware", "a variant of X Ransomware"
  const k = c.kindAfter.exec(after) ?? (common && !VERSION_OF.test(before) ? null : c.after.exec(after));
  return !!k && (!UPPER.test(k[0].trim()[0] ?? '') || /^[\s-]*(?:ransomware|RaaS)/i.test(k[0]));
}
// …or the strain a victim was hit with, named with "the": "infected with the OSIRIS ransomware" (not "Android ransomware"),
// or the attackers used: "hackers used the Dharma ransomware to encrypt …"
const VERSION_OF =
  /\b(?:(?:version|variant|strain|iteration|offshoot)\s+of\s+(?:the\s+)?|(?:infected|hit|struck|attacked|encrypted|locked)\s+(?:with|by)\s+the\s+|(?:used|using|deployed|deploying|planted|launched)\s+the\s+)$/i;

const NEXT_CAPITAL = /^\s+(\p{Lu}[\p{L}]*)/u;
const PREV_CAPITAL = /(\p{Lu}[\p{L}]*)\s+$/u;
/** Is the name at [start, end) a part of a longer proper name ("Royal Free Hospital", "Hive Social")? */
function partOfName(text: string, s: Span, start: number, end: number, c: Cues): boolean {
  const next = NEXT_CAPITAL.exec(text.slice(end, end + 30))?.[1];
  if (next && !c.after.test(' ' + next) && !c.kindAfter.test(' ' + next)) return true;
  const prev = PREV_CAPITAL.exec(text.slice(Math.max(s.start, start - 25), start))?.[1];
  // (a kind word before it is no part of a name: German capitalises "Die Hackergruppe X")
  return !!prev && !LEADING.test(prev) && !c.stop.has(fold(prev)) && !c.before.test(`${prev} `);
}

// A name found by construction: capitalised words or a word with digits ("Sc0rp10nn", "pwn0001"), up to three.
const NAME = withTwin(
  new RegExp(
    String.raw`^(?:\p{Lu}[\p{L}\p{N}$_.]*[\p{L}\p{N}$]|[\p{L}]*\d[\p{L}\p{N}_]*)` +
      String.raw`(?:[\s-](?:\p{Lu}|\d)[\p{L}\p{N}$_]*){0,2}`,
    'u',
  ),
);
// after "calling itself": the rest of the clause is the name, even with small words ("X legion Y")
const SELF = new RegExp(
  '(?:calls?|calling|named?|styl(?:e|es|ed|ing)|identif(?:y|ies|ied|ying)|describ(?:e|es|ed|ing)) ' +
    '(?:itself|themselves|himself|herself)' +
    '|se hace llamar|se fait appeler|noemt zich|autodenomina',
  'i',
);
// (a closing quote ends it: "calling itself 'X'," → X)
const CLAUSE_NAME = withTwin(
  /^(?:\p{Lu}|\d)(?:[^\s,.;:()"”’']|'(?=\p{L}))*(?:\s+(?:[^\s,.;:()"”’']|'(?=\p{L}))+){0,3}(?=["”’']?\s*(?:[,.;:()]|$))/u,
);
const QUOTED = /["“‘«]\s*$/;
const DEMONYM = withTwin(/^\p{Lu}\p{L}+(?:ian|ean|ese|ish)(?:-speaking)?$/u);
const RUN = withTwin(
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}|\d)[\p{L}\p{N}$]*` +
      // (a version is part of it: "X 3.0")
      String.raw`(?:[\s-](?:\p{Lu}|\d)[\p{L}\p{N}$]*){0,2}(?:\.\d+)*(?![\p{L}\p{N}$])`,
    'gu',
  ),
);
const TAIL_OPEN = /^[\s'’]/u;
const BY_BEFORE = /\s(?:by|to|on|of)\s+(?:the\s+)?$/;
// the attack's attribution told actively: "researchers attributed the attack on X to Y"
const ATTRIBUTED =
  /\b(?:attribut|link|tie|trac|pinn)(?:ed|es|ing)\s+(?:the|this|that|an?)\s+(?:[^.;]{0,60}?\s)?(?:attacks?|breach|intrusion|hack|cyber-?attack|incident)(?:\s+(?:on|at|against)\s+[^.;]{1,60}?)?\s+to\s+(?:the\s+)?$/i;
const LEAK_SITE_AFTER = /^\s+(?:ransomware\s+)?(?:data\s+)?leak\s+(?:site|blog|page|portal)s?\b/i;
const THE_BEFORE = /\bthe\s+$/i;
// an affiliate or the operators of a group in a sentence of an attack: "an affiliate of X is behind the attack"
const MEMBER_OF = /\b(?:an?|the)\s+(?:affiliates?|operators?)\s+of\s+(?:the\s+)?$/i;
const ATTACK_WORD = /\b(?:attack|breach|intrusion|hack|ransomware|encrypt|stole|stolen|extort|leak)/i;
// a strain named as the tool used: "threat actors using the X ransomware encrypted …"
const USING_BEFORE = /\s(?:using|used|deployed|deploying|deploy|with|via)\s+(?:the\s+)?$/;
const STRAIN_AFTER = /^\s+ransomware\b(?!\s+(?:attacks?|incidents?|outbreaks?|infections?))/;
const TITLE_CASE = withTwin(/^\p{Lu}[\p{Ll}]+(?:\s\p{Lu}\p{Ll}+){3,}/u);
const KIND_NAME = /^(?:ransomware|hackers?|group|gang|threat|cyber\w*|dark|web)$/i;

// "hackers linked to X" names the attacker; "a newcomer linked to X" a lineage
// …or the attack itself so linked: "researchers linked the attack to X"
const ATTACKERS_LINKED = new RegExp(
  String.raw`\b(?:(?:hackers|attackers|attack|breach|intrusion|incident|hack` +
    String.raw`|cyber-?criminals|criminals)\s+(?:(?:allegedly|reportedly|believed to be|thought to be|said to be)\s+)?` +
    String.raw`(?:linked|tied|connected)` +
    String.raw`|(?:linked|tied|connected|traced)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}(?:attack|breach|intrusion|hack|incident))` +
    String.raw`\s+to\s+[^.;]{0,30}$` +
    // …or likened by the attack itself or the note it left: "the attack on X bore the hallmarks of Y" (a group's code
    // that "bears the hallmarks of" another is lineage)
    String.raw`|\b(?:attack|breach|intrusion|incident|hack|ransom\s+note|note)\b[^.;]{0,60}?` +
    String.raw`\b(?:bore|bears?|had|has|showed|shows)\s+` +
    String.raw`(?:all\s+)?(?:the\s+)?(?:hallmarks|signs)\s+of\s+[^.;]{0,20}$`,
  'i',
);

interface Found {
  name: string;
  canonical: string;
  family?: string;
  start: number;
  end: number;
}

const OTHER_OBJECT = new RegExp(
  String.raw`^\s+(?:also\s+|previously\s+|once\s+)?` +
    String.raw`(?:hit|attacked|targeted|breached|struck|claimed)\s+(?:an?\s+)?` +
    String.raw`(?:another|other|different|separate|unrelated)\b`,
  'i',
);

// the article writes the word capitalised after a letter or a comma ("… said Phoenix")
const capitalisedMid = perText((text: string, first: string) =>
  new RegExp(String.raw`[\p{L},;] ${first.replace(/[$.]/g, '\\$&')}\b`, 'u').test(text),
);

// a strain never speaks: "DaVita ransomware cripples dialysis giant" names the victim that "DaVita reported …"
const speaks = perText((text: string, word: string) =>
  new RegExp(String.raw`(?<![\p{L}])${escapeRe(word)}\s+(?:has\s+|had\s+|also\s+)?${SPEECH}`, 'iu').test(text),
);
const SPEECH = String.raw`(?:said|says|reported|confirmed|announced|disclosed|notified|told|stated|acknowledged)\b`;

// a name that infects or encrypts machines is malware's: "X infected thousands of the lab's systems"
const INFECTS = new RegExp(
  String.raw`^\s+(?:has\s+|had\s+)?(?:infected|encrypted)\s+(?:[\p{L}\d,'’-]+\s+){0,4}?` +
    String.raw`(?:computers|systems|servers|machines|devices|networks|files|workstations|PCs)\b`,
  'iu',
);

/** The first word of a run past the words that open a sentence ("The X worm" → "x"). */
const firstNameWord = (run: string) => (run.split(/[\s-]/).find((w) => !LEADING.test(w)) ?? '').toLowerCase();

/** After a name: its kind word, then a verb of claiming or attacking ("… ransomware attacked the clinic"). */
function strainActs(after: string, c: Cues): boolean {
  const k = c.after.exec(after);
  return !!k && (c.claims.test(after.slice(k[0].length)) || c.strainActs.test(after.slice(k[0].length)));
}

const LEAD_WORDS = /^(?:\p{L}+\s+)*/u;
/** Names the text itself declares as groups, not in the table. */
function constructed(
  text: string,
  sents: Span[],
  c: Cues,
  places?: ReadonlyMap<string, string>,
  english?: ReadonlySet<string>,
): Found[] {
  const out: Found[] = [];
  // (a quoted name of several words is declared whole: "a gang called the 'Turkish Crime Family'")
  const ok = (name: string, s: Span, at: number, strong = false, quoted = false) => {
    const words = name.split(/[\s-]/);
    const first = words[0]!;
    const whole = quoted && /\s/.test(name);
    // (a nationality opens a description, "Russian hackers", unless a longer name holds no kind noun: "a group of
    // hackers called Turkish Crime Family", "the Syrian Electronic Army")
    const named = words.length >= 3 && !words.some((w) => c.kindOnly.test(w));
    const demonym = DEMONYM.test(first) && !whole && !named;
    if (name.length < 3 || c.stop.has(fold(first)) || KIND_NAME.test(first) || demonym) return false;
    if (c.platforms.has(fold(first)) && !whole) return false;
    if (places?.has(name) || (places?.has(first) && !whole && !named) || c.calendar.test(name)) return false;
    // a capitalised word opening the sentence is a name only if the article also capitalises it mid-sentence
    // …or, in a group's own construction, is no English word
    return at > s.start + 1 || capitalisedMid(text, first) || (strong && !english?.has(first.toLowerCase()));
  };
  const named = c.named;
  for (const s of sents) {
    // a title-case headline capitalises every word: "Hacker Group Claims Responsibility" declares no name there
    // unless a naming verb or a quote says where it starts
    const titled = TITLE_CASE.test(s.text.trim());
    // (an exec loop: matchAll would copy the long regex for every sentence)
    named.lastIndex = 0;
    if (c.cue.test(s.text))
      for (let m = named.exec(s.text); m; m = named.exec(s.text)) {
        if (!m[0]) named.lastIndex++; // (no declaration is empty: a guard, as matchAll would step on)
        const at = s.start + m.index + m[0].length;
        const rest = text.slice(at, s.end);
        if (titled && !c.declares.test(m[0])) continue;
        const self = SELF.test(m[0]);
        // "a hacking tool called X": a tool's name, not a group's
        if (!self && c.tool.test(m[0])) continue;
        const n = (self ? CLAUSE_NAME.exec(rest) : null) ?? NAME.exec(rest);
        if (n && (self || ok(n[0], s, at, false, QUOTED.test(m[0]))))
          out.push({ name: n[0], canonical: n[0], start: at, end: at + n[0].length });
      }
    const f = c.fronted.exec(s.text);
    if (f && NAME.test(f[1]!)) {
      const at = s.start + s.text.indexOf(f[1]!, f[0].length - f[0].trimStart().length);
      out.push({ name: f[1]!, canonical: f[1]!, start: at, end: at + f[1]!.length });
    }
    // "the X ransomware gang", "X's leak site" (not in title-case headlines, where every word is capitalised)
    if (titled) continue;
    RUN.lastIndex = 0; // (an exec loop: matchAll would copy the regex for every sentence)
    for (let m = RUN.exec(s.text); m; m = RUN.exec(s.text)) {
      // the cues after a name open with a space, an apostrophe or an appositive's comma; the one before it ends in
      // "by": most capitalised runs stop here
      const next = s.text[m.index + m[0].length] ?? '';
      const open = TAIL_OPEN.test(next);
      const agentBefore = BY_BEFORE.test(s.text.slice(Math.max(0, m.index - 12), m.index));
      // (a name before a hyphen qualifies what follows: "Kremlin-backed hackers")
      if ((!open && next !== ',' && !agentBefore) || next === '-') continue;
      const before70 = s.text.slice(Math.max(0, m.index - 70), m.index);
      const appos = next === ',' && (c.responsible.test(before70) || c.kindComma.test(before70));
      const after = text.slice(s.start + m.index + m[0].length, s.end);
      // (the strongest say it at the sentence's start too: "X's leak site lists …", "X posted … on its leak site",
      // "X, a ransomware gang that …")
      const strong =
        (open && (c.possessive.test(after) || c.leakAfter.test(after))) ||
        // "appeared on the Medusa leak site": the site named by its group
        (open && LEAK_SITE_AFTER.test(after) && THE_BEFORE.test(s.text.slice(Math.max(0, m.index - 5), m.index))) ||
        (next === ',' && c.kindAppos.test(after)) ||
        (open && c.copula.test(after)) ||
        // the strain as the subject of the attack: "X ransomware encrypted the servers" (not a platform: "Android
        // malware hit phones")
        (open &&
          (strainActs(after, c) || INFECTS.test(after)) &&
          !english?.has(firstNameWord(m[0])) &&
          !speaks(text, firstNameWord(m[0]))) ||
        appos;
      const declared =
        strong ||
        (open && (c.tail.test(after) || c.crimeTail.test(after))) ||
        (agentBefore &&
          (c.attackAgent.test(text.slice(Math.max(s.start, s.start + m.index - 80), s.start + m.index)) ||
            ATTRIBUTED.test(s.text.slice(0, m.index)))) ||
        (MEMBER_OF.test(s.text.slice(Math.max(0, m.index - 30), m.index)) && ATTACK_WORD.test(s.text)) ||
        // "the so-called X group"
        (open && c.soCalled.test(before70) && c.groupAfter.test(after)) ||
        // "hit by the X ransomware", "encrypted by X ransomware": the strain's name (not "the X ransomware attack")
        ((agentBefore || USING_BEFORE.test(s.text.slice(Math.max(0, m.index - 16), m.index))) &&
          STRAIN_AFTER.test(after));
      if (!declared) continue;
      const lead = LEAD_WORDS.exec(m[0])![0].split(/\s+/).filter(Boolean);
      let skip = 0;
      while (skip < lead.length && (LEADING.test(lead[skip]!) || c.stop.has(fold(lead[skip]!)))) skip++;
      const name = m[0].split(/\s+/).slice(skip).join(' ');
      const start = s.start + m.index + m[0].length - name.length;
      if (name && ok(name, s, start, strong)) out.push({ name, canonical: name, start, end: start + name.length });
    }
  }
  return out;
}

/** A group of defenders before the name ("the research group called X"); a name that is capitalised whole is
 * an organisation doing the naming ("Kelso Medical Group named the X gang"). */
function benign(before: string, c: Cues): boolean {
  const m = c.benign.exec(before);
  return !!m && !CAPITALISED_PAIR.test(m[1]!);
}
const CAPITALISED_PAIR = /^\p{Lu}\S*[\s-]+\p{Lu}/u;

const LOWER_WORDS = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\p{N}]*(?![\p{L}\p{N}])/gu;
const NAME_CHAR = /[\p{Lu}\p{N}]/u;
export function findActors(
  text: string,
  sents: Span[],
  ref: Pick<Reference, 'groups' | 'lists' | 'places'> & Partial<Pick<Reference, 'english'>>,
): Actor[] {
  const { groups, places, english } = ref;
  const c = cues(ref.lists);
  const found = new Map<string, Found>();
  // (…nor the subject of an attack on another victim: "In February, X hit another hospital")
  const attacker = (start: number, s: Span, end = start) =>
    !c.passing.test(text.slice(Math.max(s.start, start - 60), start)) &&
    !benign(text.slice(Math.max(s.start, start - 60), start), c) &&
    !OTHER_OBJECT.test(text.slice(end, Math.min(s.end, end + 80))) &&
    !(
      c.lineage.test(text.slice(Math.max(s.start, start - 70), start)) &&
      !ATTACKERS_LINKED.test(text.slice(Math.max(s.start, start - 70), start)) &&
      !ATTRIBUTED.test(text.slice(Math.max(s.start, start - 120), start))
    ) &&
    !c.otherEvent.test(text.slice(s.start, start));
  const hits: GroupHit[] = findGroupNames(groups, text);
  // a table name the article also writes in lower case is a word here ("the play was cancelled")
  let lower: Set<string> | null = null;
  const lowered = (h: GroupHit) => {
    if (h.surface.group.curated) return false;
    const toks = h.surface.toks;
    if (toks.length > 1) return text.includes(toks.join(' '));
    lower ??= new Set(text.match(LOWER_WORDS) ?? []);
    return lower.has(toks[0]!);
  };
  const confirmed = new Set<GroupRef>();
  for (const h of hits) {
    const s = sentenceAt(sents, h.start);
    // a place's name is a group's only where the text says so: "the Cuba ransomware gang"
    if (!s || !attacker(h.start, s, h.end)) continue;
    if (places?.has(text.slice(h.start, h.end)) && !c.tail.test(text.slice(h.end, h.end + 40))) continue;
    if (!h.surface.group.curated && c.kindOnly.test(h.surface.toks.join(' '))) continue;
    // a galaxy name (thousands, many of them brands or words) needs context as much as a common word does
    const strict = h.surface.common || !h.surface.group.curated || !!h.surface.group.ambiguous || lowered(h);
    // a name that is also a word is a name only as names are written: "the anonymous hacker" is no group
    // (…and a common word names one only when capitalised: "says it will not pay hackers' ransom" is no "Pay")
    if ((h.surface.group.ambiguous || h.surface.common) && !NAME_CHAR.test(text[h.start] ?? '')) continue;
    if (strict && partOfName(text, s, h.start, h.end, c)) continue;
    // a galaxy name that is a word or a platform ("Android ransomware") needs more than a kind word after it
    const word = !h.surface.group.curated && (h.surface.common || lowered(h));
    if (strict && !groupContext(text, s, h.start, h.end, c, word) && !confirmed.has(h.surface.group)) continue;
    confirmed.add(h.surface.group);
    // (one entry per group, keyed by its family; the name as the table spells the form first written)
    const family = h.surface.group.canonical,
      canonical = h.surface.written;
    const name = text.slice(h.start, h.end);
    if (!found.has(family))
      found.set(family, { name, canonical, start: h.start, end: h.end, ...(family !== canonical ? { family } : {}) });
  }
  for (const f of constructed(text, sents, c, places, english)) {
    const s = sentenceAt(sents, f.start);
    if (!s || !attacker(f.start, s, f.end)) continue;
    const k = nameKey(f.name);
    if ([...found.values()].some((x) => nameKey(x.name) === k || nameKey(x.canonical) === k)) continue;
    // a constructed name over a table name ("LockBit3.0", "a group called Phoenix") was judged as that name
    // (a table word inside a longer declared name does not judge it: "calling itself Zenith Spider")
    if (
      hits.some(
        (x) =>
          f.start < x.end &&
          x.start < f.end &&
          ((x.start <= f.start && x.end >= f.end) || found.has(x.surface.group.canonical)),
      )
    )
      continue;
    if (!found.has(f.canonical)) found.set(f.canonical, f);
  }
  // the text says no one has claimed the attack: a group named without a claim or an attack of its own is context
  const unclaimed = sents.some((s) => c.noClaim.test(s.text));
  // (any mention of it may carry the claim: "Vice Society struck X on 16 October")
  const ownAt = (start: number, end: number) => {
    const s = sentenceAt(sents, start);
    if (!s) return false;
    const before = text.slice(Math.max(s.start, start - 80), start),
      after = text.slice(end, s.end);
    return (
      c.claims.test(after) ||
      c.agent.test(before) ||
      c.possessive.test(after) ||
      c.before.test(before) ||
      c.naming.test(before)
    );
  };
  const own = (f: Found) => {
    for (let at = text.indexOf(f.name); at >= 0; at = text.indexOf(f.name, at + 1)) {
      if (ownAt(at, at + f.name.length)) return true;
    }
    return false;
  };
  // a group that denies the attack in a sentence naming it is no attacker ("the group had 'nothing to do with' it")
  const denies = (f: Found) => sents.some((s) => s.text.includes(f.name) && c.denial.test(s.text));
  return [...found.values()]
    .filter((f) => (!unclaimed || own(f)) && !denies(f))
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const s = sentenceAt(sents, f.start)!;
      const family = f.family !== undefined ? { family: f.family } : {};
      return { name: f.name, canonical: f.canonical, ...family, evidence: evidence(text, s.start, s.end) };
    });
}
