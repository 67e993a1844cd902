// Clear edges of `--db` and the query filters (issue 15 item 6): a file that is no DuckDB database exits 2 naming
// it and is left as it was; `%` and `_` in --victim are characters, not LIKE wildcards; blank filters are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../store/store.ts';
import { buildDemoDb, type DemoDb } from '../query/demo-db.ts';
import { tempDir, treeChanges, treeHash, triage } from './harness.ts';

describe('--db that is not a DuckDB database', () => {
  it('exits 2 with a message naming the file, for readers and writers alike, and leaves it untouched', () => {
    const dir = tempDir('notdb');
    writeFileSync(join(dir, 'notes.txt'), 'my notes, not a database\n');
    writeFileSync(join(dir, 'short.duckdb'), 'x,y\n1,2'); // what COPY … TO left of a database in the issue
    writeFileSync(join(dir, 'random.duckdb'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)));
    mkdirSync(join(dir, 'folder.duckdb'));
    mkdirSync(join(dir, 'in'));
    const before = treeHash(dir);
    for (const name of ['notes.txt', 'short.duckdb', 'random.duckdb', 'folder.duckdb']) {
      const db = join(dir, name);
      const writer = name === 'notes.txt' || name === 'folder.duckdb' ? [['ingest', '--dir', join(dir, 'in')]] : [];
      for (const args of [['query'], ['query', '--sql', 'SELECT 1'], ...writer]) {
        const r = triage(['--db', db, ...args]);
        expect(r.status, `${name} ${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(db);
        expect(r.stderr).toMatch(/not a DuckDB database|a folder, not a DuckDB database/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    }
    expect(treeChanges(before, treeHash(dir))).toEqual([]);
  });
});

describe('query filters', () => {
  let demo: DemoDb;

  beforeAll(async () => {
    demo = await buildDemoDb();
    // two victims whose names hold the LIKE wildcards, copied from a real incident
    const store = await Store.open(demo.path);
    try {
      const row = (await store.one<{ incident_id: string; record: string }>(
        'SELECT incident_id, record FROM incidents ORDER BY incident_id LIMIT 1',
      ))!;
      for (const [id, victim] of [
        ['pct', '100% Care Clinic'],
        ['usc', 'North_East Health'],
      ]) {
        const record = JSON.stringify({ ...JSON.parse(row.record), incident_id: id, victim });
        await store.run(
          `INSERT INTO incidents SELECT * REPLACE (? AS incident_id, ? AS victim, ? AS record)
          FROM incidents WHERE incident_id = ?`,
          [id, victim, record, row.incident_id],
        );
      }
    } finally {
      store.close();
    }
  });

  afterAll(async () => {
    await demo?.cleanup();
  });

  const victims = (args: string[]) => {
    const r = triage(['--db', demo.path, 'query', '--json', '--limit', '1000', ...args]);
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { victim: string }[]).map((i) => i.victim);
  };

  it('--victim "%" and "_" match those characters, not every name', () => {
    const all = victims([]);
    expect(all.length).toBeGreaterThan(20);
    expect(victims(['--victim', '%'])).toEqual(['100% Care Clinic']);
    expect(victims(['--victim', '_'])).toEqual(['North_East Health']);
    expect(victims(['--victim', '0%'])).toEqual(['100% Care Clinic']);
    expect(victims(['--victim', '\\'])).toEqual([]);
  });

  it('blank filter values are refused with exit 2 naming the flag', () => {
    const before = treeHash(demo.dir);
    for (const [flag, value] of [
      ['--victim', '   '],
      ['--country', ''],
      ['--actor', ' '],
      ['--sector', '\t'],
      ['--type', ' '],
      ['--text', '  '],
    ]) {
      const r = triage(['--db', demo.path, 'query', flag, value]);
      expect(r.status, `${flag} "${value}": ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(flag);
      expect(r.stdout).toBe('');
    }
    const mixed = triage(['--db', demo.path, 'query', '--sql', 'SELECT 1', '--victim', 'x']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/--sql runs alone/);
    expect(treeChanges(before, treeHash(demo.dir))).toEqual([]);
  });
});
