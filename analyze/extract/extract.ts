// extract(article, ref) → Extraction: pure and synchronous; reference data is loaded once by loadReference.
import type { CleanArticle, Extraction } from '../../core/records.ts';
import type { Reference } from './reference.ts';
import { sentences, sentenceAt } from './text.ts';
import { findRansom, paymentMethod, type Skipped } from './ransom.ts';
import { findVictims } from './victims.ts';
import { cues as victimCues } from './victimcues.ts';
import { findActors } from './actors.ts';
import { attackDate } from './attack-date.ts';
import { findRecords, findDowntime } from './impact.ts';
import { attackTypes, ransomIncident, ransomwareGang } from './attack-types.ts';
import { hasIncident, relevance } from './relevance.ts';
import { detectLanguage, readsFacts, withoutFacts } from './language.ts';
import { textCountry } from './country-decide.ts';

// A sum told as a past event of its own: "the attacker demanded TicketFly pay 1 bitcoin".
// Also a campaign's take or a note left behind, told in the past: "the worm had brought in $20,000 in ransom payments",
// "was wiping databases and leaving a ransom note demanding 0.2 BTC", "the city was the victim of an attack … $250,000".
// A demand going on now, by people, is as specific: "the senders are asking for $800 each", "they are willing to
// accept vouchers instead", "a demand was made for £90,000" (a strain's habit is told in the simple present); and
// pressure told as past: "intruders pressured the practice to pay 12 bitcoin".
const PAST_CLAIM = /\b(?:demanded|paid|sought|asked for|requested|extorted|wanted|handed over|transferred|received|coughed up|(?:chose|agreed|decided|opted|was forced|were forced) to pay|(?:had|has|have) (?:\w+ )?(?:brought in|raked in|netted|collected|earned|made)|(?:was|were|had been) (?:\w+ing|\w+ed)\b[^.]*\bdemand(?:ing)?|(?:was|were|has been|had been) (?:the )?victims? of|(?:are|’re|'re) (?:\w+ )?(?:demanding|asking for|seeking|requesting|willing to accept)|(?:a|the) (?:ransom )?demand (?:was|has been|had been) (?:made|issued|sent)|(?:was|were) used to (?:coerce|force|extort|blackmail)|(?:coerced|forced|pressured) [^.;]{1,80}? to pay)\b/i;

// A threat made to one target, told as going on or done: "is threatening to publish the files unless …",
// "threatened to sell the records for 20 bitcoins" (a strain's habit is told in the simple present: "threatens").
const THREAT = /\b(?:threatened|threatening)\b/i;

// Software as the one asking, in an article that names no victim: what a strain or app asks of anyone who runs it
// ("the app sought 0.3 Bitcoin per phone", "a campaign spreading this variant demanded 0.05 bitcoins per server").
// Not "the ransomware demanded": news uses it for one attack as often as for a strain.
const SOFTWARE_ASKS = /\b(?:app|application|program|trojan|campaign|variant|strain|version)\b(?:\s+[\w’'-]+){0,5}?\s+(?:demanded|sought|asked for|requested|wanted)\b/i;

export const EXTRACTOR_VERSION = 'extract-0.6.3';
export { loadReference, type Reference } from './reference.ts';

export interface ExtractDetail { extraction: Extraction; skipped: Skipped[] }

/** Like extract(), plus the sums skipped and why (e.g. unknown_currency), for logs and failure records. */
export function extractDetailed(article: CleanArticle, ref: Reference): ExtractDetail {
  const text = article.text;
  const sents = sentences(text);
  const published = article.published ? article.published.slice(0, 10) : null;
  const victims = findVictims(text, sents, ref, published ? Number(published.slice(0, 4)) : null);
  // …told in any language the victim lists read ("ciberataque", "cyberattaque", "Hackerangriff")
  const incident = hasIncident(sents, victims.length > 0)
    || victims.length > 0 && sents.some((s) => victimCues(ref.lists).incident.test(s.text));
  const lang = detectLanguage(text, ref.lists).lang;
  const score = relevance(ref.lists, lang, article.title, sents, victims);
  // an article judged to report a healthcare incident tells one, even when no victim's name was read
  const reported = incident || score >= 0.5;
  const attack = attackDate(text, sents, article.published, ref.lists, lang);
  const rateMonth = (attack?.date ?? published)?.slice(0, 7) ?? null;
  // the incident's year: its attack date's, else the year before publication (a story may run into the next year)
  const year = attack?.date ? Number(attack.date.slice(0, 4)) : published ? Number(published.slice(0, 4)) - 1 : null;
  const found = findRansom(text, sents, ref, rateMonth, { victims: victims.map((v) => v.name), year });
  const told = ransomIncident(sents);
  // sums in an article that tells of no incident (a strain or a trend described) are no incident facts
  // (the incident test reads English: in another language the sums' own cues decide)
  const said = (c: { evidence: { start: number } }) => sentenceAt(sents, c.evidence.start)?.text ?? '';
  const claims = incident || !['en', 'und'].includes(lang) ? found.claims
    : found.claims.filter((c) => (told || PAST_CLAIM.test(said(c)) || THREAT.test(said(c))) && !SOFTWARE_ASKS.test(said(c)));
  const skipped = found.skipped;
  // A report listing many victims tells no single attack date or outage (findRecords tells a roundup by its counts).
  const roundup = victims.length >= 3;
  // (the incident test reads English: in another language a group named by construction speaks for itself)
  const actors = reported || !['en', 'und'].includes(lang) ? findActors(text, sents, ref) : [];
  // a ransom incident: a claim, an incident told as fact, or a ransomware/extortion group named as the attacker
  const ransom = claims.length > 0 || actors.length > 0 || told;
  const types = attackTypes(sents, ref.lists, {
    incident: reported, ransom, gang: ransomwareGang(actors, ref.groups, ref.lists), demands: claims.map(said),
  });
  // counts of people or records are read where a victim or a data breach is told; outages where an attack is
  const names = victims.map((v) => [v.name, v.canonical]);
  const records = reported || types.includes('data-breach') ? findRecords(text, sents, ref.lists, names) : null;
  const downtime = reported || types.length ? findDowntime(text, sents) : null;
  const countries = [...new Set(victims.map((v) => v.country).filter((c): c is string => !!c))];
  const extraction: Extraction = {
    doc_id: article.doc_id,
    extractor_version: EXTRACTOR_VERSION,
    relevant: score >= 0.5,
    relevance: score,
    attack_types: types,
    victims: incident ? victims : [],
    actors,
    ransom: claims,
    payment_method: paymentMethod(claims, sents, text),
    records_affected: records,
    // an article judged to report an incident dates it even when no victim is named
    attack_date: reported && !roundup ? attack?.date ?? null : null,
    published,
    downtime_days: roundup ? null : downtime?.days ?? null,
    // with no victim named, the country the text places the incident in
    countries: countries.length ? countries : [textCountry(text, sents, ref, lang)].filter((c): c is string => !!c),
    language: lang,
  };
  // a language the fact rules do not read yields relevance and language only, never invented facts
  return { extraction: readsFacts(lang) ? extraction : withoutFacts(extraction), skipped };
}

export function extract(article: CleanArticle, ref: Reference): Extraction {
  return extractDetailed(article, ref).extraction;
}
