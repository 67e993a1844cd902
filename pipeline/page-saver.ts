// Batched saving for feed ingestion (pipeline/ingest.ts). What a page teaches — its document with its fetch
// state, its failure, its 304 — is committed together with other pages' in one transaction, at most `size`
// pages or `windowMs` after the first of them waits, whichever comes first: one transaction per page made the
// HTTP path slow. A page's fetch state and its document still share a transaction, so after a kill -9 a
// re-run redoes the page or skips it whole. add() settles once the page's batch is committed.
import type { Clock, Logger } from '../core/effects.ts';
import { idFrom } from '../core/hash.ts';
import type { FailureReason } from '../core/errors.ts';
import type { CleanArticle } from '../core/records.ts';
import type { Store } from '../data/store.ts';
import { saveArticles } from '../data/documents.ts';
import { recordFailure, recordFetches, type FetchRow } from '../data/ingest-state.ts';
import { countFailure, type IngestStats } from './ingest.ts';

export interface Failed { stage: string; item: string; reason: FailureReason; message: string }

export type PageResult =
  /** a cleaned page: its document, its fetch state; earlier fetch and clean failures of the item are cleared */
  | { kind: 'stored'; item: string; article: CleanArticle; fetch: FetchRow }
  | { kind: 'failed'; failure: Failed; fetch: FetchRow }
  /** a 304: the fetch state is refreshed and an earlier fetch failure cleared */
  | { kind: 'not_modified'; item: string; fetch: FetchRow };

/** Columns of the `fetches` table, named as FetchRow's fields. */
interface Waiting { result: PageResult; at: string; done(err?: unknown): void }

export interface SaverOptions { size?: number; windowMs?: number }

export class PageSaver {
  private pending: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly size: number;
  private readonly windowMs: number;

  constructor(private readonly deps: { store: Store; clock: Clock; log: Logger }, private readonly stats: IngestStats,
    opts: SaverOptions = {}) {
    this.size = opts.size ?? 250;
    this.windowMs = opts.windowMs ?? 500;
  }

  /** Queues one page's result; resolves when it is committed, rejects if its batch could not be. */
  add(result: PageResult): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const at = this.deps.clock.now().toISOString();
      this.pending.push({ result, at, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (this.pending.length >= this.size) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    });
  }

  /** Commits what is queued now (batches are serialised by the store). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const outcomes = await this.commit(batch);
      this.count(batch, outcomes);
      for (const w of batch) w.done();
    } catch (err) {
      for (const w of batch) w.done(err ?? new Error('batch not saved'));
    }
  }

  private async commit(batch: Waiting[]) {
    const { store } = this.deps;
    const stored = batch.flatMap((w) => (w.result.kind === 'stored' ? [w.result] : []));
    const cleared = batch.flatMap(({ result: r }) => (r.kind === 'stored' ? [idFrom('fail', 'fetch', r.item), idFrom('fail', 'clean', r.item)]
      : r.kind === 'not_modified' ? [idFrom('fail', 'fetch', r.item)] : []));
    return store.transaction(async () => {
      const outcomes = await saveArticles(store, stored.map((r) => r.article));
      await recordFetches(store, batch.map((w) => w.result.fetch));
      if (cleared.length) await store.run('DELETE FROM failures WHERE failure_id IN (SELECT unnest(?::VARCHAR[]))', [cleared as never]);
      for (const w of batch) if (w.result.kind === 'failed') await recordFailure(store, { ...w.result.failure, at: w.at });
      return outcomes;
    });
  }

  /** Stats and warnings once the batch is committed, so the counts describe what is stored. */
  private count(batch: Waiting[], outcomes: string[]): void {
    for (const o of outcomes) {
      if (o === 'new') this.stats.documents_new++;
      else if (o === 'updated') this.stats.documents_updated++;
      else this.stats.documents_unchanged++;
    }
    for (const { result: r } of batch) {
      if (r.kind === 'not_modified') this.stats.not_modified++;
      if (r.kind !== 'failed') continue;
      countFailure(this.stats, r.failure.reason);
      this.deps.log.warn(`${r.failure.item}: ${r.failure.reason}: ${r.failure.message}`);
    }
  }
}

