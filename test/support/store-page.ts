// The one-page-at-a-time reference the batch save paths are tested against (test/pipeline/batch-save.test.ts,
// test/e2e): clean one page and store it in its own transaction, with its fetch state when given.
import { SkipError, describe, messageFor, type FailureReason } from '../../core/errors.ts';
import type { CleanArticle, FetchedPage } from '../../core/records.ts';
import { cleanFetchedPageAsync } from '../../ingest/clean/page.ts';
import { reportSections } from '../../ingest/clean/sections.ts';
import type { IngestDeps } from '../../pipeline/ingest.ts';
import { countFailure, countOutcome, type IngestStats } from '../../pipeline/ingest-stats.ts';
import { saveArticle, type SaveOutcome } from '../../store/documents.ts';
import { clearFailure, recordFailure, recordFetch, type FetchRow } from '../../store/ingest-state.ts';

export async function storePage(
  deps: Pick<IngestDeps, 'store' | 'clock' | 'log' | 'clean'>,
  page: FetchedPage,
  stats: IngestStats,
  fetch?: FetchRow,
): Promise<CleanArticle | null> {
  const { store } = deps;
  const item = page.file ?? page.url;
  const at = deps.clock.now().toISOString();
  let article: CleanArticle;
  try {
    article = await (deps.clean ?? cleanFetchedPageAsync)(page);
  } catch (err) {
    const reason: FailureReason = err instanceof SkipError ? err.reason : 'parse_error';
    countFailure(stats, reason);
    deps.log.warn(`${item}: ${reason}: ${messageFor(err, item)}`);
    await store.transaction(async () => {
      if (fetch)
        await recordFetch(store, {
          ...fetch,
          etag: null,
          last_modified: null,
          error_reason: reason,
          error: describe(err),
        });
      await recordFailure(store, { stage: 'clean', item, reason, message: messageFor(err, item), at });
    });
    return null;
  }
  // a long PDF report is stored as its sections, as the batch paths do (ingest/clean/sections.ts)
  const outcomes = await store.transaction(async () => {
    const saved: SaveOutcome[] = [];
    for (const a of reportSections(article) ?? [article]) saved.push(await saveArticle(store, a));
    if (fetch) {
      await recordFetch(store, fetch);
      await clearFailure(store, 'fetch', item);
    }
    await clearFailure(store, 'clean', item);
    return saved;
  });
  for (const o of outcomes) countOutcome(stats, o);
  return article;
}
