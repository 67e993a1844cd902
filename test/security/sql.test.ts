// `query --sql` cannot reach outside the store (issue 15 item 1). Every kind of statement, bare and wrapped, goes
// through the real command code on a real DuckDB file; the same list runs on the sandboxed connection with no
// statement check at all, so the safety is shown to lie in the sandbox. A loopback server counts requests, canary
// files show what would have been read, and the temp tree (database included) is hashed before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryLogger, systemClock } from '../../core/effects.ts';
import { describe as describeErr, exitCodeFor } from '../../core/errors.ts';
import { Store } from '../../store/store.ts';
import { openSandbox, SANDBOX_SETTINGS } from '../../store/sandbox.ts';
import { sqlCommand } from '../../bin/commands/sql.ts';
import { tempDir, treeChanges, treeHash, triageAsync } from './harness.ts';
import { hostileStatements, WRAPPERS, type Targets } from './sql-statements.ts';

const CANARY = 'canary-5e1f9b';
let t: Targets;
let server: Server;
let requests = 0;

beforeAll(async () => {
  const dir = tempDir('sql');
  const db = join(dir, 'store.duckdb');
  const outside = join(dir, 'outside.csv');
  writeFileSync(outside, `name,secret\nx,${CANARY}\n`);
  const store = await Store.open(db);
  await store.run("INSERT INTO sources (source_id, kind, url) VALUES ('s1', 'rss', 'https://example.org/feed')");
  store.close();
  server = createServer((_, res) => {
    requests++;
    res.end(`name,secret\nx,${CANARY}\n`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  t = { dir, db, outside, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

/** The command's own code in this process: the real sandbox, check, cap and output. */
async function runSql(sql: string, limit?: string) {
  const out: string[] = [];
  const log = memoryLogger();
  try {
    await sqlCommand({ db: t.db, log, clock: systemClock }, { sql, limit }, (s) => out.push(s));
    return { code: 0, message: '', stdout: out.join(''), log: log.lines };
  } catch (err) {
    return { code: exitCodeFor(err), message: describeErr(err), stdout: out.join(''), log: log.lines };
  }
}

/** `triage --db DB query --sql …` as a separate process (two at a time: the machine has two cores). */
const cli = (args: string[]) => triageAsync(['--db', t.db, ...args]);

async function inPairs<T, R>(items: T[], fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))));
  return out;
}

describe('query --sql through the command', () => {
  it('refuses every kind of statement, bare and wrapped, with exit 2, and nothing changes or is reached', async () => {
    const before = treeHash(t.dir);
    const cases = hostileStatements(t).flatMap(([kind, sql]) => WRAPPERS.map(([w, wrap]) => [kind, w, wrap(sql)]));
    expect(cases.length).toBeGreaterThan(300);
    let planned = 0;
    for (const [kind, w, sql] of cases) {
      const name = `${kind} / ${w}`;
      const r = await runSql(sql);
      // a plain EXPLAIN of a query only plans it (some table functions bind without reading): allowed, shown below
      // to have read nothing; everything else is refused
      if (r.code === 0 && w === 'explain' && kind.startsWith('SELECT')) planned++;
      else {
        expect(r.code, `${name}: ${sql} → ${r.message}`).toBe(2);
        expect(r.message, name).toMatch(/^(refused|SQL error|--sql takes exactly one statement)/);
      }
      expect(r.stdout, name).not.toContain(CANARY);
      expect(r.stdout, name).not.toMatch(/root:/);
    }
    expect(planned).toBeLessThan(cases.filter(([k, w]) => w === 'explain' && k.startsWith('SELECT')).length);
    expect(treeChanges(before, treeHash(t.dir))).toEqual([]);
    expect(requests).toBe(0);
  });

  it('runs queries, and DESCRIBE / SUMMARIZE / EXPLAIN of a query, with numbers as numbers', async () => {
    expect(JSON.parse((await runSql('SELECT count(*) AS n FROM sources')).stdout)).toEqual([{ n: 1 }]);
    for (const sql of [
      'DESCRIBE sources',
      'SUMMARIZE sources',
      'EXPLAIN SELECT * FROM sources',
      'EXPLAIN ANALYZE SELECT count(*) FROM sources',
      'WITH s AS (SELECT 1 AS x) SELECT * FROM s',
    ]) {
      const r = await runSql(sql);
      expect(r.code, `${sql}: ${r.message}`).toBe(0);
      expect(JSON.parse(r.stdout).length, sql).toBeGreaterThan(0);
    }
  });

  it('empty or blank SQL is a usage error, not the incident table', async () => {
    for (const sql of ['', '   ', '\n\t']) {
      const r = await runSql(sql);
      expect(r.code).toBe(2);
      expect(r.message).toMatch(/--sql needs a query/);
    }
  });

  it('cuts the result at --limit and says so; the default cap is 10,000 rows', async () => {
    const small = await runSql('SELECT range AS i FROM range(100)', '7');
    expect(JSON.parse(small.stdout).map((r: { i: number }) => r.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(small.log.join('\n')).toMatch(/cut at 7 rows/);
    const exact = await runSql('SELECT range AS i FROM range(7)', '7');
    expect(JSON.parse(exact.stdout)).toHaveLength(7);
    expect(exact.log.join('\n')).not.toMatch(/cut/);
    const big = await runSql('SELECT range AS i FROM range(50000000)');
    expect(JSON.parse(big.stdout)).toHaveLength(10_000);
    expect(big.log.join('\n')).toMatch(/cut at 10000 rows/);
    for (const bad of ['0', '-1', '1.5', 'many']) expect((await runSql('SELECT 1', bad)).code, bad).toBe(2);
  });

  it('a query past the memory limit fails cleanly (exit 2) and spills nothing to disk', async () => {
    const before = treeHash(t.dir);
    const r = await runSql('SELECT count(*) FROM (SELECT range, md5(range::VARCHAR) FROM range(60000000) ORDER BY 2)');
    expect(r.code, r.message).toBe(2);
    expect(r.message).toMatch(/memory/);
    expect(treeChanges(before, treeHash(t.dir))).toEqual([]);
  });
});

describe('the sandbox without any statement check', () => {
  const LOCKED = new Map(SANDBOX_SETTINGS.filter(([k]) => !['access_mode', 'memory_limit'].includes(k)));

  it('runs every statement unchecked: nothing outside is read or written and no setting moves', async () => {
    const before = treeHash(t.dir);
    const sandbox = await openSandbox(t.db);
    const settings = async () => {
      const r = await sandbox.conn.runAndReadAll(`SELECT name, value FROM duckdb_settings()
        WHERE name IN (${[...LOCKED.keys(), 'memory_limit'].map((k) => `'${k}'`).join(', ')})`);
      return new Map(r.getRowsJS().map(([k, v]) => [String(k), String(v)]));
    };
    const start = await settings();
    for (const [k, v] of LOCKED) expect(start.get(k), k).toBe(v);
    let refused = 0;
    try {
      for (const [kind, sql] of hostileStatements(t)) {
        for (const [w, wrap] of WRAPPERS) {
          try {
            const r = await sandbox.conn.runAndReadAll(wrap(sql));
            const text = JSON.stringify(r.getRowsJS(), (_, v) => (typeof v === 'bigint' ? Number(v) : v));
            expect(text, `${kind} / ${w}`).not.toContain(CANARY);
            expect(text, `${kind} / ${w}`).not.toMatch(/root:/);
          } catch {
            refused++;
            await sandbox.conn.run('ROLLBACK').catch(() => undefined); // a failure inside BEGIN aborts the transaction
          }
          expect(await settings(), `${kind} / ${w}`).toEqual(start);
        }
      }
    } finally {
      sandbox.close();
    }
    expect(refused).toBeGreaterThan(0);
    expect(treeChanges(before, treeHash(t.dir))).toEqual([]);
    expect(requests).toBe(0);
  });
});

describe('query --sql as a process', () => {
  it('exit codes and messages of the CLI; the database and the temp tree unchanged', async () => {
    const before = treeHash(t.dir);
    const refusals = [
      `EXPLAIN ANALYZE COPY (SELECT 'x') TO '${t.db}' (FORMAT csv)`,
      `COPY sources TO '${t.dir}/out.csv'`,
      "SELECT * FROM read_csv('/etc/passwd')",
      `SELECT * FROM read_csv('${t.url}/x.csv')`,
      'INSTALL httpfs',
      'SET enable_external_access = true',
      `ATTACH '${t.dir}/new.duckdb' AS n`,
      'SELECT 1; DELETE FROM sources',
      `EXPORT DATABASE '${t.dir}/export'`,
      '',
      '   ',
    ];
    const results = await inPairs(refusals, (sql) => cli(['query', '--sql', sql]));
    results.forEach((r, i) => {
      expect(r.status, `${refusals[i]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^triage: (refused|SQL error|--sql)/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    });
    const [big, csv] = await Promise.all([
      cli(['query', '--sql', 'SELECT * FROM range(50000000)']),
      cli(['query', '--sql', "SELECT range AS i, '=1+1' AS f FROM range(20)", '--csv', '--limit', '5']),
    ]);
    expect(big.status, big.stderr).toBe(0);
    expect(JSON.parse(big.stdout)).toHaveLength(10_000);
    expect(big.stderr).toMatch(/cut at 10000 rows/);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.trim().split('\n')).toHaveLength(6);
    expect(csv.stderr).toMatch(/cut at 5 rows/);
    expect(treeChanges(before, treeHash(t.dir))).toEqual([]);
    expect(readdirSync(t.dir).sort()).toEqual(['outside.csv', 'store.duckdb']);
    expect(requests).toBe(0);
  });
});
