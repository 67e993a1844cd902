// Batched saving for feed ingestion (pipeline/ingest.ts). What a page teaches — its document with its fetch
// state, its failure, its 304 — is committed together with other pages' in one transaction, at most `size`
// pages or `windowMs` after the first of them waits, whichever comes first: one transaction per page made the
// HTTP path slow. A page's fetch state and its document still share a transaction, so after a kill -9 a
// re-run redoes the page or skips it whole. add() settles once the page's batch is committed.
import type { Clock, Logger } from '../core/effects.ts';
import type { Store } from '../store/store.ts';
import type { SaveOutcome } from '../store/documents.ts';
import { savePageResults, type PageResult } from '../store/page-results.ts';
import { countSaved, type IngestStats } from './ingest-stats.ts';

interface Waiting {
  result: PageResult;
  at: string;
  done(err?: unknown): void;
}

export interface SaverOptions {
  size?: number;
  windowMs?: number;
}

export class PageSaver {
  private pending: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly size: number;
  private readonly windowMs: number;

  constructor(
    private readonly deps: { store: Store; clock: Clock; log: Logger },
    private readonly stats: IngestStats,
    opts: SaverOptions = {},
  ) {
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

  private commit(batch: Waiting[]) {
    return savePageResults(this.deps.store, batch);
  }

  private count(batch: Waiting[], outcomes: SaveOutcome[]): void {
    countSaved(
      this.stats,
      this.deps.log,
      batch.map((w) => w.result),
      outcomes,
    );
  }
}
