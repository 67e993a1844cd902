// Incidents as stored by the real pipeline (demo corpus over loopback HTTP into a DuckDB file), scored against
// the hand-written incident keys of demo/labels.json; the multi-outlet AIIMS incident's history; the
// HHS cross-check; and incident IDs that do not depend on ingestion order or re-runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, memoryLogger } from '../../core/effects.ts';
import type { Incident } from '../../core/records.ts';
import { Store } from '../../store/store.ts';
import { startSiteServer, type SiteServer } from '../../demo/server.ts';
import { demoDispatcher } from '../../ingest/fetch/dispatcher.ts';
import { loadSources } from '../../ingest/sources.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { PROJECT } from '../../core/paths.ts';
import { loadIncidents } from '../../store/analysis.ts';
import { demoFolder, ingestFolder, LABELS, scoreStored } from './incidents-helpers.ts';

let dir: string;
let server: SiteServer;
let store: Store;
let incidents: Incident[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-incidents-'));
  server = await startSiteServer(PROJECT.demoSites);
  store = await Store.open(join(dir, 'http.duckdb'));
  const { sources } = await loadSources(PROJECT.demoSources);
  const deps = {
    store,
    clock: fixedClock('2026-01-05T12:00:00Z'),
    log: memoryLogger(),
    dispatcher: demoDispatcher(server.origin),
    reference: await loadReference(PROJECT.reference),
    fetcherOptions: { hostDelayMs: 0, concurrency: 8, retries: 0 },
  };
  await runPipeline(deps, sources, join(dir, 'out'));
  incidents = await loadIncidents(store);
}, 120_000);

afterAll(async () => {
  store?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const aiims = () => incidents.filter((i) => /All India Institute of Medical Sciences/.test(i.victim));

describe('stored incidents of the demo corpus', () => {
  it('match the labelled incident keys with pairwise precision and recall ≥ 0.95', async () => {
    const s = await scoreStored(store);
    console.log(
      `stored incidents vs labels: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} ` +
        `(${s.predPairs} predicted pairs, ${s.truthPairs} true pairs, ${s.incidents} incidents, ${s.keys} label keys)`,
    );
    expect(s.truthPairs).toBeGreaterThan(50);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.incidents).toBe(s.keys);
  });

  it('list every differing AIIMS figure in history with its source', () => {
    expect(aiims()).toHaveLength(1);
    const [inc] = aiims();
    const docs = new Set(inc.sources.map((s) => s.doc_id));
    for (const entries of Object.values(inc.history)) {
      for (const e of entries) {
        expect(docs.has(e.doc_id) || e.shared, `${e.doc_id} is a source`).toBe(true);
        expect(e.outlet).toBeTruthy();
        expect(e.published).toMatch(/^2022-/);
      }
    }
    const ransom = inc.history.ransom.map((e) => (e.value as { as_written: string }).as_written);
    expect(ransom).toEqual(expect.arrayContaining(['Rs 200 crore', '$25 million']));
    // "$24 million" restates Rs 200 crore in the same sentence: the same claim, not a second one
    expect(ransom).not.toContain('$24 million');
    const records = inc.history.records_affected.map((e) => (e.value as { as_written: string }).as_written);
    expect(records).toEqual(expect.arrayContaining(['3-4 crore patients']));
    expect(records.some((r) => /(^|\s)4 crore patients/.test(r))).toBe(true);
    const downtime = new Set(inc.history.downtime_days.map((e) => e.value));
    for (const d of [2, 4, 6, 8, 9, 14]) expect(downtime.has(d), `downtime ${d}`).toBe(true);
    expect(inc).toMatchObject({ downtime_days: 14, records_affected: 40_000_000, status: 'disputed' });
    expect(inc.sources.map((s) => s.outlet)).toEqual(
      expect.arrayContaining([
        'The Delhi Chronicle',
        'India Morning Post',
        'MedTech Wire',
        'Health Cyber Daily',
        'SecureOps Weekly',
      ]),
    );
  });

  it('keeps the superseded first version of the updated AIIMS story in history, not among the sources', () => {
    const [inc] = aiims();
    const old = inc.history.ransom.filter((e) => e.superseded);
    expect(old.length).toBeGreaterThan(0);
    for (const e of old) {
      expect(e.version_id).toMatch(/^ver_/);
      expect(inc.sources.some((s) => s.doc_id === e.doc_id)).toBe(true); // its document, current version
    }
    // the old text stated the demand plainly; the update adds the police denial
    const updated = LABELS.find((a) => a.supersedes)!;
    const current = inc.sources.find((s) => s.url === updated.canonical_url)!;
    const claims = inc.history.ransom.filter((e) => e.doc_id === current.doc_id);
    expect(claims.map((e) => [!!e.superseded, (e.value as { disputed: boolean }).disputed]).sort()).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('cross-checks US victims against the HHS breach list; a fictional victim matches nothing', () => {
    const byVictim = (re: RegExp) => incidents.find((i) => re.test(i.victim))!;
    const expected: [RegExp, string, number, string][] = [
      [/CommonSpirit/, 'IL', 623_774, '2022-12-01'],
      [/Lake Charles/, 'LA', 269_752, '2022-12-22'],
      [/OakBend/, 'TX', 500_000, '2022-10-28'],
    ];
    for (const [re, state, n, submitted] of expected) {
      const inc = byVictim(re);
      expect(inc.regulator_filing, inc.victim).toMatchObject({
        source: 'HHS OCR',
        state,
        individuals_affected: n,
        submitted,
        state_matched: true,
      });
      expect(inc.status).toBe('confirmed-by-victim');
      expect(inc.history.records_affected.filter((e) => e.regulator)).toEqual([
        expect.objectContaining({
          published: submitted,
          outlet: 'HHS OCR breach portal',
          value: expect.objectContaining({ count: n }),
        }),
      ]);
    }
    expect(byVictim(/OakBend/).records_affected).toBe(500_000); // no outlet gave a figure: the filing fills it
    expect(byVictim(/Lake Charles/).records_affected).toBe(270_000); // the reports' own figure stays the best value
    expect(byVictim(/Prairie Ridge/).regulator_filing).toBeNull();
    for (const i of incidents.filter((x) => x.country !== 'US')) expect(i.regulator_filing).toBeNull();
  });
});

describe('incident IDs do not depend on ingestion order', () => {
  it('gives the same IDs, counts and sources for a folder ingested twice and for its files in reverse order', async () => {
    const reference = await loadReference(PROJECT.reference);
    const forward = [...LABELS].sort((a, b) => a.id.localeCompare(b.id));
    const runs: { ids: string[]; records: string; counts: Record<string, number> }[] = [];
    for (const [name, order] of [
      ['forward', forward],
      ['reverse', [...forward].reverse()],
    ] as const) {
      const folder = await demoFolder(join(dir, name), order);
      const db = await Store.open(join(dir, `${name}.duckdb`));
      try {
        const first = await ingestFolder(db, folder, reference);
        expect(first.stats.failures).toBe(0);
        // whole records, with the local path (which differs between the two folders) left out
        const snapshot = async () => ({
          ids: (await loadIncidents(db)).map((i) => i.incident_id).sort(),
          records: JSON.stringify(
            (await loadIncidents(db)).map((i) => ({ ...i, sources: i.sources.map((s) => ({ ...s, file: null })) })),
          ),
          counts: await db.counts(),
        });
        const once = await snapshot();
        const again = await ingestFolder(db, folder, reference);
        expect(again.stats.documents_new + again.stats.documents_updated).toBe(0);
        expect(again.analyzed.extracted).toBe(0);
        expect(await snapshot()).toEqual(once);
        runs.push(once);
      } finally {
        db.close();
      }
    }
    expect(runs[0].ids.length).toBeGreaterThanOrEqual(25);
    expect(runs[1]).toEqual(runs[0]);
    // and the folder gives the incidents the HTTP pipeline gave
    expect(runs[0].ids).toEqual(incidents.map((i) => i.incident_id).sort());
  }, 120_000);
});
