// Organisation names: capitalised word runs ("Hospital São Lucas da Serra"), trimmed of sentence words,
// and acronyms defined in the article ("All India Institute of Medical Sciences (AIIMS)").
import { commonWords, fold } from './text.ts';
import { withTwin } from './fastre.ts';
import { cardinalWord } from './numbers.ts';

export interface NameSpan {
  start: number;
  end: number;
  name: string;
}

// (a number may carry capitals: "Unity 3D Forums"; not a magnitude: "9M people", "10K records")
// (a brand may open with a small prefix: "eClinicalWorks", "iTrust"; not "mRNA", "iOS", nor the "n" of a "\\n" leaked
// into the text)
const WORD =
  String.raw`(?:(?<![\p{L}\p{M}\\])\p{Ll}{1,2}(?=\p{Lu}\p{Ll})\p{Lu}[\p{L}\p{M}'’&.-]*|\p{Lu}[\p{L}\p{M}'’&.-]*` +
  String.raw`|\d+(?:(?![KMBT](?![\p{L}\p{N}]))\p{Lu}+)?)`;
const LINK = String.raw`(?:of|for|de|da|do|das|dos|des|du|la|le|di|del|della|der|für|and|&|the|y|e|on|upon)`;
// a legal suffix after a comma stays in the name: "Uber Technologies, Inc.", "Augusta Foot & Ankle, P.C."
const RUN = withTwin(
  new RegExp(
    String.raw`${WORD}(?:[ \t]+(?:${LINK}[ \t]+)*${WORD})*` +
      String.raw`(?:,\s(?:(?:Inc|Ltd|LLC|LLP|PLLC|Corp|plc|LP)\b\.?|(?:L\.P|P\.C|P\.A|S\.C)\.))?`,
    'gu',
  ),
);
const DAY_MONTH =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b/;
const LINKS = new RegExp(String.raw`^${LINK}$`, 'u');
// Capitalised words that start sentences or titles but never start a victim's name.
const LEAD = new Set([
  'after',
  'the',
  'a',
  'an',
  'at',
  'in',
  'on',
  'of',
  'and',
  'but',
  'by',
  'for',
  'from',
  'with',
  'as',
  'when',
  'while',
  'since',
  // subordinators opening a clause: "Though Apple said …", "If Mercy Hospital pays …"
  'though',
  'although',
  'whereas',
  'if',
  'unless',
  'because',
  'before',
  'until',
  'whether',
  'unlike',
  'like',
  'both',
  'officials',
  'doctors',
  'patients',
  'staff',
  'police',
  'update',
  'meanwhile',
  'earlier',
  'last',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'new',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'according',
  'although',
  'if',
  'under',
  'how',
  'what',
  'why',
  'where',
  'who',
  'we',
  'it',
  'they',
  'he',
  'she',
  'to',
  'about',
  'once',
  'until',
  'before',
  'during',
  'private',
  'public',
  'several',
  'many',
  'some',
  'all',
  'other',
  'leading',
  'major',
  'nearby',
  'neighbouring',
  'employees',
  'customers',
  'students',
  'users',
  'residents',
  'members',
  'workers',
  'nurses',
  'visitors',
  'passengers',
  'hackers',
  'attackers',
  'researchers',
  'experts',
  'investigators',
  'authorities',
  'victims',
  'now',
  'today',
  'yesterday',
  'tonight',
  'recently',
  'separately',
  'additionally',
  'also',
  'still',
  'then',
  'so',
  'yet',
  'however',
]);

// the magnitudes that open a sentence about many things as count words do: "Dozens of clinics …"
const MAGNITUDE = /^(?:tens|scores|dozens?|hundreds?|thousands?|millions?)$/;

// "New" starts a sentence ("New ransomware…") but also names: "New Jersey Spine Center", "New York", "New Hope Clinic".
const NEW_PLACE =
  /^(?:York|Jersey|Zealand|Mexico|Hampshire|Delhi|South|Orleans|Haven|Brunswick|England|Hanover|Bedford|Britain|Westminster|Rochelle|Albany|Braunfels|Caledonia|Guinea|Plymouth|Brighton|Canaan|Castle|Lenox|Ulm|Iberia|Richmond|Milford|Bern|Albany)$/;
const ORG_WORD =
  /^(?:Hospital|Center|Centre|Clinic|Health|Healthcare|Medical|University|College|School|Schools|Bank|Group|Inc\.?|Corp\.?|Ltd\.?|LLC|Company|Trust|Authority|District|Council|Institute|Foundation|Church|Academy)$/;
function newName(words: string[]): boolean {
  if (words[0] !== 'New' || words.length < 2) return false;
  return (
    NEW_PLACE.test(words[1]!.replace(/(?:['’]s|[.,:;]+)$/u, '')) ||
    (words.length >= 3 && ORG_WORD.test(words[words.length - 1]!.replace(/[,:;]+$/, '')))
  );
}

/**
 * Capitalised runs, trimmed of leading sentence words and link words, possessive removed. `breaks` matches a
 * headline's attack word ("X Hospital Hit With Ransomware"): the run is split there and the word dropped; so is a
 * headline's people noun after an organisation word (`people`).
 */
export function nameRuns(
  text: string,
  breaks?: RegExp,
  isPlace: (name: string) => boolean = () => false,
  company?: RegExp,
  people?: RegExp,
  titles?: ReadonlySet<string>,
): NameSpan[] {
  const out: NameSpan[] = [];
  // (a line is judged once, whichever of its runs asks)
  const headlines = new Map<number, boolean>();
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const all = [...m[0].matchAll(NON_SPACE)].map((p) => ({ w: p[0], s: m!.index + p.index }));
    // a word ending a sentence ends the run: "… told ZDNet. Netflix was …" (abbreviations such as "U.S." or "Inc." do not)
    const stop = all.findIndex(
      (p, k) =>
        k < all.length - 1 &&
        SENTENCE_END.test(p.w) &&
        !/^(?:Inc|Ltd|Corp|Bros|Dept|Univ|Mass|Calif|Conn)\.$/.test(p.w),
    );
    const parts = stop >= 0 ? all.slice(0, stop + 1) : all;
    if (stop >= 0) RUN.lastIndex = all[stop + 1]!.s;
    let seg: Word[] = [];
    const from = text.lastIndexOf('\n', m.index) + 1;
    let headline = headlines.get(from);
    if (headline === undefined) headlines.set(from, (headline = titleCaseLine(text, m.index)));
    const end = (ws: Word[]) => trimmed(text, headline ? toLastHead(ws) : ws, out, isPlace, titles);
    // outside a headline, a break word inside a name that ends in a company word is the name's: "Pinnacle Claims
    // Management experienced …" (`company`: lists/victim-company-words)
    const last = parts[parts.length - 1]?.w.replace(/[,:;'’"”]+$/u, '') ?? '';
    const inName = !headline && !!company && whole(company, last);
    for (const [k, p] of parts.entries()) {
      if (inName && seg.length && k < parts.length - 1) seg.push(p);
      else if (
        (breaks && !(k > 0 && LINKS.test(parts[k - 1]!.w)) && wholeWord(breaks, p.w.replace(/[,:;'’"”]+$/u, ''))) ||
        (headline && people && seg.length && peopleAfterHead(people, seg[seg.length - 1]!.w, p.w)) ||
        // a count after a possessive is the owner's: "X's 16 clinics"
        (seg.length && /^\d/.test(p.w) && /['’]s$/u.test(seg[seg.length - 1]!.w))
      ) {
        end(seg);
        seg = [];
      } else seg.push(p);
    }
    end(seg);
  }
  return out;
}

/**
 * The name that ends a headline line after a dash or bar is the site's: "Ransomware Demanding Higher Payouts –
 * SurfWatch Labs, Inc.", "Top university under cyber-attack - BBC News". (Its other mentions still count.)
 */
export function siteName(text: string, r: NameSpan): boolean {
  let to = text.indexOf('\n', r.end);
  if (to < 0) to = text.length;
  // (the end of the line first: most names are followed by more text; a headline line is short)
  if (to - r.end > 12 || !SITE_AFTER.test(text.slice(r.end, to))) return false;
  const from = text.lastIndexOf('\n', r.start - 1) + 1;
  return r.start - from <= 240 && SITE_BEFORE.test(text.slice(from, r.start));
}
const SITE_BEFORE = /\S\s+(?:\S+\s+){2,}[–—|-]\s*$/u;
const SITE_AFTER = /^(?:,?\s*(?:Inc|Ltd|LLC|Corp|plc)\.?)?\s*$/u;

type Word = { w: string; s: number };
// a headline's people noun after a bare organisation word tells of persons, not of a name: "Hospital Employee Charged
// With Theft" (`people`: lists/victim-described-qualified, matched lower-cased)
function peopleAfterHead(people: RegExp, head: string, w: string): boolean {
  return ORG_WORD.test(head) && whole(people, w.replace(/[,:;'’"”]+$/u, '').toLowerCase());
}
// (\S+ reads alike with and without u: both halves of a surrogate pair are no space)
const NON_SPACE = /\S+/g;
const SENTENCE_END = withTwin(/(?:\p{L}{3,}|^\p{Lu}{2,})\.$/u);

const LETTER_FIRST = /^[\p{L}]/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
/** The line at `at` is a title-case headline: four words or more, nearly all capitalised, no closing stop. */
export function titleCaseLine(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at) + 1,
    to = text.indexOf('\n', at);
  const line = text.slice(from, to < 0 ? text.length : to).trim();
  if (line.length > 240 || /[.!?]["'”’]?$/.test(line)) return false;
  // (title case leaves its short function words in lower case: "Hotels in Tasmania, With Details at Risk of Theft")
  const ws = line.split(/\s+/).filter((w) => LETTER_FIRST.test(w) && !TITLE_SMALL.test(w));
  return ws.length >= 4 && ws.filter((w) => CAPITAL_FIRST.test(w)).length >= ws.length - 1;
}
const TITLE_SMALL = /^(?:a|an|the|and|but|or|nor|of|in|on|at|to|by|for|as|via|vs\.?|per|from|with)$/;
/**
 * Common words a title-case headline capitalises and the text never writes so again ("… Disrupts Patient Care",
 * "Luxury Hotels", "Third Parties"): no name.
 */
export function headlineCommon(
  text: string,
  name: string,
  at: number,
  english: ReadonlySet<string>,
  places: ReadonlyMap<string, string>,
): boolean {
  return commonWords(name, english, places) && titleCaseLine(text, at) && text.split(name).length === 2;
}
// …where a name ends at its last organisation word: "Pinewood Medical Center Enters Third Week"
function toLastHead(ws: Word[]): Word[] {
  let k = -1;
  ws.forEach((p, i) => {
    if (ORG_WORD.test(p.w.replace(/(?:['’]s)?[,:;'’"”]*$/u, ''))) k = i;
  });
  return k > 0 && k < ws.length - 1 ? ws.slice(0, k + 1) : ws;
}
const whole = (re: RegExp, w: string) => {
  const m = re.exec(w);
  return !!m && m.index === 0 && m[0].length === w.length;
};
const HAS_CAPITAL = /\p{Lu}/u;
// an all-capitals headline is read as title case: "HOSPITAL HIT BY RANSOMWARE" breaks like "Hospital Hit By Ransomware"
const wholeWord = (re: RegExp, w: string) =>
  whole(re, w) ||
  (w.length > 1 && w === w.toUpperCase() && HAS_CAPITAL.test(w) && whole(re, w[0] + w.slice(1).toLowerCase()));

// German, French and Dutch articles before a name: "Das Krankenhaus …", "Les hôpitaux …"
const ARTICLE = /^(?:der|die|das|dem|den|ein|eine|les|het|een)$/;
// Portuguese, Spanish and Italian ones also begin place names ("Los Angeles", "El Paso"): dropped unless they do
const ROMANCE_ARTICLE = /^(?:o|os|el|los|las|la|le|il|lo|gli|un|una|uno)$/;

const ELIDED = /^[Ll]['’](?=\p{Ll}|\p{Lu}{2})/u;

const NOTHING_OWNED = new RegExp(
  String.raw`^(?:\s*[,;:)]|\s+(?:on|in|at|to|for|was|were|is|are|has|had|have|said|says|which|who|after|last|this` +
    String.raw`|by|with|from)\b)`,
  'u',
);
const DOTTED_WORD = /^(?:(?:Inc|Ltd|Corp|Co|Pvt)\.|(?:\p{Lu}\.){2,}|S\.p\.A\.)$/u;
function trimmed(
  text: string,
  parts: Word[],
  out: NameSpan[],
  isPlace: (name: string) => boolean,
  titles?: ReadonlySet<string>,
): void {
  const romance = (k: number) =>
    ROMANCE_ARTICLE.test(fold(parts[k]!.w)) &&
    parts.length > k + 1 &&
    ![2, 3].some(
      (n) =>
        parts.length >= k + n &&
        isPlace(
          parts
            .slice(k, k + n)
            .map((p) => p.w)
            .join(' '),
        ),
    );
  // …and a year or a date's day before a name: "In 2016 Hollywood Presbyterian paid", "2020-02-19 Medical records"
  const glued = (p: Word) => /\d[/-]$/.test(text.slice(Math.max(0, p.s - 2), p.s));
  // a count of the organisation's own people opens no name: "Around 3,400 of X's patients", "Two of X's hospitals"
  const of = parts.findIndex((p, k) => k <= 2 && fold(p.w) === 'of');
  // (the owner is written in the possessive)
  const owner = /['’]s$/u.test(parts[parts.length - 1]?.w ?? '');
  if (of > 0 && owner && counted(fold(parts[of - 1]!.w)) && parts.length > of + 1) parts.splice(0, of + 1);
  // a person's post before the organisation: "Chief Executive of the X Health Board", "Medical Director of X,"
  // (lists/name-person-titles; a name running on may be a person's: "Co-founder of Twitter Jack Dorsey and …")
  const post = titles ? parts.findIndex((p) => fold(p.w) === 'of') : -1;
  const tail = parts[parts.length - 1];
  const closed = !!tail && /^[,;:.)]/.test(text.slice(tail.s + tail.w.length).trimStart() || '.');
  if (
    post > 0 &&
    parts.length > post + 1 &&
    (fold(parts[post + 1]!.w) === 'the' || closed || /[,;:.)]$/.test(tail!.w)) &&
    parts.slice(0, post).every((p) => titles!.has(fold(p.w)))
  )
    parts.splice(0, post + 1);
  while (
    parts.length &&
    (LEAD.has(fold(parts[0]!.w)) ||
      ARTICLE.test(fold(parts[0]!.w)) ||
      romance(0) ||
      LINKS.test(parts[0]!.w) ||
      /^(?:19|20)\d\d,?$/.test(parts[0]!.w) ||
      (/^\d+,?$/.test(parts[0]!.w) && glued(parts[0]!))) &&
    !newName(parts.map((p) => p.w))
  )
    parts.shift();
  // "… Foundation Trust on 16 October": a link word before a figure ends the name
  // …or a day or month: "Hancock Health on Thursday"
  const cut = parts.findIndex(
    (p, k) => k > 0 && LINKS.test(p.w) && (/^\d/.test(parts[k + 1]?.w ?? '') || DAY_MONTH.test(parts[k + 1]?.w ?? '')),
  );
  if (cut > 0) parts.length = cut;
  while (parts.length && LINKS.test(parts[parts.length - 1]!.w)) parts.pop();
  if (!parts.length) return;
  // a count word alone opens a sentence, never names: "Two hospitals run by X" ("Three Rivers Hospital" keeps it)
  const lone = parts.length === 1 ? fold(parts[0]!.w).replace(/[,:;]+$/, '') : '';
  if (lone && ((cardinalWord(lone) ?? 0) >= 2 || MAGNITUDE.test(lone))) return;
  // a French or Italian elided article is no part of the name: "L'hôpital de Dax", "L'ASL di Bari" (a brand that
  // writes it with a capital after it keeps it: "L'Oréal")
  const elided = ELIDED.exec(parts[0]!.w);
  if (elided) parts[0] = { w: parts[0]!.w.slice(2), s: parts[0]!.s + 2 };
  const last = parts[parts.length - 1]!;
  // trailing quotes and stops go, then a possessive: "PC’s.”" → "PC"; abbreviations keep their stops ("Inc.", "U.S.")
  const bare = last.w.replace(/[,:;"”)]+$/u, '');
  // (a possessive that owns nothing after it is the name's own: "St. Mary's on Monday", "X Children's, which …")
  const ownName =
    /['’]s$/u.test(bare) && NOTHING_OWNED.test(text.slice(last.s + bare.length, last.s + bare.length + 12));
  const lastWord = DOTTED_WORD.test(bare) || ownName ? bare : bare.replace(/\.+$/u, '').replace(/(?:['’]s|['’])$/u, '');
  const start = parts[0]!.s,
    end = last.s + lastWord.length;
  if (end > start) out.push({ start, end, name: text.slice(start, end) });
}

const counted = (w: string) =>
  /^\d[\d,.]*$/.test(w) || (cardinalWord(w) ?? 0) >= 1 || MAGNITUDE.test(w) || QUANTIFIER.test(w);
const QUANTIFIER = /^(?:half|most|all|many|several|some|none|each|both|parts?|much|majority)$/;

export interface Acronym {
  acronym: string;
  full: NameSpan;
}

const initials = (words: string[]) =>
  words
    .filter((w) => CAPITAL_FIRST.test(w))
    .map((w) => w[0])
    .join('');

// an acronym defined for words in lower case: "the covered entity (CE)", "protected health information (PHI)"
// (a possessive last word too: "the covered entity's (CE) app")
// (found from each bracketed acronym backwards: a scan from every lower-case word would cost the whole text)
const BRACKETED = /\((\p{Lu}{2,6})\)/gu;
const LOWER_BEFORE = /((?:\p{Ll}[\p{Ll}-]*(?:['’]s?)?\s+){1,6})$/u;
const ACR_LINKS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&']);

/** Acronyms the text defines for a common noun phrase: a shorthand for a description, never an organisation's name. */
export function commonAcronyms(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('(')) return out;
  for (const b of text.matchAll(BRACKETED)) {
    const m = LOWER_BEFORE.exec(text.slice(Math.max(0, b.index - 120), b.index));
    if (!m) continue;
    const acr = b[1]!;
    const words = m[1]!.trim().split(/\s+/);
    // the shortest tail of the words whose initials, link words aside, spell it
    for (let i = words.length - 1; i >= 0; i--) {
      const spelt = words
        .slice(i)
        .filter((w) => !ACR_LINKS.has(w))
        .flatMap((w) => w.replace(/['’]s?$/, '').split('-'))
        // (a hyphen closing a word leaves an empty part: "pre- and post-operative (PAPO)")
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase())
        .join('');
      if (spelt === acr) {
        out.add(acr);
        break;
      }
      if (spelt.length >= acr.length) break;
    }
  }
  return out;
}

const ACRONYM_IN_PARENS = /\(([\p{Lu}][\p{Lu}\d&-]{1,9})\)/gu;
/** "Full Name (ACR)" and "ACR (Full Name)": the shortest tail of the run whose initials spell the acronym. */
export function acronyms(text: string, runs: NameSpan[]): Acronym[] {
  const out: Acronym[] = [];
  for (const m of text.matchAll(ACRONYM_IN_PARENS)) {
    const acr = m[1]!;
    // (a run written before the brackets: one after them defines nothing, "the business associate (BA), Bay …")
    const run = runs.find((r) => r.end <= m.index && m.index - r.end < 3 && /^\s*$/.test(text.slice(r.end, m.index)));
    if (!run) continue;
    const words = [...run.name.matchAll(/\S+/gu)];
    for (let i = 0; i < words.length; i++) {
      if (!CAPITAL_FIRST.test(words[i]![0])) continue;
      const tail = words.slice(i).map((w) => w[0]);
      if (initials(tail).toUpperCase() === acr.replace(/[^A-Z]/g, '')) {
        const start = run.start + words[i]!.index;
        out.push({ acronym: acr, full: { start, end: run.end, name: text.slice(start, run.end) } });
        break;
      }
    }
  }
  return out;
}

const SHORT_FORM_IN_PARENS = /\((\p{Lu}{2,6})((?:\s+\p{Lu}[\p{L}-]+){1,3})\)/gu;
/**
 * "Azienda Sanitaria Locale Valtrebbia (ASL Valtrebbia)": a short form in brackets whose acronym stands for the full
 * name's first words and whose other words end it.
 */
export function shortForms(text: string, runs: NameSpan[]): Acronym[] {
  const out: Acronym[] = [];
  for (const m of text.matchAll(SHORT_FORM_IN_PARENS)) {
    const run = runs.find((r) => r.end <= m.index && m.index - r.end < 3 && /^\s*$/.test(text.slice(r.end, m.index)));
    if (!run) continue;
    const tail = m[2]!.trim().split(/\s+/);
    const words = run.name.split(/\s+/);
    const head = words.slice(0, words.length - tail.length);
    if (!head.length || words.slice(head.length).join(' ') !== tail.join(' ')) continue;
    if (initials(head).toUpperCase() !== m[1]) continue;
    out.push({ acronym: `${m[1]}${m[2]}`.replace(/\s+/g, ' '), full: run });
  }
  return out;
}

const SKIPPABLE = /^(?:of|and|&|the|for|de|du|des|la|le|di|del)$/i;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;
/**
 * Does an acronym abbreviate a name written elsewhere without the "(ACR)" definition? Each word of the name gives
 * a prefix of itself, link words may give nothing: "CDOT" = Colorado Department of Transportation, "ONWASA" =
 * Onslow Water and Sewer Authority.
 */
export function abbreviates(acr: string, name: string): boolean {
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(NOT_ALNUM, '').toUpperCase())
    .filter(Boolean);
  const a = acr.replace(NOT_ALNUM, '').toUpperCase();
  if (a.length < 2 || words.length < 2) return false;
  const memo = new Map<string, boolean>();
  const go = (i: number, k: number): boolean => {
    if (k === words.length) return i === a.length;
    const key = `${i}|${k}`;
    if (memo.has(key)) return memo.get(key)!;
    const w = words[k]!;
    let ok = SKIPPABLE.test(w) && go(i, k + 1);
    for (let n = 1; !ok && n <= w.length && i + n <= a.length && w[n - 1] === a[i + n - 1]; n++) ok = go(i + n, k + 1);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}
