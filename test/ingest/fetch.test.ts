import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { sha256 } from '../../core/hash.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher, type FetcherOptions, type FetchOutcome } from '../../ingest/fetch/fetcher.ts';
import { USER_AGENT } from '../../ingest/fetch/http.ts';
import { noSleep, serve, type TestServer } from './helpers.ts';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(handler: Parameters<typeof serve>[0]): Promise<string> {
  const s = await serve(handler);
  servers.push(s);
  return s.origin;
}

function fetcher(extra: Partial<FetcherOptions> = {}) {
  return createFetcher({
    dispatcher: createDispatcher({ allowPrivate: ['127.0.0.1/32'] }),
    clock: fixedClock('2022-12-05T00:00:00Z'),
    sleep: noSleep,
    random: () => 0.5,
    robots: false,
    retries: 0,
    ...extra,
  });
}

function failure(o: FetchOutcome) {
  if (o.kind !== 'failed') throw new Error(`expected a failure, got ${o.kind}`);
  return o;
}

describe('fetcher', () => {
  it('returns the page with its validators, charset, hash and identifying User-Agent', async () => {
    let ua = '';
    const origin = await start((req, res) => {
      ua = req.headers['user-agent'] ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1', etag: '"v1"' }).end('<p>hello</p>');
    });
    const out = await fetcher().fetch({ url: `${origin}/a.html`, sourceId: 's1' });
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(Buffer.from(out.page.body).toString()).toBe('<p>hello</p>');
    expect(out.page).toMatchObject({
      status: 200,
      etag: '"v1"',
      charset: 'iso-8859-1',
      source_id: 's1',
      fetched_at: '2022-12-05T00:00:00.000Z',
      bytes_sha256: sha256('<p>hello</p>'),
    });
    expect(ua).toBe(USER_AGENT);
  });

  it('times out on a server that never answers', async () => {
    const origin = await start(() => {
      /* never respond */
    });
    const out = failure(await fetcher({ headersTimeoutMs: 150 }).fetch({ url: `${origin}/hang` }));
    expect(out.reason).toBe('timeout');
  });

  it('aborts a body over the cap, with or without Content-Length', async () => {
    const origin = await start((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-length': 5000 }).end('x'.repeat(5000));
        return;
      }
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
      res.end();
    });
    const f = fetcher({ maxBodyBytes: 1000 });
    expect(failure(await f.fetch({ url: `${origin}/declared` })).reason).toBe('too_large');
    expect(failure(await f.fetch({ url: `${origin}/chunked` })).reason).toBe('too_large');
  });

  it('follows redirects up to the limit and reports too_many_redirects beyond it', async () => {
    const origin = await start((req, res) => {
      const n = Number(req.url?.split('/').pop());
      if (n >= 3) {
        res.writeHead(200).end('arrived');
        return;
      }
      res.writeHead(302, { location: `/hop/${n + 1}` }).end();
    });
    const ok = await fetcher({ maxRedirects: 3 }).fetch({ url: `${origin}/hop/0` });
    expect(ok.kind === 'ok' && ok.page.final_url).toBe(`${origin}/hop/3`);
    expect(failure(await fetcher({ maxRedirects: 2 }).fetch({ url: `${origin}/hop/0` })).reason).toBe(
      'too_many_redirects',
    );
  });

  it('decodes gzip and refuses a body that inflates past the decoded cap', async () => {
    const text = 'Hospital systems restored. '.repeat(200);
    const origin = await start((req, res) => {
      const body = req.url === '/bomb' ? gzipSync(Buffer.alloc(2_000_000)) : gzipSync(text);
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' }).end(body);
    });
    const f = fetcher({ maxDecodedBytes: 100_000 });
    const ok = await f.fetch({ url: `${origin}/page` });
    expect(ok.kind === 'ok' && Buffer.from(ok.page.body).toString()).toBe(text);
    expect(failure(await f.fetch({ url: `${origin}/bomb` })).reason).toBe('too_large');
  });

  it('sends validators and reports not_modified on 304', async () => {
    const seen: (string | undefined)[] = [];
    const origin = await start((req, res) => {
      seen.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"abc"') {
        res.writeHead(304, { etag: '"abc"' }).end();
        return;
      }
      res.writeHead(200, { etag: '"abc"', 'last-modified': 'Mon, 28 Nov 2022 10:00:00 GMT' }).end('body');
    });
    const f = fetcher();
    const first = await f.fetch({ url: `${origin}/p` });
    if (first.kind !== 'ok') throw new Error('first fetch failed');
    const second = await f.fetch({
      url: `${origin}/p`,
      previous: { etag: first.page.etag, last_modified: first.page.last_modified },
    });
    expect(second).toMatchObject({
      kind: 'not_modified',
      etag: '"abc"',
      last_modified: 'Mon, 28 Nov 2022 10:00:00 GMT',
    });
    expect(seen).toEqual([undefined, '"abc"']);
  });

  it('retries a 503 with Retry-After: 0 and then succeeds', async () => {
    let calls = 0;
    const origin = await start((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(503, { 'retry-after': '0' }).end();
        return;
      }
      res.writeHead(200).end('recovered');
    });
    const log = memoryLogger();
    const out = await fetcher({ retries: 2, logger: log }).fetch({ url: `${origin}/flaky` });
    expect(out).toMatchObject({ kind: 'ok', attempts: 2 });
    expect(calls).toBe(2);
    expect(log.lines.some((l) => l.includes('retry 1/2 in 0 ms'))).toBe(true);
  });

  it('backs off exponentially on 500 and gives up after the retries', async () => {
    let calls = 0;
    const origin = await start((_req, res) => {
      calls++;
      res.writeHead(500).end();
    });
    const log = memoryLogger();
    const out = failure(
      await fetcher({ retries: 2, backoffBaseMs: 1000, logger: log }).fetch({ url: `${origin}/down` }),
    );
    expect(out).toMatchObject({ reason: 'http_status', attempts: 3 });
    expect(calls).toBe(3);
    // random() = 0.5 → 3/4 of the exponential step.
    expect(log.lines.filter((l) => l.includes('retry')).map((l) => /in (\d+) ms/.exec(l)?.[1])).toEqual([
      '750',
      '1500',
    ]);
  });

  it('does not retry a 404', async () => {
    let calls = 0;
    const origin = await start((_req, res) => {
      calls++;
      res.writeHead(404).end();
    });
    expect(failure(await fetcher({ retries: 3 }).fetch({ url: `${origin}/gone` })).reason).toBe('http_status');
    expect(calls).toBe(1);
  });

  it('obeys robots.txt, fetching it once per host', async () => {
    const paths: string[] = [];
    const origin = await start((req, res) => {
      paths.push(req.url ?? '');
      if (req.url === '/robots.txt') {
        res.writeHead(200).end('User-agent: *\nDisallow: /private/\n');
        return;
      }
      res.writeHead(200).end('ok');
    });
    const f = fetcher({ robots: true });
    expect(failure(await f.fetch({ url: `${origin}/private/x.html` })).reason).toBe('robots_disallowed');
    expect((await f.fetch({ url: `${origin}/public/y.html` })).kind).toBe('ok');
    expect(paths).toEqual(['/robots.txt', '/public/y.html']);
  });

  it('sends one request at a time to a host', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const origin = await start((_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end('ok');
      }, 20);
    });
    const f = fetcher({ concurrency: 4 });
    const outs = await Promise.all([1, 2, 3, 4].map((n) => f.fetch({ url: `${origin}/p${n}` })));
    expect(outs.every((o) => o.kind === 'ok')).toBe(true);
    expect(maxInFlight).toBe(1);
  });

  it('refuses schemes other than http and https', async () => {
    expect(failure(await fetcher().fetch({ url: 'file:///etc/passwd' })).reason).toBe('address_refused');
  });
});
