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
let month: BuiltReport;

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
  month = await buildPeriodReport(store, await choosePeriod(store, CLOCK, { month: '2022-11' }));
});

afterAll(async () => {
  store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('demo report: golden files', () => {
  it('the default period is the latest complete one with enough incidents: here the quarter, and it says why', () => {
    // the demo's last week and month hold 1 and 3 incidents: too few to say something
    expect(report.period).toEqual({ kind: 'quarter', id: '2022-Q4' });
    expect(report.json.period.chosen).toMatch(/quarter with at least 5 incidents \(2022-W49 had 1; 2022-12 had 3\)/);
    expect(report.html).toContain('Period chosen automatically');
  });

  it('is byte-identical when built twice from the same database', () => {
    expect(again.html).toBe(report.html);
    expect(again.markdown).toBe(report.markdown);
    expect(reportJsonText(again.json)).toBe(reportJsonText(report.json));
    // nothing in it depends on the loopback port the corpus was served from
    expect(report.html).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('matches the HTML, Markdown and JSON goldens for the default quarter and for a month', () => {
    const problems = [
      checkGolden(GOLDEN, 'report', 'html', report.html),
      checkGolden(GOLDEN, 'report', 'md', report.markdown),
      checkGolden(GOLDEN, 'report', 'json', reportJsonText(report.json)),
      checkGolden(GOLDEN, 'month-2022-11', 'html', month.html),
      checkGolden(GOLDEN, 'month-2022-11', 'md', month.markdown),
      checkGolden(GOLDEN, 'month-2022-11', 'json', reportJsonText(month.json)),
    ].filter((p) => p !== null);
    expect(problems, 'run with UPDATE_GOLDEN=1 to accept intended changes').toEqual([]);
  });

  it.each([
    ['quarter', () => report],
    ['month', () => month],
  ])('the %s report has every section with content', (_, get) => {
    const r = get();
    for (const id of ['summary', 'actors', 'techniques', 'indicators', 'data', 'recommendations', 'map', 'regulator'])
      expect(r.html, id).toMatch(new RegExp(`<h2 id="h-${id}">`));
    // nothing reads "none" except the revisions, which need an earlier report of the same kind
    const body = r.html.replace(/<section aria-labelledby="h-revisions">[\s\S]*?<\/section>/, '');
    expect(body).not.toContain('class="empty"');
    expect(r.json.tables.regulator.length).toBeGreaterThan(0);
    expect(r.json.tables.map.length).toBeGreaterThan(0);
  });

  it('gives the reader of the default report a summary, profiles, techniques, indicators, advice, map and data', () => {
    const t = report.json.tables;
    const sentences = report.json.summary.filter((x) => /\d/.test(x.text));
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    for (const x of report.json.summary) expect(report.html).toContain(`href="#h-${x.section}"`);
    expect(t.actors.length).toBeGreaterThanOrEqual(3);
    expect(t.techniques.length).toBeGreaterThanOrEqual(5);
    for (const x of t.techniques) {
      expect(x.id).toMatch(/^T\d{4}$/);
      expect(x.evidence.length, x.id).toBeGreaterThan(0);
      // the quote is the article's own sentence, found in a source document of the incident
      for (const q of x.evidence) expect(q.quote.length).toBeGreaterThan(20);
    }
    expect(t.indicators.filter((i) => i.kind === 'cve').map((i) => i.value)).toContain('CVE-2021-27101');
    expect(report.html).toContain('As reported');
    expect(t.recommendations.length).toBeGreaterThan(0);
    for (const x of t.recommendations) expect(x.id).toMatch(/^M1\d{3}$/);
    expect(report.html).toMatch(/<figure id="chart-map"/);
    expect(t.data_exposed.filter((d) => d.incidents > 0).length).toBeGreaterThanOrEqual(3);
    expect(report.html).toMatch(/<figure id="chart-data"/);
    expect(report.json.tlp).toBe('TLP:CLEAR');
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
      'chart-data',
      'chart-groups',
      'chart-map',
      'chart-ransom',
      'chart-records',
      'chart-sectors',
      'chart-trend',
    ]);
    for (const [id, n] of Object.entries(page.marks)) expect(n, id).toBeGreaterThan(0);
  });

  it('fills the countries hit on the map', () => {
    // one shape per country hit that the 1:110m atlas draws (Singapore is too small to have one)
    expect(page.filled).toBeGreaterThanOrEqual(report.json.tables.map.length - 1);
    expect(page.filled).toBeGreaterThan(0);
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
    const cover = first.items.map((i) => ('str' in i ? i.str : '')).join(' ');
    expect(cover).toContain('Q4 2022');
    expect(cover).toContain('TLP:CLEAR');
    expect(cover).toContain(`Page 1 of ${doc.numPages}`);
    await doc.destroy();
  });
});
