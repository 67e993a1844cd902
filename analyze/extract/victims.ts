// Victims: healthcare organisations by name pattern, gazetteer names, acronyms resolved within the article,
// plus organisations of any sector (sector other) found in a victim's position (victimroles.ts) and not sources.
import type { Victim } from '../../core/records.ts';
import type { Reference, VictimRef } from './reference.ts';
import { findGazetteer, lookupName, breachListed } from './gazetteer.ts';
import { isGroupName } from './groups.ts';
import {
  commonAcronyms,
  nameRuns,
  acronyms,
  abbreviates,
  shortForms,
  headlineCommon,
  type NameSpan,
  siteName,
} from './orgnames.ts';
import { sectorOf } from './sectors.ts';
import { victimCountry } from './country-decide.ts';
import { datelinePlace } from './countries.ts';
import { englishWord, evidence, fold, sentenceAt, escapeRe, perText, type At, type Span } from './text.ts';
import {
  victimCue,
  type Cue,
  notVictim,
  techAcronym,
  adjectiveUse,
  knownSource,
  helperOf,
  helperSays,
  sourceNames,
  namesIncident,
  ownsData,
  peopleSpeak,
  expertAt,
  expertFirms,
  firstWord,
  sourceWorded,
} from './victimroles.ts';
import { cuesFor, isCountry } from './victimcues.ts';
import { decide, trackerItem, type Entity } from './victimscore.ts';
import { describedVictim } from './described.ts';
import {
  LEADIN,
  describedAfter,
  HEALTH_PLAN,
  healthAppositive,
  healthQualified,
  ownsCare,
  SUFFIX_ONLY,
  MANY,
  CARE_AT,
} from './victimdesc.ts';
import { withTwin } from './fastre.ts';

const SUBJECT_OF_ATTACK =
  /^[^,]*?(?:,[^,]{0,120},)?\s*(?:has|had|have)?\s*(?:been|was|were|is)?\s*(?:hit|targeted|attacked|struck|breached|hacked|compromised|infected|encrypted|crippled|locked|knocked|suffered|fell victim|fallen victim|has fallen victim|came under|disclosed|confirmed|detected|discovered|noticed|failed to (?:tell|notify|inform|disclose)|says|said|halted|paid|suspended|recovering)\b/;
// A department that runs services rather than enforcing or investigating: a victim in any victim's position.
const SERVICE_DEPARTMENT = /\bDepartment of (?!Justice|Homeland|Health and Human|State\b|the Treasury)|\bDepartment$/;
const COMPANY = /\b(?:Ltd|Limited|Inc|Corp|Corporation|Company|Group|plc|PLC|LLC|GmbH|AG|Pvt)\.?$/;

// Languages whose institutions put the health noun before the name: "hôpital X", "ospedale X", "clínica X".
const ROMANCE_LANGS: ReadonlySet<string> = new Set(['fr', 'es', 'it', 'pt', 'ca']);

const OWNER_BEFORE = /(?:\b(?:its|their|our)|(?<![\p{L}])\p{Ll}[\p{L}-]*['’]s)\s+$/u;
const SITE_AFTER = new RegExp(
  String.raw`^[ \t]+(?:clinic|hospital|office|location|site|branch|campus|facility|practice|surgery|cent(?:er|re)` +
    String.raw`|pharmacy|lab)s?(?![\p{L}])`,
  'u',
);
// A line of capitalised sections joined by slashes or chevrons: a page's breadcrumb trail, no sentence.
const CRUMB = String.raw`\p{Lu}[\p{L}&'’.-]*(?:[ \t]+(?:&|and|\p{Lu}[\p{L}&'’.-]*))*`;
const BREADCRUMB = new RegExp(String.raw`^[ \t]*${CRUMB}(?:[ \t]+[/›>»|][ \t]+${CRUMB})+[ \t]*$`, 'u');
function breadcrumb(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end);
  return line.length < 160 && BREADCRUMB.test(line);
}
// a description set off by commas right after a name: ", an orthopedic practice headquartered in …"
const APPOSITION = /^,\s+((?:a|an)\s+[^,]{1,60})/;
const NAME_GOES_ON = /^\s(?!(?:and|CEO|CIO|CTO|CISO|CFO|President|Chief)\b)\p{Lu}\p{Ll}/u;
const HYPHENED_COMPOUND = /^\p{Lu}\p{Ll}+-\p{L}{3,}$/u;
const SHORT_ACRONYM = /^\p{Lu}{3,6}$/u;
const NUMBERED_DISTRICT = /^\p{Lu}{2,}\s\p{Lu}\p{Ll}+\s\d{1,2}$/u;
const GERMAN_NOUN = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;
const LOWER_BEFORE = /\p{Ll}\s+$/u;
const LETTER_LAST = /\p{L}$/u;
const DUTCH_WORD = /^\p{Lu}\p{Ll}{5,}$/u;
const HAS_LETTER = /\p{L}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
// a small prefix on a common word names a product or a feature more often than an organisation: "iPhone",
// "vBulletin", "iCloud.com" (an organisation's such name comes with more words: "iTrust Wellness Group")
const PREFIXED = /^\p{Ll}{1,2}(\p{Lu}\p{Ll}+)(?:\.\p{Ll}+)?$/u;
function productName(name: string, english: ReadonlySet<string>): boolean {
  const m = PREFIXED.exec(name);
  return !!m && englishWord(english, m[1]!);
}

/**
 * `published`: the publication day (YYYY-MM-DD), which tells an earlier incident told in passing from this one.
 * `lang`: the text's language (ISO 639-1), which tells how names are written.
 */
// languages that write adjectives after the noun: a name before an auxiliary is its subject ("X fueron vendidos")
const ROMANCE = new Set(['es', 'pt', 'fr', 'it', 'ca']);

export function findVictims(
  text: string,
  sents: Span[],
  ref: Reference,
  published: string | null = null,
  lang = 'und',
  // where the text names the attacker: a place there is the attacker's, never the victim's country
  attackers: readonly At[] = [],
): Victim[] {
  const L = cuesFor(ref.lists, lang);
  const sources = sourceNames(ref.lists);
  // (the outlets people speak to in the text: never its victims, masthead lines included)
  const outlets = new Set<string>();
  L.toldTo.lastIndex = 0;
  for (let m = L.toldTo.exec(text); m; m = L.toldTo.exec(text)) outlets.add(fold(m[1]!.replace(/[.,]$/, '')));
  // (an acronym the text defines for a description is no name: "the covered entity (CE) … the CE notified")
  const common = commonAcronyms(text);
  const runs = nameRuns(text, L.breaks, (n) => ref.places.has(n), L.company, L.people, L.titles).filter(
    (r) => !common.has(r.name) && !siteName(text, r) && !dateline(text, r),
  );
  const acrs = [...acronyms(text, runs), ...shortForms(text, runs)];
  const entities = new Map<string, Entity>();
  const add = (key: string, span: NameSpan, health: boolean, vref?: VictimRef, cued = false, strong = false) => {
    const e = entities.get(key) ?? { key, ref: vref, forms: [], health: false, cued: 0, strong: [] as number[] };
    e.forms.push(span);
    e.health ||= health;
    e.ref ??= vref;
    e.cued += cued ? 1 : 0;
    if (strong) e.strong.push(span.start);
    entities.set(key, e);
  };
  // a one-word gazetteer name that starts a longer name is not that organisation ("Cerebral Palsy Foundation")
  const gaz = findGazetteer(ref.victims, text)
    .filter((h) => /\s/.test(text.slice(h.start, h.end)) || !NAME_GOES_ON.test(text.slice(h.end, h.end + 12)))
    // a breach-list name before a programme or law noun qualifies it ("the Universal Care programme")
    .filter((h) => !breachListed(h.entry) || !L.nonOrgAfter.test(text.slice(h.end, h.end + 30)))
    // a helper or a destination is named for its help ("ambulances diverted to X"), not as a victim
    .filter((h) => !helperOf(text.slice(Math.max(0, h.start - 70), h.start)));
  // a known name's position counts as any name's does ("NHS England said the attack on X …": X, not the source)
  for (const h of gaz) {
    const s = sentenceAt(sents, h.start);
    const cue = s ? victimCue(s.text, h.start - s.start, h.end - s.start, L.incident) : null;
    add(
      h.entry.name,
      { start: h.start, end: h.end, name: text.slice(h.start, h.end) },
      h.entry.sector !== 'other',
      h.entry,
      cue !== null,
      cue === 'strong',
    );
  }
  const covered = (s: NameSpan) => gaz.some((h) => s.start < h.end && h.start < s.end);
  const acrFull = new Map(acrs.map((a) => [a.acronym, a.full]));
  for (const a of acrs)
    if (!covered(a.full)) {
      const g = lookupName(ref.victims, a.full.name);
      if (g) add(g.name, a.full, g.sector !== 'other', g);
    }

  const dated = (r: NameSpan): NameSpan => {
    // (a count's digits are no part of the name of its people after them: "40,000 X patients" runs from "000")
    const m =
      L.dateLead.exec(r.name) ??
      L.peopleLead.exec(r.name) ??
      (lang === 'de' ? L.descriptorLead.exec(r.name) : null) ??
      (L.clienteleAfter.test(text.slice(r.end, r.end + 30)) ? COUNT_LEAD.exec(r.name) : null);
    return m ? { start: r.start + m[0].length, end: r.end, name: r.name.slice(m[0].length) } : r;
  };
  // an incident word in the sentence or the next, asked once per sentence (most names share a sentence)
  const told = new Map<number, boolean>();
  const toldNear = (i: number) => {
    let t = told.get(i);
    if (t === undefined) told.set(i, (t = L.incident.test(sents[i]!.text + ' ' + (sents[i + 1]?.text ?? ''))));
    return t;
  };
  // (push loops: a chain of map/flatMap over an empty list returns another kind of array, and the optimised code
  // made for the first kind is thrown away at the first text without names)
  const parts: NameSpan[] = [];
  for (const run of runs) {
    for (const p of splitCoordinated(
      placeParts(beforeTitle(basedLead(dated(run))), ref, (n) => L.health.test(n)),
      text,
    ))
      parts.push(p);
  }
  const experts = expertFirms(text, sents, parts);
  for (const run of parts) {
    // a run that ends in a defined acronym's full name is that name ("Servers of the X Institute (XI)" → "X Institute")
    const r0 = acrs.find((a) => a.full.end === run.end && a.full.start > run.start)?.full ?? run;
    // a name modifying a lower-case organisational head names that body with it: "a virus caused Licking County
    // government to shut down its computers" (not after "a": "a Florida Keys school district" describes a body in a
    // place, it does not name one)
    // (…nor a nation's: "the U.S. government", "the Saudi government" speak of the state, mostly as a source)
    // (a head a place cannot own is read after "the" only, as headlines drop articles: "London NHS hospital trust hit")
    const lead = text.slice(Math.max(0, r0.start - 20), r0.start);
    const kind = ref.placeKinds.get(r0.name);
    // (…nor a common word a line opens with: "State health agency hit")
    const headed =
      (run as Part).until === undefined &&
      !INDEFINITE_BEFORE.test(lead) &&
      kind !== 'countries' &&
      kind !== 'demonyms' &&
      !(/^\S+$/.test(r0.name) && englishWord(ref.english, r0.name));
    const lowerHead = headed
      ? (L.lowerHead.exec(text.slice(r0.end, r0.end + 50)) ??
        (!ref.places.has(r0.name) && THE_BEFORE.test(lead)
          ? L.lowerHeadNamed.exec(text.slice(r0.end, r0.end + 50))
          : null))
      : null;
    const r = lowerHead ? { ...r0, end: r0.end + lowerHead[0].length, name: r0.name + lowerHead[0] } : r0;
    if (lowerHead) LOWER_HEADED.add(r);
    // (…and its verb comes after a trade name it works under: "X Inc. dba Y, reported that it was the victim …")
    const until = (run as Part).until ?? r.end + (L.tradeName.exec(text.slice(r.end, r.end + 120))?.[0].length ?? 0);
    if (
      covered(r) ||
      // (letters glued to a dollar sign write a currency: "HK$8 million", "NZ$450,000")
      text[r.end] === '$' ||
      // (a page's trail of sections names none: "Hong Kong / Health & Environment")
      breadcrumb(text, r.start) ||
      headlineCommon(text, r.name, r.start, ref.english, ref.places) ||
      productName(r.name, ref.english)
    )
      continue;
    const f = fold(r.name);
    const full = acrFull.get(r.name);
    const named = full?.name ?? r.name;
    if (
      (L.nonOrgLast.test(f) && !HEALTH_PLAN.test(f)) ||
      REGION.test(named) ||
      r.name.split(' ').length > 9 ||
      isCountry(named)
    )
      continue;
    // "the Universal Care programme": the name qualifies a programme, a law, a report
    if (L.nonOrgAfter.test(text.slice(r.end, r.end + 30))) continue;
    // (a site of an organisation told before it: "the practice's Port Lavaca clinic", "its Elm Street hospital")
    if (OWNER_BEFORE.test(lead) && SITE_AFTER.test(text.slice(r.end, r.end + 30))) continue;
    const before = text.slice(Math.max(0, r.start - 70), r.start);
    if (L.publishedIn.test(before) || outlets.has(fold(named))) continue;
    const s = sentenceAt(sents, r.start);
    // (a firm so described as the sentence's subject speaks of itself: "Israeli forensics firm X has suffered …")
    if (expertAt(text, sents, r.start) || (experts.has(firstWord(named)) && (!L.health.test(f) || sourceWorded(named))))
      continue;
    // (the name with a Romance health noun written before it: "le centre hospitalier de Dax")
    const romance = romanceName(r);
    // (read when first asked: most names outside a health description fall to cheaper tests first)
    let cueRead: Cue | null | undefined;
    const cueOf = (): Cue | null =>
      cueRead !== undefined
        ? cueRead
        : (cueRead = s
            ? (victimCue(s.text, r.start - s.start, until - s.start, L.incident) ??
              otherCue(r, until, romance) ??
              dataCue(r, s, until) ??
              (trackerItem(text, r.start) ? 'strong' : null))
            : null);
    // (one word names one when a health noun ends a hyphened compound: "Sint-Annaziekenhuis", "Rhein-Klinikum")
    // …or ends a Dutch word written with a capital inside a sentence, as Dutch writes only names: "het Maasziekenhuis"
    const healthName =
      L.health.test(fold(named)) &&
      (/\s/.test(named) ||
        !!full ||
        (HYPHENED_COMPOUND.test(named) && healthEnd(fold(named))) ||
        (lang === 'nl' && dutchName(named, s, r.start)));
    // police, departments and agencies are mostly sources; a victim only where nothing else could stand
    // …a health ministry or board in a victim's position is a victim ("the Ministry of Health lost its site to hackers")
    if (
      L.authority.test(named) &&
      cueOf() !== 'strong' &&
      !(cueOf() && SERVICE_DEPARTMENT.test(named) && !/Police|Agency|Bureau/.test(named)) &&
      !(cueOf() && healthName)
    )
      continue;
    // "dialysis firm X", "le groupe hospitalier X": a health noun describing the name right before it
    // …or described right after it: "X, a chain of private clinics in the Netherlands,"
    const head =
      L.healthBefore.test(
        fold(
          text
            .slice(Math.max(0, r.start - 40), r.start)
            .split('\n')
            .pop()!,
        ),
      ) || !!romance;
    // (care given there makes the name an organisation, not a person: "patients who have been served by X")
    const careAt = CARE_AT.test(text.slice(Math.max(0, r.start - 60), r.start));
    const described =
      head ||
      ((healthAppositive(text.slice(r.end, r.end + 80), L.health) ||
        healthQualified(text.slice(r.end, r.end + 40), L.health) ||
        // (a place's patients are the people there: "Johor patients hit by …")
        (ownsCare(text.slice(r.end, r.end + 60), r.name, ref.english) && !ref.places.has(r.name)) ||
        careAt ||
        L.healthData.test(clientele(r, until) ?? '')) &&
        // (an acronym so described names the organisation: "MRMC, the largest hospital in the county, was hit")
        !(/^\S+$/.test(r.name) && startsSentence(r.start) && !unknownWord(r.name) && !SHORT_ACRONYM.test(r.name)));
    // (a name its description makes an organisation is no person for the verb after it: "clinic chain X said")
    // (a place is the name after a Romance health noun: "le centre hospitalier de Dax")
    const health =
      healthName ||
      (described &&
        !BARE_NUMBER.test(r.name) &&
        !isGroup(r.name) &&
        (!ref.places.has(r.name) || !!romance) &&
        // (a health noun just before says it is an organisation: "clinics run by X" is no person quoted "by X")
        !L.calendar.test(r.name) &&
        !notVictim(
          r.name,
          head || careAt ? '' : before,
          head ? '' : text.slice(r.end, r.end + 80),
          sources,
          L.company,
          L.kindCalled,
        ) &&
        !techAcronym(r.name));
    // a vendor quoted, a helper named ("working with X"), a service line ("NHS 111") is no victim by its health words
    // (a district's number after its place is part of the name: "ASL Roma 4", "ULSS Pedemontana 7")
    const serviceLine = /\s\d+$/.test(r.name) && !NUMBERED_DISTRICT.test(r.name);
    // (the cue is read only for a health name: most names never need it)
    const helper = () => cueOf() !== 'strong' && (helperOf(before) || helperSays(text.slice(r.end, r.end + 120)));
    if (health && (knownSource(named, sources) || serviceLine || helper())) continue;
    if (health && !RESEARCH_OUTFIT.test(named)) {
      addNamed(named, romance ?? r, true, false, cueOf() === 'strong', cueOf() !== null);
      continue;
    }
    if (health) continue;
    if (!s) continue;
    const i = sents.indexOf(s);
    // a victim's position after the attack is told ("… hit companies in Spain. Victims included X") needs no attack word
    if (!toldNear(i) && !(L.incident.test(sents[i - 1]?.text ?? '') && cueOf() === 'strong')) continue;
    const single = !/\s/.test(r.name);
    const subject =
      LEADIN.test(text.slice(s.start, r.start)) &&
      SUBJECT_OF_ATTACK.test(s.text.slice(until - s.start)) &&
      (COMPANY.test(r.name) || !single);
    if (!subject && !cueOf()) continue;
    if (!full && !plausibleName(r, s, before, single, cueOf())) continue;
    // a defined acronym before a product noun names the product: "File Transfer Protocol (FTP) … the FTP servers"
    if (full && L.techNoun.test(text.slice(r.end, r.end + 30))) continue;
    // a company described as "a German maker of biosimilar drugs" is a health victim after all
    const about = describedAfter(text, sents, r);
    addNamed(named.replace(/^The\s/, ''), r, sectorOf(named, about, ref.lists) !== 'other', true, cueOf() === 'strong');
  }
  /** The owner of the people's data stolen in its sentence: "X customer account details stolen" (a word of the
   *  language so placed is an adjective: "Sensitive patient information"). */
  function dataCue(r: NameSpan, s: Span, until: number): 'strong' | null {
    if (!(ownsData(text.slice(until, until + 80)) || clientele(r, until)) || !L.incident.test(s.text)) return null;
    return /\s/.test(r.name) || unknownWord(r.name) ? 'strong' : null;
  }
  /** Its people's noun after the name and their data before it: "the records of 40,000 X patients" → "patients" */
  function clientele(r: NameSpan, until: number): string | null {
    const m = L.clienteleAfter.exec(text.slice(until, until + 30));
    return m && L.heldDataOf.test(text.slice(Math.max(0, r.start - 80), r.start)) ? m[1]! : null;
  }
  /** A victim's position in a language other than English ("un ciberataque contra X", "X a été victime"). */
  function otherCue(r: NameSpan, until: number, romance: NameSpan | null): 'strong' | null {
    // (German writes every noun with a capital: one such word alone is no name there)
    if (lang === 'en' || (lang === 'de' && GERMAN_NOUN.test(r.name))) return null;
    const from = romance?.start ?? r.start;
    const before = text.slice(Math.max(0, from - 80), from);
    return L.positionBefore.test(before) || L.positionAfter.test(text.slice(until, until + 160)) ? 'strong' : null;
  }
  /** "le centre hospitalier d'Armentières": the name with the Romance health noun and link written before it */
  function romanceName(r: NameSpan): NameSpan | null {
    const raw = text
      .slice(Math.max(0, r.start - 60), r.start)
      .split('\n')
      .pop()!;
    // (most names have no Romance link before them: a cheap look first)
    // …in a Romance language the noun may stand right before the name: "la clinique Sainte-Marthe"
    const linked = L.romanceEnd.test(raw);
    if (!linked && !(ROMANCE_LANGS.has(lang) && LOWER_BEFORE.test(raw))) return null;
    const f = fold(raw);
    const m = (linked ? L.romanceHead.exec(f) : null) ?? (ROMANCE_LANGS.has(lang) ? L.romanceBare.exec(f) : null);
    if (!m) return null;
    const start = r.start - (raw.length - raw.trimEnd().length) - m[0].trimEnd().length;
    if (fold(text.slice(start, r.start)) !== m[0].trim()) return null;
    return { start, end: r.end, name: text.slice(start, r.end) };
  }
  function startsSentence(at: number): boolean {
    const s = sentenceAt(sents, at);
    return !!s && LEADIN_ONLY.test(text.slice(s.start, at));
  }
  /** A name in a victim's position that is not a person, source, product, place, date or common word. */
  function plausibleName(
    r: NameSpan,
    s: Span,
    before: string,
    single: boolean,
    cue: 'strong' | 'weak' | null,
  ): boolean {
    const after = text.slice(r.end, r.end + 80);
    // (a capital inside a word starts no name: "eBay")
    // (…nor one written against a figure: a currency or a code, "RM26m", "SGD5,000")
    if (LETTER_LAST.test(before) || MANY.test(r.name) || SUFFIX_ONLY.test(r.name) || /^\d/.test(after)) return false;
    // an organisation's name before its machines is its owner: "PGA of America computers were infected"
    // …and a name before its incident qualifies it as the victim: "the Cathay Pacific Airways data breach"
    const owner =
      /\sof\s/.test(r.name) ||
      ORG_NAME.test(r.name) ||
      namesIncident(after) ||
      ownsData(after) ||
      peopleSpeak(after) ||
      LOWER_HEADED.has(r);
    if (
      notVictim(r.name, before, after, sources, L.company, L.kindCalled) ||
      techAcronym(r.name) ||
      (!owner && !(ROMANCE.has(lang) && L.romanceAux.test(after)) && adjectiveUse(r.name, after, demonym))
    ) {
      return false;
    }
    if (
      BARE_NUMBER.test(r.name) ||
      /-based$/.test(r.name) ||
      L.calendar.test(r.name) ||
      (!owner && L.techNoun.test(after.slice(0, 30))) ||
      L.techAfter.test(after)
    )
      return false;
    // a nationality in the plural is people, not an organisation ("tens of thousands of Americans")
    if (/s$/.test(r.name) && DEMONYM_PLURAL.test(r.name.slice(0, -1))) return false;
    // "a hospital in Salina", "in the Capital": a location, unless the name says it is an organisation
    if ((/\bin\s+(?:the\s+)?$/.test(before) && !ORG_NAME.test(r.name)) || LOCATED_IN.test(before)) return false;
    if (
      isPlace(r.name, before) ||
      isGroup(r.name) ||
      (!L.company.test(r.name) && personLike(text, r.name)) ||
      malwareName(text, r.name)
    )
      return false;
    if (single && surname(text, r.name)) return false;
    // an organisation noun alone is no name: "has affected Trusts and other bodies"
    if (
      single &&
      (ORG_NOUN_ONLY.test(r.name) ||
        (L.health.test(fold(r.name)) && L.health.exec(fold(r.name))![0].length === r.name.length))
    )
      return false;
    if (!single) return true;
    // a lone capitalised word opening a sentence ("However", "Cybercriminals") must also be written as a name mid-sentence;
    // one the article also prints in lower case is a common word ("Victims", "Hackers")
    if (r.name.length < 2 || /-$/.test(r.name)) return false;
    // (a line of its own starts a sentence too: a headline without a stop runs into the next line)
    const from = Math.max(s.start, text.lastIndexOf('\n', r.start - 1) + 1);
    // …unless it stands where only a victim stands and is no English word ("Morsoltor was hit by ransomware")
    if (
      LEADIN_ONLY.test(text.slice(from, r.start)) &&
      !midSentence(text, r.name) &&
      occurrences(text, r.name) < 2 &&
      !(cue && unknownWord(r.name))
    ) {
      return false;
    }
    return !commonWord(text, r.name);
  }
  /** A capitalised Dutch word inside its sentence whose health noun follows a part of its own ("Maasziekenhuis"; a
   *  bare "Ziekenhuis" after an article loses its head when its first letters are cut). */
  function dutchName(word: string, s: Span | undefined, at: number): boolean {
    return (
      DUTCH_WORD.test(word) && !!s && HAS_LETTER.test(text.slice(s.start, at)) && L.health.test(fold(word).slice(3))
    );
  }
  /** the health noun ends the compound after its first part: "sint-annaziekenhuis", not "arztpraxen-verbund" */
  function healthEnd(f: string): boolean {
    const m = L.healthTail.exec(f);
    return !!m && m.index > f.indexOf('-');
  }
  /** a word of demonym form that is one: a listed demonym or an English word ("Velmurai" is a brand) */
  function demonym(name: string): boolean {
    const last = name.slice(name.lastIndexOf(' ') + 1);
    return (
      ref.placeKinds.get(name) === 'demonyms' || ref.placeKinds.get(last) === 'demonyms' || ref.english.has(fold(last))
    );
  }
  function unknownWord(word: string): boolean {
    const w = word.toLowerCase();
    return (
      !ACRONYM.test(word) &&
      ![w, w.replace(/s$/, ''), w.replace(/es$/, '')].some((x) => ref.english.has(x)) &&
      !L.incident.test(w) &&
      !L.health.test(fold(word)) &&
      !L.authority.test(word)
    );
  }
  // a place is a victim only as "the city of Atlanta"; a nationality never is ("German businesses")
  // …or bare where the article also calls it "the city of X": "hackers launched a ransomware attack against Atlanta"
  function isPlace(name: string, before: string): boolean {
    const place = name.replace(/^(?:the|The)\s/, '');
    // (…but "in the small town of X" says where something is)
    if (!ref.places.has(place) || (LOCAL_GOVERNMENT.test(before) && !LOCATED_IN.test(before))) return false;
    return !cityOf(text, place);
  }
  // a curated group name, or a galaxy name that is no common word (token-indexed: the table has 3,000 groups)
  function isGroup(name: string): boolean {
    return isGroupName(ref.groups, name);
  }
  function addNamed(name: string, span: NameSpan, health: boolean, cued = false, strong = false, weak = false) {
    const g = lookupName(ref.victims, name);
    if (g) return add(g.name, span, g.sector !== 'other', g, cued || weak, strong);
    add(fold(name), { ...span, name: span.name }, health, undefined, cued || weak, strong);
  }
  mergeContained(entities);
  return select(
    text,
    sents,
    ref,
    [...entities.values()],
    acrs.map((a) => a.acronym),
    published,
    lang,
    attackers,
  );
}

// A dateline opens a wire story's first paragraph with its place in capitals: "ILOILO CITY — A private hospital here
// was hit …", "HARMON FALLS, Ohio — …". The place is no name of the story's (and "— a hospital" after it no
// apposition); (two words, or one of four capitals: "JEDDAH", not "NHS:").
const DATELINE_SIZE = /\s|\p{Lu}{4}/u;
const dateline = (text: string, r: NameSpan) => DATELINE_SIZE.test(r.name) && datelinePlace(text, r.start) === r.name;
const COUNT_LEAD = /^\d+\s+(?=\p{Lu})/u;
const INDEFINITE_BEFORE = /\b(?:an?|one|another)\s+(?:former\s+|new\s+|small\s+|local\s+)?$/i;
const THE_BEFORE = /\bthe\s+$/i;
// the spans so extended, which plausibleName takes for organisations
const LOWER_HEADED = new WeakSet<NameSpan>();
// a figure standing alone in a run counts or dates something; a number inside a word names ("Harbor 3D Clinic")
const BARE_NUMBER = /(?<![\p{L}\p{N}])\d[\d,.]*(?![\p{L}\p{N}])/u;

// Regions and industries are no organisation: "Europe", "the Middle East", "Hollywood".
const REGION =
  /^(?:the\s)?(?:(?:Eastern|Western|Northern|Southern|Central)\s)?(?:Europe|Asia|Africa|Middle East|South America|North America|Latin America|Americas|Asia[- ]Pacific|Scandinavia|Southeast Asia|Hollywood|Silicon Valley|Wall Street)$/;

type Part = NameSpan & { until?: number };
// "FedEx Corp and Britain's National Health Service", "Hancock Health and Allscripts": two names joined by "and" when the
// first ends in an organisation word; "Health and Human Services", "Water and Sewer Authority" stay one name.
const ORG_END =
  /\b(?:Center|Centre|Corp|Corporation|Inc|Ltd|Hospital|District|Health|Healthcare|Group|Company|University|College|Council|County|City|Bank|Trust|Service|Studios|Authority|Department|Clinic|Institute|Systems|Entertainment|Productions)\.?$/;
const NOT_SECOND =
  /^(?:Human|Social|Family|Community|Public|Senior|Welfare|Wellness|Safety|Sewer|Technology|Science|Sciences|Research|Development|Care)\b/;
const COORDINATED = /^(.+?) and (the )?(\p{Lu}.*)$/u;
const POSSESSIVE_LEAD = /^\p{Lu}[\p{L}.]*['’]s\s\p{Lu}/u;
// …or when the second is described right after ("the Marine Department of Hong Kong and Deloitte, one of the …"), or
// both are named alone elsewhere ("Netflix and Larson Studios are being extorted").
function splitCoordinated(r: NameSpan, text: string): Part[] {
  const m = COORDINATED.exec(r.name);
  if (!m || NOT_SECOND.test(m[3]!)) return [r];
  const described = /^,\s+(?:a|an|the|one of)\s/.test(text.slice(r.end, r.end + 12));
  const alone = (n: string) => occurrences(text, n) > occurrences(text, r.name);
  // (a second name opening with a possessive is one of its own: "X and Britain's National Health Service")
  const possessed = POSSESSIVE_LEAD.test(m[3]!);
  if (!ORG_END.test(m[1]!) && !described && !possessed && !(alone(m[1]!) && alone(m[3]!))) return [r];
  const second = r.start + m[1]!.length + 5 + (m[2]?.length ?? 0);
  // the first name takes the cues after the pair: "X and Y were attacked"
  return [
    { start: r.start, end: r.start + m[1]!.length, name: m[1]!, until: r.end },
    { start: second, end: r.end, name: m[3]! },
  ];
}

// "Hancock Health CEO Steve Long": the name ends before a person's title.
const TITLE_IN =
  /\s(?:CEO|CFO|CIO|CTO|CISO|COO|President|Chairman|Director|Spokes(?:man|woman|person)|Superintendent|Mayor|Chief)\s/;
// …and before a possessive naming a part of it: "Atlanta's IT network", "Newark's Service Director".
// …or its machines, as a title-case headline writes them: "X's Website Under Cerber Attack", "X's Servers Hacked"
const POSS_PART = new RegExp(
  String.raw`['’]s\s(?:IT|Service|Services|Office|Director|Chief|CEO|CIO|CTO|CISO|Mayor` +
    String.raw`|Website|Web Site|Site|Network|Networks|Server|Servers|System|Systems|Computers|Database|Data|Email` +
    String.raw`|E-mail|Portal|App)\b`,
);
function beforeTitle(r: NameSpan): NameSpan {
  const m = POSS_PART.exec(r.name) ?? TITLE_IN.exec(r.name);
  return m && m.index > 0 ? { start: r.start, end: r.start + m.index, name: r.name.slice(0, m.index) } : r;
}

// "Indiana-based Hancock Health": the place a name is based in only locates it (country-decide.ts reads it there)
const BASED_LEAD = withTwin(/^(?:[\p{L}.]+[\s-])*?[\p{L}.]+-based\s(?=\p{Lu})/u);
function basedLead(r: NameSpan): NameSpan {
  const m = BASED_LEAD.exec(r.name);
  return m ? { start: r.start + m[0].length, end: r.end, name: r.name.slice(m[0].length) } : r;
}

// "Synlab's Italian unit": a possessive before a nationality names the parent, not a part of it;
// "Ohio's Valley View Hospital": a place's possessive before a name only locates it.
const POSS_LAST = withTwin(/['’]s\s(\p{Lu}\p{L}+)$/u);
const POSS_FIRST = withTwin(/^((?:\p{Lu}[\p{L}.]*\s){0,2}\p{Lu}[\p{L}.]*)['’]s\s(?=\p{Lu})/u);
function placeParts(r: NameSpan, ref: Reference, health: (folded: string) => boolean): NameSpan {
  const m = POSS_LAST.exec(r.name);
  if (m && m.index > 0 && ref.placeKinds.get(m[1]!) === 'demonyms') {
    return { start: r.start, end: r.start + m.index, name: r.name.slice(0, m.index) };
  }
  const f = POSS_FIRST.exec(r.name);
  if (!f) return r;
  const cut = f[0].length;
  // "Marlow Health's Harwick Community Hospital": a health body's possessive before a hospital of its own names the
  // parent (not "Boston Children's Hospital", "Our Lady's Children's Hospital")
  const rest = r.name.slice(cut);
  const owned = health(fold(f[1]!)) && /\s/.test(rest) && !/^\S+['’]s\s/.test(rest) && health(fold(rest));
  if (!ref.places.has(f[1]!) && !owned) return r;
  return { start: r.start + cut, end: r.end, name: r.name.slice(cut) };
}

const cityOf = perText((text: string, place: string) =>
  new RegExp(`\\b(?:city|town|village|borough|municipality|township) of ${escapeRe(place)}\\b`, 'i').test(text),
);

// A malware family is no victim: "WannaCry", "Bad Rabbit", "French Locker", "ransomware called Petya".
const MALWARE_SUFFIX = /(?:Locker|Crypt\w*|Cry|Malware|Ransomware|Virus|Worm|Trojan|Botnet)$/;
const malwareName = perText((text: string, name: string): boolean => {
  if (MALWARE_SUFFIX.test(name)) return true;
  const n = escapeRe(name);
  return new RegExp(
    // (the name may come first, the malware after it: "Known as X, the ransomware demands …")
    `\\b(?:ransomware|malware|variant|strain|worm|trojan|virus|family)\\s+(?:called|named|dubbed|known as)\\s+(?:the\\s+)?${n}\\b` +
      `|\\b(?:called|named|dubbed|known as)\\s+${n},?\\s+(?:the|a|an|this)\\s+(?:[\\w-]+\\s+){0,3}` +
      `(?:ransomware|malware|variant|strain|worm|trojan|virus)\\b` +
      // (what a victim is hit by is the attacker's: "X was hit by the Y ransomware attack")
      `|\\b(?:hit|struck|targeted|infected|encrypted|crippled|attacked|locked)\\s+(?:by|with)\\s+(?:the\\s+|an?\\s+)?${n}\\s+ransomware\\b` +
      `|(?<![\\p{L}])${n}\\s+(?:ransomware|malware|variant|strain|worm|trojan|virus)\\b(?!\\s+(?:attack|incident|infection|outbreak|hit|struck|[a-z]+(?:es|ed)\\b))`,
    'iu',
  ).test(text);
});

/** A lone word that is someone's surname: "Jessica Gregory, a spokeswoman", "Mike Johnson said". */
const surname = perText((text: string, word: string): boolean => {
  if (word === word.toUpperCase()) return false;
  // (a person quoted: "Mark Roe, said", "according to Dana Roe, founder and CEO")
  const w = escapeRe(word);
  return (
    new RegExp(
      String.raw`\b\p{Lu}\p{Ll}+\s${w}(?:,\s(?:a|an|the|who)\b|,?\s(?:said|says|told|added|explained|wrote|noted))`,
      'u',
    ).test(text) || new RegExp(String.raw`\b(?:[Aa]ccording to|[Ss]aid)\s\p{Lu}\p{Ll}+\s${w},\s`, 'u').test(text)
  );
});

const LOCATED_IN =
  /\b(?:in|near|outside|from)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:city|town|village|borough|municipality|port|region|district|township|parish) of\s+$/u;
const LOCAL_GOVERNMENT =
  /\b(?:city|town|county|village|borough|municipality|state|port|government|region|district|township|parish) of\s+$/i;
const ORG_NAME =
  /\b(?:Inc|Corp|Ltd|LLC|Group|Company|Bank|University|College|City|County|Town|Village|Council|Authority|Department|District|Service|Services|Systems|Studios?|Board|School|Schools|Airport|Port|Agency|Office|Trust|Institute|Academy|Foundation|Association|Library|Court|Police|Government|Municipality)\b/;
const ORG_NOUN_ONLY = new RegExp(String.raw`^${ORG_NAME.source.replace(/\\b/g, '')}(?:e?s)?$`);
// a security research outfit is a source; "Council of Medical Research" is a health body
const RESEARCH_OUTFIT =
  /\b(?:Threat|Security|Vulnerability|Cyber|Intelligence)\b|(?<!(?:Medical|Health|Cancer|Clinical) )\bResearch\b/;
const LEADIN_ONLY = /^(?:[“"‘(]|\s)*$/;
const midSentence = perText((text: string, word: string) =>
  new RegExp(`[\\p{Ll},;:][ \\t]+(?:the[ \\t]+)?${escapeRe(word)}(?![\\p{L}])`, 'u').test(text),
);

const DEMONYM_PLURAL = withTwin(/^(?:\p{Lu}\p{L}+\s)?\p{Lu}\p{L}+(?:ian|ean|an|ese)$/u);

/** "Stuart Kettell" is a person when the article also calls him "Kettell" alone as a speaker ("Kettell said", "Mr Kettell"). */
// (a company word in the name says it is none: lists/victim-company-words, in cuesFor)
const personLike = perText((text: string, name: string): boolean => {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 3) return false;
  const last = `(?<!${escapeRe(words[words.length - 2]!)}\\s)${escapeRe(words[words.length - 1]!)}`;
  return new RegExp(
    `(?:\\b(?:Mr|Mrs|Ms|Dr)\\.?\\s${last}\\b|\\b${last}\\s(?:said|says|told|added|explained|wrote|noted|warned|believes|thinks)\\b|\\b(?:said|says|according to)\\s${last}\\b)`,
  ).test(text);
});

/** A capitalised word the article also prints in lower case is a common word at a sentence start ("Victims"). */
const commonWord = perText((text: string, word: string): boolean => {
  if (word === word.toUpperCase()) return false;
  // (a text without the word in lower case needs no pattern)
  if (!text.includes(word.toLowerCase())) return false;
  // a domain name ("ticketfly.com", "@acme") is no lower-case use of the word
  return new RegExp(`(?<![\\p{L}@/.])${escapeRe(word.toLowerCase())}(?![\\p{L}]|\\.[a-z]{2,})`, 'u').test(text);
});

const occurrences = (text: string, name: string) => text.split(name).length - 1;

/** "CDOT" or "Colorado's DOT" for "Colorado Department of Transportation": a leading word kept, the rest abbreviated. */
function shortFor(short: string, full: string): boolean {
  const m = /^(.+?)(?:['’]s)?\s(\S+)$/u.exec(short);
  if (!m) return abbreviates(short, full);
  return full.startsWith(`${m[1]} `) && abbreviates(m[2]!, full.slice(m[1]!.length + 1));
}

const SPACE = /\s/;
/** `words` occurs in `hay` between white space or the ends (a string search: no pattern compiled per name). */
function hasWords(hay: string, words: string): boolean {
  for (let i = hay.indexOf(words); i >= 0; i = i < hay.length ? hay.indexOf(words, i + 1) : -1) {
    const end = i + words.length;
    if ((i === 0 || SPACE.test(hay[i - 1]!)) && (end === hay.length || SPACE.test(hay[end]!))) return true;
  }
  return false;
}

/**
 * A headline shortens a name by leaving out inner words: "Kansas Hospital" for "Kansas Heart Hospital" (same first
 * and last word, the rest in order); it folds only where one name so fits.
 */
const onlyOne = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);
function shortened(small: string, big: string): boolean {
  const a = small.split(' '),
    b = big.split(' ');
  if (a.length < 2 || b.length <= a.length || a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false;
  let k = 1;
  for (let i = 1; i < b.length - 1 && k < a.length - 1; i++) if (b[i] === a[k]) k++;
  return k === a.length - 1;
}

const ACRONYM_FORM = /^(?:.+?(?:['’]s)?\s)?[\p{Lu}\d&]{2,8}$/u;
/**
 * "Karoo Pathology" and "Karoo Pathology Laboratories" are one entity: fold shorter word-prefixes/suffixes into the
 * longer; an acronym folds into the name it abbreviates ("CDOT", "Colorado Department of Transportation"), a shortened
 * name into the whole.
 */
function mergeContained(entities: Map<string, Entity>): void {
  const list = [...entities.values()].sort((a, b) => b.key.length - a.key.length);
  for (const small of list) {
    if (small.ref) continue;
    const acr = small.forms.map((f) => f.name).find((n) => ACRONYM_FORM.test(n));
    const bigger = (b: Entity) => b !== small && entities.has(b.key) && b.key.length > small.key.length;
    const big =
      list.find(
        (b) =>
          bigger(b) &&
          (hasWords(fold(b.ref?.name ?? b.key) + ' ' + b.forms.map((f) => fold(f.name)).join(' '), small.key) ||
            (!!acr && b.forms.some((f) => shortFor(acr, f.name)))),
      ) ?? onlyOne(list.filter((b) => bigger(b) && b.forms.some((f) => shortened(small.key, fold(f.name)))));
    if (!big) continue;
    big.forms.push(...small.forms);
    big.health ||= small.health;
    big.cued += small.cued;
    big.strong.push(...small.strong);
    entities.delete(small.key);
  }
}

function select(
  text: string,
  sents: Span[],
  ref: Reference,
  entities: Entity[],
  acrs: string[],
  published: string | null,
  lang: string,
  attackers: readonly At[],
): Victim[] {
  const L = cuesFor(ref.lists, lang);
  // (an attacker read as a name is no victim: extract.ts drops it, and a described victim may stand in its stead)
  const isAttacker = (e: { forms: NameSpan[] }) =>
    attackers.length > 0 && e.forms.every((f) => attackers.some((a) => a.start <= f.start && f.end <= a.end));
  const keep = decide(text, sents, L, entities, published).filter((e) => !isAttacker(e));
  // no named victim: a described one ("a public hospital in the capital"), named by its description
  if (!keep.length) {
    const d = describedVictim(text, sents, ref.lists, L.incident, lang);
    const s = d && sentenceAt(sents, d.start);
    if (!d || !s) return [];
    return [
      {
        name: d.name,
        canonical: d.name,
        sector: sectorOf(d.name, '', ref.lists),
        evidence: evidence(text, s.start, s.end),
        country: victimCountry(text, sents, ref, [{ start: d.start, end: d.end }], attackers),
      },
    ];
  }
  return keep.map(({ e, forms, inIncident }) => {
    const written =
      forms.filter((f) => !acrs.includes(f.name)).sort((a, b) => b.name.length - a.name.length)[0] ?? forms[0]!;
    const first = inIncident[0]!;
    const s = sentenceAt(sents, first.start)!;
    const canonical = e.ref?.name ?? written.name;
    const after = describedAfter(text, sents, written);
    // the description right before the name first ("pharmaceutical manufacturer X"), else the words after it
    const lead = L.healthBefore.exec(fold(text.slice(Math.max(0, written.start - 40), written.start)))?.[0];
    let sector = e.ref?.sector ?? sectorOf(canonical, lead ?? after, ref.lists);
    // (the name may be described at another mention, set off after it: "disclosed by X, P.C., an orthopedic practice")
    const n = written.name;
    for (let at = text.indexOf(n), k = 0; sector === 'other' && !e.ref && at >= 0 && k < 5; k++) {
      const other =
        at === written.start ? '' : describedAfter(text, sents, { ...written, start: at, end: at + n.length });
      const appositive = APPOSITION.exec(other);
      if (appositive) sector = sectorOf(canonical, appositive[1]!, ref.lists);
      at = text.indexOf(n, at + n.length);
    }
    return {
      name: written.name,
      canonical,
      sector,
      country: e.ref?.country ?? victimCountry(text, sents, ref, forms, attackers),
      evidence: evidence(text, s.start, s.end),
    };
  });
}
