// `ingest --dir` at scale: pages stream from the folder, are cleaned on the worker pool with a bounded number
// in flight, and are stored in batches (one transaction per batch, set-based checks, the Appender). Results
// are taken in input order, so batches — and every stored row — are the same as the one-by-one path gives.
import type { Clock, Logger } from '../core/effects.ts';
import { SkipError, messageFor, type FailureReason } from '../core/errors.ts';
import type { CleanArticle, FetchedPage } from '../core/records.ts';
import { idFrom } from '../core/hash.ts';
import type { Store } from '../data/store.ts';
import { saveArticles } from '../data/documents.ts';
import { recordFailure } from '../data/ingest-state.ts';
import { countFailure, type IngestStats } from './ingest.ts';
import type { Pool } from './pool.ts';
import { progress as noTty, type Progress } from './progress.ts';

export interface BatchIngestDeps {
  store: Store; clock: Clock; log: Logger; pool: Pool;
  /** documents per transaction (default 250) */
  batchSize?: number;
  progress?: Progress;
}

type Cleaned = { page: string; article: CleanArticle } | { page: string; reason: FailureReason; message: string };

async function cleanOne(pool: Pool, page: FetchedPage): Promise<Cleaned> {
  const item = page.file ?? page.url;
  try {
    return { page: item, article: await pool.clean(page) };
  } catch (err) {
    const reason = err instanceof SkipError ? err.reason : 'parse_error';
    return { page: item, reason, message: messageFor(err, item) };
  }
}

/** Cleans and stores every page; counts go into `stats` like storePage's. */
export async function ingestPages(deps: BatchIngestDeps, pages: AsyncIterable<FetchedPage>, stats: IngestStats): Promise<void> {
  const size = deps.batchSize ?? 250;
  const bar = deps.progress ?? noTty('ingest', null);
  const inFlight: Promise<Cleaned>[] = [];
  let batch: Cleaned[] = [];
  let saving: Promise<void> = Promise.resolve();
  // One batch is written while the next one is cleaned; never more, so memory stays bounded.
  const flush = async () => {
    const todo = batch;
    batch = [];
    await saving;
    saving = saveBatch(deps, todo, stats).then(() => bar.tick(todo.length));
    saving.catch(() => {}); // handled: the next flush awaits it and rethrows
  };
  const take = async () => {
    batch.push(await inFlight.shift()!);
    if (batch.length >= size) await flush();
  };
  try {
    for await (const page of pages) {
      inFlight.push(cleanOne(deps.pool, page));
      if (inFlight.length >= Math.max(2, deps.pool.window)) await take();
    }
    while (inFlight.length) await take();
    await flush();
    await saving;
  } finally {
    // Settle whatever is still running before the caller closes the store.
    await Promise.allSettled([...inFlight, saving]);
  }
  bar.done();
}

async function saveBatch(deps: BatchIngestDeps, items: Cleaned[], stats: IngestStats): Promise<void> {
  const { store } = deps;
  const at = deps.clock.now().toISOString();
  const ok = items.filter((c): c is Extract<Cleaned, { article: CleanArticle }> => 'article' in c);
  const failed = items.filter((c): c is Extract<Cleaned, { reason: FailureReason }> => 'reason' in c);
  const outcomes = await store.transaction(async () => {
    const saved = await saveArticles(store, ok.map((c) => c.article));
    if (ok.length) {
      await store.run('DELETE FROM failures WHERE failure_id IN (SELECT unnest(?::VARCHAR[]))', [ok.map((c) => idFrom('fail', 'clean', c.page)) as never]);
    }
    for (const f of failed) await recordFailure(store, { stage: 'clean', item: f.page, reason: f.reason, message: f.message, at });
    return saved;
  });
  for (const f of failed) {
    countFailure(stats, f.reason);
    deps.log.warn(`${f.page}: ${f.reason}: ${f.message}`);
  }
  for (const o of outcomes) {
    if (o === 'new') stats.documents_new++;
    else if (o === 'updated') stats.documents_updated++;
    else stats.documents_unchanged++;
  }
}
