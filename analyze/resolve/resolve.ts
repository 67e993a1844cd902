// resolve: clean articles + their extractions → document clusters and incidents. Pure and deterministic:
// the same inputs in any order give byte-identical JSON.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import { candidatesOf, latestExtractions, toSource, type Candidate } from './candidates.ts';
import { clusterDocuments } from './documents.ts';
import { groupCandidates } from './group.ts';
import { assignIds } from './ids.ts';
import { buildIncident, isCurrent } from './incident.ts';
import { crossCheck } from './regulator.ts';
import { settings, type DocCluster, type DocRole, type ResolveOptions } from './types.ts';

export { DocCluster, CLUSTER_REASONS, DEFAULTS, type ResolveOptions } from './types.ts';
export { matchNames, nameKey, nameTokens } from './names.ts';
export { jaroWinkler } from './jaro.ts';
export { shingles, jaccard } from './minhash.ts';

export interface Resolved {
  clusters: DocCluster[];
  incidents: Incident[];
}

export function resolve(docs: CleanArticle[], extractions: Extraction[], opts: ResolveOptions = {}): Resolved {
  const s = settings(opts);
  const { clusters, roles } = clusterDocuments(docs, s);
  const byId = new Map(docs.map((d) => [d.doc_id, d]));
  const alone = (id: string): DocRole => ({ cluster: id, superseded: false, duplicate_of: null });
  const candidates: Candidate[] = latestExtractions(extractions).flatMap((ext) =>
    candidatesOf(ext, toSource(byId.get(ext.doc_id), ext, roles.get(ext.doc_id) ?? alone(ext.doc_id)), s));
  const groups = groupCandidates(candidates, s).filter(isCurrent);
  const textsOf = (inc: Incident) => inc.sources.map((src) => byId.get(src.doc_id)?.text ?? '');
  const namesOf = (inc: Incident) => [...new Set([inc.victim, ...inc.history.victim.map((r) => String(r.value))])].sort();
  const incidents = crossCheck(assignIds(groups.map(buildIncident)), s.regulator, textsOf, namesOf, s.jaroWinkler);
  return { clusters, incidents };
}
