// resolve: clean articles + their extractions → document clusters and incidents. Pure and deterministic:
// the same inputs in any order give byte-identical JSON.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import { candidatesOf, latestExtractions, riderOf, toSource, type Candidate } from './candidates.ts';
import { addStory, attachRiders, storyIndex, storyLinks, type StoryIndex } from './stories.ts';
import { clusterDocuments } from './documents.ts';
import { groupCandidates, type CachedEdges } from './group.ts';
import { assignIds } from './ids.ts';
import { buildIncident, isCurrent } from './incident.ts';
import { crossCheck } from './regulator.ts';
import { settings, type DocCluster, type DocRole, type ResolveOptions, type Settings } from './types.ts';

export { DocCluster, CLUSTER_REASONS, DEFAULTS, type ResolveOptions } from './types.ts';
export { matchNames, nameKey, nameTokens } from './names.ts';
export { shingles, jaccard } from './minhash.ts';

export interface Resolved {
  clusters: DocCluster[];
  incidents: Incident[];
}

/** Everything resolve decides before it reads texts again: clusters, and the candidate groups (one per
 * incident, withdrawn ones dropped). Shared by resolve() and the blocked variant (blocked.ts). */
export interface Grouped {
  s: Settings;
  clusters: DocCluster[];
  byId: Map<string, CleanArticle>;
  groups: Candidate[][];
}

/** `stories`: the story index when the caller built it while streaming texts (pipeline/resolve-store.ts); else it is
 * built here from the documents' texts, over the same documents. `cached`: name edges kept between runs (group.ts). */
export function groupAll(
  docs: CleanArticle[],
  extractions: Extraction[],
  opts: ResolveOptions,
  nearPairs?: [string, string][],
  stories?: StoryIndex,
  cached?: CachedEdges,
): Grouped {
  const s = settings(opts);
  const { clusters, roles } = clusterDocuments(docs, s, nearPairs);
  const byId = new Map(docs.map((d) => [d.doc_id, d]));
  const alone = (id: string): DocRole => ({ cluster: id, superseded: false, duplicate_of: null });
  const exts = latestExtractions(extractions);
  const sources = exts.map((ext) => toSource(byId.get(ext.doc_id), ext, roles.get(ext.doc_id) ?? alone(ext.doc_id)));
  const candidates: Candidate[] = exts.flatMap((ext, i) => candidatesOf(ext, sources[i]!, s));
  const ix = stories ?? storiesOf([...byId.values()], exts);
  const links = storyLinks(ix, new Map(sources.map((src) => [src.doc_id, src.published])), s);
  const groups = groupCandidates(candidates, s, links, cached);
  const riders = exts.flatMap((ext, i) => riderOf(ext, sources[i]!, s) ?? []).filter((r) => !r.source.role.superseded);
  attachRiders(groups, riders, links, s.windowDays);
  return { s, clusters, byId, groups: groups.filter(isCurrent) };
}

/** The story index over the given texts: every document counts, a relevant one keeps its terms. */
export function storiesOf(docs: { doc_id: string; text: string }[], exts: Extraction[]): StoryIndex {
  const relevant = new Set(exts.filter((e) => e.relevant).map((e) => e.doc_id));
  const ix = storyIndex();
  for (const d of docs) addStory(ix, d.doc_id, d.text, relevant.has(d.doc_id));
  return ix;
}

export const victimNamesOf = (inc: Incident): string[] =>
  [...new Set([inc.victim, ...inc.history.victim.map((r) => String(r.value))])].sort();

export function resolve(docs: CleanArticle[], extractions: Extraction[], opts: ResolveOptions = {}): Resolved {
  const { s, clusters, byId, groups } = groupAll(docs, extractions, opts);
  const textsOf = (inc: Incident) => inc.sources.map((src) => byId.get(src.doc_id)?.text ?? '');
  const incidents = crossCheck(
    assignIds(groups.map(buildIncident)),
    s.regulator,
    textsOf,
    victimNamesOf,
    s.jaroWinkler,
  );
  return { clusters, incidents };
}
