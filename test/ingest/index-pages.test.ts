// Acceptance (issue 20): a `page` source with a `links` selector is an index of reports (HTML and PDF). Real
// DuckDB file, real HTTP on 127.0.0.1: first run stores every listed report, a second run none (304), a new link
// exactly one; `exclude` and `max_items` are honoured; a broken PDF is a typed failure and the others are kept.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { parseSources } from '../../ingest/sources.ts';
import { ingestSources } from '../../pipeline/ingest.ts';
import type { IngestStats } from '../../pipeline/ingest-stats.ts';
import { Store } from '../../store/store.ts';
import { serve, type TestServer } from './helpers.ts';
import { buildPdf } from './pdf-fixture.ts';

const CLOCK = fixedClock('2023-06-01T00:00:00Z');
const files = new Map<string, { type: string; body: Buffer }>();
const requests: string[] = [];
let server: TestServer;
let dir: string;

const html = (title: string, paras: string[]) =>
  Buffer.from(
    `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav>` +
      `<article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  );
const story = (n: string) => [
  `Report ${n} describes how a ransomware crew encrypted servers at a regional hospital and stole patient files.`,
  `The hospital diverted ambulances for three days while staff worked on paper, according to report ${n}.`,
  `Investigators traced the intrusion to a remote access server without multifactor authentication in case ${n}.`,
];
const pdf = (n: string) =>
  Buffer.from(
    buildPdf([story(n).map((s) => [s])], {
      header: 'Vendor Labs',
      title: `PDF report ${n}`,
      created: "D:20230510090000+00'00'",
    }),
  );

function index(path: string, links: string[]): void {
  const items = links.map(
    (l) =>
      `<li class="report"><a href="${l}">Report ${l}</a> <time datetime="2023-05-0${links.indexOf(l) + 1}">May</time></li>`,
  );
  files.set(path, {
    type: 'text/html; charset=utf-8',
    body: Buffer.from(
      `<!doctype html><html><body><nav><a href="/about.html">About</a></nav><h1>Research</h1>` +
        `<ul class="reports">${items.join('')}</ul><footer><a href="/privacy.html">Privacy</a></footer></body></html>`,
    ),
  });
}

beforeAll(async () => {
  for (const n of ['a', 'b', 'c', 'd', 'e', 'f'])
    files.set(`/r/${n}.html`, { type: 'text/html', body: html(`HTML report ${n}`, story(n)) });
  for (const n of ['p1', 'p2', 'p3']) files.set(`/r/${n}.pdf`, { type: 'application/pdf', body: pdf(n) });
  files.set('/r/broken.pdf', {
    type: 'application/pdf',
    body: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage'),
  });
  files.set('/webinars/w.html', { type: 'text/html', body: html('Webinar', story('w')) });
  server = await serve((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    const f = files.get(path);
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(f.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': f.type, etag }).end(f.body);
  });
  dir = await mkdtemp(join(tmpdir(), 'triage-index-'));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(store: Store, yaml: string): Promise<IngestStats> {
  const fetcher = createFetcher({
    dispatcher: createDispatcher({ allowPrivate: ['127.0.0.1/32'] }),
    clock: CLOCK,
    sleep: async () => {},
    retries: 0,
    hostDelayMs: 0,
  });
  const { sources } = parseSources(yaml, 'index.yaml');
  return ingestSources({ store, fetcher, clock: CLOCK, log: memoryLogger() }, sources);
}

const catalogue = (id: string, path: string, extra = '') =>
  `allow_private: ["127.0.0.1/32"]\nsources:\n  - {id: ${id}, kind: page, url: "${server.origin}${path}", publisher: "Vendor Labs", ` +
  `country: US, language: en, links: "ul.reports li.report a"${extra}}\n`;

describe('index pages', () => {
  it('5 report links (2 PDFs) → 5 documents, then 0 new (304), then exactly 1 for a new link', async () => {
    index('/research/', ['/r/a.html', '/r/b.html', '/r/c.html', '/r/p1.pdf', '/r/p2.pdf']);
    const store = await Store.open(join(dir, 'one.duckdb'));
    try {
      const first = await run(store, catalogue('vendor', '/research/'));
      expect(first.documents_new).toBe(5);
      expect(first.failures).toBe(0);
      const docs = await store.all<{ url: string; source_id: string; title: string }>(
        'SELECT url, source_id, title FROM documents ORDER BY url',
      );
      expect(docs.map((d) => d.url.replace(server.origin, ''))).toEqual([
        '/r/a.html',
        '/r/b.html',
        '/r/c.html',
        '/r/p1.pdf',
        '/r/p2.pdf',
      ]);
      expect(new Set(docs.map((d) => d.source_id))).toEqual(new Set(['vendor']));
      expect(docs.find((d) => d.url.endsWith('p1.pdf'))?.title).toBe('PDF report p1');
      // neither the index page nor its navigation became a document
      expect(requests).not.toContain('/about.html');

      const before = requests.length;
      const second = await run(store, catalogue('vendor', '/research/'));
      expect(second.documents_new).toBe(0);
      expect(second.not_modified + second.documents_unchanged).toBe(0); // nothing pending: no report refetched
      expect(requests.slice(before).filter((p) => p.startsWith('/r/'))).toEqual([]);
      const index304 = await store.one<{ status: number }>('SELECT status FROM fetches WHERE url = ?', [
        `${server.origin}/research/`,
      ]);
      expect(index304?.status).toBe(304);

      index('/research/', ['/r/f.html', '/r/a.html', '/r/b.html', '/r/c.html', '/r/p1.pdf', '/r/p2.pdf']);
      const third = await run(store, catalogue('vendor', '/research/'));
      expect(third.documents_new).toBe(1);
      expect(await store.count('documents')).toBe(6);
    } finally {
      store.close();
    }
  });

  it('honours exclude and max_items (first links in page order)', async () => {
    index('/lab/', ['/r/d.html', '/webinars/w.html', '/r/e.html', '/r/p3.pdf']);
    const store = await Store.open(join(dir, 'two.duckdb'));
    try {
      const stats = await run(store, catalogue('lab', '/lab/', ', exclude: ["/webinars/"], max_items: 2'));
      expect(stats.documents_new).toBe(2);
      const urls = (await store.all<{ url: string }>('SELECT url FROM documents ORDER BY url')).map((d) =>
        d.url.replace(server.origin, ''),
      );
      expect(urls).toEqual(['/r/d.html', '/r/e.html']);
      const items = await store.all<{ link: string }>('SELECT link FROM feed_items');
      expect(items.map((i) => i.link).filter((l) => l.includes('webinars'))).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('a broken PDF is a typed failure; the other reports are kept', async () => {
    index('/mixed/', ['/r/a.html', '/r/broken.pdf', '/r/p1.pdf']);
    const store = await Store.open(join(dir, 'three.duckdb'));
    try {
      const stats = await run(store, catalogue('mixed', '/mixed/'));
      expect(stats.documents_new).toBe(2);
      const failures = await store.all<{ item: string; stage: string; reason: string }>(
        'SELECT item, stage, reason FROM failures',
      );
      expect(failures).toEqual([{ item: `${server.origin}/r/broken.pdf`, stage: 'clean', reason: 'parse_error' }]);
    } finally {
      store.close();
    }
  });

  it('an index page on which the selector matches nothing is a typed source failure', async () => {
    const store = await Store.open(join(dir, 'four.duckdb'));
    try {
      const stats = await run(store, catalogue('empty', '/r/a.html'));
      expect(stats.sources_failed).toBe(1);
      const f = await store.one<{ reason: string; message: string }>('SELECT reason, message FROM failures');
      expect(f?.reason).toBe('not_a_feed');
      expect(f?.message).toContain('ul.reports li.report a');
    } finally {
      store.close();
    }
  });

  it('refuses a bad selector, or links on a feed, when the catalogue is loaded', () => {
    const bad = (s: string) => () =>
      parseSources(
        `sources:\n  - {id: x, kind: ${s}, url: "https://v.example/", publisher: V, country: US, language: en}\n`,
        'c.yaml',
      );
    expect(bad('page, links: "ul[["')).toThrow(/not a valid CSS selector/);
    expect(bad('rss, links: "a"')).toThrow(/for kind: page/);
    expect(bad('page, max_items: 3')).toThrow(/needs `links`/);
  });
});
