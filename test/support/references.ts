// Whole-table readers and the collected blocked resolution: the simple forms the streaming production code is
// tested against. Built on the production streams, sorted for deterministic comparison.
import type { CleanArticle, Extraction, Incident } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { eachCurrentArticle, eachOlderVersion, type OlderVersion } from '../../store/documents.ts';
import { eachCurrentExtraction } from '../../store/analysis.ts';
import { resolveBlocked, type BlockedInput } from '../../analyze/resolve/blocked.ts';
import { sortIncidents } from '../../analyze/resolve/ids.ts';
import type { Resolved } from '../../analyze/resolve/resolve.ts';
import type { ResolveOptions } from '../../analyze/resolve/types.ts';

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The current version of every document, in doc_id order. */
export async function currentArticles(store: Store): Promise<CleanArticle[]> {
  const out: CleanArticle[] = [];
  await eachCurrentArticle(store, (a) => out.push(a));
  return out.sort(byKey((a) => a.doc_id));
}

/** Versions replaced by a newer text of the same document, in doc_id, version_id order. */
export async function olderVersions(store: Store): Promise<OlderVersion[]> {
  const out: OlderVersion[] = [];
  await eachOlderVersion(store, (v) => out.push(v));
  return out.sort(byKey((v) => `${v.article.doc_id}\u0000${v.version_id}`));
}

/** The extraction of each document's current version by the given extractor version, in doc_id order. */
export async function currentExtractions(store: Store, extractorVersion: string): Promise<Extraction[]> {
  const out: Extraction[] = [];
  await eachCurrentExtraction(store, extractorVersion, (x) => out.push(x));
  return out.sort(byKey((x) => x.doc_id));
}

/** resolveBlocked() collected: the same value as resolve() (tests, small inputs). */
export async function resolveBlockedAll(
  docs: CleanArticle[],
  extractions: Extraction[],
  opts: ResolveOptions,
  io: Omit<BlockedInput, 'emit'>,
): Promise<Resolved> {
  const incidents: Incident[] = [];
  const clusters = await resolveBlocked(docs, extractions, opts, {
    ...io,
    emit: async (b) => {
      incidents.push(...b);
    },
  });
  return { clusters, incidents: sortIncidents(incidents) };
}
