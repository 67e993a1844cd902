// Older versions of stored documents enter resolve as documents of their own (id = version_id), so their
// claims reach history marked superseded; afterwards each such entry names its document again (doc_id) and
// its version (version_id). Without distinct ids, the two versions of one article would count as one
// document and could never join the same incident.
import type { CleanArticle, Extraction, Incident, Reported } from '../../core/records.ts';
import { resolve, type Resolved } from './resolve.ts';
import type { ResolveOptions } from './types.ts';

export interface StoredVersion {
  version_id: string;
  /** the version's text and dates; doc_id is its document's */
  article: CleanArticle;
  /** null when this extractor version has not read it */
  extraction: Extraction | null;
}

function renamed(entry: Reported, docOf: Map<string, string>): Reported {
  const doc = docOf.get(entry.doc_id);
  return doc ? { ...entry, doc_id: doc, version_id: entry.doc_id } : entry;
}

export function restore(inc: Incident, docOf: Map<string, string>): Incident {
  const history = Object.fromEntries(Object.entries(inc.history).map(([k, v]) => [k, v.map((e) => renamed(e, docOf))]));
  const ransom = inc.ransom.map((r) => (docOf.has(r.doc_id) ? { ...r, doc_id: docOf.get(r.doc_id)! } : r));
  return { ...inc, ransom, history };
}

interface StoredInputs {
  docs: CleanArticle[];
  extractions: Extraction[];
  opts: ResolveOptions;
  docOf: Map<string, string>;
}

/** The inputs resolve() sees: older versions join as documents of their own, keyed by version_id. */
function storedInputs(
  docs: CleanArticle[],
  extractions: Extraction[],
  older: StoredVersion[],
  opts: ResolveOptions,
): StoredInputs {
  const present = new Set(docs.map((d) => d.doc_id));
  const kept = older.filter((v) => present.has(v.article.doc_id) && !present.has(v.version_id));
  const docOf = new Map(kept.map((v) => [v.version_id, v.article.doc_id]));
  const versions = Object.fromEntries(kept.map((v) => [v.version_id, v.article.doc_id]));
  const allDocs = [...docs, ...kept.map((v) => ({ ...v.article, doc_id: v.version_id }))];
  const allExts = [
    ...extractions,
    ...kept.flatMap((v) => (v.extraction ? [{ ...v.extraction, doc_id: v.version_id }] : [])),
  ];
  return { docs: allDocs, extractions: allExts, opts: { ...opts, versions: { ...opts.versions, ...versions } }, docOf };
}

const restored = (r: Resolved, docOf: Map<string, string>): Resolved => ({
  clusters: r.clusters,
  incidents: r.incidents.map((i) => restore(i, docOf)),
});

/** resolve() over current documents plus the older versions the store keeps. Clusters keep version ids
 * (in `doc_ids` and `superseded`): a version is not a row of `documents`. */
export function resolveStored(
  docs: CleanArticle[],
  extractions: Extraction[],
  older: StoredVersion[],
  opts: ResolveOptions = {},
): Resolved {
  const x = storedInputs(docs, extractions, older, opts);
  return restored(resolve(x.docs, x.extractions, x.opts), x.docOf);
}
