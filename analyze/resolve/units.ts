// Resolve units: what grouping reads of one document (or older version) and its extraction, small enough to keep
// in the store and read for the whole store on every run (issue 19). A unit holds the fields document clustering
// reads, each candidate's grouping fields (key, names, country, interval, victim, match signature), the rider's, and
// a digest of everything else an incident built from it reads (the extraction, the source's fields). Grouping runs
// on units alone (groupUnits: the same steps as resolve.ts groupAll, so the same groups); the few groups whose
// inputs changed are hydrated (hydrated(): the full candidates, made by the same functions) and built.
import { createHash } from 'node:crypto';
import type { CleanArticle, Extraction, Victim } from '../../core/records.ts';
import { candidatesOf, latestExtractions, riderOf, toSource, type Candidate, type Source } from './candidates.ts';
import { clusterDocuments } from './documents.ts';
import { groupCandidates, matchSig, type CachedEdges } from './group.ts';
import { isCurrent } from './incident.ts';
import { addStoryTerms, attachRiders, storyIndex, storyLinks, type StoryIndex, type StoryTerms } from './stories.ts';
import { settings, type DocCluster, type DocRole, type ResolveOptions, type Settings } from './types.ts';

/** What document clustering reads of a document (documents.ts); the rest of the article stays in the store. */
export type UnitDoc = Pick<
  CleanArticle,
  'content_hash' | 'url' | 'canonical_url' | 'published' | 'modified' | 'fetched_at'
>;

export interface UnitCandidate {
  key: string;
  /** group.ts matchSig under the run's match rules */
  sig: string;
  names: string[];
  country: string | null;
  lo: number | null;
  hi: number | null;
  shared: boolean;
  victim: Victim;
}

export interface Unit {
  /** the id resolve knows it by: the doc_id, or an older version's version_id */
  rid: string;
  /** an older version's document (the store's versions map), else null */
  doc_of: string | null;
  /** null when an extraction has no document */
  doc: UnitDoc | null;
  /** an extraction reads it (this extractor version): a source */
  ext: boolean;
  relevant: boolean;
  /** the source's published day (story links' window) */
  published: string | null;
  /** a digest of the extraction and the source's fields (inputs.ts) */
  digest: string;
  cands: UnitCandidate[];
  rider: { country: string | null; lo: number | null; hi: number | null } | null;
  /** the version's story terms (stories.ts), null when it has no signature */
  story: StoryTerms | null;
}

/** A candidate made from a unit: `ext` and the source's fields are not there (see hydrated()). */
export type UnitCand = Candidate & { unit: string; sig?: string; riding?: boolean };

const PLACEHOLDER: DocRole = { cluster: '', superseded: false, duplicate_of: null };
/** Never read while grouping: a unit candidate's extraction is loaded only to build its incident. */
const NO_EXTRACTION = Object.freeze({}) as Extraction;

/** The unit of one document (doc_id = rid) and its extraction (forResolve'd, doc_id = rid), if any. */
export function unitOf(
  rid: string,
  docOf: string | null,
  doc: CleanArticle | undefined,
  ext: Extraction | null,
  s: Settings,
  rules: string,
  story: StoryTerms | null = null,
): Unit {
  const src = ext ? toSource(doc, ext, PLACEHOLDER) : null;
  const cands = ext && src ? candidatesOf(ext, src, s) : [];
  const rider = ext && src ? riderOf(ext, src, s) : null;
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        doc?.content_hash ?? null,
        src?.url,
        src?.file,
        src?.outlet,
        src?.title,
        src?.published,
        src?.at,
      ]),
    )
    .update('\u0000')
    .update(JSON.stringify(ext))
    .digest('base64url')
    .slice(0, 22);
  return {
    rid,
    doc_of: docOf,
    doc: doc
      ? {
          content_hash: doc.content_hash,
          url: doc.url,
          canonical_url: doc.canonical_url,
          published: doc.published,
          modified: doc.modified,
          fetched_at: doc.fetched_at,
        }
      : null,
    ext: ext !== null,
    relevant: !!ext?.relevant,
    published: src?.published ?? null,
    digest,
    cands: cands.map((c) => ({
      key: c.key,
      sig: matchSig(c, rules),
      names: c.names,
      country: c.country,
      lo: c.lo,
      hi: c.hi,
      shared: c.shared,
      victim: c.victim,
    })),
    rider: rider && { country: rider.country, lo: rider.lo, hi: rider.hi },
    story,
  };
}

/** Units of documents and extractions held in memory (older versions already under their own ids, `versions`). */
export function unitsFrom(
  docs: CleanArticle[],
  extractions: Extraction[],
  s: Settings,
  rules: string,
  stories: Map<string, StoryTerms>,
): Unit[] {
  const byId = new Map(docs.map((d) => [d.doc_id, d]));
  const exts = new Map(latestExtractions(extractions).map((e) => [e.doc_id, e]));
  const ids = [...new Set([...byId.keys(), ...exts.keys()])];
  return ids.map((id) =>
    unitOf(id, s.versions[id] ?? null, byId.get(id), exts.get(id) ?? null, s, rules, stories.get(id) ?? null),
  );
}

export interface UnitGroups {
  s: Settings;
  clusters: DocCluster[];
  /** ids of units with a document (texts can be read for them) */
  withDoc: Set<string>;
  groups: UnitCand[][];
}

const asArticle = (u: Unit): CleanArticle =>
  ({ ...u.doc!, doc_id: u.rid, file: null, title: null, byline: null, outlet: null, text: '' }) as CleanArticle;

/** resolve.ts groupAll() over units: the same clusters and groups, of unit candidates. The older versions among the
 * units (doc_of) are the store's versions map; the story index is `built` by the caller, else made of the units'
 * terms (every unit with terms counts, a relevant one keeps them). The units' candidates are taken over: a set of
 * units is grouped once. */
export function groupUnits(
  units: Unit[],
  opts: ResolveOptions,
  nearPairs: [string, string][],
  built: StoryIndex | undefined,
  cached?: CachedEdges,
): UnitGroups {
  const stories = built ?? storyIndex();
  if (!built) for (const u of units) if (u.story) addStoryTerms(stories, u.rid, u.story, u.relevant);
  const versions = { ...opts.versions };
  for (const u of units) if (u.doc_of !== null) versions[u.rid] = u.doc_of;
  const s = settings({ ...opts, versions });
  const docs = units.filter((u) => u.doc !== null);
  const { clusters, roles } = clusterDocuments(docs.map(asArticle), s, nearPairs);
  const alone = (id: string): DocRole => ({ cluster: id, superseded: false, duplicate_of: null });
  const sourced = units.filter((u) => u.ext);
  const sourceOf = (u: Unit) => ({ doc_id: u.rid, role: roles.get(u.rid) ?? alone(u.rid), published: u.published });
  const candidates: UnitCand[] = [];
  const riders: UnitCand[] = [];
  for (const u of sourced) {
    const source = sourceOf(u) as Source;
    // the unit's own candidate objects become the grouping's (a copy of each was ~100 MB more at 100k documents):
    // units are read for one grouping only
    for (const c of u.cands) candidates.push(Object.assign(c, { source, ext: NO_EXTRACTION, unit: u.digest }));
    if (u.rider && !source.role.superseded) {
      const r = { ...u.rider, source, ext: NO_EXTRACTION, shared: false, unit: u.digest, riding: true };
      riders.push(r as UnitCand);
    }
  }
  const links = storyLinks(stories, new Map(sourced.map((u) => [u.rid, u.published])), s);
  const groups = groupCandidates(candidates, s, links, cached) as UnitCand[][];
  attachRiders(groups, riders, links, s.windowDays);
  return { s, clusters, withDoc: new Set(docs.map((u) => u.rid)), groups: groups.filter(isCurrent) };
}

/** What hydrating a unit needs: its document (without text) and extraction (forResolve'd), under its rid. */
export interface UnitData {
  doc: CleanArticle | undefined;
  ext: Extraction;
}

/** The full candidates of unit groups, made by the functions the in-memory resolve uses; one Source per unit, shared
 * by its candidates in these groups (`sources`, filled). */
export function hydrated(
  groups: UnitCand[][],
  data: Map<string, UnitData>,
  s: Settings,
  sources: Map<string, Source>,
): Candidate[][] {
  const made = new Map<string, Map<string, Candidate>>();
  return groups.map((g) =>
    g.map((c) => {
      const rid = c.source.doc_id;
      const d = data.get(rid)!;
      let src = sources.get(rid);
      if (!src) sources.set(rid, (src = toSource(d.doc, d.ext, c.source.role)));
      if (c.riding) return { ...riderOf(d.ext, src, s)!, key: c.key, victim: c.victim, names: c.names };
      let byKey = made.get(rid);
      if (!byKey) made.set(rid, (byKey = new Map(candidatesOf(d.ext, src, s).map((x) => [x.key, x]))));
      return byKey.get(c.key)!;
    }),
  );
}
