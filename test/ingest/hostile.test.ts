// Acceptance: the whole ingest stage (ingestSources, a real DuckDB file, real HTTP on 127.0.0.1) against the
// hostile site. Each misbehaviour must end as a failure row with its typed reason; everything else is stored.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { parseSources } from '../../ingest/sources.ts';
import { ingestSources } from '../../pipeline/ingest.ts';
import type { IngestStats } from '../../pipeline/ingest-stats.ts';
import {
  hostileCatalogue,
  HOSTILE,
  startHostileServer,
  type FeedName,
  type HostileServer,
} from '../support/hostile-server.ts';

let dir: string;
let server: HostileServer;
let store: Store;
const sleeps: number[] = [];
const runs: { stats: IngestStats; log: string[]; requests: string[] }[] = [];

async function run(): Promise<void> {
  const log = memoryLogger();
  const fetcher = createFetcher({
    dispatcher: createDispatcher({ allowPrivate: ['127.0.0.1/32'] }),
    clock: fixedClock('2022-12-05T00:00:00Z'),
    logger: log,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    retries: 2,
    hostDelayMs: 0,
    totalTimeoutMs: 400,
  });
  const { sources } = parseSources(
    hostileCatalogue(server.origin, [...(Object.keys(HOSTILE) as FeedName[]), 'good']),
    'hostile.yaml',
  );
  const before = server.log.length;
  const stats = await ingestSources({ store, fetcher, clock: fixedClock('2022-12-05T00:00:00Z'), log }, sources);
  runs.push({ stats, log: log.lines, requests: server.log.slice(before) });
}

const feedUrl = (name: keyof typeof HOSTILE) => `${server.origin}${HOSTILE[name]}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-hostile-'));
  server = await startHostileServer({ dripMs: 50, retryAfterS: 1 });
  store = await Store.open(join(dir, 'triage.duckdb'));
  await run();
  await run();
  server.publish('same-time-c', 'Hospital C hit by ransomware');
  await run();
}, 60_000);

afterAll(async () => {
  store?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ingest against a hostile site', () => {
  it('records each misbehaviour as a failure with its typed reason', async () => {
    const rows = await store.all<{ item: string; stage: string; reason: string; attempts: number }>(
      'SELECT item, stage, reason, attempts FROM failures ORDER BY item',
    );
    const byItem = Object.fromEntries(rows.map((r) => [r.item, r]));
    const expected: [keyof typeof HOSTILE, string][] = [
      ['error-500', 'http_status'],
      ['slow-drip', 'timeout'],
      ['huge-body', 'too_large'],
      ['gzip-bomb', 'too_large'],
      ['redirect-loop', 'too_many_redirects'],
      ['redirect-private', 'address_refused'],
      ['malformed-xml', 'malformed_feed'],
      ['html-not-feed', 'not_a_feed'],
      ['empty-200', 'empty_body'],
      ['robots-disallowed', 'robots_disallowed'],
    ];
    for (const [name, reason] of expected)
      expect(byItem[feedUrl(name)], name).toMatchObject({ stage: 'feed', reason, attempts: 3 });
    // the feeds that recover or are merely mislabelled leave no failure behind
    expect(rows).toHaveLength(expected.length);
  });

  it('stores what survives: recovered feeds, the salvaged items, the mislabelled charset, items sharing a timestamp', async () => {
    const docs = await store.all<{ url: string; title: string }>('SELECT url, title FROM documents ORDER BY url');
    const slugs = docs.map((d) => /\/a\/([\w-]+)\.html$/.exec(d.url)?.[1]);
    expect(slugs).toEqual([
      'charset-1',
      'flaky-1',
      'salvaged-1',
      'salvaged-2',
      'same-time-a',
      'same-time-b',
      'same-time-c',
      'throttle-1',
    ]);
    const item = await store.one<{ title: string }>(`SELECT title FROM feed_items WHERE guid = 'charset-1'`);
    expect(item?.title).toBe('Zürich clinic: Señor Muñoz’s records');
    const same = await store.all<{ published: string }>(
      `SELECT DISTINCT published FROM feed_items WHERE guid LIKE 'same-time-%'`,
    );
    expect(same).toHaveLength(1);
  });

  it('retries 503 with backoff and 429 after its Retry-After, then succeeds', () => {
    const first = runs[0].requests;
    expect(first.filter((r) => r.startsWith(`GET ${HOSTILE['flaky-503']} `))).toEqual([
      `GET ${HOSTILE['flaky-503']} 503`,
      `GET ${HOSTILE['flaky-503']} 200`,
    ]);
    expect(first.filter((r) => r.startsWith(`GET ${HOSTILE['throttle-429']} `))).toEqual([
      `GET ${HOSTILE['throttle-429']} 429`,
      `GET ${HOSTILE['throttle-429']} 200`,
    ]);
    expect(sleeps).toContain(1000); // Retry-After: 1
    expect(first).toContain('GET /s/500/feed.xml 500');
  });

  it('never connects to the non-allowed address and never requests the robots-disallowed feed', () => {
    const all = runs.flatMap((r) => r.requests);
    expect(all.some((r) => r.startsWith('GET /internal/'))).toBe(false);
    expect(all.some((r) => r.startsWith('GET /private/'))).toBe(false);
  });

  it('ends each run with counts per reason and counts partial failure', () => {
    const { stats, log } = runs[0];
    expect(stats.by_reason).toEqual({
      http_status: 1,
      timeout: 1,
      too_large: 2,
      too_many_redirects: 1,
      address_refused: 1,
      malformed_feed: 1,
      not_a_feed: 1,
      empty_body: 1,
      robots_disallowed: 1,
    });
    expect(stats.failures).toBe(10);
    expect(log).toContain(
      'info: ingest failures by reason: 2 too_large, 1 address_refused, 1 empty_body, 1 http_status, ' +
        '1 malformed_feed, 1 not_a_feed, 1 robots_disallowed, 1 timeout, 1 too_many_redirects',
    );
  });

  it('a second run gets 304s and fetches no article again', async () => {
    const second = runs[1];
    for (const path of ['/good/feed.xml', HOSTILE['flaky-503'], HOSTILE['throttle-429'], HOSTILE['wrong-charset']]) {
      expect(second.requests, path).toContain(`GET ${path} 304`);
    }
    expect(second.requests.filter((r) => r.startsWith('GET /a/'))).toEqual([]);
    expect(second.stats.documents_new + second.stats.documents_updated).toBe(0);
    // the flaky feed has not changed since: still 304 after the third run
    const status = await store.one<{ status: number }>('SELECT status FROM fetches WHERE url = ?', [
      feedUrl('flaky-503'),
    ]);
    expect(status?.status).toBe(304);
  });

  it('a later edition of a feed with one more item at the same timestamp fetches exactly that item', () => {
    const third = runs[2];
    expect(third.requests.filter((r) => r.startsWith('GET /a/'))).toEqual(['GET /a/same-time-c.html 200']);
    expect(third.stats.documents_new).toBe(1);
  });

  it('keeps source health for `triage sources status`', async () => {
    const rows = await store.all<{
      source_id: string;
      consecutive_failures: number;
      last_error_reason: string | null;
      last_success: string | null;
      items_last_run: number;
    }>('SELECT * FROM sources ORDER BY source_id');
    const by = Object.fromEntries(rows.map((r) => [r.source_id, r]));
    expect(by['slow-drip']).toMatchObject({
      consecutive_failures: 3,
      last_error_reason: 'timeout',
      last_success: null,
      items_last_run: 0,
    });
    expect(by['flaky-503']).toMatchObject({ consecutive_failures: 0, last_error_reason: null });
    expect(by.good).toMatchObject({ consecutive_failures: 0, items_last_run: 3 });
    expect(by.good.last_success).not.toBeNull();
  });
});
