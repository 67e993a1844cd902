// Run safety through the real CLI in child processes: kill -9 in the middle of an ingest and run again → the
// same documents as an uninterrupted run, nothing duplicated; a second concurrent run is refused with exit 2.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store.ts';
import { hostileCatalogue, startHostileServer, type HostileServer } from '../support/hostile-server.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const ITEMS = 40;
let dir: string;
let server: HostileServer;
let catalogue: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-crash-'));
  // Each article answers after 25 ms, so a run lasts long enough to be killed in the middle.
  server = await startHostileServer({ manyItems: ITEMS, articleDelayMs: 25, bombBytes: 1 << 20 });
  catalogue = join(dir, 'sources.yaml');
  await writeFile(catalogue, hostileCatalogue(server.origin, ['many']));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function ingest(db: string): { child: ChildProcess; done: Promise<Exit> } {
  const child = spawn(
    process.execPath,
    [BIN, 'ingest', '--no-analyze', '--delay', '0', '--sources', catalogue, '--db', db],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const done = new Promise<Exit>((ok) => child.on('close', (code, signal) => ok({ code, signal, stderr })));
  return { child, done };
}

const articleRequests = () => server.log.filter((l) => l.startsWith('GET /a/')).length;

/** Resolves once the server has answered `n` more article requests (a trigger, not a timing assertion). */
async function afterArticles(n: number, exited: Promise<unknown>): Promise<void> {
  const target = articleRequests() + n;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (articleRequests() < target && !gone) await new Promise((r) => setTimeout(r, 5));
}

async function snapshot(db: string) {
  const store = await Store.open(db, { readOnly: true });
  try {
    return {
      documents: await store.all<{
        doc_id: string;
        version_id: string;
        url: string;
        content_hash: string;
        title: string;
      }>('SELECT doc_id, version_id, url, content_hash, title FROM documents ORDER BY doc_id'),
      versions: await store.count('document_versions'),
      feedItems: await store.count('feed_items'),
      pageFetches: (await store.one<{ n: number }>(
        `SELECT count(*) AS n FROM fetches WHERE url LIKE '%/a/%' AND status = 200`,
      ))!.n,
      failures: await store.count('failures'),
    };
  } finally {
    store.close();
  }
}

describe('crash safety and the run lock', () => {
  it('after SIGKILL mid-run, re-running yields the same documents as an uninterrupted run, without duplicates', async () => {
    const reference = join(dir, 'reference.duckdb');
    const clean = await ingest(reference).done;
    expect(clean.code, clean.stderr).toBe(0);
    const expected = await snapshot(reference);
    expect(expected.documents).toHaveLength(ITEMS);

    const crashed = join(dir, 'crashed.duckdb');
    for (const n of [7, 13]) {
      const { child, done } = ingest(crashed);
      await afterArticles(n, done);
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      const partial = await snapshot(crashed);
      expect(partial.documents.length).toBeLessThan(ITEMS); // really interrupted in the middle
    }
    const resumed = await ingest(crashed).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const got = await snapshot(crashed);
    expect(got.documents).toEqual(expected.documents);
    expect(got).toMatchObject({ versions: ITEMS, feedItems: ITEMS, pageFetches: ITEMS, failures: 0 });
  }, 120_000);

  it('a second concurrent run exits 2 with a clear message and leaves the first one undisturbed', async () => {
    const db = join(dir, 'locked.duckdb');
    server.pause();
    const first = ingest(db);
    // Once an article request arrives, the first run holds the database; it cannot finish before resume().
    let exited = false;
    void first.done.then(() => {
      exited = true;
    });
    const seen = server.arrived.length;
    while (server.arrived.length === seen && !exited) await new Promise((r) => setTimeout(r, 5));
    const second = await ingest(db).done;
    server.resume();
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/database is in use by another Triage process/);
    expect(second.stderr).toContain(db);
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
  }, 120_000);
});
