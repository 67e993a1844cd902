// `triage watch` through the real CLI: a loopback source with a 1 s interval is polled three times, one log line
// per cycle; SIGTERM stops it cleanly (exit 0) and the database lock is released; a second writer is refused
// while it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../../store/store.ts';
import { startNewsSite, siteCatalogue, type NewsSite } from '../support/news-site.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
let site: NewsSite;
beforeAll(async () => {
  site = await startNewsSite();
  site.add('Riverside Valley Hospital', 'Spokane', '2023-03-13');
});
afterAll(async () => {
  await site?.close();
});

/** Waits for `cond`, checking every 50 ms, failing after `ms` (a bound, not a timing assertion). */
async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('triage watch', () => {
  it('polls a 1 s source three times, logs one line per cycle, stops on SIGTERM and releases the lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-watch-'));
    const sources = join(dir, 'sources.yaml');
    writeFileSync(sources, siteCatalogue(site.origin, '1s'));
    const db = join(dir, 't.duckdb');
    const child = spawn(process.execPath, [BIN, 'watch', '--sources', sources, '--out', join(dir, 'out'), '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.on('close', (code, signal) => done({ code, signal })),
    );
    const polls = () => site.log.filter((l) => l === 'GET /feed.xml').length;
    try {
      await until(() => polls() >= 3 && (stderr.match(/^watch: cycle \d+/gm) ?? []).length >= 3, 90_000, '3 polls');
      // while it runs, it holds the database: another writer is refused
      const busy = spawnSync(process.execPath, [BIN, 'analyze', '--db', db], {
        encoding: 'utf8',
        env: { ...process.env, TRIAGE_LOCK_WAIT_MS: '0' },
      });
      expect(busy.status, `${busy.stderr}\nwatch: ${stderr}`).toBe(2);
      expect(busy.stderr).toMatch(/in use by another/);
      // readers are not locked out: they read the snapshot each cycle publishes (the writer keeps its lock)
      const read = spawnSync(process.execPath, [BIN, 'incidents', '--json', '--db', db], { encoding: 'utf8' });
      expect(read.status, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout).map((i: { victim: string }) => i.victim)).toEqual(['Riverside Valley Hospital']);
    } finally {
      child.kill('SIGTERM');
    }
    const exit = await exited;
    expect(exit, stderr).toEqual({ code: 0, signal: null });
    expect(stdout).toBe('');
    const cycles = stderr.match(/^watch: cycle \d+ .*$/gm) ?? [];
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    expect(cycles[0]).toMatch(
      /cycle 1 in [\d.]+ s: 1 source polled, 1 new and 0 updated documents, .* 1 incidents, 1 alerts/,
    );
    expect(cycles[1]).toMatch(/cycle 2 .*0 new and 0 updated documents.*0 alerts/);
    // apart from the start and stop lines, one line per cycle
    const other = stderr.split('\n').filter((l) => l && !/^watch: /.test(l));
    expect(other).toEqual([]);
    expect(stderr).toMatch(/watch: SIGTERM: stopping after the current item/);
    expect(stderr).toMatch(/watch: stopped after \d+ cycles; database released/);
    // the lock is released: a writer opens the file at once
    const store = await Store.open(db);
    try {
      expect(Number((await store.one<{ n: number }>('SELECT count(*) AS n FROM incidents'))?.n)).toBe(1);
    } finally {
      store.close();
    }
    expect(readFileSync(join(dir, 'out', 'alerts.json'), 'utf8')).toContain('Riverside Valley Hospital');
  }, 150_000);
});
