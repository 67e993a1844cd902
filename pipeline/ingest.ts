// Ingest stage runner: poll sources → fetch pages → clean → store. Effects (store, fetcher, clock, log) are
// handed in; every item ends as a stored document, a 304, or a recorded failure with a typed reason.
import type { Clock, Logger } from '../core/effects.ts';
import { SkipError, describe, type FailureReason } from '../core/errors.ts';
import type { CleanArticle, FeedItem, FetchedPage } from '../core/records.ts';
import type { Fetcher, FetchOutcome } from '../ingest/fetch/fetcher.ts';
import type { Source } from '../ingest/sources.ts';
import { parseFeed } from '../ingest/feeds/parse.ts';
import { cleanFetchedPageAsync } from '../ingest/clean/page.ts';
import type { Store } from '../data/store.ts';
import { saveArticle, type SaveOutcome } from '../data/documents.ts';
import { clearFailure, getValidators, recordFailure, recordFetch, recordSourceResult, saveFeedItems, saveSources } from '../data/ingest-state.ts';

export interface IngestDeps { store: Store; fetcher: Fetcher; clock: Clock; log: Logger }

export interface IngestStats {
  sources: number; sources_failed: number; feed_items: number; new_feed_items: number;
  pages_fetched: number; not_modified: number; documents_new: number; documents_updated: number;
  documents_unchanged: number; failures: number;
}

const emptyStats = (): IngestStats => ({ sources: 0, sources_failed: 0, feed_items: 0, new_feed_items: 0,
  pages_fetched: 0, not_modified: 0, documents_new: 0, documents_updated: 0, documents_unchanged: 0, failures: 0 });

export async function ingestSources(deps: IngestDeps, sources: Source[]): Promise<IngestStats> {
  const stats = emptyStats();
  const enabled = sources.filter((s) => s.enabled);
  await saveSources(deps.store, sources);
  const pageJobs: Promise<void>[] = [];
  const queued = new Set<string>();
  await settleAll(enabled.map(async (source) => {
    stats.sources++;
    const items = await pollSource(deps, source, stats);
    for (const item of items) {
      if (queued.has(item.link)) continue; // the same article listed by two feeds is fetched once
      queued.add(item.link);
      pageJobs.push(fetchAndStore(deps, source, item, stats));
    }
  }));
  await settleAll(pageJobs);
  return stats;
}

/** Waits for every job before failing, so nothing still runs against a store that the caller closes. */
async function settleAll(jobs: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Fetches and parses one source; returns the items whose pages should be (re)checked. */
async function pollSource(deps: IngestDeps, source: Source, stats: IngestStats): Promise<FeedItem[]> {
  const at = deps.clock.now().toISOString();
  if (source.kind === 'page') {
    await recordSourceResult(deps.store, source.id, { at, ok: true, items: 1 });
    return [{ source_id: source.id, guid: source.url, link: source.url, title: null, published: null, summary: null, fetched_at: at }];
  }
  const previous = await getValidators(deps.store, source.url);
  const outcome = await deps.fetcher.fetch({ url: source.url, sourceId: source.id, previous });
  await recordOutcome(deps, outcome, source.id);
  if (outcome.kind === 'failed') {
    stats.sources_failed++;
    stats.failures++;
    deps.log.warn(`source ${source.id}: ${outcome.reason}: ${describe(outcome.error)}`);
    await recordFailure(deps.store, { stage: 'feed', item: source.url, reason: outcome.reason, message: describe(outcome.error), at });
    await recordSourceResult(deps.store, source.id, { at, ok: false, items: 0, error: describe(outcome.error), reason: outcome.reason });
    return retryableItems(deps, source.id);
  }
  if (outcome.kind === 'not_modified') {
    await recordSourceResult(deps.store, source.id, { at, ok: true, items: 0 });
    return retryableItems(deps, source.id);
  }
  const parsed = await parseFeed({ bytes: outcome.page.body, url: source.url, sourceId: source.id,
    charset: outcome.page.charset, fetchedAt: at, filters: { include: source.include, exclude: source.exclude } });
  if (!parsed.ok) {
    const err = parsed.error;
    stats.sources_failed++;
    stats.failures++;
    deps.log.warn(`source ${source.id}: ${err.reason}: ${describe(err)}`);
    await recordFailure(deps.store, { stage: 'feed', item: source.url, reason: err.reason, message: describe(err), at });
    await recordSourceResult(deps.store, source.id, { at, ok: false, items: 0, error: describe(err), reason: err.reason });
    return retryableItems(deps, source.id);
  }
  for (const w of parsed.warnings) {
    deps.log.warn(`source ${source.id}: ${w.reason}: ${w.message}`);
    await recordFailure(deps.store, { stage: 'feed', item: source.url, reason: 'malformed_feed', message: w.message, at });
  }
  if (parsed.warnings.length === 0) await clearFailure(deps.store, 'feed', source.url);
  stats.feed_items += parsed.items.length;
  const fresh = await saveFeedItems(deps.store, parsed.items);
  stats.new_feed_items += fresh;
  await recordSourceResult(deps.store, source.id, { at, ok: true, items: parsed.items.length });
  return parsed.items;
}

/** When a feed is unchanged or down, retry only the items whose page fetch failed before. */
async function retryableItems(deps: IngestDeps, sourceId: string): Promise<FeedItem[]> {
  const rows = await deps.store.all<{ guid: string; link: string; title: string | null; published: string | null; first_seen: string }>(
    `SELECT i.guid, i.link, i.title, i.published, i.first_seen FROM feed_items i
     LEFT JOIN fetches f ON f.url = i.link
     WHERE i.source_id = ? AND (f.url IS NULL OR f.error_reason IS NOT NULL) ORDER BY i.link`, [sourceId]);
  return rows.map((r) => ({ source_id: sourceId, guid: r.guid, link: r.link, title: r.title, published: r.published,
    summary: null, fetched_at: r.first_seen }));
}

async function recordOutcome(deps: IngestDeps, o: FetchOutcome, sourceId: string | null): Promise<void> {
  const at = deps.clock.now().toISOString();
  if (o.kind === 'ok') {
    const p = o.page;
    await recordFetch(deps.store, { url: p.url, source_id: sourceId, final_url: p.final_url, status: p.status, etag: p.etag,
      last_modified: p.last_modified, content_type: p.content_type, bytes: p.body.byteLength, bytes_sha256: p.bytes_sha256,
      fetched_at: p.fetched_at, error_reason: null, error: null });
  } else if (o.kind === 'not_modified') {
    await recordFetch(deps.store, { url: o.url, source_id: sourceId, final_url: o.final_url, status: 304, etag: o.etag,
      last_modified: o.last_modified, content_type: null, bytes: null, bytes_sha256: null, fetched_at: o.fetched_at,
      error_reason: null, error: null });
  } else {
    await recordFetch(deps.store, { url: o.url, source_id: sourceId, final_url: null, status: null, etag: null,
      last_modified: null, content_type: null, bytes: null, bytes_sha256: null, fetched_at: at, error_reason: o.reason,
      error: describe(o.error) });
  }
}

async function fetchAndStore(deps: IngestDeps, source: Source, item: FeedItem, stats: IngestStats): Promise<void> {
  const previous = await getValidators(deps.store, item.link);
  const outcome = await deps.fetcher.fetch({
    url: item.link, sourceId: source.id, previous: previous?.status ? previous : null,
    feedTitle: item.title, feedPublished: item.published, outlet: source.publisher,
  });
  await recordOutcome(deps, outcome, source.id);
  const at = deps.clock.now().toISOString();
  if (outcome.kind === 'not_modified') { stats.not_modified++; return; }
  if (outcome.kind === 'failed') {
    stats.failures++;
    deps.log.warn(`${item.link}: ${outcome.reason}: ${describe(outcome.error)}`);
    await recordFailure(deps.store, { stage: 'fetch', item: item.link, reason: outcome.reason, message: describe(outcome.error), at });
    return;
  }
  stats.pages_fetched++;
  await clearFailure(deps.store, 'fetch', item.link);
  await storePage(deps, outcome.page, stats);
}

/** Clean one fetched page and store it; used by feed ingestion and by `ingest --dir` alike. */
export async function storePage(deps: Pick<IngestDeps, 'store' | 'clock' | 'log'>, page: FetchedPage, stats: IngestStats): Promise<CleanArticle | null> {
  const item = page.file ?? page.url;
  const at = deps.clock.now().toISOString();
  let article: CleanArticle;
  try {
    article = await cleanFetchedPageAsync(page);
  } catch (err) {
    const reason: FailureReason = err instanceof SkipError ? err.reason : 'parse_error';
    stats.failures++;
    deps.log.warn(`${item}: ${reason}: ${describe(err)}`);
    await recordFailure(deps.store, { stage: 'clean', item, reason, message: describe(err), at });
    return null;
  }
  await clearFailure(deps.store, 'clean', item);
  const outcome: SaveOutcome = await saveArticle(deps.store, article);
  if (outcome === 'new') stats.documents_new++;
  else if (outcome === 'updated') stats.documents_updated++;
  else stats.documents_unchanged++;
  return article;
}

export { emptyStats };
