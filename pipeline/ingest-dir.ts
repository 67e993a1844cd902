// `ingest --dir` at scale: pages stream from the folder, are cleaned on the worker pool with a bounded number
// in flight, and are stored in batches (one transaction per batch, set-based checks, the Appender). Results
// are taken in input order, so batches — and every stored row — are the same as the one-by-one path gives.
import type { Clock, Logger } from '../core/effects.ts';
import { SkipError, messageFor, type FailureReason } from '../core/errors.ts';
import type { CleanArticle, FetchedPage } from '../core/records.ts';
import type { Store } from '../store/store.ts';
import { savePageResults, type PageResult } from '../store/page-results.ts';
import { reportSections } from '../ingest/clean/sections.ts';
import { countSaved, type IngestStats } from './ingest-stats.ts';
import type { Pool } from './pool.ts';
import { progress as noTty, type Progress } from './progress.ts';

export interface BatchIngestDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  pool: Pool;
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

/** Cleans and stores every page; counts go into `stats` as feed ingestion's do. */
export async function ingestPages(
  deps: BatchIngestDeps,
  pages: AsyncIterable<FetchedPage>,
  stats: IngestStats,
): Promise<void> {
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
  const at = deps.clock.now().toISOString();
  const results: PageResult[] = items.map((c) =>
    'article' in c
      ? { kind: 'stored', item: c.page, article: c.article, sections: reportSections(c.article) }
      : { kind: 'failed', failure: { stage: 'clean', item: c.page, reason: c.reason, message: c.message } },
  );
  const outcomes = await savePageResults(
    deps.store,
    results.map((result) => ({ result, at })),
  );
  countSaved(stats, deps.log, results, outcomes);
}
