// `triage sources check --json` (issue 20) through the real CLI against a loopback server: each enabled source's
// status, content type, item count and newest date; a failing source is a row with its typed reason (exit 3).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from '../ingest/helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const run = promisify(execFile);

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Health news</title>
${['2023-05-02', '2023-05-09', '2023-05-04']
  .map(
    (d, i) =>
      `<item><title>Hospital story ${i}</title><link>https://n.example/${i}</link><guid>g${i}</guid><pubDate>${new Date(`${d}T08:00:00Z`).toUTCString()}</pubDate></item>`,
  )
  .join('\n')}</channel></rss>`;
const INDEX = `<!doctype html><html><body><ul class="reports">
<li><a href="/r/1.pdf">One</a> <time datetime="2023-04-01">1 April</time></li>
<li><a href="/r/2.html">Two</a> <time datetime="2023-05-20">20 May</time></li></ul></body></html>`;
const ARTICLE = `<!doctype html><html><head><meta property="article:published_time" content="2023-03-03T10:00:00Z">
<title>Clinic attacked</title></head><body><article><h1>Clinic attacked</h1><p>A ransomware attack hit a clinic and forced staff to paper records for days.</p>
<p>Systems were restored from backups over the following week, the clinic said in a statement.</p>
<p>Patients were asked to bring their own medication lists while the records system stayed offline.</p></article></body></html>`;

let server: TestServer;
let dir: string;
let catalogue: string;

beforeAll(async () => {
  const files: Record<string, [string, string]> = {
    '/feed.xml': ['application/rss+xml', RSS],
    '/research/': ['text/html; charset=utf-8', INDEX],
    '/story.html': ['text/html; charset=utf-8', ARTICLE],
  };
  server = await serve((req, res) => {
    const f = files[req.url ?? ''];
    if (f) res.writeHead(200, { 'content-type': f[0] }).end(f[1]);
    else res.writeHead(404).end();
  });
  dir = await mkdtemp(join(tmpdir(), 'triage-check-'));
  catalogue = join(dir, 'sources.yaml');
  const o = server.origin;
  await writeFile(
    catalogue,
    `allow_private: ["127.0.0.1/32"]
sources:
  - {id: feed, kind: rss, url: "${o}/feed.xml", publisher: P, country: US, language: en, verified: false}
  - {id: index, kind: page, url: "${o}/research/", publisher: P, country: US, language: en, links: "ul.reports a"}
  - {id: story, kind: page, url: "${o}/story.html", publisher: P, country: US, language: en}
  - {id: gone, kind: atom, url: "${o}/gone.xml", publisher: P, country: US, language: en}
  - {id: off, kind: rss, url: "${o}/off.xml", publisher: P, country: US, language: en, enabled: false}
`,
  );
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('triage sources check --json', () => {
  it('reports each enabled source: status, content type, items, newest date; a failure with its reason', async () => {
    const out = await run(
      process.execPath,
      [BIN, 'sources', 'check', '--json', '--sources', catalogue, '--delay', '0'],
      {
        env: { ...process.env, TRIAGE_DB: join(dir, 'unused.duckdb') },
      },
    ).then(
      () => {
        throw new Error('expected exit 3: one source fails');
      },
      (err: { code: number; stdout: string }) => err,
    );
    expect(out.code).toBe(3);
    const rows = JSON.parse(out.stdout) as Record<string, unknown>[];
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(Object.keys(byId)).toEqual(['feed', 'index', 'story', 'gone']);
    expect(byId.feed).toMatchObject({
      verified: false,
      ok: true,
      status: 200,
      content_type: 'application/rss+xml',
      items: 3,
      newest: '2023-05-09T08:00:00Z',
    });
    expect(byId.index).toMatchObject({
      verified: null,
      ok: true,
      status: 200,
      items: 2,
      newest: '2023-05-20T00:00:00Z',
    });
    expect(byId.story).toMatchObject({ ok: true, status: 200, items: 1, newest: '2023-03-03T10:00:00Z' });
    expect(byId.gone).toMatchObject({ ok: false, status: 404, items: null, error_reason: 'http_status' });
  });
});
