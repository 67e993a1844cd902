// One end-to-end pipeline run over synthetic pages, in its own process so its peak RSS is its own (run.ts
// starts it with rss-probe.mjs preloaded). Modes: `stream` generates the pages in memory and feeds them to the
// batch ingester (no 170 KB × N files on disk: the 100k run); `http` serves them from a loopback server and
// ingests them through sitemaps, fetcher and all. Writes its timings as JSON to --out.
// With --ingest-only it stops after ingest, so that run.ts can measure analyze, report and query each in its own
// process (the real CLI) and report the peak RSS of every stage.
// Usage: node --import tsx bench/e2e.ts --mode stream|http --docs N --db PATH --out FILE [--workers N] [--ingest-only]
//        [--from I] (stream: pages I … I+N−1, to add new documents to a store built before)
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { silentLogger, systemClock } from '../core/effects.ts';
import { sha256 } from '../core/hash.ts';
import type { FetchedPage } from '../core/records.ts';
import { Store } from '../store/store.ts';
import { loadReference } from '../analyze/extract/index.ts';
import { createDispatcher, demoDispatcher } from '../ingest/fetch/dispatcher.ts';
import { createFetcher } from '../ingest/fetch/fetcher.ts';
import { analyze } from '../pipeline/analyze.ts';
import { ingestSources } from '../pipeline/ingest.ts';
import { emptyStats } from '../pipeline/ingest-stats.ts';
import { ingestPages } from '../pipeline/ingest-dir.ts';
import { createPool, defaultPoolSize } from '../pipeline/pool.ts';
import { buildPeriodReport, choosePeriod } from '../pipeline/report.ts';
import { PROJECT } from '../core/paths.ts';
import { synthPage } from './synth.ts';

const arg = (name: string, dflt = '') => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const mode = arg('mode', 'stream');
const docs = Number(arg('docs', '1000'));
const workers = Number(arg('workers', String(defaultPoolSize())));
const t = () => performance.now();

async function* pages(n: number, from = 0): AsyncGenerator<FetchedPage> {
  for (let i = from; i < from + n; i++) {
    const p = synthPage(i);
    const body = new Uint8Array(Buffer.from(p.html, 'utf8'));
    yield {
      url: p.url,
      final_url: p.url,
      status: 200,
      content_type: 'text/html',
      etag: null,
      last_modified: null,
      charset: 'utf-8',
      bytes_sha256: sha256(body),
      body,
      fetched_at: new Date().toISOString(),
      source_id: null,
      feed_title: null,
      feed_published: null,
      file: null,
      outlet: null,
    };
  }
}

/** Pages by host and path, one sitemap per host: six outlets fetched side by side, as real feeds are. */
async function serve(n: number) {
  const byPath = new Map<string, number>();
  const byHost = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const u = new URL(synthPage(i).url);
    byPath.set(`${u.host}${u.pathname}`, i);
    byHost.set(u.host, [...(byHost.get(u.host) ?? []), u.href]);
  }
  const server = createServer((req, res) => {
    const host = String(req.headers.host);
    if (req.url === '/sitemap.xml') {
      const urls = byHost.get(host) ?? [];
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${u}</loc></url>`).join('')}</urlset>`,
      );
      return;
    }
    const i = byPath.get(`${host}${req.url}`);
    if (i === undefined) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(synthPage(i).html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sources = [...byHost.keys()].map((host) => ({
    id: host,
    kind: 'sitemap' as const,
    url: `https://${host}/sitemap.xml`,
    publisher: host,
    country: null,
    language: 'en',
    enabled: true,
    interval: '1h',
    include: [],
    exclude: [],
  }));
  return { origin, sources, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const store = await Store.open(arg('db'));
const pool = createPool({ size: workers, referenceDir: PROJECT.reference });
const deps = { store, clock: systemClock, log: silentLogger };
const out: Record<string, number | string> = { mode, docs, workers };
let t0 = t();
if (mode === 'http') {
  const site = await serve(docs);
  const fetcher = createFetcher({
    dispatcher: demoDispatcher(site.origin, createDispatcher({ allowPrivate: ['127.0.0.1/32'] })),
    clock: systemClock,
    logger: silentLogger,
    hostDelayMs: 0,
    concurrency: 8,
    robots: false,
  });
  const stats = await ingestSources({ ...deps, fetcher, clean: (p) => pool.clean(p) }, site.sources as never);
  await site.close();
  out.stored = stats.documents_new;
} else {
  const stats = emptyStats();
  await ingestPages({ ...deps, pool }, pages(docs, Number(arg('from', '0'))), stats);
  out.stored = stats.documents_new;
}
out.ingest_s = (t() - t0) / 1000;
if (process.argv.includes('--ingest-only')) {
  await pool.close();
  store.close();
  writeFileSync(arg('out'), JSON.stringify(out));
  process.exit(0);
}
t0 = t();
const an = await analyze({ ...deps, reference: loadReference(PROJECT.reference), pool });
out.analyze_s = (t() - t0) / 1000;
out.incidents = an.incidents;
out.extracted = an.extracted;
await pool.close();
t0 = t();
const period = await choosePeriod(store, systemClock, {});
await buildPeriodReport(store, period);
out.report_s = (t() - t0) / 1000;
store.close();
writeFileSync(arg('out'), JSON.stringify(out));
