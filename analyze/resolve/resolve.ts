// resolve: clean articles + their extractions → document clusters and incidents. Pure and deterministic:
// the same inputs in any order give byte-identical JSON.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import { candidatesOf, latestExtractions, toSource, type Candidate } from './candidates.ts';
import { clusterDocuments } from './documents.ts';
import { groupCandidates } from './group.ts';
import { assignIds } from './ids.ts';
import { buildIncident, isCurrent } from './incident.ts';
import { crossCheck } from './regulator.ts';
import { settings, type DocCluster, type DocRole, type ResolveOptions, type Settings } from './types.ts';

export { DocCluster, CLUSTER_REASONS, DEFAULTS, type ResolveOptions } from './types.ts';
export { matchNames, nameKey, nameTokens } from './names.ts';
export { jaroWinkler } from './jaro.ts';
export { shingles, jaccard } from './minhash.ts';

export interface Resolved {
  clusters: DocCluster[];
  incidents: Incident[];
}

/** Everything resolve decides before it reads texts again: clusters, and the candidate groups (one per
 * incident, withdrawn ones dropped). Shared by resolve() and the blocked variant (blocked.ts). */
export interface Grouped { s: Settings; clusters: DocCluster[]; byId: Map<string, CleanArticle>; groups: Candidate[][] }

export function groupAll(docs: CleanArticle[], extractions: Extraction[], opts: ResolveOptions,
  nearPairs?: [string, string][]): Grouped {
  const s = settings(opts);
  const { clusters, roles } = clusterDocuments(docs, s, nearPairs);
  const byId = new Map(docs.map((d) => [d.doc_id, d]));
  const alone = (id: string): DocRole => ({ cluster: id, superseded: false, duplicate_of: null });
  const candidates: Candidate[] = latestExtractions(extractions).flatMap((ext) =>
    candidatesOf(ext, toSource(byId.get(ext.doc_id), ext, roles.get(ext.doc_id) ?? alone(ext.doc_id)), s));
  return { s, clusters, byId, groups: groupCandidates(candidates, s).filter(isCurrent) };
}

export const victimNamesOf = (inc: Incident): string[] =>
  [...new Set([inc.victim, ...inc.history.victim.map((r) => String(r.value))])].sort();

export function resolve(docs: CleanArticle[], extractions: Extraction[], opts: ResolveOptions = {}): Resolved {
  const { s, clusters, byId, groups } = groupAll(docs, extractions, opts);
  const textsOf = (inc: Incident) => inc.sources.map((src) => byId.get(src.doc_id)?.text ?? '');
  const incidents = crossCheck(assignIds(groups.map(buildIncident)), s.regulator, textsOf, victimNamesOf, s.jaroWinkler);
  return { clusters, incidents };
}
