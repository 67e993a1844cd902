// Ingest stage runner: poll sources → fetch pages → clean → store. Effects (store, fetcher, clock, log) are
// handed in; every item ends as a stored document, a 304, or a recorded failure with a typed reason.
// Crash safety: what one step learns is committed in one transaction (a feed's validators with its items; a
// page's fetch state with its document, batched with other pages' by page-saver.ts), so after a kill -9 a re-run
// either redoes the step or skips it whole.
import type { Clock, Logger } from '../core/effects.ts';
import { SkipError, describe, messageFor, type FailureReason } from '../core/errors.ts';
import type { CleanArticle, FeedItem, FetchedPage } from '../core/records.ts';
import type { Fetcher, FetchOutcome } from '../ingest/fetch/fetcher.ts';
import type { Source } from '../ingest/sources.ts';
import { parseFeed, type FeedOutcome } from '../ingest/feeds/parse.ts';
import { indexInputOf, parseIndexPage } from '../ingest/feeds/index-page.ts';
import { cleanFetchedPageAsync } from '../ingest/clean/page.ts';
import { reportSections } from '../ingest/clean/sections.ts';
import type { Store } from '../store/store.ts';
import {
  clearFailure,
  getValidators,
  pendingItems,
  recordFailure,
  recordFetch,
  recordSourceResult,
  validatorsOf,
  saveFeedItems,
  saveSources,
  type FetchRow,
  type Validators,
} from '../store/ingest-state.ts';
import type { Failed, PageResult } from '../store/page-results.ts';
import { PageSaver, type SaverOptions } from './page-saver.ts';
import {
  countFailure,
  countReach,
  emptyStats,
  flushWarnings,
  reasonSummary,
  warnFailure,
  type IngestStats,
} from './ingest-stats.ts';
import type { Progress } from './progress.ts';

export interface IngestDeps {
  store: Store;
  fetcher: Fetcher;
  clock: Clock;
  log: Logger;
  /** the cleaner, e.g. a worker pool's (pipeline/pool.ts); default: cleanFetchedPageAsync in this thread */
  clean?: (page: FetchedPage) => Promise<CleanArticle>;
  /** pages per transaction and how long a page waits for others (default 250 pages, 500 ms) */
  batch?: SaverOptions;
  /** true once a stop was asked for: pages not fetched yet are left pending for the next run */
  stop?: () => boolean;
  /** a progress display per step (feeds polled, pages fetched); default: none */
  progress?: (label: string, total: number | null) => Progress;
}

export async function ingestSources(deps: IngestDeps, sources: Source[]): Promise<IngestStats> {
  const stats = emptyStats();
  const enabled = sources.filter((s) => s.enabled);
  await saveSources(deps.store, sources);
  const pageJobs: Promise<void>[] = [];
  const queued = new Set<string>();
  const saver = new PageSaver(deps, stats, deps.batch);
  const polling = deps.progress?.('poll feeds', enabled.length);
  let pagesDone = 0;
  let pages: Progress | undefined;
  const pageDone = () => {
    pagesDone++;
    pages?.tick();
  };
  await settleAll(
    enabled.map(async (source) => {
      stats.sources++;
      const polled = await pollSource(deps, source, stats);
      polling?.tick();
      const items = polled.filter((item) => {
        if (queued.has(item.link)) return false; // the same article listed by two feeds is fetched once
        queued.add(item.link);
        return true;
      });
      const validators = await validatorsOf(
        deps.store,
        items.map((i) => i.link),
      );
      for (const item of items)
        pageJobs.push(
          fetchAndStore(deps, source, item, stats, saver, validators.get(item.link) ?? null).finally(pageDone),
        );
    }),
  );
  polling?.done();
  pages = deps.progress?.('fetch pages', pageJobs.length);
  pages?.tick(pagesDone);
  await settleAll(pageJobs);
  pages?.done();
  flushWarnings(stats, deps.log);
  deps.log.info(`ingest failures by reason: ${reasonSummary(stats)}`);
  return stats;
}

/** Waits for every job before failing, so nothing still runs against a store that the caller closes. */
async function settleAll(jobs: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Counts, logs and stores one failure (inside the caller's transaction). */
async function fail(deps: IngestDeps, stats: IngestStats, f: Failed, at: string): Promise<void> {
  countFailure(stats, f.reason);
  warnFailure(stats, deps.log, f.reason, `${f.item}: ${f.reason}: ${f.message}`);
  await recordFailure(deps.store, { ...f, at });
}

/** Fetches and parses one source; returns the items whose pages should be fetched now. */
async function pollSource(deps: IngestDeps, source: Source, stats: IngestStats): Promise<FeedItem[]> {
  const { store } = deps;
  const at = deps.clock.now().toISOString();
  if (source.kind === 'page' && !source.links) {
    await recordSourceResult(store, source.id, { at, ok: true, items: 1 });
    return [
      {
        source_id: source.id,
        guid: source.url,
        link: source.url,
        title: null,
        published: null,
        summary: null,
        fetched_at: at,
      },
    ];
  }
  const previous = await getValidators(store, source.url);
  const outcome = await deps.fetcher.fetch({ url: source.url, sourceId: source.id, previous });
  countReach(stats, outcome);
  const sourceFailed = async (reason: FailureReason, message: string) => {
    stats.sources_failed++;
    await fail(deps, stats, { stage: 'feed', item: source.url, reason, message }, at);
    await recordSourceResult(store, source.id, { at, ok: false, items: 0, error: message, reason });
  };
  if (outcome.kind !== 'ok') {
    await store.transaction(async () => {
      await recordFetch(store, fetchRow(outcome, source.id, at));
      if (outcome.kind === 'failed') await sourceFailed(outcome.reason, messageFor(outcome.error, source.url));
      else {
        await clearFailure(store, 'feed', source.url);
        await recordSourceResult(store, source.id, { at, ok: true, items: 0 });
      }
    });
    return pendingItems(store, source.id);
  }
  const parsed = await parseListing(source, outcome.page, at);
  let changed: FeedItem[] = [];
  await store.transaction(async () => {
    if (!parsed.ok) {
      // No validators kept: the next run fetches the feed in full instead of getting a 304 for a broken body.
      await recordFetch(store, {
        ...fetchRow(outcome, source.id, at),
        etag: null,
        last_modified: null,
        error_reason: parsed.error.reason,
        error: describe(parsed.error),
      });
      await sourceFailed(parsed.error.reason, messageFor(parsed.error, source.url));
      return;
    }
    const salvaged = parsed.warnings.filter((w) => w.reason === 'malformed_feed');
    // A salvaged feed keeps no validators either, so the items lost after the XML error come with the next run.
    const row = fetchRow(outcome, source.id, at);
    await recordFetch(store, salvaged.length ? { ...row, etag: null, last_modified: null } : row);
    const saved = await saveFeedItems(store, parsed.items);
    changed = saved.changed;
    stats.feed_items += parsed.items.length;
    stats.new_feed_items += saved.fresh;
    for (const w of salvaged)
      await fail(deps, stats, { stage: 'feed', item: source.url, reason: 'malformed_feed', message: w.message }, at);
    for (const w of parsed.warnings.filter((x) => x.reason !== 'malformed_feed'))
      deps.log.warn(`source ${source.id}: ${w.message}`);
    if (salvaged.length === 0) await clearFailure(store, 'feed', source.url);
    await recordSourceResult(store, source.id, { at, ok: true, items: parsed.items.length });
  });
  if (!parsed.ok) return pendingItems(store, source.id);
  // Pending pages (new, interrupted, failed before) plus known items whose title or date changed.
  const pending = await pendingItems(store, source.id);
  const links = new Set(pending.map((i) => i.link));
  return [...pending, ...changed.filter((i) => !links.has(i.link))];
}

/** A feed, or an index page whose `links` selector lists the reports to fetch. */
async function parseListing(source: Source, page: FetchedPage, at: string): Promise<FeedOutcome> {
  if (source.links) {
    const index = parseIndexPage(indexInputOf({ ...source, links: source.links }, page, at));
    if (!index.ok) return index;
    return { ok: true, title: null, items: index.items, excluded: index.excluded, duplicates: 0, warnings: [] };
  }
  return parseFeed({
    bytes: page.body,
    url: source.url,
    sourceId: source.id,
    charset: page.charset,
    fetchedAt: at,
    filters: { include: source.include, exclude: source.exclude },
  });
}

/** The `fetches` row for an outcome: validators for a page or 304, the typed reason for a failure. */
function fetchRow(o: FetchOutcome, sourceId: string | null, at: string): FetchRow {
  if (o.kind === 'ok') {
    const p = o.page;
    return {
      url: p.url,
      source_id: sourceId,
      final_url: p.final_url,
      status: p.status,
      etag: p.etag,
      last_modified: p.last_modified,
      content_type: p.content_type,
      bytes: p.body.byteLength,
      bytes_sha256: p.bytes_sha256,
      fetched_at: p.fetched_at,
      error_reason: null,
      error: null,
    };
  }
  if (o.kind === 'not_modified') {
    return {
      url: o.url,
      source_id: sourceId,
      final_url: o.final_url,
      status: 304,
      etag: o.etag,
      last_modified: o.last_modified,
      content_type: null,
      bytes: null,
      bytes_sha256: null,
      fetched_at: o.fetched_at,
      error_reason: null,
      error: null,
    };
  }
  return {
    url: o.url,
    source_id: sourceId,
    final_url: null,
    status: null,
    etag: null,
    last_modified: null,
    content_type: null,
    bytes: null,
    bytes_sha256: null,
    fetched_at: at,
    error_reason: o.reason,
    error: describe(o.error),
  };
}

async function fetchAndStore(
  deps: IngestDeps,
  source: Source,
  item: FeedItem,
  stats: IngestStats,
  saver: PageSaver,
  previous: Validators | null,
): Promise<void> {
  if (deps.stop?.()) return; // between items: the feed item stays pending (no fetch recorded)
  const outcome = await deps.fetcher.fetch({
    url: item.link,
    sourceId: source.id,
    previous: previous?.status ? previous : null,
    feedTitle: item.title,
    feedPublished: item.published,
    outlet: source.publisher,
  });
  countReach(stats, outcome);
  const fetch = fetchRow(outcome, source.id, deps.clock.now().toISOString());
  if (outcome.kind === 'ok') {
    stats.pages_fetched++;
    await saver.add(await cleanPage(deps, outcome.page, fetch));
  } else if (outcome.kind === 'failed') {
    await saver.add({
      kind: 'failed',
      fetch,
      failure: {
        stage: 'fetch',
        item: item.link,
        reason: outcome.reason,
        message: messageFor(outcome.error, item.link),
      },
    });
  } else {
    await saver.add({ kind: 'not_modified', item: item.link, fetch });
  }
}

/** A fetched page, cleaned, as the batch saver stores it. */
async function cleanPage(deps: IngestDeps, page: FetchedPage, fetch: FetchRow): Promise<PageResult> {
  const item = page.file ?? page.url;
  try {
    const article = await (deps.clean ?? cleanFetchedPageAsync)(page);
    return { kind: 'stored', item, article, sections: reportSections(article), fetch };
  } catch (err) {
    const reason: FailureReason = err instanceof SkipError ? err.reason : 'parse_error';
    // Without validators, so a later run fetches and cleans the page again instead of getting a 304.
    return {
      kind: 'failed',
      failure: { stage: 'clean', item, reason, message: messageFor(err, item) },
      fetch: { ...fetch, etag: null, last_modified: null, error_reason: reason, error: describe(err) },
    };
  }
}
