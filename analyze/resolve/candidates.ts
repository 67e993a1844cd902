// One candidate per (relevant extraction, victim): the unit that incident grouping works on.
import type { CleanArticle, Extraction, Victim } from '../../core/records.ts';
import { nameKey } from './names.ts';
import type { DocRole, Settings } from './types.ts';
import { cmpBy, dateOf, dayNumber, instant } from './util.ts';

/** A document as an incident source, with its role from document clustering. */
export interface Source {
  doc_id: string;
  url: string | null;
  file: string | null;
  outlet: string | null;
  title: string | null;
  /** YYYY-MM-DD as printed by the publisher */
  published: string | null;
  /** the instant, for ordering within a day */
  at: number | null;
  role: DocRole;
  /** the cleaned text, read for the victim's own confirmation (confirm.ts) */
  text: string | null;
}

export interface Candidate {
  /** doc_id + normalised victim name: unique, and independent of input order */
  key: string;
  source: Source;
  ext: Extraction;
  victim: Victim;
  /** every name this victim goes by here: as written, canonical, configured aliases */
  names: string[];
  country: string | null;
  /** day numbers bounding the attack date, or null when nothing is known */
  lo: number | null;
  hi: number | null;
  /** the extraction names several victims: its incident facts may belong to another one */
  shared: boolean;
}

/** A report that named no victim, riding on the incident of the report it most resembles (stories.ts). */
export type Rider = Omit<Candidate, 'key' | 'victim' | 'names'>;

export const bySource = cmpBy<Source>(
  (s) => s.published,
  (s) => s.at,
  (s) => s.doc_id,
);

export function toSource(doc: CleanArticle | undefined, ext: Extraction, role: DocRole): Source {
  return {
    doc_id: ext.doc_id,
    url: doc ? (doc.canonical_url ?? doc.url) : null,
    file: doc?.file ?? null,
    outlet: doc?.outlet ?? null,
    title: doc?.title ?? null,
    published: dateOf(doc?.published) ?? ext.published,
    at: instant(doc?.published) ?? (ext.published ? instant(`${ext.published}T00:00:00Z`) : null),
    role,
    text: doc?.text ?? null,
  };
}

/** One extraction per document: if several are given, the highest extractor_version wins. */
export function latestExtractions(exts: Extraction[]): Extraction[] {
  const sorted = [...exts].sort(
    cmpBy(
      (e) => e.doc_id,
      (e) => e.extractor_version,
      (e) => JSON.stringify(e),
    ),
  );
  return [...new Map(sorted.map((e) => [e.doc_id, e])).values()];
}

function aliasTable(aliases: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(aliases).map(([alias, canonical]) => [nameKey(alias), canonical]));
}

/** Known attack date of a single-victim report, else a window ending at publication. */
function interval(ext: Extraction, src: Source, shared: boolean, s: Settings): [number | null, number | null] {
  if (ext.attack_date && !shared) return [dayNumber(ext.attack_date), dayNumber(ext.attack_date)];
  if (!src.published) return [null, null];
  const p = dayNumber(src.published);
  return [p - (shared ? s.multiVictimLookbackDays : s.windowDays), p];
}

/** Where the article first names this victim (any of its entries). */
function firstAt(ext: Extraction, v: Victim): number {
  const key = nameKey(v.canonical);
  return Math.min(...ext.victims.filter((x) => nameKey(x.canonical) === key).map((x) => x.evidence.start));
}

/** Victims of one extraction, one per normalised name, in name order. */
function distinctVictims(ext: Extraction): Victim[] {
  const sorted = [...ext.victims].sort(
    cmpBy(
      (v) => nameKey(v.canonical),
      (v) => v.name,
      (v) => v.country,
    ),
  );
  return [...new Map(sorted.map((v) => [nameKey(v.canonical), v])).values()];
}

export function candidatesOf(ext: Extraction, src: Source, s: Settings): Candidate[] {
  if (!ext.relevant) return [];
  // Triage counts healthcare incidents: a non-health victim named beside a health one in a relevant article (a telco
  // in a roundup, the vendor whose flaw was used) makes no incident of its own. When no victim's sector could be told
  // from words (a brand name: "Vivalia", "DaVita"), the article still reports a healthcare incident: its first-named
  // victim stands for it.
  const named = distinctVictims(ext).filter((v) => nameKey(v.canonical) !== '');
  const health = named.filter((v) => v.sector !== 'other');
  const first = [...named]
    .sort(
      cmpBy(
        (v) => firstAt(ext, v),
        (v) => nameKey(v.canonical),
      ),
    )
    .slice(0, 1);
  const victims = health.length ? health : first;
  const shared = victims.length > 1;
  const aliases = aliasTable(s.aliases);
  const [lo, hi] = interval(ext, src, shared, s);
  return victims.map((victim) => {
    const written = [victim.canonical, victim.name];
    const extra = written.map((n) => aliases.get(nameKey(n))).filter((n): n is string => n !== undefined);
    const country = victim.country ?? (ext.countries.length === 1 ? ext.countries[0] : null);
    return {
      key: `${ext.doc_id}\u241f${nameKey(victim.canonical)}`,
      source: src,
      ext,
      victim,
      names: [...new Set([...written, ...extra])].sort(),
      country,
      lo,
      hi,
      shared,
    };
  });
}

/** A relevant report that names no victim: it may join the incident of a report it resembles (stories.ts). */
export function riderOf(ext: Extraction, src: Source, s: Settings): Rider | null {
  if (!ext.relevant || ext.victims.some((v) => nameKey(v.canonical) !== '')) return null;
  const [lo, hi] = interval(ext, src, false, s);
  return { source: src, ext, country: ext.countries.length === 1 ? ext.countries[0] : null, lo, hi, shared: false };
}

const NO_EVIDENCE = Object.freeze({ quote: '', start: 0, end: 0 });

/** The extraction as resolve reads it: victim, actor and records quotes are never read (only ransom quotes reach
 * the incident), so a caller holding many extractions may drop them. Irrelevant ones make no candidate at all. */
export function forResolve(ext: Extraction): Extraction {
  if (!ext.relevant) return { ...ext, victims: [], actors: [], ransom: [], records_affected: null };
  return {
    ...ext,
    // the victim's offset stays: it tells which victim the article names first
    victims: ext.victims.map((v) => ({
      ...v,
      evidence: { quote: '', start: v.evidence.start, end: v.evidence.start },
    })),
    actors: ext.actors.map((a) => ({ ...a, evidence: NO_EVIDENCE })),
    records_affected: ext.records_affected && { ...ext.records_affected, evidence: NO_EVIDENCE },
  };
}
