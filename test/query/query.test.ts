// Journalists' queries on the demo database: filters, fuzzy victims, group aliases, BM25 ranking with
// snippets, and read-only SQL, through the library and through the `triage query` command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Store } from '../../store/store.ts';
import { queryIncidents, buildIncidentQuery } from '../../reports/query/incidents.ts';
import { runQuery, type SqlRow } from '../../store/sql-query.ts';
import { openSandbox } from '../../store/sandbox.ts';
import { buildDemoDb, type DemoDb } from './demo-db.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const triage = (db: string, args: string[]) =>
  spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 120_000 });
const AIIMS = /All India Institute of Medical Sciences/;

let demo: DemoDb;
let store: Store;

beforeAll(async () => {
  demo = await buildDemoDb();
  store = await Store.open(demo.path, { readOnly: true });
});

afterAll(async () => {
  store?.close();
  await demo?.cleanup();
});

const victims = async (f: Parameters<typeof queryIncidents>[1]) =>
  (await queryIncidents(store, f)).map((i) => i.victim);

describe('triage query filters', () => {
  it('--country IN returns the New Delhi (AIIMS) incident with at least 3 sources', async () => {
    const r = triage(demo.path, ['query', '--country', 'IN', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { victim: string; country: string; sources: { url: string }[] }[];
    const aiims = rows.find((i) => AIIMS.test(i.victim));
    expect(aiims).toBeDefined();
    expect(aiims!.sources.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((i) => i.country === 'IN')).toBe(true);
  });

  it('--victim finds names as written, acronyms, aliases and small typos', async () => {
    for (const q of ['AIIMS', 'aiims delhi', 'All India Institute', 'all india institute of medical sciences']) {
      expect(await victims({ victim: q }), q).toEqual([expect.stringMatching(AIIMS)]);
    }
    expect(await victims({ victim: 'Medibnk' })).toEqual(['Medibank Private Limited']);
    expect(await victims({ victim: 'Lake Charls Memorial' })).toEqual(['Lake Charles Memorial Health System']);
    expect(await victims({ victim: 'CHSF' })).toEqual(['Centre Hospitalier Sud Francilien']);
    // sounds alike (Double Metaphone), three edits away
    expect(await victims({ victim: 'Medibanque' })).toEqual(['Medibank Private Limited']);
    expect(await victims({ victim: 'zzyzx clinic of nowhere' })).toEqual([]);
    // punctuation only normalises to nothing: it must not match every name
    expect(await victims({ victim: '---' })).toEqual([]);
  });

  it('--actor understands aliases and spelling variants (BlackCat → ALPHV)', async () => {
    const alphv = await queryIncidents(store, { actor: 'ALPHV' });
    expect(alphv.length).toBeGreaterThan(0);
    for (const q of ['BlackCat', 'black cat', 'alphv']) {
      expect(
        (await queryIncidents(store, { actor: q })).map((i) => i.incident_id),
        q,
      ).toEqual(alphv.map((i) => i.incident_id));
    }
    expect((await queryIncidents(store, { actor: 'Lockbti' })).every((i) => i.actor === 'LockBit')).toBe(true);
  });

  it('combines dates, sector, type and minimum ransom', async () => {
    const rows = await queryIncidents(store, {
      since: '2022-10-01',
      until: '2022-11-30',
      minRansomUsd: 1_000_000,
      type: 'ransomware',
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const i of rows) {
      const d = i.attack_date ?? i.first_reported!;
      expect(d >= '2022-10-01' && d <= '2022-11-30', d).toBe(true);
      expect(i.ransom_demanded_usd!).toBeGreaterThanOrEqual(1_000_000);
      expect(i.attack_types).toContain('ransomware');
    }
    expect((await queryIncidents(store, { sector: 'insurer' })).map((i) => i.sector)).toEqual(
      expect.arrayContaining(['insurer']),
    );
    await expect(queryIncidents(store, { since: '1 March' })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('binds every value as a parameter: a quote in a filter is data, not SQL', async () => {
    const { sql, params } = buildIncidentQuery({ victim: "x' OR 1=1 --", country: "IN' --", actor: "a'b" });
    expect(sql).not.toContain('1=1');
    expect(params).toContain("x' OR 1=1 --");
    expect(await victims({ victim: "x' OR 1=1 --" })).toEqual([]);
  });
});

describe('full-text search', () => {
  it('"crore cryptocurrency" ranks the AIIMS incident first, with highlighted snippets', async () => {
    const hits = await queryIncidents(store, { text: 'crore cryptocurrency' });
    expect(hits[0].victim).toMatch(AIIMS);
    expect(hits[0].score!).toBeGreaterThan(hits[1].score!);
    const snippet = hits[0].snippets![0];
    expect(snippet.text.toLowerCase()).toContain('crore');
    const marked = snippet.highlights.map(([a, b]) => snippet.text.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['crore', 'cryptocurrency']));
  });

  it('the CLI prints the ranking as JSON with **marked** snippets', () => {
    const r = triage(demo.path, ['query', '--text', 'crore cryptocurrency', '--json', '--limit', '3']);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { victim: string; snippets: { doc_id: string; text: string }[] }[];
    expect(rows).toHaveLength(3);
    expect(rows[0].victim).toMatch(AIIMS);
    expect(rows[0].snippets[0].text).toMatch(/\*\*crore\*\*/i);
  });

  it('matches word forms through Porter stemming and combines with filters', async () => {
    const ids = async (text: string) => (await queryIncidents(store, { text })).map((h) => h.incident_id).sort();
    expect((await ids('hospitals')).length).toBeGreaterThan(0);
    expect(await ids('hospitals')).toEqual(await ids('hospital'));
    const hits = await queryIncidents(store, { text: 'hospitals', country: 'IN' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.country === 'IN')).toBe(true);
    expect(await queryIncidents(store, { text: 'qwertyuiop' })).toEqual([]);
  });
});

describe('read-only SQL', () => {
  it('runs a query', async () => {
    const sandbox = await openSandbox(demo.path);
    const rows: SqlRow[] = [];
    try {
      await runQuery(sandbox.conn, 'SELECT count(*) AS n FROM incidents', 10, (r) => rows.push(...r));
    } finally {
      sandbox.close();
    }
    expect(rows[0].n).toBeGreaterThan(20);
  });

  it('refuses DELETE with a clear message and a non-zero exit, and nothing changes', async () => {
    const before = (await store.one<{ n: number }>('SELECT count(*) AS n FROM incidents'))!.n;
    store.close();
    const r = triage(demo.path, ['query', '--sql', 'DELETE FROM incidents']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refused: --sql is read-only/);
    for (const sql of [
      "COPY incidents TO '/tmp/triage-should-not-exist.csv'",
      "ATTACH '/tmp/x.duckdb' AS x",
      'SELECT 1; DELETE FROM incidents',
    ]) {
      expect(triage(demo.path, ['query', '--sql', sql]).status, sql).toBe(2);
    }
    store = await Store.open(demo.path, { readOnly: true });
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM incidents'))!.n).toBe(before);
  });
});
