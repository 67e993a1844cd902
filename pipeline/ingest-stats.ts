// Ingestion counts: one place counts what a saved batch of pages did, for feeds and folders alike.
import type { Logger } from '../core/effects.ts';
import { NetworkDownError, type FailureReason } from '../core/errors.ts';
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
  /** fetches that got an HTTP answer (any status) and fetches that reached no server (network, timeout) */
  responses: number;
  unreachable: number;
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
  responses: 0,
  unreachable: 0,
  by_reason: {},
});

const NO_SERVER = new Set<FailureReason>(['network', 'timeout']);

/** Counts whether a fetch reached a server: a run where none did says the network is down, not 27 errors. */
export function countReach(stats: IngestStats, o: { kind: string; reason?: FailureReason }): void {
  if (o.kind === 'failed' && o.reason && NO_SERVER.has(o.reason)) stats.unreachable++;
  else stats.responses++;
}

/** No fetch reached any server, and at least one was tried. */
export const networkDown = (stats: IngestStats): boolean => stats.responses === 0 && stats.unreachable > 0;

// Warnings for unreachable servers wait for the end of ingestion: when every fetch failed that way they are one
// line (the caller's), not one per source; otherwise they are printed as usual.
const deferred = new WeakMap<IngestStats, string[]>();

/** Logs a failure's warning, or keeps it for flushWarnings() when the server was not reached. */
export function warnFailure(stats: IngestStats, log: Logger, reason: FailureReason, line: string): void {
  if (!NO_SERVER.has(reason)) {
    log.warn(line);
    return;
  }
  const list = deferred.get(stats) ?? [];
  list.push(line);
  deferred.set(stats, list);
}

/** The kept warnings: at debug level (-v) when the network is down, as warnings otherwise. */
export function flushWarnings(stats: IngestStats, log: Logger): void {
  const down = networkDown(stats);
  for (const line of deferred.get(stats) ?? []) (down ? log.debug : log.warn).call(log, line);
  deferred.delete(stats);
}

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
    warnFailure(stats, log, r.failure.reason, `${r.failure.item}: ${r.failure.reason}: ${r.failure.message}`);
  }
}

/** Throws the one line a run without any network gives (exit 5), in place of a report rebuilt from old data. */
export function assertNetwork(stats: IngestStats): void {
  if (!networkDown(stats)) return;
  throw new NetworkDownError(
    `no source could be reached — is the network down? (${stats.unreachable} fetches failed: network or timeout; ` +
      'nothing new was stored and no report was rewritten; -v lists them)',
  );
}
