// A document that never finishes cleaning (or extracting) must not stall `ingest --dir` (or `analyze`): the pool's
// time budget ends its worker thread, records the document as `timeout` in the real store, starts a fresh thread,
// and the run goes on. The stuck thread is real (a CPU loop that only terminating the thread can stop, see
// fixtures/stall-worker.mjs).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { Store } from '../../store/store.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { ingestPages } from '../../pipeline/ingest-dir.ts';
import { emptyStats } from '../../pipeline/ingest-stats.ts';
import { createPool } from '../../pipeline/pool.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { PROJECT } from '../../core/paths.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { tempDir, treeChanges, treeHash } from './harness.ts';

const ARTICLE = fileURLToPath(new URL('../fixtures/local-dir/hospital-a.txt', import.meta.url));
const WORKER = new URL('./fixtures/stall-worker.mjs', import.meta.url);

describe('worker pool time budget', () => {
  it('fails a stuck document as timeout, replaces its thread and stores the rest', async () => {
    const root = tempDir('budget');
    const dir = join(root, 'in');
    mkdirSync(dir);
    const text = readFileSync(ARTICLE, 'utf8');
    // In path order: a good page, the stuck one, a crashing one, and two more good pages that need a new thread.
    copyFileSync(ARTICLE, join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b-stuck.txt'), `${text}\nSTALL-CLEAN\n`);
    writeFileSync(join(dir, 'c-crash.txt'), `${text}\nCRASH-NOW\n`);
    copyFileSync(ARTICLE, join(dir, 'd.txt'));
    copyFileSync(ARTICLE, join(dir, 'e.txt'));
    writeFileSync(join(dir, 'f-slow-extract.txt'), `${text}\nSTALL-EXTRACT\n`);
    const before = treeHash(root, (rel) => rel.startsWith('out'));
    mkdirSync(join(root, 'out'));
    const store = await Store.open(join(root, 'out', 'triage.duckdb'));
    // One thread, so every page after the stuck one can only be cleaned by its replacement.
    const pool = createPool({ size: 1, taskTimeoutMs: 3000, workerUrl: WORKER });
    const clock = fixedClock('2023-06-01T00:00:00Z');
    const stats = emptyStats();
    try {
      await ingestPages({ store, clock, log: silentLogger, pool, batchSize: 2 }, readLocalDir(dir, { clock }), stats);
      const failures = await store.all<{ item: string; stage: string; reason: string; message: string }>(
        'SELECT item, stage, reason, message FROM failures ORDER BY item',
      );
      expect(failures.map((f) => [f.item, f.stage, f.reason])).toEqual([
        [join(dir, 'b-stuck.txt'), 'clean', 'timeout'],
        [join(dir, 'c-crash.txt'), 'clean', 'parse_error'],
      ]);
      expect(failures[0].message).toBe('clean took longer than 3 s; its worker was replaced');
      expect(failures[1].message).toBe('worker exited with code 7');
      const files = await store.all<{ file: string }>('SELECT file FROM documents ORDER BY file');
      const stored = ['a.txt', 'd.txt', 'e.txt', 'f-slow-extract.txt'];
      expect(files.map((f) => f.file)).toEqual(stored.map((f) => join(dir, f)));
      expect(stats).toMatchObject({ documents_new: 4, failures: 2, by_reason: { timeout: 1, parse_error: 1 } });
      expect((pool as unknown as { slots: unknown[] }).slots).toHaveLength(1);
      await pool.release();

      // The first extraction in a thread loads the reference data, so this budget is wider.
      const extracting = createPool({ size: 1, taskTimeoutMs: 15_000, workerUrl: WORKER });
      try {
        const reference = loadReference(PROJECT.reference);
        const done = await analyze({ store, clock, log: silentLogger, reference, pool: extracting, regulator: null });
        expect(done).toMatchObject({ extracted: 3, extraction_failures: 1 });
      } finally {
        await extracting.close();
      }
      const extractFailures = await store.all<{ item: string; reason: string; message: string }>(
        `SELECT item, reason, message FROM failures WHERE stage = 'extract'`,
      );
      expect(extractFailures).toEqual([
        {
          item: join(dir, 'f-slow-extract.txt'),
          reason: 'timeout',
          message: 'extract took longer than 15 s; its worker was replaced',
        },
      ]);
    } finally {
      await pool.close();
      store.close();
    }
    expect(
      treeChanges(
        before,
        treeHash(root, (rel) => rel.startsWith('out')),
      ),
    ).toEqual([]);
  });
});
