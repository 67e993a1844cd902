// Described victims: a healthcare organisation the text does not name, read by a small noun-phrase grammar —
// determiner, up to three modifiers, a health head noun, an organisation noun, a place: "a public hospital in the
// capital", "the regional health board", "a fertility clinic chain". Used only when no named victim is found.
import type { Lists } from './lists.ts';
import { listRe, words } from './lists.ts';
import { withTwin } from './fastre.ts';
import { escapeRe, sentenceAt, type Span } from './text.ts';
import { victimCue } from './victimroles.ts';

export interface Described {
  start: number;
  end: number;
  name: string;
  strong: boolean;
}

const OTHER_LANGS: ReadonlySet<string> = new Set(['es', 'pt', 'fr', 'it', 'de', 'nl', 'ca']);
const ORG = String.raw`(?:\s+(?:chain|group|network|trust|board|system|provider|operator))?`;
const CAPS = String.raw`\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2}`;
// a side of the place: "in northern Germany", "in south-west London", "in rural Kenya"
const SIDE =
  String.raw`(?:(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|rural|suburban` +
  String.raw`|downtown|upstate)\s+)?`;
// "in the Canadian province of Nova Scotia", "in the city of X", "in Leeds", "in the capital",
// "in the Romanian capital", "in the southern German town of X"
const UNIT =
  String.raw`${SIDE}(?:\p{Lu}[\p{L}-]*\s+)?(?:province|state|region|city|county|district|town|village)` +
  String.raw`\s+of\s+${CAPS}`;
const PLACE =
  String.raw`(?:\s+(?:in|near|outside)\s+(?:the\s+)?` +
  String.raw`(?:${UNIT}|${SIDE}${CAPS}(?:\s+(?:capital|city|region|province|state|county))?|capital` +
  String.raw`|(?:north|south|east|west)(?:\s+of\s+${CAPS})?|city|region|county|state))?`;
// modifiers: lower-case words ("public", "regional", "fertility") or a possessive place ("Moldova’s")
// …after a place or nationality that opens it: "the Kerala state health department", "the Irish health service"
// …or a lower-case possessive: "a children's hospital", "the country's largest hospital group"
// …or a country's short name among them: "a major US pharmacy chain"
const MOD = String.raw`(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:[\p{Ll}-]+(?:['’]s)?|\p{Lu}[\p{L}-]*['’]s|\p{Lu}{2,3})\s+){0,3}?`;
const OF_SEVERAL = String.raw`(?:chain|network|group|operator|owner|provider)`;
const POSSESSOR = String.raw`(?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Lu}[\p{L}-]*['’]s`;
const compiled = new WeakMap<Lists, RegExp>();

function grammar(lists: Lists): RegExp {
  let re = compiled.get(lists);
  if (!re) {
    const head = listRe(lists, 'victim-described-heads', 'u').source;
    // the heads in the plural, for a count: each word's last noun takes an s ("hospitals", "health boards")
    const heads = words(lists, 'victim-described-heads').map((w) => escapeRe(plural(w)).replace(/ /g, '\\s+'));
    // (a count opens a description of several, its head in the plural: "two hospitals in the capital")
    // (a place's possessive stands for the article: "Maryland's health department", "Costa Rica's health ministry")
    // (the head is no head before a noun it qualifies: "a hospital employee", "the clinic's patients")
    const not = String.raw`(?!['’]?s?\s+(?:${listRe(lists, 'victim-described-qualified', 'u').source})(?![\p{L}]))`;
    re = new RegExp(
      String.raw`(?<![\p{L}])(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Ii]ts)\s+(${MOD})(?:${head})${ORG}` +
        String.raw`|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal)\s+(${MOD})(?:${heads.join('|')})` +
        String.raw`|${POSSESSOR}\s+((?:[\p{Ll}-]+\s+){0,2}?)(?:${head})${ORG}` +
        // (an organisation of several: "a Riyadh-based chain of diagnostic laboratories", "an operator of clinics")
        String.raw`|(?:[Aa]n?|[Tt]he)\s+(${MOD})${OF_SEVERAL}\s+of\s+(?:[\p{Ll}-]+\s+){0,2}?(?:${heads.join('|')}))` +
        String.raw`${not}${PLACE}(?![\p{L}])`,
      'gu',
    );
    re = withTwin(re);
    compiled.set(lists, re);
  }
  return re;
}

/** The head noun in the plural: its last word, or the word before "of" ("pharmacies", "departments of health"). */
function plural(phrase: string): string {
  const ws = phrase.split(' ');
  const at = ws.indexOf('of') > 0 ? ws.indexOf('of') - 1 : ws.length - 1;
  const w = ws[at]!;
  ws[at] = /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(w) ? `${w}es` : `${w}s`;
  return ws.join(' ');
}

// words a description never holds before its head: verbs, pronouns, links and articles ("the attack on the hospital",
// "a sum the hospital says …")
const NOT_MOD =
  /\b(?:of|on|at|in|to|by|for|with|from|and|or|that|which|was|were|is|are|has|had|have|said|says|its|their|his|her|our|the|an?|attack|breach|ransomware|hack|data|patients?|staff|employees?)\s/;

// The same in the other languages the extractor reads: article, facility noun, up to two adjectives, a place
// ("un hospital público de la capital", "un ospedale della provincia di Napoli", "ein Krankenhaus in Niedersachsen").
const OTHER_LINK = String.raw`(?:de(?:\s+la)?|del|des|du|della|dello|di|da|do|das|dos|in|im|en|à|em|no|na|nel|nella)`;
const otherCompiled = new WeakMap<Lists, { head: RegExp; adjectives: RegExp; where: RegExp }>();
function otherGrammar(lists: Lists): { head: RegExp; adjectives: RegExp; where: RegExp } {
  let g = otherCompiled.get(lists);
  if (!g) {
    const det = listRe(lists, 'victim-described-determiners').source;
    const place = listRe(lists, 'victim-described-places', 'u').source;
    // (read in three steps, as a place's capitals must be told case-sensitively and the article and noun are not)
    g = {
      head: withTwin(new RegExp(String.raw`${det}\s+(?:${listRe(lists, 'victim-described-other').source})`, 'giu')),
      adjectives: new RegExp(String.raw`^(?:\s+(?:${listRe(lists, 'victim-romance-adjectives').source})){1,2}`, 'iu'),
      where: new RegExp(
        String.raw`^\s+${OTHER_LINK}\s+(?:la\s+|le\s+|l['’])?` +
          String.raw`(?:${CAPS}|(?:${place})(?:\s+(?:de|di|del|do|da)\s+${CAPS})?)`,
        'u',
      ),
    };
    otherCompiled.set(lists, g);
  }
  return g;
}

const LETTER = /\p{L}/u;
/** A description in a language other than English, in a sentence that tells of an attack, in the headline or lead:
 *  the one that says most ("Un hospital público de la capital" in the lead over "un hospital" in the headline). */
function describedOther(text: string, sents: Span[], lists: Lists, incident: RegExp): Described | null {
  const { head, adjectives, where } = otherGrammar(lists);
  let best: Described | null = null;
  const wordCount = (d: Described) => d.name.split(' ').length;
  head.lastIndex = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    let end = m.index + m[0].length;
    if (LETTER.test(text[end] ?? '')) continue;
    end += adjectives.exec(text.slice(end, end + 60))?.[0].length ?? 0;
    end += where.exec(text.slice(end, end + 80))?.[0].length ?? 0;
    const s = sentenceAt(sents, m.index);
    // (the headline's or the lead's subject, in a sentence that tells of the attack)
    if (!s || !incident.test(s.text) || (s !== sents[0] && s !== sents[1])) continue;
    const d = { start: m.index, end, name: text.slice(m.index, end).replace(/\s+/g, ' '), strong: false };
    if (!best || wordCount(d) > wordCount(best)) best = d;
  }
  return best;
}

/** The first description in a victim's position, in a sentence that tells of an attack; strong positions first. */
export function describedVictim(
  text: string,
  sents: Span[],
  lists: Lists,
  incident: RegExp,
  lang = 'en',
): Described | null {
  if (OTHER_LANGS.has(lang)) return describedOther(text, sents, lists, incident);
  const re = grammar(lists);
  const found = describedIn(text, sents, re, incident);
  return found && antecedent(text, re, found);
}

// "An NYC hospital was forced to pay … before the hospital's systems were restored": a bare definite description
// refers back to the indefinite one before it, which says more
const BARE_DEFINITE = /^[Tt]he\s+(\S+)$/;
function antecedent(text: string, re: RegExp, d: Described): Described {
  const bare = BARE_DEFINITE.exec(d.name);
  if (!bare) return d;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && m.index < d.start; m = re.exec(text)) {
    const name = m[0].replace(/\s+/g, ' ');
    if (/^[Aa]n?\s/.test(name) && name.split(' ').includes(bare[1]!)) return { ...d, name };
  }
  return d;
}

function describedIn(text: string, sents: Span[], re: RegExp, incident: RegExp): Described | null {
  let weak: Described | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[0].replace(/\s+/g, ' ');
    // "the systems of a hospital": not a description, but one may start inside it
    if (NOT_MOD.test(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '')) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const s = sentenceAt(sents, m.index);
    if (!s || !incident.test(s.text)) continue;
    const cue = victimCue(s.text, m.index - s.start, m.index + m[0].length - s.start, incident);
    const d = { start: m.index, end: m.index + m[0].length, name, strong: cue === 'strong' };
    if (d.strong) return d;
    // several described only in a victim's own position ("three hospitals held a drill" tells of none)
    if (m[2] !== undefined) continue;
    // …or the headline's or the lead's subject, or a weak position ("a hospital said its systems …")
    weak ??= cue || s === sents[0] || s === sents[1] ? d : null;
  }
  return weak;
}
