// Victims: healthcare organisations by name pattern, gazetteer names, acronyms resolved within the article,
// plus non-health organisations named as the subject of an attack (sector other).
import type { Victim } from '../../core/records.ts';
import type { Reference, VictimRef } from './reference.ts';
import { findGazetteer, lookupName } from './gazetteer.ts';
import { nameRuns, acronyms, type NameSpan } from './orgnames.ts';
import { sectorOf } from './sectors.ts';
import { findPlaces, dominantCountry, countryNear } from './countries.ts';
import { evidence, fold, sentenceAt, escapeRe, type Span } from './text.ts';

export const INCIDENT = /\b(?:cyber-?\s?attacks?|cyber|ransomware|hack(?:ed|ers?|ing)?|breach(?:ed|es)?|attack(?:ed|s)?|intrusion|encrypt\w*|compromised|malware|extortion|leak site|stolen|outage|servers? (?:went|were|was|had been) (?:down|hit)|phishing|ddos|denial-of-service|incident|criminals?|unauthori[sz]ed|fake email|(?:suspicious|unusual) activity)\b/i;
const HEALTH_HEAD = /\b(?:hospitals?|clinics?|klinikum|kliniken|universitatsklinikum|hopital|hopitaux|hospitalier|hospitalario|hospitalar|sanitaria|laborator(?:y|ies)|labs|diagnostics|pathology|healthcare|health|medical|pharma|pharmaceuticals?|pharmacy|heart|cancer|cardiac|oncology|dental|clinica|klinik|sante|salud|saude|medicine|insurer)\b/;
const NOT_ORG = /\b(?:minister|ministers|secretary|officer|director|commissioner|act|bill|cyber|daily|news|review|wire|weekly|post|times|research|awareness|month|day|scheme|mission|card|cards|programme|program|policy|regulator|week|summit|conference|report|index|survey|information|records|service 111|numbers)$/;
const SUBJECT_OF_ATTACK = /^[^,]*?(?:,[^,]{0,120},)?\s*(?:has|had|have)?\s*(?:been|was|were|is)?\s*(?:hit|targeted|attacked|struck|breached|hacked|compromised|suffered|fell victim|came under|disclosed|confirmed|detected|says|said|halted|paid|suspended|recovering)\b/;
// Before a sentence subject: a dateline ("PORT ELGIN NORTH – ") and/or "The".
const LEADIN = /^(?:[\p{Lu}][\p{Lu}\s,.]*(?:\([^)]*\))?\s*[–—-]\s)?(?:The\s)?$/u;
const AUTHORITY = /\b(?:Police|Bureau|Court|Agency|FBI|Europol|Interpol|Regulator|Prosecutors?|Ministry|Department|Centre for|Council of|Cybersecurity|Cyber Security|Coordination)\b/;
const COMPANY = /\b(?:Ltd|Limited|Inc|Corp|Corporation|Company|Group|plc|PLC|LLC|GmbH|AG|Pvt)\.?$/;

interface Entity { key: string; ref?: VictimRef; forms: NameSpan[]; health: boolean }

export function findVictims(text: string, sents: Span[], ref: Reference): Victim[] {
  const runs = nameRuns(text);
  const acrs = acronyms(text, runs);
  const entities = new Map<string, Entity>();
  const add = (key: string, span: NameSpan, health: boolean, vref?: VictimRef) => {
    const e = entities.get(key) ?? { key, ref: vref, forms: [], health: false };
    e.forms.push(span); e.health ||= health; e.ref ??= vref;
    entities.set(key, e);
  };
  const gaz = findGazetteer(ref.victims, text);
  for (const h of gaz) add(h.entry.name, { start: h.start, end: h.end, name: text.slice(h.start, h.end) }, h.entry.sector !== 'other', h.entry);
  const covered = (s: NameSpan) => gaz.some((h) => s.start < h.end && h.start < s.end);
  const acrFull = new Map(acrs.map((a) => [a.acronym, a.full]));
  for (const a of acrs) if (!covered(a.full)) { const g = lookupName(ref.victims, a.full.name); if (g) add(g.name, a.full, true, g); }

  for (const r of runs) {
    if (covered(r)) continue;
    const f = fold(r.name);
    const full = acrFull.get(r.name);
    if (full) { addNamed(full.name, r); continue; }
    if (NOT_ORG.test(f) || AUTHORITY.test(r.name) || r.name.split(' ').length > 9) continue;
    const health = HEALTH_HEAD.test(f) && /\s/.test(r.name);
    const s = sentenceAt(sents, r.start);
    const subject = !!s && !AUTHORITY.test(r.name) && LEADIN.test(text.slice(s.start, r.start)) && SUBJECT_OF_ATTACK.test(s.text.slice(r.name.length)) && INCIDENT.test(s.text);
    if (health) addNamed(r.name, r, true);
    else if (subject && (COMPANY.test(r.name) || /\s/.test(r.name))) {
      // a company described as "a German maker of biosimilar drugs" is a health victim after all
      const about = text.slice(r.end, r.end + 120).split(/[.;]/)[0] ?? '';
      addNamed(r.name.replace(/^The\s/, ''), r, sectorOf(r.name, about) !== 'other');
    }
  }
  function addNamed(name: string, span: NameSpan, health = true) {
    const g = lookupName(ref.victims, name);
    if (g) return add(g.name, span, true, g);
    add(fold(name), { ...span, name: span.name }, health);
  }
  mergeContained(entities);
  return select(text, sents, ref, [...entities.values()], acrs.map((a) => a.acronym));
}

/** "Karoo Pathology" and "Karoo Pathology Laboratories" are one entity: fold shorter word-prefixes/suffixes into the longer. */
function mergeContained(entities: Map<string, Entity>): void {
  const list = [...entities.values()].sort((a, b) => b.key.length - a.key.length);
  for (const small of list) {
    if (small.ref) continue;
    const big = list.find((b) => b !== small && entities.has(b.key) && b.key.length > small.key.length
      && new RegExp(`(?:^|\\s)${escapeRe(small.key)}(?:\\s|$)`).test(fold(b.ref?.name ?? b.key) + ' ' + b.forms.map((f) => fold(f.name)).join(' ')));
    if (!big) continue;
    big.forms.push(...small.forms); big.health ||= small.health;
    entities.delete(small.key);
  }
}

/** The mention's sentence, or the one before/after it, tells of an attack. */
function incidentNear(sents: Span[], pos: number): boolean {
  const s = sentenceAt(sents, pos);
  if (!s) return false;
  const i = sents.indexOf(s);
  return [sents[i - 1], s, sents[i + 1]].some((x) => x && INCIDENT.test(x.text));
}

function select(text: string, sents: Span[], ref: Reference, entities: Entity[], acrs: string[]): Victim[] {
  const places = findPlaces(text, ref.places);
  const fallback = dominantCountry(places);
  const scored = entities.map((e) => {
    const forms = e.forms.sort((a, b) => a.start - b.start);
    const inIncident = forms.filter((f) => incidentNear(sents, f.start));
    return { e, forms, inIncident, mentions: forms.length };
  }).filter((x) => x.inIncident.length > 0);
  if (!scored.length) return [];
  scored.sort((a, b) => Number(b.e.health) - Number(a.e.health) || b.inIncident.length - a.inIncident.length || b.mentions - a.mentions || a.forms[0]!.start - b.forms[0]!.start);
  const primary = scored[0]!;
  const keep = scored.filter((x) => x === primary || (x.e.health || !primary.e.health) && (x.mentions >= 2 || x.e.ref !== undefined));
  return keep.sort((a, b) => a.forms[0]!.start - b.forms[0]!.start).map(({ e, forms, inIncident }) => {
    const written = forms.filter((f) => !acrs.includes(f.name)).sort((a, b) => b.name.length - a.name.length)[0] ?? forms[0]!;
    const first = inIncident[0]!;
    const s = sentenceAt(sents, first.start)!;
    const canonical = e.ref?.name ?? written.name;
    const after = text.slice(written.end, written.end + 120).split(/[.;]/)[0] ?? '';
    const sector = e.ref?.sector ?? sectorOf(canonical, after);
    return {
      name: written.name, canonical, sector,
      country: e.ref?.country ?? countryNear(places, written.start, written.end, s.end, fallback),
      evidence: evidence(text, s.start, s.end),
    };
  });
}
