// Victim gazetteer lookup: token-indexed so a few hundred names cost one pass over the text.
import type { Sector } from '../../core/records.ts';
import { escapeRe, fold, perText, wordTokens } from './text.ts';
import { withTwin } from './fastre.ts';

export interface VictimRef {
  name: string;
  aliases: string[];
  country: string | null;
  sector: Sector;
}

// exact: matched only as written (letter case too); single: a one-word name that must never be printed in lower case
interface Surface {
  toks: string[];
  entry: VictimRef;
  acronym: boolean;
  exact?: string;
  single?: boolean;
}
export interface Gazetteer {
  byFirst: Map<string, Surface[]>;
  byName: Map<string, VictimRef>;
}
export interface GazHit {
  start: number;
  end: number;
  entry: VictimRef;
}

const WORD = withTwin(/[\p{L}\p{N}]+/gu);
const NAME_START = withTwin(/[\p{Lu}\p{N}]/u);
const foldTokens = (s: string) => fold(s).match(WORD) ?? [];

// entries of the breach list: known names, but not known victims of the story at hand
const LISTED = new WeakSet<VictimRef>();
/** A name from the breach list rather than the curated victims. */
export const breachListed = (entry: VictimRef): boolean => LISTED.has(entry);

/** Curated entries, and names matched only as written (the HHS breach list), which never replace a curated one. */
export function buildGazetteer(entries: VictimRef[], exact: VictimRef[] = []): Gazetteer {
  const byFirst = new Map<string, Surface[]>();
  const byName = new Map<string, VictimRef>();
  const put = (entry: VictimRef, surface: string, asWritten: boolean) => {
    const toks = foldTokens(surface);
    if (!toks.length || (asWritten && byName.has(toks.join(' ')))) return;
    byName.set(toks.join(' '), entry);
    const list = byFirst.get(toks[0]!) ?? [];
    list.push({
      toks,
      entry,
      acronym: /^[A-Z0-9&-]{2,}$/.test(surface),
      ...(asWritten ? { exact: surface, single: toks.length === 1 } : {}),
    });
    byFirst.set(toks[0]!, list);
  };
  for (const entry of entries) for (const surface of [entry.name, ...(entry.aliases ?? [])]) put(entry, surface, false);
  for (const entry of exact) {
    LISTED.add(entry);
    put(entry, entry.name, true);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  return { byFirst, byName };
}

/** Longest gazetteer matches in the text; names must be capitalised as names are (acronyms in capitals). */
export function findGazetteer(gaz: Gazetteer, text: string): GazHit[] {
  // (the words are shared with the group table: text.ts wordTokens)
  const { starts, ends, folded } = wordTokens(text);
  const hits: GazHit[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    // (the capital first: most words are in lower case and need no look-up)
    if (!NAME_START.test(text[start]!)) continue;
    const cands = gaz.byFirst.get(folded[i]!);
    if (!cands) continue;
    for (const c of cands) {
      if (i + c.toks.length > starts.length) continue;
      if (!c.toks.every((t, k) => folded[i + k] === t)) continue;
      const end = ends[i + c.toks.length - 1]!;
      const span = text.slice(start, end);
      if (c.acronym && span !== span.toUpperCase()) continue;
      if (c.exact !== undefined && (span !== c.exact || (c.single && !aName(text, span)))) continue;
      if (c.exact !== undefined && partOf(text, start, end)) continue;
      hits.push({ start, end, entry: c.entry });
      i += c.toks.length - 1;
      break;
    }
  }
  return hits;
}

/** Look a name up as a whole (diacritics and case ignored). */
export function lookupName(gaz: Gazetteer, name: string): VictimRef | undefined {
  return gaz.byName.get(foldTokens(name).join(' '));
}

// a name as written inside a longer one is none of its own ("University Hospital" in "Zagreb University Hospital
// Centre")
const FUNCTION_WORD = /^(?:The|A|An|At|In|On|For|By|And|Of|To|From|With|As|After|Before|When|While|Hackers|But)$/;
const CAPITAL_BEFORE = /(\p{Lu}[\p{L}.'’-]*)[ \t]$/u;
// (…or goes on with "of" and a name: "Cardiology Associates of the Carolinas" is not "Cardiology Associates")
const CAPITAL_AFTER = /^[ \t](?:of[ \t]+(?:the[ \t]+)?)?\p{Lu}/u;
function partOf(text: string, start: number, end: number): boolean {
  const before = CAPITAL_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  return CAPITAL_AFTER.test(text.slice(end, end + 10)) || (!!before && !FUNCTION_WORD.test(before[1]!));
}

/** A one-word name the text writes twice and never in lower case ("Geisinger", not "Harbor … the harbor"). */
const aName = perText((text: string, word: string): boolean => {
  const re = (w: string, f: string) => new RegExp(`(?<![\\p{L}])${escapeRe(w)}(?![\\p{L}])`, f);
  // …and never right after a capitalised word, as a surname is ("Jane Walker")
  const surname = new RegExp(`\\p{Lu}\\p{Ll}+\\s${word}(?![\\p{L}])`, 'u');
  return (
    (text.match(re(word, 'gu'))?.length ?? 0) >= 2 && !re(word.toLowerCase(), 'u').test(text) && !surname.test(text)
  );
});

// legal forms and a trailing branch or place after a dash: "Acme Clinic, Inc.", "Acme Health - Northside"
const LEGAL = new RegExp(
  String.raw`(?:,?\s+(?:Inc|Incorporated|LLC|L\.L\.C|PLLC|P\.?C|P\.?A|LLP|Ltd|Corp|Co|Company|` +
    String.raw`Corporation|N\.A|S\.C)\.?)+$`,
  'i',
);
// a name that says it is a health organisation (the breach list also holds schools, towns and employers' plans)
const HEALTH_NAME = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`Health\w*|Hospitals?|Medic\w*|Clinic\w*|Care\w*|Pharma\w*|Surg\w*|Dental|Dentistry|Ortho\w*`,
      String.raw`Pediatric\w*|Cardio\w*|Radiology|Imaging|Oncology|Cancer|Physicians?|Nursing|Rehab\w*|Hospice`,
      String.raw`Laborator\w*|Labs?|Diagnostic\w*|Therap\w*|Behavioral|Wellness|Eye|Vision|Heart|Kidney|Dialysis`,
      String.raw`Blue Cross|Blue Shield|Insurance|Plan|Infirmary|Sanatorium|Psychiatr\w*|Anesthesi\w*|Urolog\w*`,
      String.raw`Dermatolog\w*|Neurolog\w*|Gastro\w*|Obstetric\w*|Gyn\w*|Pathology|Podiatr\w*|Chiropractic|Hearing`,
      String.raw`Senior|Living|Counseling|Recovery`,
    ].join('|') +
    ')\\b',
);

// a practice named after a person is no organisation's name one can tell from a person's ("Dr. Jane Roe, DDS")
const PERSON = /\b(?:Dr|M\.?D|D\.?D\.?S|D\.?M\.?D|O\.?D|D\.?O|D\.?C|Ph\.?D|MD|DDS|DMD|Esq)\b\.?|,\s*\p{Lu}\.?\s/u;

const CAPITAL_FIRST = /^\p{Lu}/u;
/**
 * Names from the HHS OCR breach list (hhs-breaches.csv: providers and health plans, US): "A d/b/a B" and "A / B" give
 * both names; legal forms are dropped; a name of one word must be 5 letters or more, a person's practice is skipped.
 */
export function hhsEntries(csv: string, places: Map<string, string>): VictimRef[] {
  const out: VictimRef[] = [];
  const seen = new Set<string>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const cols = parseCsvLine(line);
    const type = cols[2] ?? '';
    if (!/^(?:Healthcare Provider|Health Plan)$/.test(type)) continue;
    // a branch or place after a dash or in brackets is dropped ("Acme Health - Northside", "Acme Clinic (Ohio)")
    for (let name of (cols[0] ?? '').split(/\s+(?:d\/b\/a|dba|aka|a\/k\/a|f\/k\/a|fka)\s+|\s*\/\s*/i)) {
      name = name
        .split(/\s+-\s+|\s*\(/)[0]!
        .replace(/\s+/g, ' ')
        .replace(LEGAL, '')
        .replace(/^(?:The|the)\s/, '')
        .trim()
        .replace(/[,.;]$/, '')
        .replace(LEGAL, '');
      if (name.length < 5 || PERSON.test(name) || !CAPITAL_FIRST.test(name) || /\d/.test(name) || seen.has(name))
        continue;
      const single = !/\s/.test(name);
      if (single && (name === name.toUpperCase() || places.has(name))) continue;
      // a school, a town, an employer's plan: other sectors, whose names the breach list holds for their health arm
      if (!HEALTH_NAME.test(name) && (!single || type === 'Health Plan')) continue;
      seen.add(name);
      out.push({ name, aliases: [], country: 'US', sector: type === 'Health Plan' ? 'insurer' : 'health-system' });
    }
  }
  return out;
}

function parseCsvLine(line: string): string[] {
  const cols: string[] = [];
  for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) {
    cols.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
  }
  return cols;
}
