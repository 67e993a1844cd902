// The one save path of ingestion: what pages taught — documents with their fetch state, 304s, failures — is
// committed in one transaction, so after a kill -9 a re-run redoes each page or skips it whole. Feed ingestion
// (pipeline/page-saver.ts) and `ingest --dir` (pipeline/ingest-dir.ts) both save through it.
import type { FailureReason } from '../core/errors.ts';
import { idFrom } from '../core/hash.ts';
import type { CleanArticle } from '../core/records.ts';
import type { Store } from './store.ts';
import { saveArticles, type SaveOutcome } from './documents.ts';
import { recordFailure, recordFetches, type FetchRow } from './ingest-state.ts';

export interface Failed {
  stage: string;
  item: string;
  reason: FailureReason;
  message: string;
}

/** A page's result; `fetch` is its HTTP state (none for a local file). */
export type PageResult =
  /** a cleaned page: its document (or, for a long report, its sections' documents, stored instead of it); earlier
   * fetch and clean failures of the item are cleared */
  | { kind: 'stored'; item: string; article: CleanArticle; sections?: CleanArticle[] | null; fetch?: FetchRow }
  | { kind: 'failed'; failure: Failed; fetch?: FetchRow }
  /** a 304: the fetch state is refreshed and an earlier fetch failure cleared */
  | { kind: 'not_modified'; item: string; fetch: FetchRow };

/** Saves a batch of results (each with the time it was learnt) in one transaction; returns the documents'
 * outcomes in the order of the stored results. */
export function savePageResults(store: Store, batch: { result: PageResult; at: string }[]): Promise<SaveOutcome[]> {
  const results = batch.map((b) => b.result);
  const stored = results.flatMap((r) => (r.kind === 'stored' ? [r] : []));
  const cleared = results.flatMap((r) =>
    r.kind === 'stored'
      ? [...(r.fetch ? [idFrom('fail', 'fetch', r.item)] : []), idFrom('fail', 'clean', r.item)]
      : r.kind === 'not_modified'
        ? [idFrom('fail', 'fetch', r.item)]
        : [],
  );
  const fetches = results.flatMap((r) => (r.fetch ? [r.fetch] : []));
  return store.transaction(async () => {
    const outcomes = await saveArticles(
      store,
      stored.flatMap((r) => r.sections ?? [r.article]),
    );
    if (fetches.length) await recordFetches(store, fetches);
    if (cleared.length)
      await store.run('DELETE FROM failures WHERE failure_id IN (SELECT unnest(?::VARCHAR[]))', [cleared as never]);
    for (const { result: r, at } of batch) if (r.kind === 'failed') await recordFailure(store, { ...r.failure, at });
    return outcomes;
  });
}
