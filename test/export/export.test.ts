// Researchers' exports of the demo database: Parquet read back by DuckDB, CSV and JSON Lines, the data
// dictionary and README, atomic replacement, and the STIX 2.1 bundle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Store } from '../../store/store.ts';
import { exportDataset } from '../../reports/export/export.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { buildStixBundle } from '../../reports/export/stix.ts';
import { uuidV5 } from '../../reports/export/stix-ids.ts';
import { buildDemoDb, type DemoDb } from '../query/demo-db.ts';
import { ownErrors, schemaErrors, schemasPresent } from './stix-validate.ts';

let demo: DemoDb;
let store: Store;
let tables: Record<string, number>;

beforeAll(async () => {
  demo = await buildDemoDb();
  store = await Store.open(demo.path, { readOnly: true });
  const n = async (sql: string, p: string[] = []) => Number((await store.one<{ n: number }>(sql, p))!.n);
  tables = {
    incidents: await store.count('incidents'),
    incident_sources: await store.count('incident_sources'),
    documents: await store.count('documents'),
    claims: await n(
      `SELECT count(*) AS n FROM facts f JOIN documents d USING (version_id) WHERE f.field = 'ransom' AND f.extractor_version = ?`,
      [EXTRACTOR_VERSION],
    ),
  };
});

afterAll(async () => {
  store?.close();
  await demo?.cleanup();
});

describe('export', () => {
  it("Parquet, hive-partitioned by year and month, reads back in DuckDB with the tables' row counts", async () => {
    const out = join(demo.dir, 'parquet');
    const r = await exportDataset(store, { format: 'parquet', out });
    // the flat evidence table (issue 18) comes on top of the tables counted in the store
    const { evidence, ...stored } = r.rows;
    expect(stored).toEqual(tables);
    expect(evidence).toBeGreaterThan(tables.incidents);
    expect(tables.claims).toBeGreaterThan(0);
    for (const [t, n] of Object.entries(tables)) {
      const glob = join(out, t, '**', '*.parquet').replace(/'/g, "''");
      const back = await store.one<{ n: number; years: number }>(
        `SELECT count(*) AS n, count(DISTINCT year) AS years FROM read_parquet('${glob}', hive_partitioning = true)`,
      );
      expect(back!.n, t).toBe(n);
    }
    const dirs = await readdir(join(out, 'incidents'));
    expect(dirs.every((d) => /^year=(\d{4}|NULL)$/.test(d))).toBe(true);
    const months = await readdir(join(out, 'incidents', dirs.find((d) => d !== 'year=NULL')!));
    expect(months.every((m) => /^month=\d{1,2}$/.test(m))).toBe(true);
  });

  it('writes a data dictionary generated from the schemas and a README with citation and licence notes', async () => {
    const out = join(demo.dir, 'csv');
    await exportDataset(store, { format: 'csv', out });
    const dict = JSON.parse(await readFile(join(out, 'data-dictionary.json'), 'utf8')) as Record<
      string,
      { name: string; type: string; description: string }[]
    >;
    expect(Object.keys(dict).sort()).toEqual(['claims', 'documents', 'evidence', 'incident_sources', 'incidents']);
    expect(dict.incidents.find((c) => c.name === 'ransom_demanded_usd')).toMatchObject({ type: 'DOUBLE' });
    expect(dict.claims.every((c) => c.description.length > 3)).toBe(true);
    const schema = JSON.parse(await readFile(join(out, 'incident.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['incident_id', 'sources', 'history']));
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toMatch(/Cite the dataset/);
    expect(readme).toMatch(/belong to their publishers/);
    expect(await readFile(join(out, 'DATA_DICTIONARY.md'), 'utf8')).toMatch(/\| incident_id \| VARCHAR \|/);
    const csv = await store.one<{ n: number }>(
      `SELECT count(*) AS n FROM read_csv('${join(out, 'documents.csv')}', header = true)`,
    );
    expect(csv!.n).toBe(tables.documents);
  });

  it('JSON Lines: one object per line; dates filter incidents and documents', async () => {
    const out = join(demo.dir, 'jsonl');
    const r = await exportDataset(store, { format: 'jsonl', out, since: '2022-11-01', until: '2022-11-30' });
    const lines = (await readFile(join(out, 'incidents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { attack_date: string | null; first_reported: string });
    expect(lines.length).toBe(r.rows.incidents);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(tables.incidents);
    for (const i of lines) expect((i.attack_date ?? i.first_reported).slice(0, 7)).toBe('2022-11');
  });

  it('replaces an earlier export atomically and leaves it intact when an export fails', async () => {
    const out = join(demo.dir, 'atomic');
    await exportDataset(store, { format: 'stix', out });
    await exportDataset(store, { format: 'jsonl', out });
    const files = await readdir(out);
    expect(files).not.toContain('bundle.json');
    expect(files).toContain('incidents.jsonl');
    await expect(exportDataset(store, { format: 'jsonl', out, since: 'yesterday' })).rejects.toThrow(/YYYY-MM-DD/);
    expect(await readdir(out)).toEqual(files);
    // a file the export did not write makes the folder the user's: refused, kept
    await writeFile(join(out, 'stale.txt'), 'old');
    await expect(exportDataset(store, { format: 'jsonl', out })).rejects.toThrow(/did not write \(stale\.txt\)/);
    expect(await readdir(out)).toContain('stale.txt');
    expect((await readdir(demo.dir)).filter((f) => /\.tmp-|\.old-/.test(f))).toEqual([]);
  });
});

describe('STIX 2.1 bundle', () => {
  it('makes RFC 4122 version-5 UUIDs', () => {
    // the RFC's DNS namespace example
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('holds victims with sectors, groups, incidents, articles and relationships, with deterministic IDs', async () => {
    const a = await buildStixBundle(store);
    const b = await buildStixBundle(store);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const types = new Set(a.objects.map((o) => o.type));
    for (const t of ['identity', 'intrusion-set', 'incident', 'report', 'relationship']) expect(types).toContain(t);
    expect(ownErrors(a as never)).toEqual([]);
    const aiims = a.objects.find((o) => o.type === 'identity' && /All India Institute/.test(String(o.name)))!;
    expect(aiims.sectors).toEqual(['healthcare']);
    const reports = a.objects.filter(
      (o) => o.type === 'report' && (o.object_refs as string[]).some((r) => r === aiims.id),
    );
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect((reports[0].external_references as { url?: string }[])[0].url).toMatch(/^https:\/\//);
    const alphv = a.objects.find((o) => o.type === 'intrusion-set' && o.name === 'ALPHV');
    expect(alphv?.aliases).toContain('BlackCat');
  });

  it('our own checks catch broken bundles', async () => {
    const a = await buildStixBundle(store);
    const broken = {
      ...a,
      objects: [...a.objects, { ...a.objects[0] }, { ...a.objects[1], id: 'identity--nope', created: '2022-01-01' }],
    };
    const errors = ownErrors(broken as never);
    expect(errors.some((e) => /duplicate/.test(e))).toBe(true);
    expect(errors.some((e) => /type--uuid/.test(e))).toBe(true);
    expect(errors.some((e) => /created/.test(e))).toBe(true);
  });

  it.skipIf(!schemasPresent())('validates against the OASIS STIX 2.1 JSON schemas (export --format stix)', async () => {
    const out = join(demo.dir, 'stix');
    await exportDataset(store, { format: 'stix', out });
    const bundle = JSON.parse(await readFile(join(out, 'bundle.json'), 'utf8')) as {
      objects: { type: string; id: string; name?: string }[];
    };
    expect(schemaErrors(bundle)).toEqual([]);
    // the validator does fail: an incident without its required name
    const bad = {
      ...bundle,
      objects: bundle.objects.map((o) => (o.type === 'incident' ? { ...o, name: undefined } : o)),
    };
    expect(schemaErrors(JSON.parse(JSON.stringify(bad)) as typeof bundle).length).toBeGreaterThan(0);
  });
});
