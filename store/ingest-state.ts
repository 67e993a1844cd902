// What ingestion remembers between runs: source health, HTTP validators per URL, feed items, failures.
import type { FeedItem } from '../core/records.ts';
import type { FailureReason } from '../core/errors.ts';
import { idFrom } from '../core/hash.ts';
import type { Store } from './store.ts';
import { redactUserinfo, stripUserinfo } from '../core/safe-text.ts';

export interface SourceRow {
  id: string;
  kind: string;
  url: string;
  publisher: string;
  country?: string | null;
  language?: string | null;
  enabled: boolean;
  interval?: string | null;
}

export async function saveSources(store: Store, sources: SourceRow[]): Promise<void> {
  // Keep health columns: only the catalogue columns are replaced.
  const existing = new Map(
    (await store.all<Record<string, unknown>>('SELECT * FROM sources')).map((r) => [r.source_id as string, r]),
  );
  const rows = sources.map((s) => {
    const old = existing.get(s.id) ?? {};
    return [
      s.id,
      s.kind,
      s.url,
      s.publisher,
      s.country ?? null,
      s.language ?? null,
      s.enabled,
      s.interval ?? null,
      old.last_polled ?? null,
      old.last_success ?? null,
      old.last_error ?? null,
      old.last_error_reason ?? null,
      old.items_last_run ?? null,
      old.consecutive_failures ?? 0,
    ];
  });
  await store.upsert(
    'sources',
    [
      'source_id',
      'kind',
      'url',
      'publisher',
      'country',
      'language',
      'enabled',
      'interval',
      'last_polled',
      'last_success',
      'last_error',
      'last_error_reason',
      'items_last_run',
      'consecutive_failures',
    ],
    rows as never,
  );
}

export interface SourceResult {
  at: string;
  ok: boolean;
  items: number;
  error?: string | null;
  reason?: FailureReason | null;
}

export async function recordSourceResult(store: Store, id: string, r: SourceResult): Promise<void> {
  if (r.ok) {
    await store.run(
      `UPDATE sources SET last_polled = ?, last_success = ?, items_last_run = ?, consecutive_failures = 0
      WHERE source_id = ?`,
      [r.at, r.at, r.items, id],
    );
  } else {
    await store.run(
      `UPDATE sources SET last_polled = ?, last_error = ?, last_error_reason = ?, items_last_run = 0,
      consecutive_failures = coalesce(consecutive_failures, 0) + 1 WHERE source_id = ?`,
      [r.at, r.error ?? null, r.reason ?? null, id],
    );
  }
}

export interface Validators {
  etag: string | null;
  last_modified: string | null;
  bytes_sha256: string | null;
  status: number | null;
}

export async function getValidators(store: Store, url: string): Promise<Validators | null> {
  return store.one<Validators>('SELECT etag, last_modified, bytes_sha256, status FROM fetches WHERE url = ?', [url]);
}

/** Stored validators of many URLs in one read (a source's pages, not one query per page queued ahead of saves). */
export async function validatorsOf(store: Store, urls: string[]): Promise<Map<string, Validators>> {
  if (urls.length === 0) return new Map();
  const rows = await store.all<Validators & { url: string }>(
    'SELECT url, etag, last_modified, bytes_sha256, status FROM fetches WHERE url IN (SELECT unnest(?::VARCHAR[]))',
    [urls as never],
  );
  return new Map(rows.map(({ url, ...v }) => [url, v]));
}

export interface FetchRow {
  url: string;
  source_id: string | null;
  final_url: string | null;
  status: number | null;
  etag: string | null;
  last_modified: string | null;
  content_type: string | null;
  bytes: number | null;
  bytes_sha256: string | null;
  fetched_at: string;
  error_reason: FailureReason | null;
  error: string | null;
}

const FETCH_COLUMNS = [
  'url',
  'source_id',
  'final_url',
  'status',
  'etag',
  'last_modified',
  'content_type',
  'bytes',
  'bytes_sha256',
  'fetched_at',
  'error_reason',
  'error',
] as const satisfies readonly (keyof FetchRow)[];

/** A redirect may name a URL with a user name and password: stored links and messages never keep them. */
const fetchCells = (r: FetchRow) =>
  FETCH_COLUMNS.map((c) =>
    c === 'final_url' ? stripUserinfo(r.final_url) : c === 'error' && r.error !== null ? redactUserinfo(r.error) : r[c],
  );

/** Records the latest outcome for a URL. A 304 keeps the stored validators and hash. */
export async function recordFetch(store: Store, f: FetchRow): Promise<void> {
  const prev = f.status === 304 ? await getValidators(store, f.url) : null;
  const row = {
    ...f,
    etag: f.etag ?? prev?.etag ?? null,
    last_modified: f.last_modified ?? prev?.last_modified ?? null,
    bytes_sha256: f.bytes_sha256 ?? prev?.bytes_sha256 ?? null,
  };
  await store.upsert('fetches', [...FETCH_COLUMNS], [fetchCells(row)] as never);
}

/** The `fetches` rows of a batch: one upsert, except 304s, which keep the stored validators and so go through
 * recordFetch. A URL appears once per run, but the last row wins if not. */
export async function recordFetches(store: Store, rows: FetchRow[]): Promise<void> {
  const latest = new Map<string, FetchRow>();
  for (const r of rows) if (r.status !== 304) latest.set(r.url, r);
  if (latest.size) await store.upsert('fetches', [...FETCH_COLUMNS], [...latest.values()].map(fetchCells) as never);
  for (const r of rows) if (r.status === 304) await recordFetch(store, r);
}

const ITEM_COLUMNS = ['item_id', 'source_id', 'guid', 'link', 'title', 'published', 'first_seen'];

const sameInstant = (a: string | null, b: string | null) => (a && b ? Date.parse(a) === Date.parse(b) : a === b);

/**
 * Remembers every listed item by source and guid. Returns how many are new and which known items changed
 * title or date (an edited article: its page is checked again). Nothing depends on "newer than the last
 * item seen", so items sharing a timestamp are never skipped.
 */
export async function saveFeedItems(store: Store, items: FeedItem[]): Promise<{ fresh: number; changed: FeedItem[] }> {
  if (items.length === 0) return { fresh: 0, changed: [] };
  const ids = items.map((i) => idFrom('item', i.source_id, i.guid));
  const known = new Map(
    (
      await store.all<{ item_id: string; title: string | null; published: string | null; first_seen: string }>(
        `SELECT item_id, title, published, first_seen FROM feed_items WHERE item_id IN (SELECT unnest(?::VARCHAR[]))`,
        [ids as never],
      )
    ).map((r) => [r.item_id, r]),
  );
  const rows: unknown[][] = [];
  const changed: FeedItem[] = [];
  let fresh = 0;
  items.forEach((i, k) => {
    const old = known.get(ids[k]);
    if (old && old.title === i.title && sameInstant(old.published, i.published)) return;
    if (old) changed.push(i);
    else fresh++;
    rows.push([
      ids[k],
      i.source_id,
      i.guid,
      stripUserinfo(i.link),
      i.title,
      i.published,
      old?.first_seen ?? i.fetched_at,
    ]);
  });
  await store.upsert('feed_items', ITEM_COLUMNS, rows as never);
  return { fresh, changed };
}

/** Give up on a page after this many failed runs (a feed may list a dead link for months). */
export const MAX_PAGE_ATTEMPTS = 5;

/**
 * Items of a source whose page was never fetched to completion (new, interrupted by a crash, or failed fewer
 * than MAX_PAGE_ATTEMPTS times). A page fetched through another source counts as fetched.
 */
export async function pendingItems(store: Store, sourceId: string): Promise<FeedItem[]> {
  const rows = await store.all<{
    guid: string;
    link: string;
    title: string | null;
    published: string | null;
    first_seen: string;
  }>(
    `SELECT i.guid, i.link, i.title, i.published, i.first_seen FROM feed_items i
     LEFT JOIN fetches f ON f.url = i.link
     WHERE i.source_id = ? AND (f.url IS NULL OR f.error_reason IS NOT NULL)
       AND coalesce((SELECT max(x.attempts) FROM failures x WHERE x.item = i.link AND x.stage IN ('fetch', 'clean')), 0) < ?
     ORDER BY i.published NULLS LAST, i.link`,
    [sourceId, MAX_PAGE_ATTEMPTS],
  );
  return rows.map((r) => ({
    source_id: sourceId,
    guid: r.guid,
    link: r.link,
    title: r.title,
    published: r.published,
    summary: null,
    fetched_at: r.first_seen,
  }));
}

/** A failure is keyed by stage and item, so a re-run that fails again updates the row instead of adding one. */
export async function recordFailure(
  store: Store,
  f: { stage: string; item: string; reason: FailureReason; message: string; at: string },
): Promise<void> {
  const id = idFrom('fail', f.stage, f.item);
  const prev = await store.one<{ first_seen: string; attempts: number }>(
    'SELECT first_seen, attempts FROM failures WHERE failure_id = ?',
    [id],
  );
  await store.upsert(
    'failures',
    ['failure_id', 'stage', 'item', 'reason', 'message', 'first_seen', 'last_seen', 'attempts'],
    [
      [
        id,
        f.stage,
        f.item,
        f.reason,
        redactUserinfo(f.message),
        prev?.first_seen ?? f.at,
        f.at,
        (prev?.attempts ?? 0) + 1,
      ],
    ] as never,
  );
}

export async function clearFailure(store: Store, stage: string, item: string): Promise<void> {
  await store.run('DELETE FROM failures WHERE failure_id = ?', [idFrom('fail', stage, item)]);
}

export interface SourceStatus {
  id: string;
  kind: string;
  url: string;
  publisher: string;
  enabled: boolean;
  last_polled: string | null;
  last_success: string | null;
  last_error: string | null;
  last_error_reason: string | null;
  items_last_run: number | null;
  consecutive_failures: number | null;
}

/** Every source's health, as `triage sources status` prints it. */
export function sourcesStatus(store: Store): Promise<SourceStatus[]> {
  return store.all<SourceStatus>(`SELECT source_id AS id, kind, url, publisher, enabled, last_polled, last_success,
    last_error, last_error_reason, items_last_run, consecutive_failures FROM sources ORDER BY source_id`);
}
