// The HTTP ingest path's batch saver against a real DuckDB file: what each page teaches is stored as the
// one-page path stored it, pages share a transaction (all or nothing), and a batch is committed when full.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { idFrom } from '../../core/hash.ts';
import type { CleanArticle } from '../../core/records.ts';
import { Store } from '../../store/store.ts';
import { recordFailure, type FetchRow } from '../../store/ingest-state.ts';
import { emptyStats } from '../../pipeline/ingest-stats.ts';
import { PageSaver } from '../../pipeline/page-saver.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-saver-'));
const stores: Store[] = [];
const open = async (name: string) => {
  const s = await Store.open(join(dir, `${name}.duckdb`));
  stores.push(s);
  return s;
};
afterAll(() => stores.forEach((s) => s.close()));
const clock = fixedClock('2023-02-01T00:00:00.000Z');
const HOUR = 3_600_000;

const url = (p: string) => `https://news.example/${p}`;
function article(p: string, published = '2023-01-01T10:00:00Z'): CleanArticle {
  return {
    doc_id: idFrom('doc', url(p)),
    content_hash: idFrom('txt', p),
    url: url(p),
    canonical_url: url(p),
    file: null,
    title: p,
    byline: null,
    outlet: null,
    site_name: null,
    published,
    modified: null,
    lang: 'en',
    text: `text of ${p}`,
    bytes_sha256: idFrom('b', p),
    fetched_at: '2023-01-02T00:00:00.000Z',
    source_id: 's',
  };
}
function fetchRow(p: string, status: number | null = 200): FetchRow {
  return {
    url: url(p),
    source_id: 's',
    final_url: url(p),
    status,
    etag: `"${p}"`,
    last_modified: null,
    content_type: 'text/html',
    bytes: 10,
    bytes_sha256: idFrom('b', p),
    fetched_at: '2023-01-02T00:00:00.000Z',
    error_reason: null,
    error: null,
  };
}

describe('PageSaver', () => {
  it('stores documents, fetch state and failures, and clears the failures a page got over', async () => {
    const store = await open('mixed');
    await recordFailure(store, {
      stage: 'fetch',
      item: url('a'),
      reason: 'timeout',
      message: 'slow',
      at: '2023-01-01T00:00:00Z',
    });
    await recordFailure(store, {
      stage: 'fetch',
      item: url('c'),
      reason: 'network',
      message: 'reset',
      at: '2023-01-01T00:00:00Z',
    });
    const stats = emptyStats();
    const log = memoryLogger();
    const saver = new PageSaver({ store, clock, log }, stats, { size: 250, windowMs: HOUR });
    const pages = [
      saver.add({ kind: 'stored', item: url('a'), article: article('a'), fetch: fetchRow('a') }),
      saver.add({
        kind: 'failed',
        failure: { stage: 'clean', item: url('b'), reason: 'not_article', message: 'a listing' },
        fetch: { ...fetchRow('b'), etag: null, error_reason: 'not_article', error: 'a listing' },
      }),
      saver.add({ kind: 'not_modified', item: url('c'), fetch: fetchRow('c', 304) }),
      saver.add({
        kind: 'failed',
        failure: { stage: 'fetch', item: url('d'), reason: 'http_status', message: '500' },
        fetch: fetchRow('d', null),
      }),
    ];
    await saver.flush();
    await Promise.all(pages);
    expect(stats).toMatchObject({
      documents_new: 1,
      not_modified: 1,
      failures: 2,
      by_reason: { not_article: 1, http_status: 1 },
    });
    expect(log.lines.join('\n')).toContain(`${url('b')}: not_article: a listing`);
    expect((await store.all<{ doc_id: string }>('SELECT doc_id FROM documents')).map((r) => r.doc_id)).toEqual([
      article('a').doc_id,
    ]);
    const fetches = await store.all<{ url: string; status: number | null; etag: string | null }>(
      'SELECT url, status, etag FROM fetches ORDER BY url',
    );
    expect(fetches).toEqual([
      { url: url('a'), status: 200, etag: '"a"' },
      { url: url('b'), status: 200, etag: null },
      { url: url('c'), status: 304, etag: '"c"' },
      { url: url('d'), status: null, etag: '"d"' },
    ]);
    const failures = await store.all<{ stage: string; item: string }>('SELECT stage, item FROM failures ORDER BY item');
    expect(failures).toEqual([
      { stage: 'clean', item: url('b') },
      { stage: 'fetch', item: url('d') },
    ]);
  });

  it('commits a batch once it is full, and none of it before', async () => {
    const store = await open('full');
    const saver = new PageSaver({ store, clock, log: memoryLogger() }, emptyStats(), { size: 3, windowMs: HOUR });
    const first = ['a', 'b'].map((p) =>
      saver.add({ kind: 'stored', item: url(p), article: article(p), fetch: fetchRow(p) }),
    );
    expect(await store.count('documents')).toBe(0);
    await saver.add({ kind: 'stored', item: url('c'), article: article('c'), fetch: fetchRow('c') });
    await Promise.all(first);
    expect(await store.count('documents')).toBe(3);
    expect(await store.count('fetches')).toBe(3);
  });

  it('commits a page that waits alone once the window has passed', async () => {
    const store = await open('window');
    const saver = new PageSaver({ store, clock, log: memoryLogger() }, emptyStats(), { size: 250, windowMs: 10 });
    await saver.add({ kind: 'stored', item: url('a'), article: article('a'), fetch: fetchRow('a') });
    expect(await store.count('documents')).toBe(1);
  });

  it('stores nothing of a batch that fails, and every page of it learns so', async () => {
    const store = await open('broken');
    const stats = emptyStats();
    const saver = new PageSaver({ store, clock, log: memoryLogger() }, stats, { size: 250, windowMs: HOUR });
    const good = saver.add({ kind: 'stored', item: url('a'), article: article('a'), fetch: fetchRow('a') });
    const bad = saver.add({
      kind: 'stored',
      item: url('b'),
      article: article('b', 'not a date'),
      fetch: fetchRow('b'),
    });
    await saver.flush();
    await expect(good).rejects.toThrow();
    await expect(bad).rejects.toThrow();
    expect(await store.count('documents')).toBe(0);
    expect(await store.count('fetches')).toBe(0);
    expect(stats.documents_new).toBe(0);
  });
});
