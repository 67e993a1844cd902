// Ingestion counts: one place counts what a saved batch of pages did, for feeds and folders alike.
import type { Logger } from '../core/effects.ts';
import type { FailureReason } from '../core/errors.ts';
import type { SaveOutcome } from '../store/documents.ts';
import type { PageResult } from '../store/page-results.ts';

export interface IngestStats {
  sources: number;
  sources_failed: number;
  feed_items: number;
  new_feed_items: number;
  pages_fetched: number;
  not_modified: number;
  documents_new: number;
  documents_updated: number;
  documents_unchanged: number;
  failures: number;
  /** failures counted by typed reason, printed at the end of a run */
  by_reason: Partial<Record<FailureReason, number>>;
}

export const emptyStats = (): IngestStats => ({
  sources: 0,
  sources_failed: 0,
  feed_items: 0,
  new_feed_items: 0,
  pages_fetched: 0,
  not_modified: 0,
  documents_new: 0,
  documents_updated: 0,
  documents_unchanged: 0,
  failures: 0,
  by_reason: {},
});

export function countFailure(stats: IngestStats, reason: FailureReason): void {
  stats.failures++;
  stats.by_reason[reason] = (stats.by_reason[reason] ?? 0) + 1;
}

/** "2 timeout, 1 http_status" (most frequent first), or "none". */
export function reasonSummary(stats: Pick<IngestStats, 'by_reason'>): string {
  const entries = Object.entries(stats.by_reason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([r, n]) => `${n} ${r}`).join(', ') : 'none';
}

export function countOutcome(stats: IngestStats, o: SaveOutcome): void {
  if (o === 'new') stats.documents_new++;
  else if (o === 'updated') stats.documents_updated++;
  else stats.documents_unchanged++;
}

/** Stats and warnings once a batch is committed, so the counts describe what is stored. */
export function countSaved(stats: IngestStats, log: Logger, results: PageResult[], outcomes: SaveOutcome[]): void {
  for (const o of outcomes) countOutcome(stats, o);
  for (const r of results) {
    if (r.kind === 'not_modified') stats.not_modified++;
    if (r.kind !== 'failed') continue;
    countFailure(stats, r.failure.reason);
    log.warn(`${r.failure.item}: ${r.failure.reason}: ${r.failure.message}`);
  }
}
