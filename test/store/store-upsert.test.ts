// Store.upsert: insert-or-replace by primary key (single and composite keys), no duplicates, and replacing the
// same rows over and over stays within a small DuckDB memory limit (re-extraction replaces every stored row).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store.ts';
import { UNKEYED } from '../../store/unkeyed.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-upsert-'));
const stores: Store[] = [];
const open = async (name: string) => {
  const s = await Store.open(join(dir, `${name}.duckdb`));
  stores.push(s);
  return s;
};
afterAll(() => stores.forEach((s) => s.close()));

describe('Store.upsert', () => {
  it('replaces rows by a single-column key and appends new ones', async () => {
    const s = await open('single');
    await s.upsert(
      'meta',
      ['key', 'value'],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    );
    await s.upsert(
      'meta',
      ['key', 'value'],
      [
        ['b', '20'],
        ['c', '30'],
      ],
    );
    expect(await s.all("SELECT key, value FROM meta WHERE key IN ('a', 'b', 'c') ORDER BY key")).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '20' },
      { key: 'c', value: '30' },
    ]);
  });

  it('replaces rows by a composite key without touching rows that share one key column', async () => {
    const s = await open('composite');
    const cols = ['version_id', 'extractor_version', 'doc_id', 'relevant', 'relevance', 'attack_date', 'record'];
    await s.upsert('extractions', cols, [
      ['v1', 'x1', 'd1', true, 0.9, '2022-11-23', { n: 1 }],
      ['v1', 'x2', 'd1', false, 0.1, null, { n: 2 }],
    ]);
    await s.upsert('extractions', cols, [['v1', 'x1', 'd1', false, 0.2, null, { n: 3 }]]);
    const rows = await s.all<{ extractor_version: string; relevant: boolean; record: string }>(
      'SELECT extractor_version, relevant, record FROM extractions ORDER BY extractor_version',
    );
    expect(rows.map((r) => [r.extractor_version, r.relevant, JSON.parse(r.record).n])).toEqual([
      ['x1', false, 3],
      ['x2', false, 2],
    ]);
  });

  it('keeps the last row of a key given twice in one batch, in a table keyed without an index', async () => {
    const s = await open('unkeyed');
    await s.upsert('resolve_units', ['rid', 'stamp', 'body'], [['r1', 'a', { n: 1 }]]);
    await s.upsert(
      'resolve_units',
      ['rid', 'stamp', 'body'],
      [
        ['r1', 'b', { n: 2 }],
        ['r2', 'c', { n: 3 }],
        ['r1', 'd', { n: 4 }],
      ],
    );
    expect(await s.all('SELECT rid, stamp FROM resolve_units ORDER BY rid')).toEqual([
      { rid: 'r1', stamp: 'd' },
      { rid: 'r2', stamp: 'c' },
    ]);
  });

  it('drops the key index of a store made before, keeping its rows', async () => {
    const path = join(dir, 'old.duckdb');
    const s = await Store.open(path);
    await s.run('DROP TABLE resolve_units');
    await s.run('CREATE TABLE resolve_units (rid VARCHAR PRIMARY KEY, stamp VARCHAR, body JSON)');
    await s.run(`INSERT INTO resolve_units VALUES ('r1', 'a', '{"n":1}'), ('r2', 'b', '{"n":2}')`);
    s.close();
    const again = await Store.open(path, { uncached: true });
    stores.push(again);
    const keys = "SELECT count(*)::INT AS n FROM duckdb_constraints() WHERE table_name = 'resolve_units'";
    expect(await again.one(keys)).toEqual({ n: 0 });
    expect(await again.all('SELECT rid, stamp, body FROM resolve_units ORDER BY rid')).toEqual([
      { rid: 'r1', stamp: 'a', body: '{"n":1}' },
      { rid: 'r2', stamp: 'b', body: '{"n":2}' },
    ]);
  });

  it('keeps a column default of a table whose key index it drops', async () => {
    const path = join(dir, 'old-default.duckdb');
    const s = await Store.open(path);
    await s.run('DROP TABLE version_signatures');
    await s.run(
      'CREATE TABLE version_signatures ' +
        '(version_id VARCHAR PRIMARY KEY, signer VARCHAR, story JSON, paired BOOLEAN DEFAULT false)',
    );
    await s.run(`INSERT INTO version_signatures VALUES ('v1', 's', '[]', true)`);
    s.close();
    const again = await Store.open(path, { uncached: true });
    stores.push(again);
    const keys = "SELECT count(*)::INT AS n FROM duckdb_constraints() WHERE table_name = 'version_signatures'";
    expect(await again.one(keys)).toEqual({ n: 0 });
    await again.run(`INSERT INTO version_signatures (version_id, signer, story) VALUES ('v2', 's', '[]')`);
    expect(await again.all('SELECT version_id, paired FROM version_signatures ORDER BY version_id')).toEqual([
      { version_id: 'v1', paired: true },
      { version_id: 'v2', paired: false },
    ]);
  });

  it('makes new stores without a key index on the tables it keys itself', async () => {
    const s = await open('fresh-keys');
    const rows = await s.all<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'`,
    );
    const keyed = rows.map((r) => r.table_name);
    expect(keyed.filter((t) => Object.hasOwn(UNKEYED, t))).toEqual([]);
    expect(keyed).toContain('meta');
  });

  it('replaces the same rows many times within a small memory limit', async () => {
    // INSERT OR REPLACE alone updates conflicting rows in place, memory DuckDB cannot evict: this loop ran out of
    // 24MB that way. Deleting and appending keeps it flat.
    const s = await open('churn');
    await s.run("SET memory_limit = '24MB'");
    const filler = 'x'.repeat(500);
    for (let round = 0; round < 40; round++) {
      const base = (round % 10) * 2000;
      await s.upsert(
        'meta',
        ['key', 'value'],
        Array.from({ length: 2000 }, (_, i) => [`key-${base + i}`, `${filler}${round}`]),
      );
    }
    const keys = await s.one<{ n: number; last: string }>(
      "SELECT count(*) AS n, max(value) FILTER (WHERE key = 'key-19999') AS last FROM meta WHERE key LIKE 'key-%'",
    );
    expect(keys).toEqual({ n: 20_000, last: `${filler}39` });
  });
});
