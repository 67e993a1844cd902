import { fileURLToPath } from 'node:url';
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/effects.ts';
import { startSiteServer, type SiteServer } from '../../demo/server.ts';
import { demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { parseFeed } from '../../ingest/feeds/parse.ts';
import { noSleep } from './helpers.ts';

const root = fileURLToPath(new URL('../fixtures/sites', import.meta.url));
let site: SiteServer;
beforeAll(async () => {
  site = await startSiteServer(root);
});
afterAll(async () => {
  await site.close();
});

const fetcher = () =>
  createFetcher({
    dispatcher: demoDispatcher(site.origin),
    clock: fixedClock('2022-12-05T00:00:00Z'),
    sleep: noSleep,
    retries: 0,
  });

describe('demo dispatcher + site server', () => {
  it('serves a realistic https URL from the loopback server by Host header', async () => {
    const before = site.requests.length;
    const out = await fetcher().fetch({ url: 'https://www.fixturechronicle.example/news/story.html' });
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(Buffer.from(out.page.body).toString()).toContain('demo dispatcher can be tested');
    expect(out.page.content_type).toBe('text/html; charset=utf-8');
    expect(out.page.etag).toMatch(/^"[0-9a-f]{20}"$/);
    const seen = site.requests.slice(before).map((r) => `${r.host} ${r.path} ${r.status}`);
    expect(seen).toEqual([
      'www.fixturechronicle.example /robots.txt 200',
      'www.fixturechronicle.example /news/story.html 200',
    ]);
  });

  it('answers 304 to a conditional request with the content-hash ETag', async () => {
    const f = fetcher();
    const first = await f.fetch({ url: 'https://www.fixturechronicle.example/news/story.html' });
    if (first.kind !== 'ok') throw new Error('first fetch failed');
    const again = await f.fetch({ url: first.page.url, previous: { etag: first.page.etag, last_modified: null } });
    expect(again.kind).toBe('not_modified');
    const byDate = await f.fetch({
      url: first.page.url,
      previous: { etag: null, last_modified: first.page.last_modified },
    });
    expect(byDate.kind).toBe('not_modified');
  });

  it('labels feeds, serves windows-1252 feeds as such, and the parser reads them', async () => {
    const out = await fetcher().fetch({ url: 'https://www.fixtureeuro.example/rss.xml' });
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(out.page.content_type).toBe('application/rss+xml; charset=windows-1252');
    const feed = await parseFeed({
      bytes: out.page.body,
      url: out.page.url,
      sourceId: 'euro',
      charset: out.page.charset,
      fetchedAt: out.page.fetched_at,
    });
    expect(feed.ok && feed.items[1].title).toBe('Zürich clinic and Señor Muñoz');
  });

  it('serves index.html for directories, 404 for missing files, and refuses traversal', async () => {
    // node:http sends the path verbatim (a WHATWG URL client would normalise the dot segments away).
    const get = (host: string, path: string) =>
      new Promise<{ status: number; body: string }>((ok, fail) => {
        const { hostname, port } = new URL(site.origin);
        httpGet({ hostname, port, path, headers: { host } }, (res) => {
          let body = '';
          res
            .setEncoding('utf8')
            .on('data', (c: string) => {
              body += c;
            })
            .on('end', () => ok({ status: res.statusCode ?? 0, body }));
        }).on('error', fail);
      });
    expect(await get('www.fixturechronicle.example', '/')).toMatchObject({
      status: 200,
      body: expect.stringContaining('front page'),
    });
    expect((await get('www.fixturechronicle.example', '/nope.html')).status).toBe(404);
    expect((await get('www.fixturechronicle.example', '/%2e%2e/www.fixtureeuro.example/rss.xml')).status).toBe(400);
    expect((await get('www.fixturechronicle.example', '/../www.fixtureeuro.example/rss.xml')).status).toBe(400);
    expect((await get('..', '/fixtures/feeds/rss2.xml')).status).toBe(400);
  });

  it('robots.txt on the demo host blocks its private path', async () => {
    const out = await fetcher().fetch({ url: 'https://www.fixturechronicle.example/private/page.html' });
    expect(out.kind === 'failed' && out.reason).toBe('robots_disallowed');
  });
});
