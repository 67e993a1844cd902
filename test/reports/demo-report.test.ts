// The default report of the demo database: golden files (HTML, Markdown, JSON), byte stability, real
// Chromium (console, drawn marks, phone width, screenshots) and the PDF edition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { startSiteServer, type SiteServer } from '../../demo/server.ts';
import { demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { loadSources } from '../../ingest/sources.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { PROJECT } from '../../core/paths.ts';
import { buildPeriodReport, choosePeriod, recordReportSnapshot, type BuiltReport } from '../../pipeline/report.ts';
import { reportJsonText } from '../../reports/weekly/index.ts';
import { renderPdf } from '../../reports/weekly/pdf.ts';
import { checkGolden } from './golden-files.ts';
import { checkPage, type PageCheck } from './browser-checks.ts';

const GOLDEN = join(import.meta.dirname, '..', 'fixtures', 'report-demo-golden');
const CLOCK = fixedClock('2026-01-05T12:00:00Z');

let dir: string;
let store: Store;
let report: BuiltReport;
let again: BuiltReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-demo-report-'));
  const server: SiteServer = await startSiteServer(PROJECT.demoSites);
  try {
    store = await Store.open(join(dir, 'triage.duckdb'));
    const { sources } = await loadSources(PROJECT.demoSources);
    await runPipeline(
      {
        store,
        clock: CLOCK,
        log: memoryLogger(),
        dispatcher: demoDispatcher(server.origin),
        reference: await loadReference(PROJECT.reference),
        fetcherOptions: { hostDelayMs: 0, concurrency: 8, retries: 0 },
      },
      sources,
      join(dir, 'out'),
    );
  } finally {
    await server.close();
  }
  report = await buildPeriodReport(store, await choosePeriod(store, CLOCK, {}));
  await recordReportSnapshot(store, report);
  again = await buildPeriodReport(store, await choosePeriod(store, CLOCK, {}));
});

afterAll(async () => {
  store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('demo report: golden files', () => {
  it('the default period is the latest complete week in the data', () => {
    expect(report.period).toEqual({ kind: 'week', id: '2022-W49' });
  });

  it('is byte-identical when built twice from the same database', () => {
    expect(again.html).toBe(report.html);
    expect(again.markdown).toBe(report.markdown);
    expect(reportJsonText(again.json)).toBe(reportJsonText(report.json));
    // nothing in it depends on the loopback port the corpus was served from
    expect(report.html).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('matches the HTML, Markdown and JSON goldens', () => {
    const problems = [
      checkGolden(GOLDEN, 'report', 'html', report.html),
      checkGolden(GOLDEN, 'report', 'md', report.markdown),
      checkGolden(GOLDEN, 'report', 'json', reportJsonText(report.json)),
    ].filter((p) => p !== null);
    expect(problems, 'run with UPDATE_GOLDEN=1 to accept intended changes').toEqual([]);
  });

  it('has at least 6 charts and at least 10 notable incidents, each with linked sources', () => {
    expect((report.html.match(/<figure id="chart-/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(report.html).not.toContain('No data for this chart');
    const notable = report.json.tables.notable;
    expect(notable.length).toBeGreaterThanOrEqual(10);
    for (const n of notable)
      expect(
        n.sources.some((s) => s.href?.startsWith('http')),
        n.victim,
      ).toBe(true);
    const table = report.html.slice(report.html.indexOf('<table id="notable-table"'));
    const rows = table.slice(0, table.indexOf('</table>')).split('<tr').slice(2);
    expect(rows.length).toBe(notable.length);
    for (const row of rows) expect(row).toMatch(/<a href="https?:\/\//);
  });
});

describe('demo report in headless Chromium', () => {
  let page: PageCheck;
  beforeAll(async () => {
    const file = join(dir, 'report.html');
    await writeFile(file, report.html);
    page = await checkPage(file, `demo-${report.period.id}`);
  });

  it('loads without console errors or dialogs', () => {
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
  });

  it('draws marks in every chart', () => {
    expect(Object.keys(page.marks).sort()).toEqual([
      'chart-countries',
      'chart-groups',
      'chart-ransom',
      'chart-records',
      'chart-sectors',
      'chart-trend',
    ]);
    for (const [id, n] of Object.entries(page.marks)) expect(n, id).toBeGreaterThan(0);
  });

  it('fits a 390px phone screen without sideways scrolling, and writes screenshots', async () => {
    expect(page.scrollWidth).toBeLessThanOrEqual(390);
    for (const shot of page.shots) expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
    expect(page.text).toContain('Notable incidents');
  });
});

describe('demo report as PDF', () => {
  it('prints through headless Chromium into a PDF with pages', async () => {
    const pdf = await renderPdf(report.html);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(2);
    const first = await (await doc.getPage(1)).getTextContent();
    expect(first.items.map((i) => ('str' in i ? i.str : '')).join(' ')).toContain('Week 49, 2022');
    await doc.destroy();
  });
});
