// extract(article, ref) → Extraction: pure and synchronous; reference data is loaded once by loadReference.
import type { CleanArticle, Extraction } from '../../core/records.ts';
import type { Reference } from './reference.ts';
import { fold, mentionsOf, sentences, sentenceAt } from './text.ts';
import { findRansom, incidentClaim, paymentMethod, type Skipped } from './ransom.ts';
import { findVictims } from './victims.ts';
import { fallbackVictim } from './victimfallback.ts';
import { pastIncident } from './victimscore.ts';
import { findActors } from './actors.ts';
import { attackDate } from './attack-date.ts';
import { findRecords, findDowntime } from './impact.ts';
import { actorsOfIncident } from './actor-scope.ts';
import { attackTypes, ransomIncident, ransomwareGang } from './attack-types.ts';
import { hasIncident, relevance } from './relevance.ts';
import { detectLanguage, readsFacts, withoutFacts } from './language.ts';
import { textCountry } from './country-decide.ts';
import { maskAsides } from './asides.ts';
import { quiet, quietExtraction } from './quiet.ts';
import { localCurrency } from './local-currency.ts';
import { listRe, type Lists } from './lists.ts';

export const EXTRACTOR_VERSION = 'extract-0.7.40';
export { loadReference, type Reference } from './reference.ts';

export interface ExtractDetail {
  extraction: Extraction;
  skipped: Skipped[];
}

/** Like extract(), plus the sums skipped and why (e.g. unknown_currency), for logs and failure records. */
export function extractDetailed(article: CleanArticle, ref: Reference): ExtractDetail {
  // links to other stories ("Related: …", "Read more:") are masked: their facts belong to other incidents
  const text = maskAsides(article.text, ref.lists);
  const sents = sentences(text);
  // a group the actor rules name as the attacker tells a cyber incident as surely as the word "ransomware"
  const named = findActors(text, sents, ref);
  // …and is never its victim ("the hacking collective X, accusing the hospital …")
  const attackers = new Set(named.flatMap((a) => [fold(a.name), fold(a.canonical)]));
  const lang = detectLanguage(text, ref.lists).lang;
  const published = article.published ? article.published.slice(0, 10) : null;
  // no cyber cue and no attacker named: no incident to read, and the victim finder is spared (quiet.ts)
  if (!named.length && quiet(text, sents, article.title, ref)) {
    const base = { doc_id: article.doc_id, extractor_version: EXTRACTOR_VERSION, published, language: lang };
    return { extraction: quietExtraction(base), skipped: [] };
  }
  const attackerAt = mentionsOf(
    text,
    named.map((a) => a.name),
  );
  const candidates = findVictims(text, sents, ref, published, lang, attackerAt).filter(
    (v) => !attackers.has(fold(v.name)) && !attackers.has(fold(v.canonical)),
  );
  // (a veterinary group is no healthcare victim; a text whose only victim is one tells no healthcare incident)
  let victims = candidates.filter((v) => !animalCare(text, v.name, ref.lists));
  const veterinary = candidates.length > 0 && victims.length === 0;
  const incident = hasIncident(sents, victims.length > 0, ref.lists, lang);
  const scored = relevance(
    ref.lists,
    lang,
    article.title,
    sents,
    victims,
    named.map((a) => a.evidence.start),
  );
  const score = veterinary ? Math.min(scored, NOT_HEALTH) : scored;
  // a relevant article whose victim no rule placed: the likeliest organisation it names (victimfallback.ts)
  const fallback = !victims.length && score >= 0.5;
  if (fallback) victims = fallbackVictim(text, sents, ref, lang, attackerAt);
  // an article judged to report a healthcare incident tells one, even when no victim's name was read
  const reported = incident || score >= 0.5;
  const attack = attackDate(text, sents, article.published, ref.lists, lang);
  const rateMonth = (attack?.date ?? published)?.slice(0, 7) ?? null;
  // the incident's year, at the latest the year before publication (a story may run into the next year)…
  const latest = published ? Number(published.slice(0, 4)) - 1 : null;
  // …unless its attack is dated from April of the publication year on: then "in <last year>" is an earlier case
  const attackYear = attack?.date ? Number(attack.date.slice(0, 4)) : null;
  const inYear = latest !== null && attackYear === latest + 1 && Number(attack!.date!.slice(5, 7)) >= 4;
  const year = attackYear === null ? latest : inYear ? attackYear : Math.min(attackYear, latest ?? Infinity);
  const found = findRansom(text, sents, ref, rateMonth, {
    victims: victims.map((v) => v.name),
    year,
    month: rateMonth ? Number(rateMonth.slice(5, 7)) : null,
    attackers: named.flatMap((a) => [a.name, a.canonical]),
  });
  const told = ransomIncident(sents);
  // sums in an article that tells of no incident (a strain or a trend described) are no incident facts
  // (the incident test reads English: in another language the sums' own cues decide)
  const said = (c: { evidence: { start: number } }) => sentenceAt(sents, c.evidence.start)?.text ?? '';
  // (any sentence that writes the sum may tell it as an event: "Ransom demand … about $30,000" is told in the body)
  const toldAt = (i: number) => found.seen[i]!.some((at) => incidentClaim(sentenceAt(sents, at)?.text ?? '', told));
  const claims = incident || !['en', 'und'].includes(lang) ? found.claims : found.claims.filter((_, i) => toldAt(i));
  const skipped = found.skipped;
  // A report listing many victims tells no single attack date or outage (findRecords tells a roundup by its counts).
  // (victims of earlier attacks told as background do not make one: "Last year, X … and in 2021 Y paid …")
  // (…nor one no sentence naming it tells an attack of, as a parent or a customer — "X, which is owned by Y,
  // said …" — or where it says it was spared: "the HSE said no HSE systems had been compromised")
  const unharmed = listRe(ref.lists, 'victim-unharmed');
  const tellsAttack = listRe(ref.lists, ['victim-incident-words', 'date-attack-verbs']);
  const toldOf = (name: string) =>
    sents.some((x) => x.text.includes(name) && tellsAttack.test(x.text) && !unharmed.test(x.text));
  const cases = victims.filter((v) => !pastIncident(v.evidence.quote, published) && toldOf(v.name));
  const roundup = cases.length >= 3;
  // (the incident test reads English: in another language a group named by construction speaks for itself)
  const actors =
    reported || !['en', 'und'].includes(lang)
      ? actorsOfIncident(
          named,
          text,
          sents,
          victims.map((v) => v.name),
          ref.lists,
          year,
        )
      : [];
  // a ransom incident: a claim, an incident told as fact, or a ransomware/extortion group named as the attacker
  const ransom = claims.length > 0 || actors.length > 0 || told;
  const types = attackTypes(sents, ref.lists, {
    incident: reported,
    ransom,
    gang: ransomwareGang(actors, ref.groups, ref.lists),
    demands: claims.map(said),
  });
  // counts of people or records are read where a victim or a data breach is told; outages where an attack is
  const names = victims.map((v) => [v.name, v.canonical]);
  const records = reported || types.includes('data-breach') ? findRecords(text, sents, ref.lists, names) : null;
  const downtime = reported || types.length ? findDowntime(text, sents, ref.lists, lang) : null;
  const placed = [...new Set(victims.map((v) => v.country).filter((c): c is string => !!c))];
  // with no victim named, the country the text places the incident in
  const countries = placed.length
    ? placed
    : [textCountry(text, sents, ref, lang, attackerAt)].filter((c): c is string => !!c);
  const extraction: Extraction = {
    doc_id: article.doc_id,
    extractor_version: EXTRACTOR_VERSION,
    relevant: score >= 0.5,
    relevance: score,
    attack_types: types,
    victims: reported || fallback ? victims : [],
    actors,
    // (a sign several countries write names the currency of the victim's: local-currency.ts)
    ransom: localCurrency(claims, victims[0]?.country ?? countries[0] ?? null, ref, rateMonth),
    payment_method: paymentMethod(claims, sents, text, ref.lists, year),
    records_affected: records,
    // an article judged to report an incident dates it even when no victim is named
    attack_date: reported && !roundup ? (attack?.date ?? null) : null,
    published,
    downtime_days: roundup ? null : (downtime?.days ?? null),
    countries,
    language: lang,
  };
  // a language the fact rules do not read yields relevance and language only, never invented facts
  return { extraction: readsFacts(lang) ? extraction : withoutFacts(extraction), skipped };
}

export function extract(article: CleanArticle, ref: Reference): Extraction {
  return extractDetailed(article, ref).extraction;
}

/** The relevance of a text whose only victim is veterinary: below the line, whatever else it tells. */
const NOT_HEALTH = 0.2;
// (its name's words or its own description right after it: "X, which owns 40 small-animal hospitals")
const CARE_NOUN = /^[^.;]{0,80}?(?:hospitals?|clinics?|practices?|care|centers?|centres?)\b/i;
/** A veterinary organisation (lists/victim-animal-care): its care is animals', not people's. */
function animalCare(text: string, name: string, lists: Lists): boolean {
  const animal = listRe(lists, 'victim-animal-care');
  if (animal.test(name)) return true;
  const at = text.indexOf(name);
  if (at < 0) return false;
  const after = CARE_NOUN.exec(text.slice(at + name.length, at + name.length + 120));
  return !!after && animal.test(after[0]);
}
