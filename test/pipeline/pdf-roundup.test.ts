// Issue 20: roundup rules apply per section of a long PDF report. A section naming two victims with one date
// between them shares its facts (no best value from it), while the single-victim sections keep their own dates.
// Read as a local folder (`ingest --dir`: readLocalDir, the one-page save path), real DuckDB file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { PROJECT } from '../../core/paths.ts';
import type { Incident } from '../../core/records.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { emptyStats } from '../../pipeline/ingest-stats.ts';
import { loadIncidents } from '../../store/analysis.ts';
import { Store } from '../../store/store.ts';
import { buildPdf } from '../ingest/pdf-fixture.ts';
import { storePage } from '../support/store-page.ts';

const wrap = (p: string): string[] =>
  p.split(' ').reduce<string[]>((lines, w) => {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${w}`.length <= 90) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
    return lines;
  }, []);
const page = (...paras: string[]) => paras.map(wrap);

const PAGES = [
  page(
    'Quarterly healthcare threat notes',
    'Our analysts summarise the healthcare incidents of the quarter that reached leak sites or the press, with the tactics they share.',
  ),
  page(
    'OakBend Medical Center',
    'OakBend Medical Center in Richmond, Texas, was hit by a ransomware attack on 1 September 2022. Phones and email were down for several days while staff worked on paper.',
  ),
  page(
    'Karoo Pathology Laboratories',
    'Karoo Pathology Laboratories in Bloemfontein, South Africa, detected an intrusion on 29 August 2022. RansomHouse listed the laboratory on its leak site.',
  ),
  page(
    'Other incidents this quarter',
    'Lake Charles Memorial Health System, a hospital operator in Louisiana, disclosed a ransomware attack on 3 October 2022. Severnbrook Hospitals NHS Foundation Trust in England was also hit by ransomware, and its patient records were stolen.',
  ),
];

let dir: string;
let store: Store;
let incidents: Incident[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-pdf-roundup-'));
  const folder = join(dir, 'in');
  await import('node:fs/promises').then((fs) => fs.mkdir(folder));
  const pdf = buildPdf(PAGES, { header: 'Fixture Labs', title: 'Quarterly notes', created: 'D:20221215090000Z' });
  await writeFile(join(folder, 'notes.pdf'), pdf);
  store = await Store.open(join(dir, 'triage.duckdb'));
  const clock = fixedClock('2023-01-10T00:00:00Z');
  const stats = emptyStats();
  for await (const p of readLocalDir(folder, { clock })) await storePage({ store, clock, log: silentLogger }, p, stats);
  await analyze({
    store,
    clock,
    log: silentLogger,
    reference: await loadReference(PROJECT.reference),
    regulator: null,
  });
  incidents = await loadIncidents(store);
}, 60_000);

afterAll(async () => {
  store?.close();
  await rm(dir, { recursive: true, force: true });
});

const one = (name: RegExp) => {
  const found = incidents.filter((i) => name.test(i.victim));
  expect(found, String(name)).toHaveLength(1);
  return found[0];
};

describe('roundup rules per section of a long PDF report', () => {
  it('stores the report as four sections', async () => {
    const files = await store.all<{ file: string }>('SELECT file FROM documents ORDER BY file');
    expect(files.map((f) => f.file.replace(/^.*notes\.pdf/, 'notes.pdf'))).toEqual([
      'notes.pdf#page=1',
      'notes.pdf#page=2',
      'notes.pdf#page=3',
      'notes.pdf#page=4',
    ]);
  });

  it('keeps the single-victim sections’ own dates; the two-victim section is a roundup: no date, shared facts', () => {
    const oak = one(/OakBend/);
    const karoo = one(/Karoo/);
    expect(oak.attack_date).toBe('2022-09-01');
    expect(karoo.attack_date).toBe('2022-08-29');
    expect(oak.sources.map((x) => x.file?.replace(/^.*notes/, 'notes'))).toEqual(['notes.pdf#page=2']);
    expect(karoo.sources.map((x) => x.file?.replace(/^.*notes/, 'notes'))).toEqual(['notes.pdf#page=3']);
    for (const name of [/Lake Charles/, /Severnbrook/]) {
      const inc = one(name);
      expect(
        inc.sources.map((x) => x.file?.replace(/^.*notes/, 'notes')),
        inc.victim,
      ).toEqual(['notes.pdf#page=4']);
      expect(inc.attack_date, inc.victim).toBeNull(); // no single date for two victims
      const entries = Object.values(inc.history).flat();
      expect(
        entries.some((e) => e.shared),
        inc.victim,
      ).toBe(true);
    }
  });
});
