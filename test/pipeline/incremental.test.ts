// Incremental analyze (issue 19): signatures, near-duplicate pairs and incidents kept between runs must give
// exactly what `analyze --full` gives from scratch, whatever the order and the batches documents arrive in. The
// full incidents, incident_sources, document_clusters and facts tables (and the search index's victim names and
// term counts) are compared, on real DuckDB files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/hash.ts';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { Store } from '../../store/store.ts';
import { saveArticles } from '../../store/documents.ts';
import { saveExtractions } from '../../store/analysis.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { createPool } from '../../pipeline/pool.ts';
import { signUnsigned } from '../../pipeline/signatures.ts';
import { settings } from '../../analyze/resolve/types.ts';
import { type DemoItem, loadDemo } from '../resolve/demo-corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-incremental-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Item = { article: DemoItem['doc']; extraction: DemoItem['ext'] };

/** The demo's documents with their label extractions, plus an earlier draft of one article (an older version),
 * and 34 syndicated copies of another (dense syndication). */
function corpus(): Item[] {
  const items: Item[] = loadDemo().map((i) => ({
    article: i.doc,
    extraction: { ...i.ext, extractor_version: EXTRACTOR_VERSION },
  }));
  const base = items.find((i) => i.extraction.relevant && i.extraction.ransom.length > 0)!;
  const text = `${base.article.text}\n\nThis story is developing.`;
  const draft = { ...base.article, text, content_hash: contentHash(text), published: '2000-01-01T00:00:00Z' };
  const wire = items.find((i) => i.extraction.relevant && i.article.text.length > 1500 && i !== base)!;
  const copies = Array.from({ length: 34 }, (_, k) => {
    const copyText = `${wire.article.text}\n\nRepublished by outlet ${k} under licence.`;
    const doc_id = `${wire.article.doc_id}-copy-${k}`;
    return {
      article: {
        ...wire.article,
        doc_id,
        url: `https://outlet${k}.example/${doc_id}`,
        canonical_url: null,
        text: copyText,
        content_hash: contentHash(copyText),
        published: wire.article.published?.replace(/T\d\d/, 'T23') ?? null,
        outlet: `outlet${k}`,
      },
      extraction: { ...wire.extraction, doc_id },
    };
  });
  return [...items, { article: draft, extraction: { ...base.extraction, ransom: [] } }, ...copies];
}

/** A seeded shuffle: a different arrival order than the corpus's own. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const TABLES: [string, string][] = [
  ['incidents', 'SELECT incident_id, record::VARCHAR AS r FROM incidents ORDER BY incident_id'],
  ['incident_sources', 'SELECT * FROM incident_sources ORDER BY ALL'],
  ['document_clusters', 'SELECT * FROM document_clusters ORDER BY ALL'],
  ['facts', 'SELECT * FROM facts ORDER BY fact_id'],
  ['search_names', 'SELECT * FROM search_names ORDER BY incident_id, name'],
  ['search_term_stats', 'SELECT * FROM search_term_stats ORDER BY term'],
];

async function tables(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of TABLES) out[name] = await store.all(sql);
  return out;
}

async function run(store: Store, full = false) {
  const deps = { store, clock: fixedClock('2023-01-01T00:00:00Z'), log: silentLogger, regulator: null };
  return analyze({ ...deps, pool: createPool({ size: 0 }) }, { full });
}

async function save(store: Store, batch: Item[]): Promise<void> {
  await saveArticles(
    store,
    batch.map((i) => i.article),
  );
  await saveExtractions(store, batch);
}

describe('incremental analyze', () => {
  it('gives the tables analyze --full gives, for documents arriving in shuffled batches', async () => {
    const items = corpus();
    const store = await Store.open(join(dir, 'batches.duckdb'));
    const order = shuffled(items, 19);
    const runs = [];
    for (let i = 0; i < order.length; i += 23) {
      await save(store, order.slice(i, i + 23));
      runs.push(await run(store));
    }
    // later batches rebuilt only the incidents they touched, and kept the others as stored
    expect(runs.some((r) => r.rebuilt > 0 && r.rebuilt < r.incidents)).toBe(true);
    const incremental = await tables(store);
    const noop = await run(store);
    expect(noop.rebuilt).toBe(0);
    expect(await tables(store)).toEqual(incremental);
    const full = await run(store, true);
    const scratch = await tables(store);
    store.close();
    expect(incremental.incidents.length).toBeGreaterThan(20);
    expect(noop.incidents).toBe(full.incidents);
    expect(noop.clusters).toBe(full.clusters);
    expect(scratch).toEqual(incremental);

    // the same documents at once, in reverse order, analysed once: the same tables again
    const other = await Store.open(join(dir, 'reverse.duckdb'));
    await save(other, [...items].reverse());
    await run(other);
    const once = await tables(other);
    other.close();
    expect(once).toEqual(incremental);
  });

  it('pairs the versions a stopped run signed but did not pair', async () => {
    const store = await Store.open(join(dir, 'stopped.duckdb'));
    await save(store, corpus());
    await signUnsigned(store, settings({ regulator: null })); // the run stopped here
    await run(store);
    const resumed = await tables(store);
    await run(store, true);
    const scratch = await tables(store);
    store.close();
    expect(resumed.document_clusters.length).toBeGreaterThanOrEqual(35);
    expect(resumed).toEqual(scratch);
  });

  it('clusters 35 syndicated copies into one cluster and keeps the pairs that connect them', async () => {
    const store = await Store.open(join(dir, 'batches.duckdb'));
    const rows = await store.all<{ n: number }>(
      `SELECT count(*) AS n FROM document_clusters GROUP BY cluster_id ORDER BY n DESC LIMIT 1`,
    );
    const pairs = await store.count('near_duplicates');
    store.close();
    expect(rows[0].n).toBeGreaterThanOrEqual(35);
    // a spanning set, not every pair of the 35 copies (595)
    expect(pairs).toBeLessThan(100);
  });
});

/** A report of its own (a text no other shares) naming the given victims, based on a demo report. */
function report(base: Item, id: string, published: string, victims: [name: string, canonical: string][]): Item {
  const words = Array.from({ length: 40 }, (_, k) => `${id.replace(/\W/g, '')}w${(k * 7919) % 1000}`).join(' ');
  const text = `officials described the incident in detail: ${words}.`;
  return {
    article: {
      ...base.article,
      doc_id: id,
      url: `https://reports.example/${id}`,
      canonical_url: null,
      text,
      content_hash: contentHash(text),
      published,
      modified: null,
      outlet: `outlet-${id}`,
    },
    extraction: {
      ...base.extraction,
      doc_id: id,
      published: published.slice(0, 10),
      attack_date: null,
      countries: ['US'],
      victims: victims.map(([name, canonical]) => ({
        name,
        canonical,
        country: 'US',
        sector: 'hospital',
        evidence: { quote: name, start: 0, end: name.length },
      })),
    },
  };
}

// relevant demo reports with one victim each: other incidents the store holds beside the test's own
const oneVictimDemo = (n: number) =>
  corpus()
    .filter((i) => i.extraction.relevant && i.extraction.victims.length === 1)
    .slice(0, n);

describe('incremental grouping', () => {
  it('merges and grows incidents as analyze --full does when new reports and versions arrive', {
    timeout: 180_000,
  }, async () => {
    // a few demo reports beside them, so that the store holds other incidents, kept as they are
    const items = oneVictimDemo(6);
    const base = items[0];
    const alpha = report(base, 'inc-alpha', '2024-03-01T10:00:00Z', [
      ['Alpha Valley Hospital', 'Alpha Valley Hospital'],
    ]);
    const beta = report(base, 'inc-beta', '2024-03-03T10:00:00Z', [['Beta Ridge Care', 'Beta Ridge Care']]);
    // names both: its victim goes by one name as written and the other as canonical, so it joins both incidents
    const bridge = report(base, 'inc-bridge', '2024-03-05T10:00:00Z', [['Beta Ridge Care', 'Alpha Valley Hospital']]);
    const again = report(base, 'inc-again', '2024-03-06T10:00:00Z', [
      ['Alpha Valley Hospital', 'Alpha Valley Hospital'],
    ]);
    // a newer version of the bridging report names another victim
    const revised = {
      ...report(base, 'inc-bridge', '2024-03-05T10:00:00Z', [['Gamma Lake Clinic', 'Gamma Lake Clinic']]),
    };
    revised.article = {
      ...revised.article,
      url: bridge.article.url,
      text: `${revised.article.text} Corrected.`,
      content_hash: contentHash(`${revised.article.text} Corrected.`),
      modified: '2024-03-08T10:00:00Z',
    };
    const store = await Store.open(join(dir, 'grouping.duckdb'));
    const victimsOf = async () =>
      (
        await store.all<{ v: string; n: number }>(
          `SELECT victim AS v, source_count AS n FROM incidents
           WHERE victim IN ('Alpha Valley Hospital', 'Beta Ridge Care', 'Gamma Lake Clinic') ORDER BY victim`,
        )
      ).map((r) => `${r.v}:${r.n}`);
    const steps: Item[][] = [[...items, alpha, beta], [bridge], [again], [revised]];
    const seen: string[][] = [];
    const edges: number[] = [];
    for (const batch of steps) {
      await save(store, batch);
      await run(store);
      seen.push(await victimsOf());
      edges.push(await store.count('match_edges'));
      const incremental = await tables(store);
      const fromScratch = await Store.open(join(dir, `grouping-${seen.length}.duckdb`));
      await save(fromScratch, steps.slice(0, seen.length).flat());
      await run(fromScratch, true);
      expect(await tables(fromScratch)).toEqual(incremental);
      fromScratch.close();
    }
    const noop = await run(store);
    store.close();
    expect(noop.rebuilt).toBe(0);
    expect(seen).toEqual([
      ['Alpha Valley Hospital:1', 'Beta Ridge Care:1'],
      // the bridge joins both reports into one incident (its victim: the name most reports give)
      [expect.stringMatching(/^(Alpha Valley Hospital|Beta Ridge Care):3$/)],
      [expect.stringMatching(/^(Alpha Valley Hospital|Beta Ridge Care):4$/)],
      // the revised bridge names Gamma, an incident of its own; its superseded version still joins Alpha and Beta
      // (in history, no longer a source)
      ['Alpha Valley Hospital:3', 'Gamma Lake Clinic:1'],
    ]);
    // name edges are kept between runs (the bridge's two edges, then the third Alpha report's)
    expect(edges[1]).toBeGreaterThan(edges[0]);
    expect(edges[2]).toBeGreaterThan(edges[1]);
  });
});

describe('resolve units', () => {
  it('makes a unit again when its version is extracted again, as analyze --full does', {
    timeout: 180_000,
  }, async () => {
    const items = oneVictimDemo(4);
    const base = items[0];
    const alpha = report(base, 'unit-alpha', '2024-05-01T10:00:00Z', [['Alpha Vale Hospital', 'Alpha Vale Hospital']]);
    const beta = report(base, 'unit-beta', '2024-05-03T10:00:00Z', [['Beta Moor Clinic', 'Beta Moor Clinic']]);
    const store = await Store.open(join(dir, 'units.duckdb'));
    await save(store, [...items, alpha, beta]);
    await run(store);
    const units = await store.count('resolve_units');
    // every unit carries its version's story terms (story links are made of them)
    const storyless = await store.one<{ n: number }>(
      `SELECT count(*) AS n FROM resolve_units WHERE coalesce(json_type(body->'story'), 'NULL') = 'NULL'`,
    );
    // the same version read again (a re-extraction): beta now names Alpha, so the two reports are one incident;
    // a new report comes with it (the run's inputs digest counts extractions by version, not by content)
    const reread = { ...beta.extraction, victims: alpha.extraction.victims };
    const gamma = report(base, 'unit-gamma', '2024-05-04T10:00:00Z', [['Gamma Fen Clinic', 'Gamma Fen Clinic']]);
    await saveExtractions(store, [{ article: beta.article, extraction: reread }]);
    const dropped = await store.count('resolve_units');
    await save(store, [gamma]);
    const second = await run(store);
    const incremental = await tables(store);
    const scratch = await Store.open(join(dir, 'units-scratch.duckdb'));
    await save(scratch, [...items, alpha, { ...beta, extraction: reread }, gamma]);
    await run(scratch, true);
    const full = await tables(scratch);
    scratch.close();
    store.close();
    expect(dropped).toBe(units - 1);
    expect(Number(storyless?.n)).toBe(0);
    expect(units).toBe(items.length + 2);
    expect(second.rebuilt).toBeGreaterThan(0);
    expect(incremental).toEqual(full);
    const alphaRows = (incremental.incidents as { r: string }[]).filter((x) => x.r.includes('Alpha Vale Hospital'));
    expect(alphaRows).toHaveLength(1);
    expect(JSON.parse(alphaRows[0].r).sources).toHaveLength(2);
  });
});

describe('the no-op check', () => {
  it('notices a version extracted again by the same extractor version, with nothing else new', {
    timeout: 180_000,
  }, async () => {
    const base = corpus().find((i) => i.extraction.relevant && i.extraction.victims.length === 1)!;
    const alpha = report(base, 'noop-alpha', '2024-06-01T10:00:00Z', [['Alpha Vale Hospital', 'Alpha Vale Hospital']]);
    const beta = report(base, 'noop-beta', '2024-06-03T10:00:00Z', [['Beta Moor Clinic', 'Beta Moor Clinic']]);
    const store = await Store.open(join(dir, 'noop-reread.duckdb'));
    await save(store, [alpha, beta]);
    const first = await run(store);
    // the same version read again: beta now names Alpha (same row key, another record), and nothing else changes
    const reread = { ...beta.extraction, victims: alpha.extraction.victims };
    await saveExtractions(store, [{ article: beta.article, extraction: reread }]);
    const second = await run(store);
    const incremental = await tables(store);
    const third = await run(store);
    const scratch = await Store.open(join(dir, 'noop-reread-scratch.duckdb'));
    await save(scratch, [alpha, { ...beta, extraction: reread }]);
    await run(scratch, true);
    const full = await tables(scratch);
    scratch.close();
    store.close();
    expect(first.incidents).toBe(2);
    expect(second.rebuilt).toBeGreaterThan(0);
    expect(second.incidents).toBe(1);
    expect(third.rebuilt).toBe(0); // and the run after it is a no-op again
    expect(incremental).toEqual(full);
  });
});
