// The whole pipeline against the demo corpus served over real HTTP on 127.0.0.1, into a real DuckDB file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { startSiteServer, type SiteServer } from '../../demo/server.ts';
import { demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { loadSources } from '../../ingest/sources.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { runPipeline, type RunResult } from '../../pipeline/run.ts';
import { PROJECT } from '../../core/paths.ts';
import { loadIncidents } from '../../store/analysis.ts';

let dir: string;
let server: SiteServer;
let store: Store;
let first: RunResult;
let second: RunResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-e2e-'));
  server = await startSiteServer(PROJECT.demoSites);
  store = await Store.open(join(dir, 'triage.duckdb'));
  const { sources } = await loadSources(PROJECT.demoSources);
  const reference = await loadReference(PROJECT.reference);
  const deps = {
    store,
    clock: fixedClock('2026-01-05T12:00:00Z'),
    log: memoryLogger(),
    dispatcher: demoDispatcher(server.origin),
    reference,
    fetcherOptions: { hostDelayMs: 0, concurrency: 8, retries: 0 },
  };
  first = await runPipeline(deps, sources, join(dir, 'out'));
  second = await runPipeline(deps, sources, join(dir, 'out'));
});

afterAll(async () => {
  store?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('demo pipeline over loopback HTTP', () => {
  it('stores the corpus: documents, facts with evidence, incidents', async () => {
    expect(first.ingest.failures).toBe(0);
    expect(first.counts.documents).toBeGreaterThanOrEqual(60);
    expect(first.counts.incidents).toBeGreaterThanOrEqual(25);
    const ev = await store.one<{ n: number }>(
      `SELECT count(*) AS n FROM facts WHERE quote IS NOT NULL AND end_offset > start_offset`,
    );
    expect(ev!.n).toBeGreaterThan(50);
    // evidence offsets point into the stored text
    const bad = await store.one<{
      n: number;
    }>(`SELECT count(*) AS n FROM facts f JOIN document_versions v USING (version_id)
      WHERE f.quote IS NOT NULL AND substr(v.text, f.start_offset + 1, f.end_offset - f.start_offset) <> f.quote`);
    expect(bad!.n).toBe(0);
  });

  it('a second run adds nothing and re-processes nothing', () => {
    expect(second.counts).toEqual(first.counts);
    expect(second.ingest.pages_fetched).toBe(0);
    expect(second.ingest.documents_new + second.ingest.documents_updated).toBe(0);
    expect(second.analyze.extracted).toBe(0);
  });

  it('reads the AIIMS demand of Rs 200 crore as 2,000,000,000 INR and keeps the police denial as disputed', async () => {
    const rows = await store.all<{ amount: number; currency: string; disputed: boolean; as_written: string }>(
      `SELECT (value->>'amount')::DOUBLE AS amount, value->>'currency' AS currency, (value->>'disputed')::BOOLEAN AS disputed,
              value->>'as_written' AS as_written
       FROM facts WHERE field = 'ransom' AND (value->>'as_written') ILIKE '%200 crore%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.amount, r.currency]).toEqual([2_000_000_000, 'INR']);
    expect(rows.some((r) => r.disputed)).toBe(true);
    const aiims = (await loadIncidents(store)).filter((i) => /All India Institute of Medical Sciences/i.test(i.victim));
    expect(aiims).toHaveLength(1);
    expect(aiims[0].sources.length).toBeGreaterThanOrEqual(4);
    expect(aiims[0].status).toBe('disputed');
  });

  it('writes the weekly report with a trend chart, a countries chart and a notable-incidents table', async () => {
    expect(first.report).not.toBeNull();
    const html = await readFile(first.report!.html, 'utf8');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/trend/i);
    expect(html).toMatch(/countr/i);
    expect(html).toMatch(/<table/);
    const md = await readFile(first.report!.markdown, 'utf8');
    expect(md).toContain('|');
  });

  it('follows the research index to its two HTML reports and the PDF, stored as sections with pages', async () => {
    const docs = await store.all<{ url: string; pages: number[] }>(
      `SELECT d.url, list(DISTINCT f.page ORDER BY f.page) FILTER (WHERE f.page IS NOT NULL) AS pages
       FROM documents d LEFT JOIN facts f USING (doc_id) WHERE d.source_id = 'sentinelgrid-research'
       GROUP BY d.url ORDER BY d.url`,
    );
    const path = (u: string) => u.replace('https://research.sentinelgrid.example/research/', '');
    expect(docs.map((d) => path(d.url))).toEqual([
      'case-studies/lake-charles-memorial-hive-2022',
      'case-studies/nieuwe-haven-laboratoria-play-2022',
      ...[1, 2, 3, 4, 5, 6].map((n) => `reports/hospitals-under-pressure-h2-2022.pdf#page=${n}`),
    ]);
    // each incident section cites its own page; the introduction and the advice name no victim
    expect(docs.filter((d) => d.url.includes('.pdf')).map((d) => d.pages ?? [])).toEqual([[], [2], [3], [4], [5], []]);
  });
});
