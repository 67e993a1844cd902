// Acceptance (issue 20): a PDF report naming four incidents, fetched over real HTTP on 127.0.0.1 into a real DuckDB
// file, is split into sections and yields four incidents, each with the page of its evidence.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import { PROJECT } from '../../core/paths.ts';
import type { Incident } from '../../core/records.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { createDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { parseSources } from '../../ingest/sources.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { ingestSources } from '../../pipeline/ingest.ts';
import { loadIncidents } from '../../store/analysis.ts';
import { Store } from '../../store/store.ts';
import { serve, type TestServer } from '../ingest/helpers.ts';
import { buildPdf } from '../ingest/pdf-fixture.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));

/** Lays a paragraph out in lines of at most 90 characters, as a PDF would. */
const wrap = (p: string): string[] =>
  p.split(' ').reduce<string[]>((lines, w) => {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${w}`.length <= 90) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
    return lines;
  }, []);
const page = (...paras: string[]) => paras.map(wrap);

// Four incidents of the demo corpus, retold in our own words, one per page after an introduction.
const PAGES = [
  page(
    'Hospitals under siege: four ransomware cases from 2022',
    'This review looks back at four attacks on hospitals and laboratories during the second half of 2022. Each case is told from public statements and press reports, with the tactics we saw repeated across the sector.',
    'The cases differ in size and country, but all four show how long clinical services stay degraded after an intrusion, and how quickly stolen files reach leak sites.',
  ),
  page(
    'Centre Hospitalier Sud Francilien',
    'The Centre Hospitalier Sud Francilien in Corbeil-Essonnes, France, was hit by ransomware on 21 August 2022. A LockBit 3.0 affiliate encrypted business software and the imaging network, and the hospital sent its most serious cases to other facilities.',
    'The attackers demanded $10 million. The hospital refused to pay, and LockBit later published stolen files on its leak site.',
  ),
  page(
    'OakBend Medical Center',
    'OakBend Medical Center in Richmond, Texas, was attacked on 1 September 2022. Phones and email were down for several days while staff worked on paper.',
    'Daixin Team later claimed the attack and posted files it said came from patient and employee records.',
  ),
  page(
    'Karoo Pathology Laboratories',
    'Karoo Pathology Laboratories in Bloemfontein, South Africa, detected an intrusion on 29 August 2022. RansomHouse listed the laboratory on its leak site and claimed to have asked for 75 BTC.',
    'The laboratory said it would not negotiate with criminals and restored its systems from backups.',
  ),
  page(
    'All India Institute of Medical Sciences',
    'The All India Institute of Medical Sciences in New Delhi suffered a ransomware attack on 23 November 2022 that took its servers offline. Outpatient and emergency services ran on manual registration for days.',
    'Police registered a case of cyber terrorism, and investigators traced the intrusion to a server in the hospital network.',
  ),
];

let server: TestServer;
let pdf: Buffer;
let dir: string;
let store: Store;
let incidents: Incident[];

beforeAll(async () => {
  pdf = Buffer.from(
    buildPdf(PAGES, {
      header: 'Fixture Labs - Healthcare review',
      title: 'Hospitals under siege',
      created: "D:20221220090000+00'00'",
    }),
  );
  server = await serve((req, res) => {
    if (req.url === '/review-2022.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    else res.writeHead(404).end();
  });
  dir = await mkdtemp(join(tmpdir(), 'triage-pdf-report-'));
  store = await Store.open(join(dir, 'triage.duckdb'));
  const clock = fixedClock('2023-01-10T00:00:00Z');
  const fetcher = createFetcher({
    dispatcher: createDispatcher({ allowPrivate: ['127.0.0.1/32'] }),
    clock,
    sleep: async () => {},
    retries: 0,
    hostDelayMs: 0,
  });
  const { sources } = parseSources(
    `sources:\n  - {id: fixture-review, kind: page, url: "${server.origin}/review-2022.pdf", publisher: "Fixture Labs", country: US, language: en}\n`,
    'pdf.yaml',
  );
  const log = memoryLogger();
  await ingestSources({ store, fetcher, clock, log }, sources);
  await analyze({ store, clock, log, reference: await loadReference(PROJECT.reference), regulator: null });
  incidents = await loadIncidents(store);
}, 60_000);

afterAll(async () => {
  store?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const VICTIMS: [RegExp, number][] = [
  [/Centre Hospitalier Sud Francilien/, 2],
  [/OakBend Medical Center/, 3],
  [/Karoo Pathology/, 4],
  [/All India Institute of Medical Sciences/, 5],
];

describe('a PDF report naming four incidents', () => {
  it('is stored as sections that start on their pages, titled by report and heading', async () => {
    const docs = await store.all<{ url: string; title: string; published: string }>(
      'SELECT url, title, published FROM documents ORDER BY url',
    );
    expect(docs.map((d) => d.url.replace(server.origin, ''))).toEqual([
      '/review-2022.pdf#page=1',
      '/review-2022.pdf#page=2',
      '/review-2022.pdf#page=3',
      '/review-2022.pdf#page=4',
      '/review-2022.pdf#page=5',
    ]);
    expect(docs[1].title).toBe('Hospitals under siege — Centre Hospitalier Sud Francilien');
    expect(new Set(docs.map((d) => String(d.published).slice(0, 10)))).toEqual(new Set(['2022-12-20']));
  });

  it('yields four incidents, each with its own date and the page of its evidence', async () => {
    expect(incidents).toHaveLength(4);
    for (const [name, pageNo] of VICTIMS) {
      const inc = incidents.filter((i) => name.test(i.victim));
      expect(inc, String(name)).toHaveLength(1);
      const facts = await store.all<{ field: string; page: number; url: string }>(
        `SELECT f.field, f.page, d.url FROM facts f JOIN documents d USING (doc_id)
         WHERE f.field = 'victim' AND (f.value->>'name') = ?`,
        [inc[0].victim],
      );
      expect(facts.length, inc[0].victim).toBeGreaterThan(0);
      for (const f of facts) {
        expect(f.page, inc[0].victim).toBe(pageNo);
        expect(f.url).toContain(`#page=${pageNo}`);
      }
    }
    // a ransom claim quoted from the report says its page too
    const chsf = incidents.find((i) => /Sud Francilien/.test(i.victim))!;
    expect(chsf.ransom.map((r) => [r.as_written, r.page])).toEqual([['$10 million', 2]]);
    const karoo = incidents.find((i) => /Karoo/.test(i.victim))!;
    expect(karoo.ransom.map((r) => [r.as_written, r.page])).toEqual([['75 BTC', 4]]);
    const dates = Object.fromEntries(incidents.map((i) => [i.victim, i.attack_date]));
    expect(Object.values(dates).sort()).toEqual(['2022-08-21', '2022-08-29', '2022-09-01', '2022-11-23']);
  });

  it('triage extract reads the PDF whole, the evidence of each victim with its page', async () => {
    const file = join(dir, 'review-2022.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'extract', file]);
    const x = JSON.parse(stdout) as { victims: { name: string; evidence: { page?: number } }[] };
    const pages = Object.fromEntries(x.victims.map((v) => [v.name, v.evidence.page]));
    for (const [name, pageNo] of VICTIMS) {
      const key = Object.keys(pages).find((n) => name.test(n));
      expect(key, String(name)).toBeDefined();
      expect(pages[key!], key).toBe(pageNo);
    }
  }, 60_000);
});
